import re
from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision, Site

from agenda_pages.models import AgendaIndexPage
from agenda_pages.onboarding import get_or_create_centre_index
from home.demo import load_demo_content
from home.demo_content import STANDARD_PAGES
from home.models import HomePage, StandardPage
from tests.home.factories import HomePageFactory, StandardPageFactory


def run_load_demo() -> str:
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_demo_builds_dutch_tree_with_english_translations(db):
    run_load_demo()
    homes = HomePage.objects.order_by("locale__language_code")
    assert [home.locale.language_code for home in homes] == ["en", "nl"]
    assert homes[0].translation_key == homes[1].translation_key
    assert Site.objects.get(is_default_site=True).root_page.specific == HomePage.objects.get(
        locale__language_code="nl"
    )
    for spec in STANDARD_PAGES:
        dutch = StandardPage.objects.get(slug=spec.nl.slug, locale__language_code="nl")
        english = dutch.get_translation(dutch.locale.__class__.objects.get(language_code="en"))
        assert english.title == spec.en.title
        assert english.live and dutch.live
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


def test_demo_runs_twice_without_duplicating(db):
    run_load_demo()
    counts = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())
    output = run_load_demo()
    assert (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()) == counts
    assert "nothing changed" in output


def test_demo_keeps_what_an_editor_changed(db):
    run_load_demo()
    page = StandardPage.objects.get(slug="privacyverklaring")
    page.title = "Privacy en cookies"
    page.save_revision().publish()
    run_load_demo()
    assert StandardPage.objects.get(pk=page.pk).title == "Privacy en cookies"


def test_home_cards_lead_to_pages_in_the_same_language(demo_site, client):
    html_nl = client.get("/").content.decode()
    html_en = client.get("/en/").content.decode()
    assert '<a href="/agenda/">Agenda</a>' in html_nl and "Bekijk de agenda" in html_nl
    assert '<a href="/en/agenda/">Agenda</a>' in html_en and "See the agenda" in html_en
    assert 'href="/over-de-netwerktoolbox/"' in html_nl
    assert 'href="/en/about-the-toolbox/"' in html_en
    assert "/en/" not in html_nl.split("<main")[1].split("</main>")[0]
    card_links = re.compile(r'<h3 class="card__title"><a href="([^"]*)">')
    assert card_links.findall(html_nl) == ["/agenda/", "/over-de-netwerktoolbox/", "/over-de-e-learning/"]
    assert card_links.findall(html_en) == ["/en/agenda/", "/en/about-the-toolbox/", "/en/about-the-e-learning/"]
    assert 'href="None"' not in html_nl + html_en


def test_demo_has_a_live_agenda_in_both_languages(demo_site):
    dutch = AgendaIndexPage.objects.get(locale__language_code="nl")
    english = AgendaIndexPage.objects.get(locale__language_code="en")
    assert (dutch.url, english.url) == ("/agenda/", "/en/agenda/")
    assert dutch.live and english.live and dutch.show_in_menus
    assert dutch.translation_key == english.translation_key
    assert dutch.get_parent().specific == demo_site.root_page.specific
    assert dutch.intro.startswith("Hier vindt u de activiteiten van alle centra")
    assert english.intro.startswith("Here you find the activities of all centres")
    assert not StandardPage.objects.filter(slug__in=["over-de-agenda", "about-the-agenda"]).exists()


def test_home_page_shows_upcoming_activities_before_the_cards(demo_site, client):
    for home, heading in (
        (HomePage.objects.get(locale__language_code="nl"), "Binnenkort"),
        (HomePage.objects.get(locale__language_code="en"), "Coming up"),
    ):
        types = [block.block_type for block in home.body]
        assert types.index("upcoming_activities") == types.index("cards") - 1
        upcoming = home.body[types.index("upcoming_activities")].value
        assert (upcoming["heading"], upcoming["number_of_items"]) == (heading, 3)
    html = client.get("/en/").content.decode()
    assert "<h2>Coming up</h2>" in html
    assert '<a href="/en/agenda/">' in html.split('class="upcoming-activities"')[1]


def test_credits_page_carries_the_postcode_data_attribution(demo_site, client):
    for path in ("/bronvermelding/", "/en/credits/"):
        html = client.get(path).content.decode()
        assert '<a href="https://www.geonames.org/">GeoNames</a>' in html
        assert "© " in html
        assert '<a href="https://creativecommons.org/licenses/by/4.0/">' in html and "CC BY 4.0" in html
        footer = html.split("<footer")[1]
        assert path in footer
    assert "aangepast" in client.get("/bronvermelding/").content.decode()
    assert "one entry per 4-digit postcode" in client.get("/en/credits/").content.decode()
    assert "Tekeningen van de centra" in client.get("/bronvermelding/").content.decode()
    assert "Drawings of the centres" in client.get("/en/credits/").content.decode()


def test_an_old_page_at_agenda_is_left_alone(empty_page_tree, root_page, locales):
    """A site made by an older demo, or an editor, may already have a page at /agenda/."""
    home = HomePageFactory(parent=root_page, locale=locales["nl"])
    old = StandardPageFactory(parent=home, title="Over de agenda", slug="agenda")
    old_revisions = Revision.objects.for_instance(old).count()

    load_demo_content()

    agenda = AgendaIndexPage.objects.get(locale=locales["nl"])
    assert agenda.slug == "activiteiten" and agenda.live
    old.refresh_from_db()
    assert (old.title, old.slug, old.live) == ("Over de agenda", "agenda", True)
    assert Revision.objects.for_instance(old).count() == old_revisions
    assert AgendaIndexPage.objects.get(locale=locales["en"]).slug == "agenda"


def test_demo_admin_exists_only_where_settings_allow_it(db, settings):
    settings.DEMO_ADMIN_PASSWORD = None
    output = run_load_demo()
    assert not get_user_model().objects.exists()
    assert "admin" not in output.lower()

    settings.DEMO_ADMIN_PASSWORD = "een-lang-demo-wachtwoord"
    output = run_load_demo()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("een-lang-demo-wachtwoord")
    assert "admin / een-lang-demo-wachtwoord" in output


def test_home_page_offers_a_search_near_a_place_for_activities_and_centres(demo_site, client):
    get_or_create_centre_index()  # as onboarding the demo centres makes it
    html_nl = client.get("/").content.decode()
    html_en = client.get("/en/").content.decode()

    assert "Zoek een centrum of activiteit bij u in de buurt" in html_nl
    assert '<form method="get" action="/agenda/">' in html_nl
    assert 'formaction="/centra/">Zoek centra</button>' in html_nl
    assert 'name="near" id="nearby-near" autocomplete="postal-code"' in html_nl
    assert '<form method="get" action="/en/agenda/">' in html_en
    assert 'formaction="/en/centra/">Find centres</button>' in html_en
    assert client.get("/centra/?near=3512").status_code == 200


def test_the_centres_index_is_in_the_main_menu(demo_site, client):
    get_or_create_centre_index()
    menu = client.get("/").content.decode().split('class="site-nav"')[1].split("</nav>")[0]

    assert 'href="/centra/"' in menu
