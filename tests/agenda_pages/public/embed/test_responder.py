"""The embeddable agenda at /agenda/embed/: what it lists, that any site may frame it (and only it),
that the host's look stays within bounds, and that it costs the same queries at any size."""

import base64
import datetime as dt
import hashlib
import re
from html import unescape

import pytest
import time_machine
from wagtail.models import PageViewRestriction

from agenda_pages.models import EventOccurrence
from agenda_pages.public.embed.look import EmbedLook
from agenda_pages.public.embed.responder import content_security_policy
from tests.agenda_pages.factories import CentreIndexPageFactory
from tests.agenda_pages.public.test_agenda_page import AMSTERDAM, at, make_centre, make_event

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("route_cache_on_and_off")]

NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=AMSTERDAM)
EMBED = "/agenda/embed/"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def centres(site_home):
    index = CentreIndexPageFactory(parent=site_home)
    return {
        "utrecht": make_centre(index, "Inloophuis De Boei", "3511 AB", slug="de-boei", city="Utrecht"),
        "zwolle": make_centre(index, "Centrum Het Baken", "8011 CW", slug="het-baken", city="Zwolle"),
    }


def titles(response) -> list[str]:
    html = response.content.decode()
    return [unescape(title) for title in re.findall(r'class="embed-item__title"><a [^>]*>([^<]*)<span', html)]


def style_of(response) -> str:
    return re.search(r"<style>(.*?)</style>", response.content.decode(), re.S).group(1)


def test_lists_the_next_dates_compactly_with_links_to_our_pages_in_a_new_tab(client, agenda, centres):
    walk = make_event(centres["utrecht"], "Wandelen", [at(25), at(24, 14)])
    make_event(centres["zwolle"], "Schilderen", [at(24, 10), at(20)])  # the 20th has passed
    make_event(centres["zwolle"], "Afgelast", [at(26)], status="cancelled")

    response = client.get(EMBED)

    html = response.content.decode()
    assert response.status_code == 200
    assert titles(response) == ["Schilderen", "Wandelen", "Wandelen", "Afgelast"]
    assert "dinsdag 24 november</time>,\n" in html
    assert "van 14:00 tot 16:00 uur" in html
    new_tab = '<span class="visually-hidden"> (opent in nieuw venster)</span></a>'
    assert f'<a href="{walk.url}" target="_blank" rel="noopener">Wandelen{new_tab}' in html
    assert "Inloophuis De Boei, Utrecht" in html  # several centres: each date names its own
    assert f'Afgelast{new_tab} <strong class="embed-badge">Geannuleerd</strong>' in html
    assert html.count("embed-item--cancelled") == 1
    # No site header, menu, footer or form; the full agenda in a new tab at the bottom.
    assert "site-header" not in html and "<form" not in html and '<nav class="site-nav' not in html
    assert '<a href="http://testserver/agenda/" target="_blank" rel="noopener">Meer activiteiten op testserver' in html


def test_one_centre_is_not_named_on_every_date_and_the_filters_carry_over(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelen", [at(24)], themes=["Wandelen"])
    make_event(centres["zwolle"], "Schilderen", [at(24)])

    response = client.get(f"{EMBED}?centre=de-boei&theme=wandelen")

    html = response.content.decode()
    assert titles(response) == ["Wandelen"]
    assert "Inloophuis De Boei, Utrecht" not in html
    assert "<title>Agenda van Inloophuis De Boei | testserver</title>" in html
    assert 'href="http://testserver/agenda/?theme=wandelen&amp;centre=de-boei" target="_blank"' in html


def test_each_activity_once(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelen", [at(24), at(25), at(26)])
    make_event(centres["zwolle"], "Schilderen", [at(25, 14)])

    response = client.get(f"{EMBED}?show=activities")

    assert titles(response) == ["Wandelen", "Schilderen"]
    assert 'embed-item__meta">Elke dag · Inloophuis De Boei' in response.content.decode()


def test_pages_of_the_chosen_size_keep_the_filters_and_the_look(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelen", [at(24) + dt.timedelta(days=n) for n in range(25)])
    query = "centre=de-boei&items=10&accent=1a6b4f"

    first = client.get(f"{EMBED}?{query}")
    third = client.get(f"{EMBED}?{query}&page=3")
    too_far = client.get(f"{EMBED}?{query}&page=9")

    assert len(titles(first)) == 10
    assert 'href="?centre=de-boei&amp;accent=1a6b4f&amp;page=2" rel="next"' in first.content.decode()
    assert 'rel="prev"' not in first.content.decode()  # items=10 is the default, so it is left out
    assert len(titles(third)) == 5
    assert 'href="?centre=de-boei&amp;accent=1a6b4f&amp;page=2" rel="prev"' in third.content.decode()
    assert 'rel="next"' not in third.content.decode()
    assert titles(too_far) == []
    assert 'Er zijn geen activiteiten meer. <a href="?centre=de-boei&amp;accent=1a6b4f">' in too_far.content.decode()


def test_never_shows_drafts_pending_changes_withdrawn_dates_or_private_pages(client, agenda, centres, site_home):
    make_event(centres["utrecht"], "Zichtbaar", [at(24)])
    make_event(centres["utrecht"], "Concept", [at(24)], live=False)
    make_event(centres["utrecht"], "Teruggetrokken", [at(24)], status="withdrawn")
    pending = make_event(centres["utrecht"], "Gepubliceerd", [at(25)])
    pending.title = "Wijziging wacht op beoordeling"
    pending.occurrences.add(EventOccurrence(start=at(27), end=at(27, 12)))
    pending.save_revision()  # waiting for review: the live page keeps its title and dates
    private = make_event(centres["utrecht"], "Besloten", [at(24)])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    private_centre = make_centre(centres["utrecht"].get_parent(), "Besloten huis", "3512", slug="besloten")
    make_event(private_centre, "Onder besloten centrum", [at(24)])
    PageViewRestriction.objects.create(
        page=private_centre, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )

    response = client.get(f"{EMBED}?items=20")

    assert titles(response) == ["Zichtbaar", "Gepubliceerd"]
    assert "27 november" not in response.content.decode()


def test_hostile_text_is_escaped(client, agenda, centres):
    make_event(centres["utrecht"], '<script>alert("x")</script>Wandelen', [at(24)])
    centres["zwolle"].title = '"><img src=x onerror=alert(1)>'
    centres["zwolle"].save_revision().publish()
    make_event(centres["zwolle"], "Schilderen", [at(25)])

    html = client.get(EMBED).content.decode()
    bad_filters = client.get(f'{EMBED}?centre=<script>&q="><b>').content.decode()

    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;Wandelen" in html
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<script>" not in bad_filters and "<b>" not in bad_filters
    assert "Het centrum &lt;script&gt; bestaat niet; het is weggelaten." in bad_filters


def test_frameable_by_any_site_without_a_cookie_while_the_rest_of_the_site_is_not(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelen", [at(24)])

    embed = client.get(f"{EMBED}?centre=de-boei")
    agenda_page = client.get("/agenda/")
    generator = client.get(f"{EMBED}?generator=1&centre=de-boei")

    assert embed["Content-Security-Policy"] == content_security_policy(EmbedLook().style_sheet)
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert "unsafe-inline" not in embed["Content-Security-Policy"]
    assert "X-Frame-Options" not in embed
    assert not embed.cookies
    assert "csrfmiddlewaretoken" not in embed.content.decode()
    for response in (agenda_page, generator):
        assert response["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_policy_allows_exactly_the_looks_inline_style(client, agenda):
    html = client.get(f"{EMBED}?accent=1a6b4f&size=large").content.decode()
    policy = client.get(f"{EMBED}?accent=1a6b4f&size=large")["Content-Security-Policy"]

    style = re.search(r"<style>(.*?)</style>", html)[1]
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert "--embed-accent: #1a6b4f" in style and "21px" in style
    assert f"style-src 'self' 'sha256-{digest}';" in policy


def test_stored_copies_keep_the_framing_headers(client, agenda, centres, settings):
    settings.PAGE_CACHE_SECONDS = 300
    make_event(centres["utrecht"], "Wandelen", [at(24)])

    first, stored = client.get(EMBED), client.get(EMBED)
    client.get("/agenda/")
    stored_agenda = client.get("/agenda/")

    assert (first["X-Page-Cache"], stored["X-Page-Cache"]) == ("miss", "hit")
    assert stored.content == first.content
    assert stored["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "frame-ancestors *" in stored["Content-Security-Policy"]
    assert "X-Frame-Options" not in stored
    assert stored_agenda["X-Page-Cache"] == "hit"
    assert stored_agenda["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in stored_agenda["Content-Security-Policy"]


@pytest.mark.parametrize(
    ("query", "accent"),
    [
        ("accent=1a6b4f", "#1a6b4f"),
        ("accent=%231A6B4F", "#1a6b4f"),
        ("accent=red;}body{display:none", "#6a1b5d"),
        ("accent=1a6b4f;}body{display:none}", "#6a1b5d"),
        ("accent=ffff00", "#6a1b5d"),  # yellow: 1.1:1 on white
        ("accent=767676", "#767676"),  # 4.54:1, just enough
        ("accent=777777", "#6a1b5d"),  # 4.48:1, just too light
        ("accent=1a6b4", "#6a1b5d"),
        ("accent=</style><script>alert(1)</script>", "#6a1b5d"),
        ("accent=", "#6a1b5d"),
    ],
)
def test_a_host_colour_is_used_only_when_it_keeps_aa_contrast(client, agenda, query, accent):
    response = client.get(f"{EMBED}?{query}")

    assert style_of(response) == f":root {{ --embed-accent: {accent}; --embed-font-size: 18px; }}"
    assert "<script>alert" not in response.content.decode()
    assert "kent de instelling" not in response.content.decode()  # "does not know the setting"


@pytest.mark.parametrize(
    ("query", "font_size", "items"),
    [
        ("size=small", 16, 10),
        ("size=large&items=3", 21, 3),
        ("size=huge&items=0", 18, 10),
        ("size=1000px&items=999", 18, 10),
        ("size=large;}&items=²", 18, 10),
        ("items=20", 18, 20),
        ("items=-3", 18, 10),
    ],
)
def test_font_size_and_number_within_bounds(client, agenda, centres, query, font_size, items):
    make_event(centres["utrecht"], "Wandelen", [at(24) + dt.timedelta(days=n) for n in range(30)])

    response = client.get(f"{EMBED}?{query}")

    assert f"--embed-font-size: {font_size}px;" in style_of(response)
    assert len(titles(response)) == items


def test_an_unknown_setting_is_still_named(client, agenda):
    html = client.get(f"{EMBED}?colour=red&accent=123456").content.decode()

    assert "Deze pagina kent de instelling colour niet" in html
    assert "accent" not in html.split("kent de instelling", 1)[1].split("</li>", 1)[0]


def test_the_english_embed_keeps_the_reader_in_english(client, english_agenda, centres):
    event = make_event(centres["utrecht"], "Wandelen", [at(24)])

    html = client.get("/en/agenda/embed/?centre=de-boei").content.decode()

    assert '<html lang="en">' in html
    assert f'href="/en{event.url}" target="_blank"' in html
    assert "(opens in a new window)" in html
    assert "More activities on testserver" in html
    assert 'href="http://testserver/en/agenda/?centre=de-boei"' in html


def add_dates(centres, count: int) -> None:
    """``count`` upcoming dates of twenty weekly groups (one in ten cancelled), written in bulk."""
    events = [make_event(list(centres.values())[n % 2], f"Groep {n}", [], themes=["Wandelen"]) for n in range(20)]
    EventOccurrence.objects.bulk_create(
        [
            EventOccurrence(
                page=events[n % 20],
                sort_order=n // 20,
                start=at(24) + dt.timedelta(weeks=n // 20, hours=n % 20),
                end=at(24) + dt.timedelta(weeks=n // 20, hours=n % 20 + 1),
                status="cancelled" if n % 10 == 0 else "scheduled",
            )
            for n in range(count)
        ],
        batch_size=500,
    )


# Routing (seven queries without the route cache, three with it), the page of dates (one row more
# than shown), and their rhythm, themes and centres. No count, and no lists of every theme and centre.
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"off": 11, "on": 7}),
        ("page=3&items=20&accent=1a6b4f&size=large", {"off": 11, "on": 7}),
        ("centre=de-boei", {"off": 13, "on": 9}),  # the centre named, and the dates below it
        ("centre=de-boei&theme=wandelen", {"off": 14, "on": 10}),  # and the theme named
        ("show=activities", {"off": 12, "on": 8}),  # the next date of each activity
    ],
)
@pytest.mark.parametrize("dates", [100, 10_000])
def test_the_same_queries_at_100_and_10000_dates(
    client, agenda, centres, django_assert_num_queries, route_cache_on_and_off, query, expected, dates
):
    add_dates(centres, dates)
    url = f"{EMBED}?{query}"
    client.get(url)  # warm Wagtail's per-process caches (site root paths) and, if on, the route cache

    with django_assert_num_queries(expected[route_cache_on_and_off]):
        response = client.get(url)

    assert len(titles(response)) == (20 if "items=20" in query else 10)
