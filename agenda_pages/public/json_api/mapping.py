"""The agenda as JSON for partners and the centres' web builders: what one date and one page of dates
look like (``<agenda>/json/``; the schema is ``static/agenda_pages/agenda.schema.json``).

Pure: builds plain dicts from the dates the caller listed (``occurrences.ListedOccurrence``) and the
addresses it resolved; no queries, no request, no clock. :func:`encode` writes the document so that
no text of a feed can start markup where a partner pastes it into a page.

The keys are a contract with sites we do not control: add keys if need be, never rename or drop one.
An empty text is ``null``, so a partner tests one thing.
"""

import json
import re
from dataclasses import dataclass
from datetime import datetime, time
from urllib.parse import urlsplit

from django.utils.encoding import iri_to_uri

from agenda_pages.public.ics import all_day_span, utc_stamp
from agenda_pages.public.jsonld import postal_address
from agenda_pages.public.presenters import venue
from agenda_pages.vocabulary import AMSTERDAM, AttendanceMode, OccurrenceStatus

# Control characters (C0 and C1, DEL) are never text: a feed's stray \x00 or \x1b is dropped, and
# line breaks and tabs become spaces (titles and names are one line).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What an RFC 3986 URI may hold once iri_to_uri has percent-encoded the rest.
_URI_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
# Written as JSON escapes: the same text for a JSON parser, but no "<script>" or "-->" in the bytes
# for a page that pastes the response into a script element, and no line separators for old
# JavaScript engines.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def text(value: str | None) -> str | None:
    """``value`` on one line without control characters; None when nothing is left."""
    cleaned = " ".join(_CONTROL.sub("", value or "").split())
    return cleaned or None


def safe_url(value: str | None) -> str | None:
    """An absolute http(s) address as a valid URI, else None: a ``javascript:`` or ``data:`` link, a
    relative one or one with stray characters is left out rather than handed on as a link."""
    value = (value or "").strip()
    try:
        parts = urlsplit(value)
    except ValueError:  # "http://[" and the like
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    uri = iri_to_uri(value)
    if not _URI_CHARACTERS.match(uri) or _BAD_PERCENT.search(uri):
        return None
    return uri


def date_id(occurrence) -> str:
    """Stable per date: the event and the date's start in UTC, as the iCalendar UIDs (``ics.occurrence_uid``
    is this with ``@<host>``). The rows' own ids are not: an import rewrites an event's date rows."""
    return f"event-{occurrence.page_id}-{utc_stamp(occurrence.start)}"


def moments(occurrence) -> tuple[str, str | None]:
    """Start and end in ISO 8601 with the Amsterdam offset of that day (+01:00 in winter, +02:00 in
    summer). An all-day date runs from midnight of its first day to midnight after its last day."""
    if occurrence.all_day:
        first_day, end_day = all_day_span(occurrence)
        return _midnight(first_day), _midnight(end_day)
    end = occurrence.end.astimezone(AMSTERDAM).isoformat() if occurrence.end else None
    return occurrence.start.astimezone(AMSTERDAM).isoformat(), end


def _midnight(day) -> str:
    return datetime.combine(day, time.min, tzinfo=AMSTERDAM).isoformat()


def location(event, centre) -> dict:
    """Where, as the event page says it (``presenters.venue``: the event's own venue, else its
    centre's building), with the address split for a partner's map or filter. ``online``: it can be
    followed online (online only, or in person and online)."""
    name, address = venue(event, centre)
    if centre is not None and (name, address) == (centre.title, centre.full_address):
        street, postcode, city = centre.street_address, centre.postcode, centre.city
    else:
        parts = postal_address(address) if address else {}
        street, postcode, city = parts.get("streetAddress"), parts.get("postalCode"), parts.get("addressLocality")
    return {
        "name": text(name),
        "address": text(street),
        "postcode": text(postcode),
        "city": text(city),
        "online": event.attendance_mode in (AttendanceMode.ONLINE, AttendanceMode.MIXED),
    }


@dataclass(frozen=True)
class Links:
    """The absolute addresses of one date's event and centre (None: the centre has no public page)."""

    event: str
    centre: str | None


def date_entry(listed, *, links: Links, audiences: list[tuple[str, str]]) -> dict:
    """One date (a ``ListedOccurrence``) as the JSON API gives it. ``audiences``: (code, label) pairs."""
    occurrence, event, centre = listed.occurrence, listed.event, listed.centre
    start, end = moments(occurrence)
    cancelled = occurrence.status == OccurrenceStatus.CANCELLED
    return {
        "id": date_id(occurrence),
        "title": text(occurrence.title_override or event.title) or "",
        "url": safe_url(links.event),
        "start": start,
        "end": end,
        "all_day": bool(occurrence.all_day),
        "status": OccurrenceStatus.CANCELLED.value if cancelled else OccurrenceStatus.SCHEDULED.value,
        "series": text(listed.series),
        "centre": {"name": text(centre.title) or "", "slug": centre.slug, "url": safe_url(links.centre)}
        if centre
        else None,
        "location": location(event, centre),
        "themes": [{"slug": theme.slug, "label": text(theme.label) or theme.slug} for theme in listed.themes],
        "audience": [{"code": code, "label": label} for code, label in audiences],
        "registration_url": safe_url(event.registration_url),
    }


def document(*, count: int, next_url: str | None, previous_url: str | None, results: list, warnings: list) -> dict:
    """A page of dates: how many match in all, the neighbouring pages, the dates, and what of the
    request was not used (in the agenda's language)."""
    return {
        "count": count,
        "next": next_url,
        "previous": previous_url,
        "results": results,
        "warnings": [text(warning) for warning in warnings if text(warning)],
    }


def encode(data) -> bytes:
    """``data`` as compact UTF-8 JSON with ``<``, ``>``, ``&`` and the line separators escaped."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES).encode()
