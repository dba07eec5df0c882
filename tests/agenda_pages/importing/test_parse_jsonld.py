import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from agenda_pages.importing.parse_jsonld import parse_jsonld
from agenda_pages.importing.types import (
    AMSTERDAM,
    AttendanceMode,
    EventStatus,
    FeedFormat,
    FeedParseError,
    ParsedOccurrence,
    ParseLimits,
    ParseWarning,
)

FILES = Path(__file__).parent / "files" / "jsonld"
LIMITS = ParseLimits(window_start=datetime(2015, 1, 1, tzinfo=UTC), window_end=datetime(2027, 1, 1, tzinfo=UTC))
EST = timezone(timedelta(hours=-5))


def html_page(*blocks) -> bytes:
    scripts = "".join(
        f'<script type="application/ld+json">{b if isinstance(b, str) else json.dumps(b)}</script>' for b in blocks
    )
    return f"<!DOCTYPE html><html><head>{scripts}</head><body><p>Agenda</p></body></html>".encode()


def event(**fields) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": "https://centrum.example/agenda/yoga#event",
        "name": "Yoga",
        "startDate": "2026-05-01T10:00:00+02:00",
        **fields,
    }


def parse_one(**fields):
    result = parse_jsonld(html_page(event(**fields)), limits=LIMITS, base_url="https://centrum.example/agenda/")
    (parsed,) = result.events
    return parsed


def test_tec_page_with_escaped_html_description():
    data = (FILES / "caseytrees_event_website_content_feb.html").read_bytes()
    result = parse_jsonld(data, limits=LIMITS, base_url="https://caseytrees.org/event/trees-101-2/")
    assert result.format == FeedFormat.JSONLD
    assert result.warnings == ()
    (trees,) = result.events
    assert trees.uid == "https://caseytrees.org/event/trees-101-2/"
    assert trees.title == "Trees 101"
    assert trees.occurrences == (
        ParsedOccurrence(start=datetime(2019, 2, 9, 10, 30, tzinfo=EST), end=datetime(2019, 2, 9, 15, 0, tzinfo=EST)),
    )
    assert trees.description.startswith("<p>Do you want to play a greater role")
    assert trees.description.endswith("The class will […]</p>")
    assert trees.description_is_html is True
    assert trees.venue_name == "Fort Stanton"
    assert trees.address == "Fort Stanton Recreation Center 1812 Erie St SE Washington, DC 20020, 20020 Washington"
    assert trees.cost == "Gratis"
    assert trees.registration_url == "https://caseytrees.org/event/trees-101-2/"
    assert trees.image_url == "https://caseytrees.org/wp-content/uploads/2018/12/a1ed661548bf815eae944860bf897fba.jpg"


def test_numeric_entity_in_name_and_text_price():
    data = (FILES / "caseytrees_event_website_content_mar.html").read_bytes()
    (meeting,) = parse_jsonld(data, limits=LIMITS).events
    assert meeting.title == "Tree Advocates Meetings Parts 1 & 2: Budget Hearings Discussion & Workshop"
    assert meeting.cost == "Donation"
    assert (meeting.venue_name, meeting.address) == ("TBD", "")


def test_boolean_location_url_and_empty_address():
    data = (FILES / "dugnetwork_sunday-morning-bird-walk-at-dyke-marsh-122.html").read_bytes()
    (walk,) = parse_jsonld(data, limits=LIMITS).events
    assert walk.uid == "http://dugnetwork.org/event/sunday-morning-bird-walk-at-dyke-marsh-122/"
    assert (walk.venue_name, walk.address, walk.image_url) == ("Dyke Marsh", "", "")
    assert walk.occurrences[0].start == datetime(2019, 3, 3, 13, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("name", "title", "start", "address"),
    [
        (
            "songkick_elysian_fields_2015.html",
            "Elysian Fields",
            datetime(2015, 10, 31, 23, 30, tzinfo=UTC),
            "497 Rogers Ave, 11225 Brooklyn",
        ),
        (
            "tovestyrke.html",
            "Tove Styrke",
            datetime(2017, 6, 12, 19, 0, tzinfo=UTC),
            "2-4 Hoxton Square, N1 6NU London",
        ),
    ],
)
def test_music_events_with_offsets_without_colon(name, title, start, address):
    (concert,) = parse_jsonld((FILES / name).read_bytes(), limits=LIMITS).events
    assert concert.title == title
    assert concert.occurrences == (ParsedOccurrence(start=start, end=None),)
    assert concert.address == address
    assert concert.uid.startswith("http")
    assert "&utm_source=microformat" in concert.url


def test_graph_list_and_subtypes_are_found():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebPage", "@id": "https://centrum.example/"},
            event(**{"@type": "SocialEvent", "@id": "a"}),
            event(**{"@type": ["Thing", "EducationEvent"], "@id": "b"}),
        ],
    }
    listed = [event(**{"@type": "schema:MusicEvent", "@id": "c"}), {"@type": "Organization", "name": "X"}]
    result = parse_jsonld(html_page(graph, listed), limits=LIMITS, base_url="https://centrum.example/agenda/")
    assert [e.uid for e in result.events] == [
        "https://centrum.example/agenda/a",
        "https://centrum.example/agenda/b",
        "https://centrum.example/agenda/c",
    ]


def test_raw_jsonld_document():
    result = parse_jsonld(json.dumps(event()).encode(), limits=LIMITS)
    assert [e.title for e in result.events] == ["Yoga"]


def test_date_only_is_all_day_with_inclusive_end_date():
    parsed = parse_one(startDate="2026-05-01", endDate="2026-05-02")
    assert parsed.occurrences == (
        ParsedOccurrence(
            start=datetime(2026, 5, 1, tzinfo=AMSTERDAM), end=datetime(2026, 5, 3, tzinfo=AMSTERDAM), all_day=True
        ),
    )


def test_naive_datetime_is_amsterdam_time():
    parsed = parse_one(startDate="2026-05-01T10:00", endDate="2026-05-01T12:00:00")
    assert parsed.occurrences[0].start == datetime(2026, 5, 1, 8, 0, tzinfo=UTC)
    assert parsed.occurrences[0].end == datetime(2026, 5, 1, 10, 0, tzinfo=UTC)


def test_cancelled_event():
    parsed = parse_one(eventStatus="https://schema.org/EventCancelled")
    assert parsed.status == EventStatus.CANCELLED
    assert parsed.occurrences[0].status == EventStatus.CANCELLED
    assert parse_one(eventStatus="EventCancelled").status == EventStatus.CANCELLED


def test_postponed_event_is_left_out_with_a_warning():
    result = parse_jsonld(html_page(event(eventStatus="https://schema.org/EventPostponed")), limits=LIMITS)
    assert result.events == ()
    assert result.warnings == (
        ParseWarning(
            "Event 'Yoga' was left out: it is postponed and has no new date yet.",
            "https://centrum.example/agenda/yoga#event",
        ),
    )


def test_moved_online_and_attendance_modes():
    assert parse_one(eventStatus="EventMovedOnline").attendance_mode == AttendanceMode.ONLINE
    mode = "https://schema.org/MixedEventAttendanceMode"
    assert parse_one(eventAttendanceMode=mode).attendance_mode == AttendanceMode.MIXED
    mode = "https://schema.org/OnlineEventAttendanceMode"
    assert parse_one(eventAttendanceMode=mode).attendance_mode == AttendanceMode.ONLINE
    assert parse_one().attendance_mode == AttendanceMode.IN_PERSON


def test_locations():
    place = {
        "@type": "Place",
        "name": "Inloophuis",
        "address": {"@type": "PostalAddress", "streetAddress": "Kerkstraat 1", "postalCode": "3511 AA",
                    "addressLocality": "Utrecht"},
    }  # fmt: skip
    virtual = {"@type": "VirtualLocation", "url": "https://meet.example/yoga"}
    both = parse_one(location=[place, virtual])
    assert (both.venue_name, both.address, both.online_url) == (
        "Inloophuis",
        "Kerkstraat 1, 3511 AA Utrecht",
        "https://meet.example/yoga",
    )
    assert both.attendance_mode == AttendanceMode.MIXED
    online = parse_one(location=virtual)
    assert (online.attendance_mode, online.venue_name) == (AttendanceMode.ONLINE, "")
    text_address = parse_one(location={"@type": "Place", "name": "Zaal", "address": "Dorpsstraat 3, Ede"})
    assert (text_address.venue_name, text_address.address) == ("Zaal", "Dorpsstraat 3, Ede")
    assert parse_one(location="Bibliotheek").venue_name == "Bibliotheek"


@pytest.mark.parametrize(
    ("offers", "cost", "registration_url"),
    [
        ({"price": "5", "priceCurrency": "EUR", "url": "/aanmelden"}, "€ 5,00", "https://centrum.example/aanmelden"),
        ({"price": 1250.5, "priceCurrency": "EUR"}, "€ 1.250,50", ""),
        ({"price": "0", "priceCurrency": "EUR"}, "Gratis", ""),
        ({"price": 12, "priceCurrency": "USD"}, "$ 12,00", ""),
        ({"price": "7,5"}, "7,50", ""),
        ([{"price": 5, "priceCurrency": "EUR"}, {"price": 10, "priceCurrency": "EUR"}], "€ 5,00 / € 10,00", ""),
        ({"url": "javascript:alert(1)"}, "", ""),
        ("free", "", ""),
    ],
)
def test_offers(offers, cost, registration_url):
    parsed = parse_one(offers=offers)
    assert (parsed.cost, parsed.registration_url) == (cost, registration_url)


@pytest.mark.parametrize(
    ("image", "url"),
    [
        ("/img/a.jpg", "https://centrum.example/img/a.jpg"),
        (["https://cdn.example/1.jpg", "https://cdn.example/2.jpg"], "https://cdn.example/1.jpg"),
        ({"@type": "ImageObject", "url": "https://cdn.example/o.jpg"}, "https://cdn.example/o.jpg"),
        ([{"@type": "ImageObject", "contentUrl": "https://cdn.example/c.jpg"}], "https://cdn.example/c.jpg"),
    ],
)
def test_images(image, url):
    assert parse_one(image=image).image_url == url


def test_descriptions():
    plain = parse_one(description="Eerste regel\nTweede &amp; laatste")
    assert (plain.description, plain.description_is_html) == ("Eerste regel\nTweede & laatste", False)
    tagged = parse_one(description="<p>Met <b>tags</b></p>")
    assert (tagged.description, tagged.description_is_html) == ("<p>Met <b>tags</b></p>", True)


def test_uid_from_url_then_hash_with_warning():
    no_id = event(url="yoga/")
    del no_id["@id"]
    result = parse_jsonld(html_page(no_id), limits=LIMITS, base_url="https://centrum.example/agenda/")
    assert result.events[0].uid == "https://centrum.example/agenda/yoga/"
    assert result.events[0].url == "https://centrum.example/agenda/yoga/"

    del no_id["url"]
    first = parse_jsonld(html_page(no_id), limits=LIMITS)
    again = parse_jsonld(html_page(no_id), limits=LIMITS)
    assert first.events[0].uid == again.events[0].uid
    assert first.events[0].uid.startswith("jsonld-")
    assert first.warnings[0].message.startswith("Event 'Yoga' has no @id or url")


def test_broken_block_is_a_warning_and_other_blocks_go_on():
    result = parse_jsonld(html_page('{"@type": "Event", "name": ', event()), limits=LIMITS)
    assert [e.title for e in result.events] == ["Yoga"]
    assert result.warnings == (ParseWarning("JSON-LD block 1 is not valid JSON (Expecting value); it was skipped."),)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"startDate": None}, "it has no startDate."),
        ({"startDate": "1 mei 2026"}, "its startDate '1 mei 2026' is not an ISO 8601 date."),
        ({"endDate": "2026-04-01T10:00:00+02:00"}, "its endDate is before its startDate."),
        ({"name": ""}, "it has no name."),
    ],
)
def test_malformed_event_is_skipped_with_a_warning(fields, reason):
    result = parse_jsonld(html_page(event(**fields), event(**{"@id": "other"})), limits=LIMITS)
    assert [e.uid for e in result.events] == ["other"]
    assert result.warnings[0].message.endswith(reason)
    assert result.warnings[0].uid == "https://centrum.example/agenda/yoga#event"


def test_events_outside_the_window_are_dropped():
    result = parse_jsonld(html_page(event(startDate="2030-01-01T10:00:00Z")), limits=LIMITS)
    assert (result.events, result.warnings) == ((), ())


def test_page_without_events_gives_a_warning_not_an_error():
    result = parse_jsonld(html_page({"@type": "Organization", "name": "X"}), limits=LIMITS)
    assert result.events == ()
    assert result.warnings == (ParseWarning("The page has no schema.org Event in its JSON-LD."),)
    assert parse_jsonld(b"<html><body>Hallo</body></html>", limits=LIMITS).warnings == result.warnings


def test_number_of_occurrences_is_capped():
    limits = ParseLimits(LIMITS.window_start, LIMITS.window_end, max_occurrences_per_feed=1)
    result = parse_jsonld(html_page([event(**{"@id": "a"}), event(**{"@id": "b"})]), limits=limits)
    assert [e.uid for e in result.events] == ["a"]
    assert result.warnings[0].message == "The page has more than 1 occurrences; the rest were left out."


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00", b"just some words", b"BEGIN:VCALENDAR\r\n"])
def test_what_is_not_html_or_json_is_a_feed_error(data):
    with pytest.raises(FeedParseError):
        parse_jsonld(data, limits=LIMITS)


# --- values Python cannot represent: one event is skipped, the rest of the page goes on (issue 11) ---


GOOD = event(**{"@id": "https://centrum.example/agenda/good"})


def assert_only_good_event_kept(result, reason_fragment):
    assert [e.uid for e in result.events] == ["https://centrum.example/agenda/good"]
    assert len(result.warnings) == 1
    assert result.warnings[0].uid == "https://centrum.example/agenda/yoga#event"
    assert result.warnings[0].message.startswith("Event 'Yoga' was skipped:")
    assert reason_fragment in result.warnings[0].message


@pytest.mark.parametrize(
    "fields",
    [
        {"startDate": "9999-12-31"},
        {"startDate": "2026-05-01", "endDate": "9999-12-31"},
        {"startDate": "2026-05-01T10:00:00+02:00", "endDate": "9999-12-31"},
        {"startDate": "9999-12-31T23:00:00-05:00"},
        {"startDate": "9999-12-31T23:59:59"},
        {"startDate": "0001-01-01T00:00:00+05:00"},
        {"startDate": "0001-01-01"},
        {"startDate": "2026-05-01T10:00:00+02:00", "endDate": "9999-12-31T23:59:59.999999-23:59"},
    ],
)
def test_a_date_python_cannot_move_skips_only_that_event(fields):
    result = parse_jsonld(html_page(event(**fields), GOOD), limits=LIMITS)
    assert_only_good_event_kept(result, "too far in the")


@pytest.mark.parametrize(
    "value", ["0000-01-01", "10000-01-01", "-0001-01-01", "2026-02-30", "2026-05-01T25:00:00", 1e308, 10**80, {}]
)
def test_a_start_that_is_no_date_skips_only_that_event(value):
    result = parse_jsonld(html_page(event(startDate=value), GOOD), limits=LIMITS)
    assert_only_good_event_kept(result, "startDate")


@pytest.mark.parametrize(
    "fields",
    [
        {"offers": {"price": "1E+999999999", "priceCurrency": "EUR"}},
        {"offers": [{"price": 1e308}, "gratis", None, {"url": "http://[::1"}]},
        {"url": "http://[::1", "@id": "http://[::1"},
        {"location": [None, 5, "Zaal", {"address": {"streetAddress": ["x"]}}, {"@type": ["VirtualLocation"]}]},
        {"image": [[[{"url": 5}]], {"contentUrl": "/a.jpg"}]},
        {"eventAttendanceMode": {"@id": "x"}, "eventStatus": ["x"]},
        {"@type": ["Event", {"nested": True}]},
        {"name": "Yoga\x00\ud800", "description": "\ud800<p>x</p>"},
    ],
)
def test_odd_values_in_an_event_never_stop_the_page(fields):
    result = parse_jsonld(html_page(event(**fields), GOOD), limits=LIMITS)
    assert "https://centrum.example/agenda/good" in [e.uid for e in result.events]
    for parsed in result.events:
        assert "\x00" not in parsed.title and "\ud800" not in parsed.title
        assert all(o.start.utcoffset() is not None for o in parsed.occurrences)


def test_nan_and_infinite_numbers_are_not_prices():
    block = '{"@type": "Event", "@id": "a", "name": "Yoga", "startDate": "2026-05-01", "offers": {"price": NaN}}'
    infinite = block.replace('"a"', '"b"').replace("NaN", "Infinity")
    result = parse_jsonld(html_page(block, infinite), limits=LIMITS)
    assert [(e.uid, e.cost) for e in result.events] == [("a", ""), ("b", "")]


@pytest.mark.parametrize(
    "block",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        '{"@graph":' * 3_000 + "{}" + "}" * 3_000,
        '{"@graph": [' * 70 + "{}" + "]}" * 70,
    ],
    ids=["arrays", "objects", "graphs-past-the-recursion-limit", "graphs-past-our-limit"],
)
def test_json_nested_too_deeply_skips_that_block_only(block):
    result = parse_jsonld(html_page(block, GOOD), limits=LIMITS)
    assert [e.title for e in result.events] == ["Yoga"]
    assert result.warnings == (
        ParseWarning(
            "JSON-LD block 1 is JSON nested more than 64 levels deep, deeper than any calendar feed needs; "
            "it was skipped."
        ),
    )


def test_a_bare_json_document_nested_too_deeply_gives_no_events():
    result = parse_jsonld(b"[" * 100_000 + b"]" * 100_000, limits=LIMITS)
    assert result.events == ()
    assert "nested more than 64 levels deep" in result.warnings[0].message


def test_graph_holding_what_is_not_an_event_is_ignored():
    graph = {"@graph": [None, "Event", 5, [GOOD], {"@graph": {"@graph": [GOOD]}}, {"@type": 7}]}
    result = parse_jsonld(html_page(graph), limits=LIMITS)
    assert [e.uid for e in result.events] == ["https://centrum.example/agenda/good"]


@pytest.mark.parametrize("markup", ["<![foo[ x ]]>", "<![if !IE]>", "<![endif]>", "<![x]>"])
def test_a_marked_section_python_does_not_know_is_ignored(markup):
    # Python's HTMLParser raised AssertionError on "<![foo[": a whole page lost for one odd tag.
    data = html_page(GOOD).replace(b"<head>", b"<head>" + markup.encode())
    result = parse_jsonld(data, limits=LIMITS)
    assert [e.title for e in result.events] == ["Yoga"]
