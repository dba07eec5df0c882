"""The public agenda at /agenda/: what it lists, how it filters, and that bad input never breaks it."""

import datetime as dt
import re
import zoneinfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agenda_pages import geo
from agenda_pages.models import Audience, EventOccurrence
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory
from tests.agenda_pages.factories import themes as theme_rows

# Every test runs with the route cache off and on (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("route_cache_on_and_off")]

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=AMSTERDAM)


def at(day: int, hour: int = 10, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def make_centre(index, title, postcode, **fields):
    location = geo.find_postcode(postcode)
    return CentrePageFactory(
        parent=index,
        title=title,
        postcode=postcode,
        latitude=location.latitude,
        longitude=location.longitude,
        province=location.province,
        **fields,
    )


@pytest.fixture
def centres(site_home):
    index = CentreIndexPageFactory(parent=site_home)
    return {
        "utrecht": make_centre(index, "Inloophuis De Boei", "3511 AB", slug="de-boei", city="Utrecht"),
        "zwolle": make_centre(index, "Centrum Het Baken", "8011 CW", slug="het-baken", city="Zwolle"),
        "maastricht": make_centre(index, "Toon Hermans Huis", "6211 AB", slug="toon-hermans", city="Maastricht"),
    }


def make_event(centre, title, starts, *, themes=(), audience=(), mode="in-person", status="scheduled", **fields):
    event = EventPageFactory(parent=centre, title=title, attendance_mode=mode, **fields)
    event.themes.add(*theme_rows(*themes))
    event.audience.set(Audience.objects.filter(code__in=audience))
    event.save()
    for start in starts:
        EventOccurrence.objects.create(page=event, start=start, end=start + dt.timedelta(hours=2), status=status)
    return event


def listed_titles(response) -> list[str]:
    return re.findall(r'class="occurrence__title"[^>]*>\s*<a [^>]*>([^<]+)</a>', response.content.decode())


def test_lists_upcoming_dates_soonest_first_grouped_by_day(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelen", [at(25), at(24, 14)])
    make_event(centres["zwolle"], "Schilderen", [at(24, 10), at(20)])  # the 20th has passed
    make_event(centres["zwolle"], "Yoga", [at(23, 6)])  # 6:00-8:00, over before now

    response = client.get("/agenda/")

    assert response.status_code == 200
    html = response.content.decode()
    assert listed_titles(response) == ["Schilderen", "Wandelen", "Wandelen"]
    assert "2 activiteiten, 3 data" in html
    days = re.findall(r'<h3 class="agenda-day">([^<]+)</h3>', html)
    assert days == ["dinsdag 24 november 2026", "woensdag 25 november 2026"]


def test_an_ongoing_date_is_still_listed(client, agenda, centres):
    make_event(centres["utrecht"], "Inloopochtend", [NOW - dt.timedelta(hours=1)])  # 8:00-10:00, now 9:00

    assert listed_titles(client.get("/agenda/")) == ["Inloopochtend"]


def test_drafts_and_withdrawn_dates_are_not_listed_but_cancelled_ones_are(client, agenda, centres):
    make_event(centres["utrecht"], "Concept", [at(24)], live=False)
    make_event(centres["utrecht"], "Teruggetrokken", [at(24)], status="withdrawn")
    make_event(centres["utrecht"], "Afgelast", [at(24)], status="cancelled")

    response = client.get("/agenda/")

    assert listed_titles(response) == ["Afgelast"]
    assert "Geannuleerd" in response.content.decode()


def test_twenty_to_a_page_and_pagination_keeps_the_filters(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelen", [at(24) + dt.timedelta(days=n) for n in range(45)], themes=["wandelen"])

    first = client.get("/agenda/?theme=wandelen")
    third = client.get("/agenda/?theme=wandelen&page=3")
    too_far = client.get("/agenda/?theme=wandelen&page=9")

    assert len(listed_titles(first)) == 20
    assert 'href="?theme=wandelen&amp;page=2"' in first.content.decode()
    assert len(listed_titles(third)) == 5
    assert too_far.status_code == 200
    assert len(listed_titles(too_far)) == 5
    assert "Pagina 9 bestaat niet; dit is de laatste pagina." in too_far.content.decode()


def test_the_theme_filter_counts_activities_and_leaves_out_themes_without_any(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelen in het park", [at(24), at(25), at(26)], themes=["Wandelen"])
    make_event(centres["zwolle"], "Yoga", [at(27)], themes=["Bewegen", "Wandelen"])
    make_event(centres["zwolle"], "Schilderen", [at(20)], themes=["Creatief"])  # before NOW: over

    def theme_labels(query=""):
        html = client.get(f"/agenda/?{query}").content.decode()
        return re.findall(r'name="theme" value="[^"]+"[^>]*> <label for="[^"]+">([^<]+)</label>', html)

    # An activity counts once, however many dates it has; a theme with nothing coming is left out.
    assert theme_labels() == ["Bewegen en sport (1)", "Wandelen (2)"]
    # Unless the visitor chose it (an old link), so it can be unticked.
    assert theme_labels("theme=creatief") == ["Bewegen en sport (1)", "Creatief (0)", "Wandelen (2)"]


def test_filters(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelen in het park", [at(24)], themes=["Wandelen"], audience=["patients"])
    make_event(
        centres["utrecht"],
        "Lotgenotencontact online",
        [at(26)],
        themes=["Praten"],
        audience=["relatives"],
        mode="online",
    )
    make_event(centres["zwolle"], "Schilderen", [at(27)], themes=["Creatief"], audience=["patients"], mode="mixed")
    make_event(centres["maastricht"], "Yoga", [at(28, month=12)], themes=["Bewegen", "Wandelen"])

    def titles(query):
        response = client.get(f"/agenda/?{query}")
        assert response.status_code == 200
        return listed_titles(response)

    assert titles("theme=wandelen") == ["Wandelen in het park", "Yoga"]
    assert titles("theme=praten&theme=creatief") == ["Lotgenotencontact online", "Schilderen"]
    assert titles("audience=patients") == ["Wandelen in het park", "Schilderen"]
    assert titles("centre=het-baken&centre=toon-hermans") == ["Schilderen", "Yoga"]
    assert titles("province=Limburg") == ["Yoga"]
    # Near a place: the dates there, then the online ones in a group of their own (test_agenda_distance.py).
    assert titles("near=3512&radius=25") == ["Wandelen in het park", "Lotgenotencontact online"]
    assert titles("near=Amersfoort&radius=100") == ["Wandelen in het park", "Schilderen", "Lotgenotencontact online"]
    assert titles("near=Maastricht&radius=5") == ["Yoga", "Lotgenotencontact online"]
    assert titles("near=Maastricht&radius=5&mode=in-person") == ["Yoga"]
    assert titles("from=2026-11-26&to=2026-11-27") == ["Lotgenotencontact online", "Schilderen"]
    assert titles("from=2026-12-01") == ["Yoga"]
    assert titles("mode=online") == ["Lotgenotencontact online", "Schilderen"]
    assert titles("mode=in-person") == ["Wandelen in het park", "Schilderen", "Yoga"]
    assert titles("q=park") == ["Wandelen in het park"]
    assert titles("q=PARK wandelen") == ["Wandelen in het park"]
    assert titles("q=park&theme=creatief") == []


def test_the_form_shows_the_choices_made(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelen", [at(24)], themes=["Wandelen"])

    html = client.get("/agenda/?theme=wandelen&near=utrecht&radius=50&mode=online&from=2026-12-01").content.decode()

    assert 'value="wandelen" checked' in html
    assert 'name="near" value="utrecht"' in html
    assert '<option value="50" selected>' in html
    assert 'value="online" checked' in html
    assert 'name="from" value="2026-12-01"' in html
    assert "Online activiteiten zijn overal te volgen; de afstand telt daarvoor niet." in html
    assert "Binnen 50 km van Utrecht." in client.get("/agenda/?near=utrecht&radius=50").content.decode()


def test_an_empty_result_says_what_to_do(client, agenda, centres):
    response = client.get("/agenda/?near=9711&radius=5")

    html = response.content.decode()
    assert response.status_code == 200
    assert "0 activiteiten" in html
    assert "Kies minder, een grotere afstand of andere data." in html


def test_an_unknown_postcode_says_so(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelen", [at(24)])

    response = client.get("/agenda/?near=1099")

    assert response.status_code == 200
    assert "Wij kennen de postcode 1099 niet." in response.content.decode()
    assert listed_titles(response) == ["Wandelen"]  # the bad filter is dropped, not the agenda


@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "page=99999999999999999999",
        "from=2026-02-30",
        "from=9999-12-31",
        "to=0001-01-01",
        "radius=1e9&near=3512",
        "near=%00",
        "q=%00%ff",
        "near=" + "9" * 5000,
        "theme=" + "&theme=".join(str(n) for n in range(300)),
        "centre=<script>alert(1)</script>",
        "q=%25%27%22%3B--",
        "province=",
        "mode=&audience=&near=&radius=",
    ],
)
def test_hostile_or_malformed_queries_never_break_the_page(client, agenda, centres, query):
    make_event(centres["utrecht"], "Wandelen", [at(24)])

    response = client.get(f"/agenda/?{query}")

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_events(centres, count, first=0):
    per_centre = list(centres.values())
    for n in range(first, first + count):
        make_event(
            per_centre[n % len(per_centre)],
            f"Activiteit {n}",
            [at(24) + dt.timedelta(hours=n)],
            themes=["Wandelen", f"thema-{n % 7}"],
            audience=["patients"],
        )


# With the route cache on, Wagtail's site and page lookups (five queries) become one for the page.
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/agenda/", {"off": 20, "on": 16}),
        ("/agenda/?page=2", {"off": 20, "on": 16}),
        ("/agenda/?theme=wandelen&audience=patients&mode=in-person&q=activiteit", {"off": 20, "on": 16}),
        # Two more: the centres in range, and those of the online group (counted; these events are all on location)
        ("/agenda/?near=3512&radius=100&province=Utrecht", {"off": 23, "on": 19}),
        ("/agenda/?show=activities", {"off": 21, "on": 17}),  # one more: the next date of each activity
    ],
)
def test_query_count_does_not_grow_with_the_number_of_events(
    client, agenda, centres, django_assert_num_queries, url, expected, route_cache_on_and_off
):
    add_events(centres, 10)
    client.get(url)  # warm Wagtail's per-process caches (site root paths) and, if on, the route cache
    with django_assert_num_queries(expected[route_cache_on_and_off]):
        client.get(url)

    add_events(centres, 90, first=10)
    with django_assert_num_queries(expected[route_cache_on_and_off]):
        response = client.get(url)
    assert len(listed_titles(response)) == 20


def test_the_english_agenda_lists_the_same_events_with_english_text(client, english_agenda, centres):
    event = make_event(centres["utrecht"], "Wandelen", [at(24)], themes=["Wandelen"])

    response = client.get("/en/agenda/?near=Atlantis")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert listed_titles(response) == ["Wandelen"]  # the event's own text stays Dutch
    assert "1 activity found" in html
    assert "We do not know the place Atlantis" in html
    assert f'href="/en{event.url}"' in html


def test_an_untranslated_page_is_served_with_the_english_interface(client, english_agenda, centres):
    event = make_event(centres["utrecht"], "Wandelen", [at(24)])

    response = client.get(f"/en{event.url}")

    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert f'href="/en{centres["utrecht"].url}"' in html  # the organiser, in English too
    assert f'<link rel="canonical" href="http://testserver{event.url}">' in html  # Dutch address, asked host
    assert client.get("/en/bestaat-niet/").status_code == 404


def test_an_all_day_date_without_an_end_is_listed_all_day(client, agenda, centres):
    event = make_event(centres["utrecht"], "Open dag", [])
    EventOccurrence.objects.create(page=event, start=at(23, 0), all_day=True)  # today, from midnight; now 9:00

    response = client.get("/agenda/")

    assert listed_titles(response) == ["Open dag"]
    assert "hele dag" in response.content.decode()


@pytest.fixture
def fragment_cache(settings):
    settings.FRAGMENT_CACHE_SECONDS = 60


def test_a_repeated_listing_comes_from_the_fragment_cache(
    client, agenda, centres, fragment_cache, route_cache_on_and_off
):
    make_event(centres["utrecht"], "Wandelen", [at(24)], themes=["Wandelen"])
    first = client.get("/agenda/?theme=wandelen")

    with CaptureQueriesContext(connection) as queries:
        again = client.get("/agenda/?theme=wandelen")

    assert again.content == first.content
    # Only routing is left (Wagtail's, or with the route cache on the remembered page's): no filter
    # choices, count, dates, themes, centres, menu or footer.
    assert len(queries) == {"off": 7, "on": 3}[route_cache_on_and_off]
    read_tables = ("agenda_pages_eventoccurrence", "agenda_pages_centrepage", "taggit_tag")
    assert not [query for query in queries if any(table in query["sql"] for table in read_tables)]


def test_the_listing_cache_is_per_filter_set_and_language(client, agenda, centres, english_agenda, fragment_cache):
    make_event(centres["utrecht"], "Wandelen", [at(24)], themes=["Wandelen"])
    make_event(centres["zwolle"], "Schilderen", [at(25)], themes=["Creatief"])

    assert listed_titles(client.get("/agenda/")) == ["Wandelen", "Schilderen"]
    assert listed_titles(client.get("/agenda/?theme=creatief")) == ["Schilderen"]
    assert listed_titles(client.get("/agenda/?theme=creatief&theme=wandelen")) == ["Wandelen", "Schilderen"]
    assert "2 activities" in client.get("/en/agenda/").content.decode()
    assert "2 activiteiten" in client.get("/agenda/").content.decode()


def test_publishing_an_event_makes_the_cached_listing_stale(
    client, agenda, centres, fragment_cache, django_capture_on_commit_callbacks
):
    make_event(centres["utrecht"], "Wandelen", [at(24)])
    assert listed_titles(client.get("/agenda/")) == ["Wandelen"]

    draft = make_event(centres["utrecht"], "Schilderen", [at(25)], live=False)
    assert listed_titles(client.get("/agenda/")) == ["Wandelen"]  # a draft: nothing to show yet
    with django_capture_on_commit_callbacks(execute=True):  # the version is bumped once committed
        draft.save_revision().publish()

    assert listed_titles(client.get("/agenda/")) == ["Wandelen", "Schilderen"]
