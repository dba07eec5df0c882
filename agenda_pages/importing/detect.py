"""Tell which parser a fetched feed needs, from its Content-Type and its first bytes."""

import json
import re

from .types import FeedFormat, FeedParseError

_ICS_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*BEGIN:VCALENDAR", re.IGNORECASE)
_JSONLD_SCRIPT = re.compile(rb"application/ld\+json", re.IGNORECASE)


def detect_format(content_type: str, data: bytes) -> FeedFormat:
    """The format of a feed; never ``FeedFormat.AUTO``.

    The body decides before the Content-Type: servers label calendars as text/plain and error pages
    as anything. Raises FeedParseError when the body is none of the formats we read.
    """
    media_type = (content_type or "").split(";")[0].strip().lower()
    body = data.removeprefix(b"\xef\xbb\xbf").lstrip()

    if _ICS_START.match(body):
        return FeedFormat.ICS
    if body.startswith((b"{", b"[")):
        document = _json(body)
        if isinstance(document, dict) and "events" in document:
            return FeedFormat.TEC_JSON
        if _is_jsonld(document) or media_type == "application/ld+json":
            return FeedFormat.JSONLD
    elif _JSONLD_SCRIPT.search(body):
        return FeedFormat.JSONLD
    elif media_type == "text/calendar" and not body.startswith(b"<"):
        return FeedFormat.ICS  # the iCalendar parser explains what is wrong with it
    raise FeedParseError(
        "The address does not look like a calendar (iCalendar), The Events Calendar JSON or a page with "
        f"schema.org events (it sent {media_type or 'no content type'}"
        f"{', and an empty body' if not body else ''}). Check the address of the feed."
    )


def _json(body: bytes):
    try:
        return json.loads(body.decode("utf-8", errors="replace"))
    except json.JSONDecodeError:
        return None


def _is_jsonld(document) -> bool:
    if isinstance(document, list):
        return any(_is_jsonld(item) for item in document)
    return isinstance(document, dict) and any(key in document for key in ("@context", "@type", "@graph"))
