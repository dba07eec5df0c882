"""The parts every page shares: sitemap, robots.txt, favicon, error pages, meta tags, language switcher."""

from xml.etree import ElementTree

from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from agenda_pages.onboarding import get_or_create_centre_index
from tests.agenda_pages.factories import CentrePageFactory, EventPageFactory
from tests.home.factories import StandardPageFactory

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(client, **headers) -> set[str]:
    response = client.get("/sitemap.xml", **headers)
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)
    return {loc.text for loc in tree.findall("s:url/s:loc", SITEMAP_NS)}


def test_sitemap_lists_live_pages_of_both_languages(demo_site, client):
    urls = sitemap_urls(client)
    base = demo_site.root_url
    assert f"{base}/" in urls
    assert f"{base}/over-dit-platform/" in urls
    assert f"{base}/en/" in urls
    assert f"{base}/en/about/" in urls
    assert len(urls) == Page.objects.live().filter(depth__gte=2).count()


def test_sitemap_links_to_the_host_and_port_the_request_came_to(demo_site, client):
    """Not the port stored on the Site (the demo's 8000) when the site is served on another one."""
    urls = sitemap_urls(client, HTTP_HOST="127.0.0.1:8023")
    assert "http://127.0.0.1:8023/en/about/" in urls
    assert all(url.startswith("http://127.0.0.1:8023/") for url in urls)


def test_canonical_link_uses_the_host_and_port_the_request_came_to(demo_site, client):
    html = client.get("/en/about/", HTTP_HOST="127.0.0.1:8023").content.decode()
    assert '<link rel="canonical" href="http://127.0.0.1:8023/en/about/">' in html
    assert '<meta property="og:url" content="http://127.0.0.1:8023/en/about/">' in html


def test_sitemap_leaves_out_drafts_and_private_pages(demo_site, client):
    home = demo_site.root_page
    draft = StandardPageFactory(parent=home, title="Nog niet klaar", slug="nog-niet-klaar")
    draft.unpublish()
    private = StandardPageFactory(parent=home, title="Alleen voor medewerkers", slug="intern")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    urls = sitemap_urls(client)
    assert not any("nog-niet-klaar" in url or "intern" in url for url in urls)


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_favicon_redirects_to_the_static_file(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.ico")


def test_not_found_page_in_both_languages(demo_site, client):
    dutch = client.get("/bestaat-niet/")
    english = client.get("/en/does-not-exist/")
    assert dutch.status_code == english.status_code == 404
    assert '<html lang="nl">' in dutch.content.decode() and "Pagina niet gevonden" in dutch.content.decode()
    assert '<html lang="en">' in english.content.decode() and "Page not found" in english.content.decode()
    # The language switcher on a 404 leads to the other language's home page, not to another 404.
    assert 'href="/en/" hreflang="en"' in dutch.content.decode()


def test_server_error_page_renders_without_request_or_database():
    with translation.override("en"):
        html = render_to_string("500.html")
    assert "Something went wrong" in html
    assert '<html lang="en">' in html


def test_meta_description_and_open_graph(demo_site, client):
    html = client.get("/en/about/").content.decode()
    assert '<meta name="description" content="Who is behind this website' in html
    assert '<meta property="og:title" content="About this platform">' in html
    assert f'<meta property="og:url" content="{demo_site.root_url}/en/about/">' in html
    assert '<meta property="og:locale" content="en_GB">' in html


def test_language_switcher_links_to_the_translation(demo_site, client):
    html = client.get("/over-dit-platform/").content.decode()
    assert '<a href="/en/about/" hreflang="en" lang="en">English</a>' in html
    assert f'<link rel="alternate" hreflang="en" href="{demo_site.root_url}/en/about/">' in html
    html = client.get("/en/about/").content.decode()
    assert '<a href="/over-dit-platform/" hreflang="nl" lang="nl">Nederlands</a>' in html


def test_language_switcher_falls_back_to_the_home_page(demo_site, client):
    StandardPageFactory(parent=demo_site.root_page, title="Alleen Nederlands", slug="alleen-nederlands")
    html = client.get("/alleen-nederlands/").content.decode()
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html
    assert 'hreflang="en" href=' not in html  # no alternate link for a missing translation


def test_language_switcher_on_search_keeps_the_query(demo_site, client):
    html = client.get("/zoeken/", {"q": "agenda"}).content.decode()
    assert '<a href="/en/search/?q=agenda" hreflang="en" lang="en">English</a>' in html


def test_main_menu_marks_the_current_page(demo_site, client):
    html = client.get("/over-dit-platform/").content.decode()
    assert '<a href="/over-dit-platform/" aria-current="page">Over dit platform</a>' in html
    assert '<a href="/agenda/">Agenda</a>' in html


def test_main_menu_marks_the_agenda_on_an_event_page_and_centres_on_a_centre_page(demo_site, client):
    """An event sits under its centre in the page tree, but a visitor found it in the agenda."""
    centre = CentrePageFactory(parent=get_or_create_centre_index(), title="Inloophuis De Boei")
    event = EventPageFactory(parent=centre, title="Wandelgroep")

    def menu(url):
        html = client.get(url).content.decode()
        return html[html.index('class="site-nav"') : html.index("</nav>", html.index('class="site-nav"'))]

    on_event = menu(event.url)
    assert '<a href="/agenda/" aria-current="true">Agenda</a>' in on_event
    assert '<a href="/centra/">Centra</a>' in on_event
    on_centre = menu(centre.url)
    assert '<a href="/centra/" aria-current="true">Centra</a>' in on_centre
    assert '<a href="/agenda/">Agenda</a>' in on_centre


def test_footer_lists_service_pages(demo_site, client):
    html = client.get("/").content.decode()
    footer = html.split("<footer")[1]
    assert "Privacyverklaring" in footer and "Toegankelijkheidsverklaring" in footer
