"""Online events that a feed marks only in its location are recognised in the mapping stage."""

from datetime import datetime

import pytest

from agenda_pages.importing.attendance import meeting_link, read_attendance
from agenda_pages.importing.mapping import map_event
from agenda_pages.importing.parse_jsonld import parse_jsonld
from agenda_pages.importing.types import AMSTERDAM, ParsedEvent, ParsedOccurrence, ParseLimits
from agenda_pages.vocabulary import AttendanceMode

IN_PERSON, ONLINE, MIXED = AttendanceMode.IN_PERSON, AttendanceMode.ONLINE, AttendanceMode.MIXED
ZOOM = "https://us02web.zoom.us/j/81234567890?pwd=abc"


@pytest.mark.parametrize(
    ("venue", "address", "expected_url"),
    [
        ("Online", "Online", ""),
        ("online", "", ""),
        ("Online via Zoom", "", ""),
        ("Online via Zoom, de link volgt na aanmelding", "", ""),
        ("Via Teams", "", ""),
        ("Microsoft Teams", "", ""),
        ("Digitaal (Zoom)", "", ""),
        ("Webinar", "", ""),
        ("Livestream", "", ""),
        ("", "Online: " + ZOOM, ZOOM),
        (ZOOM, ZOOM, ZOOM),
        ("https://meet.google.com/abc-defg-hij", "", "https://meet.google.com/abc-defg-hij"),
        (
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting",
            "",
            "https://teams.microsoft.com/l/meetup-join/19%3ameeting",
        ),
        ("Jitsi", "https://meet.jit.si/lotgenoten", "https://meet.jit.si/lotgenoten"),
    ],
)
def test_a_place_that_is_only_a_way_to_meet_online_makes_the_event_online(venue, address, expected_url):
    attendance = read_attendance(IN_PERSON, venue, address, "")

    assert attendance.mode == ONLINE
    assert (attendance.venue_name, attendance.address) == ("", "")  # nothing to show on a map
    assert attendance.online_url == expected_url


@pytest.mark.parametrize(
    ("venue", "address"),
    [
        ("Inloophuis De Boei", "Oudegracht 12, 3511 AB Utrecht"),
        ("Online Marketing BV", "Stationsplein 4, 3511 ED Utrecht"),  # a company's name, with an address
        ("Teamsport Centrum", "Sportlaan 3, Zwolle"),
        ("Zoomweg 5", "Zoomweg 5, Amersfoort"),  # a street that starts like a meeting service
        ("Het Baken", ""),
        ("", ""),
    ],
)
def test_a_real_place_stays_in_person(venue, address):
    attendance = read_attendance(IN_PERSON, venue, address, "")
    assert (attendance.mode, attendance.venue_name, attendance.address) == (IN_PERSON, venue, address)


@pytest.mark.parametrize(
    ("venue", "address", "expected_place"),
    [
        (
            "Online en in het inloophuis",
            "Oudegracht 12, Utrecht",
            ("Online en in het inloophuis", "Oudegracht 12, Utrecht"),
        ),
        (
            "Inloophuis De Boei (ook online te volgen)",
            "Oudegracht 12",
            ("Inloophuis De Boei (ook online te volgen)", "Oudegracht 12"),
        ),
        ("Hybride bijeenkomst", "Stationsweg 3, Zwolle", ("Hybride bijeenkomst", "Stationsweg 3, Zwolle")),
        ("Inloophuis De Boei", f"Oudegracht 12, Utrecht, {ZOOM}", ("Inloophuis De Boei", "Oudegracht 12, Utrecht")),
    ],
)
def test_a_place_that_says_both_makes_the_event_mixed(venue, address, expected_place):
    attendance = read_attendance(IN_PERSON, venue, address, "")

    assert attendance.mode == MIXED
    assert (attendance.venue_name, attendance.address) == expected_place


def test_what_the_feed_marked_itself_is_kept():
    online = read_attendance(ONLINE, "Online", "", "https://example.org/live")
    assert (online.mode, online.venue_name, online.online_url) == (ONLINE, "", "https://example.org/live")
    mixed = read_attendance(MIXED, "Het Baken", "Stationsweg 3, Zwolle", "")
    assert (mixed.mode, mixed.venue_name) == (MIXED, "Het Baken")


def test_only_links_to_meeting_services_count():
    assert meeting_link("Zie https://www.inloophuis.nl/route en https://zoom.us/j/1.") == "https://zoom.us/j/1"
    assert meeting_link("https://zoom.us.evil.example/j/1") == ""
    assert meeting_link("https://www.inloophuis.nl/zoom.us") == ""
    assert meeting_link("http://[zoom.us en https://zoom.us/j/2") == "https://zoom.us/j/2"  # a broken one is passed


def event(**fields) -> ParsedEvent:
    start = datetime(2026, 12, 8, 19, 30, tzinfo=AMSTERDAM)
    return ParsedEvent(
        uid="x", title="Lotgenotenavond", occurrences=(ParsedOccurrence(start=start, end=None),), **fields
    )


def test_the_mapping_stage_reads_the_place():
    mapped = map_event(event(venue_name="Online via Zoom", address="Online via Zoom"))

    assert (mapped.attendance_mode, mapped.venue_name, mapped.address) == ("online", "", "")


def test_a_hostile_place_is_still_plain_text_and_a_safe_link():
    mapped = map_event(event(venue_name="<b>Online</b>", address="javascript:alert(1) https://zoom.us/j/1"))

    assert mapped.attendance_mode == "online"
    assert mapped.online_url == "https://zoom.us/j/1"


def test_a_schema_org_event_with_an_online_place_name_is_online():
    html = b"""<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Event",
    "name": "Online lotgenotengroep", "startDate": "2026-12-08T19:30:00+01:00",
    "location": {"@type": "Place", "name": "Online via Teams"}}</script>"""
    limits = ParseLimits(
        window_start=datetime(2026, 12, 1, tzinfo=AMSTERDAM), window_end=datetime(2027, 12, 1, tzinfo=AMSTERDAM)
    )

    (parsed,) = parse_jsonld(html, limits=limits).events
    mapped = map_event(parsed)

    assert parsed.attendance_mode == IN_PERSON  # the feed did not say
    assert (mapped.attendance_mode, mapped.venue_name) == ("online", "")
