from pathlib import Path

import pytest

from agenda_pages.importing.detect import detect_format
from agenda_pages.importing.types import FeedFormat, FeedParseError

FILES = Path(__file__).parent / "files"


@pytest.mark.parametrize(
    ("content_type", "data", "expected"),
    [
        ("text/calendar; charset=utf-8", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", FeedFormat.ICS),
        ("text/plain", b"\xef\xbb\xbf \r\nbegin:vcalendar\r\n", FeedFormat.ICS),
        ("application/octet-stream", b"BEGIN:VCALENDAR", FeedFormat.ICS),
        ("text/calendar", b"VERSION:2.0\r\n", FeedFormat.ICS),  # broken, but the ICS parser says why
        ("application/json", b'{"events": [], "total": 0}', FeedFormat.TEC_JSON),
        ("text/html", b'  {"events": []}', FeedFormat.TEC_JSON),
        ("application/ld+json", b'{"@context": "https://schema.org", "@type": "Event"}', FeedFormat.JSONLD),
        ("application/json", b'[{"@type": "Event"}]', FeedFormat.JSONLD),
        ("text/html", b'<html><script type="application/LD+JSON">{}</script></html>', FeedFormat.JSONLD),
    ],
)
def test_detects_format(content_type, data, expected):
    assert detect_format(content_type, data) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("tec/Archive_EventTest__it_should_show_additional_fields__0.snapshot.json", FeedFormat.TEC_JSON),
        ("tec/handwritten_page_1.json", FeedFormat.TEC_JSON),
        ("jsonld/songkick_elysian_fields_2015.html", FeedFormat.JSONLD),
        ("jsonld/caseytrees_event_website_content_feb.html", FeedFormat.JSONLD),
    ],
)
def test_detects_real_files(path, expected):
    assert detect_format("", (FILES / path).read_bytes()) == expected


@pytest.mark.parametrize(
    ("content_type", "data"),
    [
        ("text/html", b"<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>"),
        ("text/calendar", b"<html><body>Error</body></html>"),
        ("application/json", b'{"code": "rest_no_route", "message": "No route"}'),
        ("application/json", b"{not json"),
        ("", b""),
    ],
)
def test_anything_else_is_a_clear_error(content_type, data):
    with pytest.raises(
        FeedParseError, match="does not look like a calendar \\(iCalendar\\), The Events Calendar JSON"
    ):
        detect_format(content_type, data)


def test_error_names_the_content_type():
    with pytest.raises(FeedParseError) as error:
        detect_format("text/html; charset=utf-8", b"<html></html>")
    assert str(error.value) == (
        "The address does not look like a calendar (iCalendar), The Events Calendar JSON or a page with schema.org "
        "events (it sent text/html). Check the address of the feed."
    )
