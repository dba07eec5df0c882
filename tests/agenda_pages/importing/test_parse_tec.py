import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

from agenda_pages.importing.parse_tec import parse_tec
from agenda_pages.importing.types import (
    AMSTERDAM,
    AttendanceMode,
    FeedFormat,
    FeedParseError,
    ParsedOccurrence,
    ParseLimits,
)

FILES = Path(__file__).parent / "files" / "tec"
LIMITS = ParseLimits(window_start=datetime(2026, 1, 1, tzinfo=UTC), window_end=datetime(2027, 1, 1, tzinfo=UTC))


def page(*events, **extra) -> bytes:
    return json.dumps({"events": list(events), **extra}).encode()


def event(**fields) -> dict:
    return {
        "id": 7,
        "global_id": "example.org?id=7",
        "title": "Yoga",
        "start_date": "2026-05-01 10:00:00",
        "end_date": "2026-05-01 11:00:00",
        "utc_start_date": "2026-05-01 08:00:00",
        "utc_end_date": "2026-05-01 09:00:00",
        "timezone": "Europe/Amsterdam",
        "venue": [],
        **fields,
    }


@pytest.fixture(scope="module")
def handwritten():
    return parse_tec((FILES / "handwritten_page_1.json").read_bytes(), limits=LIMITS)


def test_timed_event_maps_every_field(handwritten):
    walk = handwritten.events[0]
    assert handwritten.format == FeedFormat.TEC_JSON
    assert walk.uid == "centrum.example?id=1017"
    assert walk.source_post_id == "1017"
    assert walk.title == "Wandelen \u2013 samen & in beweging"
    assert walk.description == "<p>Elke week wandelen.</p>\n<script>alert(1)</script>"  # sanitised later
    assert walk.description_is_html is True
    assert walk.url == "https://centrum.example/agenda/wandelen-na-kanker/"
    assert walk.occurrences == (
        ParsedOccurrence(
            start=datetime(2026, 3, 10, 13, 0, tzinfo=UTC), end=datetime(2026, 3, 10, 14, 30, tzinfo=UTC)
        ),
    )
    assert walk.cost == "€ 5"
    assert walk.registration_url == "https://centrum.example/aanmelden"
    assert walk.image_url == "https://centrum.example/wp-content/uploads/wandelen.jpg"
    assert walk.venue_name == "Inloophuis De Boei"
    assert walk.address == "Kerkstraat 1, 3511 AA Utrecht"
    assert walk.categories == ("Bewegen", "Lotgenoten & naasten")
    assert walk.attendance_mode == AttendanceMode.IN_PERSON
    assert walk.last_modified == datetime(2026, 2, 1, 9, 15, tzinfo=UTC)


def test_all_day_event_spans_amsterdam_midnights_with_exclusive_end(handwritten):
    open_day = handwritten.events[1]
    assert open_day.uid == "centrum.example?id=1018"
    assert open_day.occurrences == (
        ParsedOccurrence(
            start=datetime(2026, 3, 28, tzinfo=AMSTERDAM), end=datetime(2026, 3, 30, tzinfo=AMSTERDAM), all_day=True
        ),
    )
    assert (open_day.image_url, open_day.venue_name, open_day.address) == ("", "", "")


def test_virtual_event_without_venue_is_online_and_uid_falls_back_to_post_id(handwritten):
    webinar = handwritten.events[2]
    assert webinar.uid == "tec-1019"
    assert webinar.attendance_mode == AttendanceMode.ONLINE
    assert webinar.online_url == "https://meet.example/voeding"


def test_bad_items_are_warned_about_and_past_events_dropped_silently(handwritten):
    assert [e.uid for e in handwritten.events] == ["centrum.example?id=1017", "centrum.example?id=1018", "tec-1019"]
    assert [(w.uid, w.message) for w in handwritten.warnings] == [
        (
            "centrum.example?id=1020",
            "Event centrum.example?id=1020 was skipped: its start_date '10-03-2026 14:00' is not a date like "
            "2025-01-31 20:00:00.",
        ),
        ("item 6", "Event item 6 was skipped: it is a str, not an object."),
    ]


def test_next_page_and_totals_are_reported(handwritten):
    assert handwritten.next_page_url == "https://centrum.example/wp-json/tribe/events/v1/events?page=2"
    assert handwritten.extra == {"total": 12, "total_pages": 2}


def test_virtual_event_with_venue_is_mixed():
    venue = {"venue": "Buurthuis", "address": "Dorpsstraat 2", "city": "Ede", "zip": "", "country": "NL"}
    result = parse_tec(page(event(is_virtual=True, virtual_url="https://meet.example/x", venue=venue)), limits=LIMITS)
    (parsed,) = result.events
    assert parsed.attendance_mode == AttendanceMode.MIXED
    assert (parsed.venue_name, parsed.address) == ("Buurthuis", "Dorpsstraat 2, Ede")


def test_local_dates_with_their_zone_are_used_when_utc_dates_are_missing():
    item = event(utc_start_date=None, utc_end_date=None, timezone="UTC+2")
    (parsed,) = parse_tec(page(item), limits=LIMITS).events
    assert parsed.occurrences[0].start == datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    assert parsed.occurrences[0].end == datetime(2026, 5, 1, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"start_date": None, "utc_start_date": None}, "it has no start_date."),
        ({"utc_start_date": 20260501}, "its utc_start_date is not a date."),
        ({"utc_end_date": "2026-05-01 07:00:00"}, "its end is before its start."),
        ({"title": "<b></b>"}, "it has no title."),
    ],
)
def test_malformed_event_is_skipped_with_a_warning(fields, reason):
    result = parse_tec(page(event(**fields), event(id=8, global_id="example.org?id=8")), limits=LIMITS)
    assert [e.uid for e in result.events] == ["example.org?id=8"]
    assert result.warnings[0].message == f"Event example.org?id=7 was skipped: {reason}"
    assert result.warnings[0].uid == "example.org?id=7"


def test_events_outside_the_window_are_dropped_without_warning():
    later = event(id=9, global_id="g9", utc_start_date="2027-02-01 08:00:00", utc_end_date="2027-02-01 09:00:00")
    result = parse_tec(page(event(), later), limits=LIMITS)
    assert [e.uid for e in result.events] == ["example.org?id=7"]
    assert result.warnings == ()


def test_number_of_occurrences_is_capped():
    limits = ParseLimits(LIMITS.window_start, LIMITS.window_end, max_occurrences_per_feed=2)
    items = [event(id=n, global_id=f"g{n}") for n in range(5)]
    result = parse_tec(page(*items), limits=limits)
    assert [e.uid for e in result.events] == ["g0", "g1"]
    assert [w.message for w in result.warnings] == ["The feed has more than 2 occurrences; the rest were left out."]


def test_snapshot_from_the_plugin_keeps_the_first_of_events_sharing_a_placeholder_id():
    data = (FILES / "Archive_EventTest__it_should_show_additional_fields__0.snapshot.json").read_bytes()
    limits = ParseLimits(datetime(2084, 1, 1, tzinfo=UTC), datetime(2085, 1, 1, tzinfo=UTC))
    result = parse_tec(data, limits=limits)
    (first,) = result.events
    assert first.uid == "wordpress.test?id={EVENT_ID}"
    assert first.title == "Test Event 1"
    assert first.occurrences[0].start == datetime(2084, 7, 14, 12, 0, tzinfo=UTC)
    assert first.registration_url == "http://wordpress.test/?tribe_events=test-event-1"
    assert len(result.warnings) == 2
    assert result.next_page_url == ""


def test_password_protected_events_with_null_fields_still_parse():
    data = (FILES / "Archive_EventTest__it_should_hide_password_protected_fields__0.snapshot.json").read_bytes()
    limits = ParseLimits(datetime(2024, 1, 1, tzinfo=UTC), datetime(2025, 1, 1, tzinfo=UTC))
    events = json.loads(data)["events"]
    for number, item in enumerate(events):  # give each its own id so none is a duplicate
        item["global_id"] = f"wordpress.test?id={number}"
    result = parse_tec(json.dumps({"events": events}).encode(), limits=limits)
    assert [e.title for e in result.events] == [f"Test Event {n}" for n in range(1, 6)]
    assert all(not o.all_day for e in result.events for o in e.occurrences)
    assert result.warnings == ()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<html>Not found</html>", "The response is not valid JSON (line 1, column 1: Expecting value)."),
        (b'["a list"]', "The response is JSON but not an event list from The Events Calendar"),
        (b'{"code": "rest_no_route"}', "The response is JSON but not an event list from The Events Calendar"),
        (b'{"events": {}}', "The 'events' value in The Events Calendar's response is not a list."),
        (b"\xff\xfe\x00", "The response is not text in UTF-8"),
    ],
)
def test_what_is_not_a_tec_page_is_a_feed_error(data, message):
    with pytest.raises(FeedParseError, match="^" + re.escape(message)):
        parse_tec(data, limits=LIMITS)


def test_parsing_does_not_import_django():
    import subprocess
    import sys

    code = "import sys, agenda_pages.importing.parse_tec, agenda_pages.importing.parse_jsonld, "
    code += "agenda_pages.importing.detect; print(any(m.split('.')[0] in ('django', 'wagtail') for m in sys.modules))"
    repo = Path(__file__).resolve().parents[3]
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo)
    assert result.stdout.strip() == "False"


# --- values Python cannot represent: one item is skipped, the rest of the page goes on (issue 11) ---


def assert_only_good_event_kept(result, reason_fragment):
    assert [e.uid for e in result.events] == ["good"]
    assert len(result.warnings) == 1
    assert result.warnings[0].uid == "example.org?id=7"
    assert reason_fragment in result.warnings[0].message
    assert all(o.start.tzinfo and (o.end is None or o.end.tzinfo) for e in result.events for o in e.occurrences)


GOOD = event(global_id="good")


@pytest.mark.parametrize(
    "fields",
    [
        {"all_day": True, "start_date": "9999-12-31 00:00:00", "end_date": "9999-12-31 23:59:59"},
        {"all_day": True, "start_date": "2026-05-01 00:00:00", "end_date": "9999-12-31 00:00:00"},
        {
            "utc_start_date": "",
            "utc_end_date": "",
            "end_date": "",
            "start_date": "9999-12-31 23:00:00",
            "timezone": "UTC+5",
        },
        {
            "utc_start_date": "",
            "utc_end_date": "",
            "end_date": "",
            "start_date": "0001-01-01 00:30:00",
            "timezone": "UTC-5",
        },
        {
            "utc_start_date": "",
            "utc_end_date": "",
            "end_date": "",
            "start_date": "0001-01-01 00:30:00",
            "timezone": "UTC+5",
        },
        {"utc_start_date": "2026-05-01 08:00:00", "utc_end_date": "9999-12-31 23:59:59"},
        {"utc_start_date": "0001-01-01 00:00:00", "utc_end_date": "2026-05-01 09:00:00"},
    ],
    ids=["all-day-9999", "all-day-ends-9999", "local-9999", "local-0001-west", "local-0001-east", "end-9999", "0001"],
)
def test_a_date_python_cannot_move_skips_only_that_event(fields):
    result = parse_tec(page(event(**fields), GOOD), limits=LIMITS)
    assert_only_good_event_kept(result, "too far in the")


@pytest.mark.parametrize(
    "value",
    ["0000-01-01 10:00:00", "10000-01-01 10:00:00", "-001-01-01 10:00:00", "2026-02-30 10:00:00", 1e308, 99**99],
)
def test_a_date_that_is_no_date_skips_only_that_event(value):
    result = parse_tec(page(event(utc_start_date=value), GOOD), limits=LIMITS)
    assert_only_good_event_kept(result, "utc_start_date")


@pytest.mark.parametrize("item", [[], "event", 7, None, True, {"id": 8, "title": {"rendered": "x"}}])
def test_an_item_that_is_not_an_event_object_is_a_warning(item):
    result = parse_tec(page(item, GOOD), limits=LIMITS)
    assert [e.uid for e in result.events] == ["good"]
    assert len(result.warnings) == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"timezone": "x" * 5000},
        {"timezone": "../../../../etc/passwd"},
        {"timezone": "UTC+99"},
        {"venue": {"venue": ["a"], "address": {"b": 1}, "city": 5}},
        {"categories": [{"name": ["x"]}, "y", None]},
        {"image": "https://example.org/a.jpg"},
        {"modified_utc": "9999-12-31 23:59:59"},
        {"title": "Yoga\x00\ud800"},
        {"cost": 10**60},
    ],
)
def test_odd_values_in_an_event_never_stop_the_page(fields):
    result = parse_tec(page(event(**fields), GOOD), limits=LIMITS)
    assert "good" in [e.uid for e in result.events]
    for parsed in result.events:
        assert "\x00" not in parsed.title and "\ud800" not in parsed.title
        assert all(o.start.utcoffset() is not None for o in parsed.occurrences)


def test_a_huge_integer_id_is_read_as_its_digits():
    data = b'{"events": [{"id": ' + b"9" * 5000 + b', "title": "Yoga"}]}'
    result = parse_tec(data, limits=LIMITS)  # Python refuses to convert over 4,300 digits to an int
    assert result.events == ()
    assert result.warnings[0].uid.startswith("tec-999")


@pytest.mark.parametrize(
    "data",
    [
        b'{"events": [' + b"[" * 100_000 + b"]" * 100_000 + b"]}",
        b'{"events": [' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000 + b"]}",
        b'{"events": [' + b"[" * 70 + b"]" * 70 + b"]}",
    ],
    ids=["arrays-past-the-recursion-limit", "objects-past-the-recursion-limit", "arrays-past-our-limit"],
)
def test_json_nested_too_deeply_is_a_feed_error(data):
    with pytest.raises(FeedParseError, match="nested more than 64 levels deep"):
        parse_tec(data, limits=LIMITS)


@pytest.mark.parametrize(
    "link", ["http://[::1", "https://example.org:99999/", "javascript:alert(1)", "/page/2", 5, {}]
)
def test_a_next_page_link_that_is_no_web_address_marks_the_page_incomplete(link):
    result = parse_tec(page(GOOD, next_rest_url=link), limits=LIMITS)
    assert [e.uid for e in result.events] == ["good"]
    assert (result.next_page_url, result.truncated) == ("", True)  # later pages' events are not known to be gone
    assert result.warnings[0].message.startswith("The link to the next page (next_rest_url) is not a web address")


@pytest.mark.parametrize("link", [None, ""])
def test_an_empty_next_page_link_means_the_last_page(link):
    result = parse_tec(page(GOOD, next_rest_url=link), limits=LIMITS)
    assert (result.next_page_url, result.truncated, result.warnings) == ("", False, ())
