"""Whatever the bytes, each parser returns events and warnings, or raises FeedParseError (issue 11).

Any other exception would escape the parsing process and, before the service caught it, stop the
whole import. Two kinds of input: arbitrary bytes, and feeds that are nearly valid but carry hostile
values (years 0, 1, 9999, 10000, impossible days, huge and non-finite numbers, strings where
objects belong, deep nesting). The budget is the hypothesis profile's (tests/conftest.py).
"""

import json
import pickle
from datetime import UTC, datetime

from hypothesis import example, given
from hypothesis import strategies as st

from agenda_pages.importing.parse_ics import parse_ics
from agenda_pages.importing.parse_jsonld import parse_jsonld
from agenda_pages.importing.parse_tec import parse_tec
from agenda_pages.importing.types import FeedParseError, ParseLimits, ParseResult, ParseWarning

# Small caps: an endless rule costs little, and a hostile one cannot make an example slow.
LIMITS = ParseLimits(
    window_start=datetime(2026, 1, 1, tzinfo=UTC),
    window_end=datetime(2027, 1, 1, tzinfo=UTC),
    max_occurrences_per_series=50,
    max_occurrences_per_feed=500,
)
# Replaced in the JSON text by an integer Python refuses to convert (over 4,300 digits).
HUGE_INTEGER = "__huge_integer__"


def assert_events_and_warnings_or_feed_error(parse, data: bytes, **options) -> None:
    try:
        result = parse(data, limits=LIMITS, **options)
    except FeedParseError as error:
        assert str(error).strip()
        return
    assert isinstance(result, ParseResult)
    assert all(isinstance(warning, ParseWarning) and warning.message for warning in result.warnings)
    for event in result.events:
        assert event.uid and event.occurrences
        for occurrence in event.occurrences:
            assert occurrence.start.utcoffset() is not None
            assert occurrence.end is None or occurrence.end.utcoffset() is not None
            occurrence.start.astimezone(UTC)  # the later stages move every date; it must not overflow
        assert event.last_modified is None or event.last_modified.utcoffset() is not None
    pickle.dumps(result)  # the parsing process sends it to the importer


# --- hostile values -----------------------------------------------------------------------------

YEARS = st.one_of(st.sampled_from([0, 1, 2, 1970, 2026, 9998, 9999, 10000, -1]), st.integers(0, 12_000))
MONTHS = st.integers(0, 13)
DAYS = st.one_of(st.sampled_from([0, 1, 28, 29, 30, 31, 32]), st.integers(0, 99))
HOURS = st.integers(0, 25)
MINUTES = st.integers(0, 61)
OFFSETS = st.sampled_from(["", "Z", "+00:00", "+02:00", "-05:00", "+14:00", "-23:59", "+99:00", "+0200"])

tec_dates = st.builds(
    lambda y, mo, d, h, mi: f"{y:04d}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:00", YEARS, MONTHS, DAYS, HOURS, MINUTES
)
iso_dates = st.one_of(
    st.builds(lambda y, mo, d: f"{y:04d}-{mo:02d}-{d:02d}", YEARS, MONTHS, DAYS),
    st.builds(
        lambda y, mo, d, h, mi, offset: f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:00{offset}",
        YEARS,
        MONTHS,
        DAYS,
        HOURS,
        MINUTES,
        OFFSETS,
    ),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**30), 10**30),
    st.just(HUGE_INTEGER),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([1e308, -1e308, 2**63, -(2**63), 253402300800, -62135596800, 10**20]),
    st.text(max_size=20),
    st.sampled_from(["\x00", "\ud800", "http://[::1", "../../etc/passwd", "UTC+99", "Nowhere/City", " "]),
)
nested = st.recursive(
    scalars,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=12,
)


def hostile(good):
    """Mostly values of the right kind (so items get far into parsing), else anything."""
    return st.one_of(good, good, nested)


def to_json(value) -> bytes:
    text = json.dumps(value, allow_nan=True).replace(json.dumps(HUGE_INTEGER), "9" * 5_000)
    return text.encode("utf-8", errors="surrogatepass")


def deeply(depth: int, kind: str, inner: str = "{}") -> str:
    if kind == "arrays":
        return "[" * depth + inner + "]" * depth
    if kind == "graph":
        return '{"@graph": [' * depth + inner + "]}" * depth
    return '{"a": ' * depth + inner + "}" * depth


DEPTHS = st.sampled_from([10, 62, 63, 64, 65, 500, 5_000, 100_000])
NESTINGS = st.sampled_from(["arrays", "objects", "graph"])


# --- The Events Calendar ------------------------------------------------------------------------

TIME_ZONES = st.one_of(st.sampled_from(["Europe/Amsterdam", "UTC", "UTC+14", "UTC-12", "UTC+5:30"]), scalars)

tec_events = st.fixed_dictionaries(
    {
        "id": hostile(st.integers(1, 10**6)),
        "title": hostile(st.text(max_size=20)),
        "start_date": hostile(tec_dates),
        "timezone": TIME_ZONES,
    },
    optional={
        "global_id": hostile(st.text(max_size=20)),
        "end_date": hostile(tec_dates),
        "utc_start_date": hostile(tec_dates),
        "utc_end_date": hostile(tec_dates),
        "all_day": hostile(st.booleans()),
        "modified_utc": hostile(tec_dates),
        "venue": nested,
        "categories": nested,
        "image": nested,
        "cost": nested,
        "is_virtual": hostile(st.booleans()),
        "virtual_url": nested,
    },
)
tec_pages = st.fixed_dictionaries(
    {"events": st.lists(hostile(tec_events), max_size=4)},
    optional={"next_rest_url": nested, "total": nested, "total_pages": nested},
)


@given(st.binary(max_size=2_000))
def test_tec_any_bytes(data):
    assert_events_and_warnings_or_feed_error(parse_tec, data)


@given(tec_pages)
@example({"events": [{"id": 1, "title": "x", "all_day": True, "start_date": "9999-12-31 00:00:00"}]})
@example({"events": [{"id": 1, "title": "x", "start_date": "0001-01-01 00:00:00", "timezone": "UTC+5"}]})
def test_tec_near_valid_pages_with_hostile_values(page):
    assert_events_and_warnings_or_feed_error(parse_tec, to_json(page))


@given(DEPTHS, NESTINGS)
def test_tec_deep_nesting(depth, kind):
    assert_events_and_warnings_or_feed_error(parse_tec, ('{"events": [' + deeply(depth, kind) + "]}").encode())


# --- schema.org JSON-LD -------------------------------------------------------------------------

jsonld_events = st.fixed_dictionaries(
    {
        "@type": hostile(st.sampled_from(["Event", "https://schema.org/Event", "MusicEvent"])),
        "name": hostile(st.text(max_size=20)),
        "startDate": hostile(iso_dates),
    },
    optional={
        "@id": hostile(st.text(max_size=20)),
        "url": nested,
        "endDate": hostile(iso_dates),
        "eventStatus": nested,
        "eventAttendanceMode": nested,
        "location": nested,
        "offers": hostile(st.fixed_dictionaries({"price": scalars, "priceCurrency": scalars})),
        "image": nested,
        "description": nested,
    },
)
jsonld_documents = st.one_of(
    jsonld_events,
    st.lists(hostile(jsonld_events), max_size=4),
    st.fixed_dictionaries({"@graph": st.lists(hostile(jsonld_events), max_size=4)}),
)


def html_page(*blocks: bytes) -> bytes:
    scripts = b"".join(b'<script type="application/ld+json">' + block + b"</script>" for block in blocks)
    return b"<!DOCTYPE html><html><head>" + scripts + b"</head><body></body></html>"


MARKUP = st.lists(
    st.sampled_from(["<", ">", "<!", "<![", "[", "]]>", "<!--", "-->", "<script", "</script>", "<?", "a", " ", "&#"]),
    max_size=30,
).map("".join)


@given(MARKUP, st.booleans())
@example("<![foo[ x ]]>", True)
def test_jsonld_odd_markup_around_the_json(markup, before):
    block = html_page(b'{"@type": "Event", "name": "x", "startDate": "2026-05-01"}')
    odd = ("<html>" + markup).encode()
    assert_events_and_warnings_or_feed_error(parse_jsonld, odd + block if before else block + odd)


@given(st.binary(max_size=2_000))
def test_jsonld_any_bytes(data):
    assert_events_and_warnings_or_feed_error(parse_jsonld, data, base_url="https://centrum.example/agenda/")


@given(jsonld_documents, st.booleans())
@example({"@type": "Event", "name": "x", "startDate": "9999-12-31"}, False)
@example({"@type": "Event", "name": "x", "startDate": "0001-01-01T00:00:00+05:00"}, True)
def test_jsonld_near_valid_documents_with_hostile_values(document, in_html):
    data = html_page(to_json(document)) if in_html else to_json(document)
    assert_events_and_warnings_or_feed_error(parse_jsonld, data, base_url="https://centrum.example/agenda/")


@given(DEPTHS, NESTINGS, st.booleans())
def test_jsonld_deep_nesting(depth, kind, in_html):
    inner = '{"@type": "Event", "name": "x", "startDate": "2026-05-01"}'
    data = deeply(depth, kind, inner).encode()
    assert_events_and_warnings_or_feed_error(parse_jsonld, html_page(data) if in_html else data)


# --- iCalendar ----------------------------------------------------------------------------------

ics_stamps = st.builds(
    lambda y, mo, d, h, mi, utc: f"{y:04d}{mo:02d}{d:02d}T{h:02d}{mi:02d}00{'Z' if utc else ''}",
    YEARS,
    MONTHS,
    DAYS,
    HOURS,
    MINUTES,
    st.booleans(),
)
ics_days = st.builds(lambda y, mo, d: f"{y:04d}{mo:02d}{d:02d}", YEARS, MONTHS, DAYS)
ics_start = st.one_of(
    ics_stamps.map(lambda value: f"DTSTART:{value}"),
    ics_days.map(lambda value: f"DTSTART;VALUE=DATE:{value}"),
    ics_stamps.map(lambda value: f"DTSTART;TZID=Europe/Amsterdam:{value.rstrip('Z')}"),
    ics_stamps.map(lambda value: f"DTSTART;TZID=Nowhere/City:{value.rstrip('Z')}"),
    st.text(max_size=20).map(lambda value: f"DTSTART:{value}"),
)
ics_end = st.one_of(
    ics_stamps.map(lambda value: f"DTEND:{value}"),
    ics_days.map(lambda value: f"DTEND;VALUE=DATE:{value}"),
    st.sampled_from(["DURATION:PT1H", "DURATION:-P1D", "DURATION:P99999999D", "DURATION:x"]),
)
ics_rules = st.builds(
    lambda freq, interval, extra: f"RRULE:FREQ={freq};INTERVAL={interval}{extra}",
    st.sampled_from(["DAILY", "WEEKLY", "MONTHLY", "YEARLY", "HOURLY", "MINUTELY", "NONSENSE"]),
    st.one_of(st.integers(-2, 3), st.just(10**20)),
    st.one_of(
        st.just(""),
        st.integers(-1, 10**6).map(lambda count: f";COUNT={count}"),
        ics_stamps.map(lambda until: f";UNTIL={until}"),
        st.sampled_from([";BYDAY=XX", ";BYMONTHDAY=31;BYMONTH=2", ";BYSETPOS=0", ";BYMONTH=13"]),
    ),
)
ics_events = st.builds(
    lambda uid, summary, start, end, rule, recurrence: [
        "BEGIN:VEVENT",
        *([f"UID:{uid}"] if uid else []),
        f"SUMMARY:{summary}",
        start,
        *end,
        *rule,
        *recurrence,
        "END:VEVENT",
    ],
    st.sampled_from(["a", "b", "a", ""]),
    st.text(max_size=20).map(lambda text: text.replace("\r", " ").replace("\n", " ")),
    ics_start,
    st.lists(ics_end, max_size=1),
    st.lists(ics_rules, max_size=1),
    st.lists(ics_stamps.map(lambda value: f"RECURRENCE-ID:{value}"), max_size=1),
)


@given(st.binary(max_size=2_000))
def test_ics_any_bytes(data):
    assert_events_and_warnings_or_feed_error(parse_ics, data)


ics_calendar_lines = st.lists(
    st.sampled_from(
        [
            "X-WR-TIMEZONE:Europe/Amsterdam",
            "X-WR-TIMEZONE:Nowhere/City",
            "BEGIN:VTIMEZONE\r\nTZID:Nowhere/City\r\nEND:VTIMEZONE",
            "BEGIN:VTIMEZONE\r\nTZID:Nowhere/City\r\nBEGIN:STANDARD\r\nDTSTART:00000101T000000\r\n"
            "TZOFFSETFROM:+9999\r\nTZOFFSETTO:-9999\r\nEND:STANDARD\r\nEND:VTIMEZONE",
        ]
    ),
    max_size=2,
)


@given(ics_calendar_lines, st.lists(ics_events, max_size=3))
def test_ics_near_valid_calendars_with_hostile_values(calendar_lines, events):
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//EN", *calendar_lines]
    lines += [line for event in events for line in event]
    data = "\r\n".join([*lines, "END:VCALENDAR", ""]).encode("utf-8", errors="surrogatepass")
    assert_events_and_warnings_or_feed_error(parse_ics, data)


@given(DEPTHS)
def test_ics_deep_nesting(depth):
    depth = min(depth, 5_000)  # each level is two lines of text
    inner = ["BEGIN:VEVENT", "UID:a", "DTSTART:20260501T100000Z", "SUMMARY:x", "END:VEVENT"]
    lines = ["BEGIN:VCALENDAR", *["BEGIN:X-NEST"] * depth, *inner, *["END:X-NEST"] * depth, "END:VCALENDAR", ""]
    assert_events_and_warnings_or_feed_error(parse_ics, "\r\n".join(lines).encode())
