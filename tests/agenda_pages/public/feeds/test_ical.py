"""``<agenda>/ical/``: the agenda's selection as a calendar subscription, read back by icalendar (with
recurring-ical-events) and by ical.js, as calendar apps would."""

import datetime as dt

import pytest
import recurring_ical_events
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from agenda_pages.models import EventOccurrence, ImportRun
from tests.agenda_pages.factories import FeedSourceFactory

from .conftest import NOW, PUBLISHED, at, expand_with_icaljs, make_event, weekly

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("route_cache_on_and_off")]

UTC = dt.UTC


def calendar_of(response) -> Calendar:
    assert response.status_code == 200, response.content[:500]
    return Calendar.from_ical(response.content)


def vevents(response) -> list:
    return list(calendar_of(response).walk("VEVENT"))


def summaries(response) -> list[str]:
    return sorted({str(vevent["SUMMARY"]) for vevent in vevents(response)})


def instances_with_icalendar(data: bytes) -> list[tuple[str, dt.datetime, str]]:
    calendar = Calendar.from_ical(data)
    found = recurring_ical_events.of(calendar).between(dt.datetime(2026, 1, 1), dt.datetime(2028, 12, 31))
    return sorted(
        (str(event["UID"]), event.decoded("DTSTART").astimezone(UTC), str(event["STATUS"])) for event in found
    )


def instances_with_icaljs(data: bytes) -> list[tuple[str, dt.datetime, str]]:
    return sorted(
        (item["uid"], dt.datetime.fromisoformat(item["start"]), item["status"]) for item in expand_with_icaljs(data)
    )


def test_a_series_across_the_change_of_the_clocks_is_one_entry_and_a_cancelled_date_says_so(client, agenda, centres):
    # Every Tuesday at 10:00 from 6 October to 24 November; the clocks go back on Sunday 25 October.
    starts = weekly(at(10, 6), 8)
    cancelled = starts[3]  # 27 October, the first Tuesday of winter time
    event = make_event(centres["utrecht"], "Wandelgroep", starts, cancelled={cancelled})

    response = client.get("/agenda/ical/")

    body = response.content.decode()
    assert "RRULE:FREQ=WEEKLY" in body and "BEGIN:VTIMEZONE" in body
    assert "EXDATE" not in body  # cancelled is not "gone": an override says it
    uid = f"event-{event.pk}-series@localhost"
    assert body.count(f"UID:{uid}") == 2
    [override] = [vevent for vevent in vevents(response) if "RECURRENCE-ID" in vevent]
    assert override.decoded("RECURRENCE-ID") == cancelled
    assert str(override["STATUS"]) == "CANCELLED"
    expected = [(uid, start.astimezone(UTC), "CANCELLED" if start == cancelled else "CONFIRMED") for start in starts]
    # 10:00 in Amsterdam is 08:00 UTC in summer time and 09:00 UTC after 25 October.
    assert expected[2][1] == dt.datetime(2026, 10, 20, 8, tzinfo=UTC)
    assert expected[3][1] == dt.datetime(2026, 10, 27, 9, tzinfo=UTC)
    assert instances_with_icalendar(response.content) == expected
    assert instances_with_icaljs(response.content) == expected


def test_single_dates_are_one_entry_each_with_the_uids_of_the_event_page(client, agenda, centres):
    event = make_event(centres["utrecht"], "Lezing", [at(10, 8), at(11, 19, 14)], cancelled={at(11, 19, 14)})

    response = client.get("/agenda/ical/")
    own = Calendar.from_ical(client.get(f"{event.url}calendar/").content)

    found = {str(vevent["UID"]): vevent for vevent in vevents(response)}
    assert set(found) == {str(vevent["UID"]) for vevent in own.walk("VEVENT")}
    assert set(found) == {f"event-{event.pk}-{start}@localhost" for start in ("20261008T080000Z", "20261119T130000Z")}
    assert [str(found[uid]["STATUS"]) for uid in sorted(found)] == ["CONFIRMED", "CANCELLED"]
    vevent = found[f"event-{event.pk}-20261008T080000Z@localhost"]
    assert str(vevent["URL"]) == f"http://testserver{event.url}"
    assert vevent.decoded("LAST-MODIFIED") == PUBLISHED
    assert vevent.decoded("DTSTAMP") == PUBLISHED
    assert vevent["SEQUENCE"] > 0
    assert instances_with_icaljs(response.content) == instances_with_icalendar(response.content)


def test_the_calendar_names_the_selection_and_says_how_often_to_look_again(client, agenda, centres):
    make_event(centres["utrecht"], "Wandelgroep", [at(10, 8)], themes=["bewegen"])

    response = client.get("/agenda/ical/?theme=bewegen&province=Utrecht")

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" not in response.get("Content-Disposition", "")
    assert response["Content-Disposition"] == 'inline; filename="agenda.ics"'
    calendar = calendar_of(response)
    assert str(calendar["X-WR-CALNAME"]) == "Agenda: Bewegen en sport, Utrecht"
    body = response.content.decode()
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT4H" in body
    assert "X-PUBLISHED-TTL:PT4H" in body
    assert not response.cookies
    # The address decides the language, not the browser's preference.
    dutch = client.get("/agenda/ical/?theme=bewegen&mode=online", HTTP_ACCEPT_LANGUAGE="en")
    assert str(calendar_of(dutch)["X-WR-CALNAME"]) == "Agenda: Bewegen en sport, Online"


def test_the_english_calendar_is_named_in_english_and_links_to_the_english_interface(client, english_agenda, centres):
    event = make_event(centres["utrecht"], "Wandelgroep", [at(10, 8)], themes=["bewegen"])

    response = client.get("/en/agenda/ical/?theme=bewegen&near=3512&radius=10&from=2026-10-06")

    calendar = calendar_of(response)
    assert str(calendar["X-WR-CALNAME"]) == (
        "Agenda: Exercise and sport, within 10 km of 3512 Utrecht, from 6 October 2026"
    )
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["URL"]) == f"http://testserver/en{event.url}"


def test_the_sequence_grows_with_a_published_change_and_with_a_cancellation_an_import_applies(client, agenda, centres):
    source = FeedSourceFactory(centre=centres["utrecht"])
    event = make_event(centres["utrecht"], "Lezing", [at(10, 8)], source=source)

    def sequence_and_status():
        [vevent] = vevents(client.get("/agenda/ical/"))
        return vevent["SEQUENCE"], str(vevent["STATUS"]), vevent.decoded("LAST-MODIFIED")

    first, status, _modified = sequence_and_status()
    assert status == "CONFIRMED"

    with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
        event.title = "Lezing (nieuwe spreker)"
        event.save_revision().publish()
        second, _status, modified = sequence_and_status()
    assert second > first and modified == NOW + dt.timedelta(hours=1)

    # An import cancels the live date in place, without publishing (agenda_pages.importing.persist).
    later = NOW + dt.timedelta(hours=2)
    EventOccurrence.objects.filter(page=event).update(status="cancelled")
    ImportRun.objects.create(source=source, started_at=later, finished_at=later, status="success", cancelled=1)
    with time_machine.travel(later + dt.timedelta(minutes=5), tick=False):
        third, status, modified = sequence_and_status()
    assert (status, third > second, modified) == ("CANCELLED", True, later)


def test_drafts_pending_changes_withdrawn_dates_and_private_pages_are_left_out(client, agenda, centres):
    make_event(centres["utrecht"], "Concept", [at(10, 8)], live=False)
    make_event(centres["utrecht"], "Teruggetrokken", [at(10, 8)]).occurrences.update(status="withdrawn")
    live = make_event(centres["utrecht"], "Lezing", [at(10, 8)])
    draft = live.get_latest_revision_as_object() if live.latest_revision else live
    draft.title = "Lezing (nog niet goedgekeurd)"
    draft.save_revision()
    private = make_event(centres["zwolle"], "Besloten groep", [at(10, 9)])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/agenda/ical/")

    assert summaries(response) == ["Lezing"]


def test_hostile_text_is_escaped_as_icalendar_text(client, agenda, centres):
    title = "Yoga, ontspanning; en \\ meer\nnieuwe regel <script>alert(1)</script>\x01\x1b"
    make_event(centres["utrecht"], title, [at(10, 8)], venue_name="Zaal; 1", address="Kerkstraat 5, Utrecht")

    response = client.get("/agenda/ical/")

    body = response.content.decode().replace("\r\n ", "")  # unfolded
    assert "SUMMARY:Yoga\\, ontspanning\\; en \\\\ meer\\nnieuwe regel <script>alert(1)</script>\r\n" in body
    assert "\x01" not in body and "\x1b" not in body
    [vevent] = vevents(response)
    assert str(vevent["SUMMARY"]) == "Yoga, ontspanning; en \\ meer\nnieuwe regel <script>alert(1)</script>"
    assert str(vevent["LOCATION"]) == "Zaal; 1, Kerkstraat 5, Utrecht"
    [instance] = expand_with_icaljs(response.content)
    assert instance["summary"] == str(vevent["SUMMARY"])


@pytest.fixture
def spread(centres):
    """Events to filter: themes, places, online or in person, dates."""
    make_event(centres["utrecht"], "Wandelgroep", [at(10, 8)], themes=["bewegen"], audience=["patients"])
    make_event(centres["utrecht"], "Online yoga", [at(10, 9)], themes=["ontspanning"], mode="online")
    make_event(centres["zwolle"], "Schilderen", [at(12, 1)], themes=["creatief"], audience=["relatives"])
    make_event(centres["zwolle"], "Volgend jaar", [at(11, 1, year=2027)])  # beyond the default 12 months


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", ["Online yoga", "Schilderen", "Wandelgroep"]),
        ("theme=bewegen&theme=creatief", ["Schilderen", "Wandelgroep"]),
        ("centre=het-baken", ["Schilderen"]),
        ("near=3512&radius=10", ["Online yoga", "Wandelgroep"]),
        ("near=Zwolle&radius=10", ["Schilderen"]),
        ("province=Overijssel", ["Schilderen"]),
        ("mode=online", ["Online yoga"]),
        ("mode=in-person", ["Schilderen", "Wandelgroep"]),
        ("audience=relatives", ["Schilderen"]),
        ("q=yoga", ["Online yoga"]),
        ("from=2026-10-09&to=2026-12-31", ["Online yoga", "Schilderen"]),
        ("to=2026-10-08", ["Wandelgroep"]),
        ("from=2026-11-15&to=2027-12-31", ["Schilderen", "Volgend jaar"]),  # "to" lifts the default window
    ],
)
def test_the_agenda_filters_apply(client, agenda, spread, query, expected):
    assert summaries(client.get(f"/agenda/ical/?{query}")) == expected


@pytest.mark.parametrize(
    "query",
    [
        "theme=bestaat-niet",
        "centre=nergens&near=Atlantis",
        "from=gisteren&to=2025-01-01",
        "mode=vliegend&show=alles&page=x",
        "onbekend=1&q=%00%01",
    ],
)
def test_an_unknown_or_malformed_value_is_dropped_not_an_error(client, agenda, spread, query):
    assert summaries(client.get(f"/agenda/ical/?{query}")) == ["Online yoga", "Schilderen", "Wandelgroep"]


def test_a_malformed_distance_is_the_default_distance(client, agenda, spread):
    assert summaries(client.get("/agenda/ical/?near=3512&radius=veel")) == ["Online yoga", "Wandelgroep"]


def test_the_query_count_does_not_grow_with_the_number_of_dates(client, agenda, centres, route_cache_on_and_off):
    def add(count, first=0):
        for n in range(first, first + count):
            centre = centres["utrecht" if n % 2 else "zwolle"]
            make_event(centre, f"Groep {n}", weekly(at(10, 6 + n % 7), 6), themes=["bewegen"])
            make_event(centre, f"Lezing {n}", [at(10, 8, 19) + dt.timedelta(days=n)], cancelled={})

    def count(url):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add(2)
    urls = ["/agenda/ical/", "/agenda/ical/?theme=bewegen&near=3512&radius=100"]
    for url in urls:
        client.get(url)  # Wagtail's site root paths, and the route cache when on
    small = [count(url) for url in urls]
    add(40, first=2)
    assert [count(url) for url in urls] == small
    assert len(vevents(client.get("/agenda/ical/"))) == 42 * 2
    # Routing (7 queries, 3 with the route cache), the names of the themes and centres, the dates, their
    # events, the events' centres, the import runs, the page history; the centres in range with a place.
    assert small == {"off": [14, 15], "on": [10, 11]}[route_cache_on_and_off]


def test_last_modified_is_the_latest_change_and_an_unchanged_calendar_has_the_same_bytes(client, agenda, centres):
    make_event(centres["utrecht"], "Lezing", [at(10, 8)])

    first = client.get("/agenda/ical/")
    with time_machine.travel(NOW + dt.timedelta(minutes=30), tick=False):
        again = client.get("/agenda/ical/")

    assert first.content == again.content
    # The event was made (and logged in the page history) at NOW.
    assert first["Last-Modified"] == http_date(NOW.timestamp())


def test_the_page_cache_keeps_the_calendar(client, agenda, centres, settings):
    settings.PAGE_CACHE_SECONDS = 300
    make_event(centres["utrecht"], "Lezing", [at(10, 8)])

    first = client.get("/agenda/ical/?theme=bewegen")
    second = client.get("/agenda/ical/?theme=bewegen")

    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert "Set-Cookie" not in second and not first.cookies
