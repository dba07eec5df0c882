"""Parse one page of The Events Calendar's REST API (``/wp-json/tribe/events/v1/events``).

The response is a JSON object with an ``events`` list and, when there are more pages,
``next_rest_url``; the fetch stage follows that link, this module only reports it.
"""

import re
from datetime import UTC, date, datetime, timedelta, timezone
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from agenda_pages.sanitize import plain_text

from .json_text import clean_text, load_json
from .types import (
    AMSTERDAM,
    AttendanceMode,
    FeedFormat,
    FeedParseError,
    ParsedEvent,
    ParsedOccurrence,
    ParseLimits,
    ParseResult,
    ParseWarning,
    check_dates,
    start_of_day,
    unreadable_reason,
    within_limits,
)

TEC_DATE_FORMAT = "%Y-%m-%d %H:%M:%S"

_UTC_OFFSET = re.compile(r"^UTC([+-])(\d{1,2})(?:[:.](\d{2}))?$")


class InvalidEvent(ValueError):
    """One item of the ``events`` list cannot be read; it is skipped with a warning."""


def parse_tec(data: bytes, *, limits: ParseLimits) -> ParseResult:
    document = _load_document(data)
    events: list[ParsedEvent] = []
    warnings: list[ParseWarning] = []
    seen_uids: set[str] = set()

    for position, item in enumerate(document["events"], start=1):
        uid = _item_uid(item) or f"item {position}"
        if uid in seen_uids:
            warnings.append(ParseWarning(f"Event {uid} appears more than once; only the first was kept.", uid))
            continue
        try:
            event = _parse_event(item)
            check_dates(event)
        except ValueError as error:  # InvalidEvent, or dates check_dates refuses
            warnings.append(ParseWarning(f"Event {uid} was skipped: {error}", uid))
            continue
        except Exception as error:  # a value nobody foresaw in one item must not stop the others
            warnings.append(ParseWarning(f"Event {uid} was skipped: {unreadable_reason(error)}", uid))
            continue
        seen_uids.add(uid)
        events.append(event)
    kept, cap_warnings, truncated = within_limits(events, limits)

    next_page_url = _next_page_url(document.get("next_rest_url"))
    if next_page_url is None:
        # The later pages cannot be read, so the events on them are not known to be gone.
        warnings.append(
            ParseWarning("The link to the next page (next_rest_url) is not a web address; it was not followed.")
        )
        truncated, next_page_url = True, ""
    return ParseResult(
        format=FeedFormat.TEC_JSON,
        events=kept,
        warnings=(*warnings, *cap_warnings),
        next_page_url=next_page_url,
        truncated=truncated,
        extra={key: document[key] for key in ("total", "total_pages") if isinstance(document.get(key), int)},
    )


def _load_document(data: bytes) -> dict:
    document = load_json(data)
    if not isinstance(document, dict) or "events" not in document:
        raise FeedParseError(
            "The response is JSON but not an event list from The Events Calendar: it has no 'events' list. "
            "Check that the address ends in /wp-json/tribe/events/v1/events."
        )
    if not isinstance(document["events"], list):
        raise FeedParseError("The 'events' value in The Events Calendar's response is not a list.")
    return document


def _next_page_url(value) -> str | None:
    """The next page's address, "" on the last page, or None when the link is there but no web address."""
    if value is None or value == "":
        return ""
    url = clean_text(value)
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 -- reading it checks the port, as the fetch stage will
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def _item_uid(item) -> str:
    if not isinstance(item, dict):
        return ""
    if global_id := clean_text(item.get("global_id")):
        return global_id
    post_id = item.get("id")
    if isinstance(post_id, int | str) and not isinstance(post_id, bool) and clean_text(str(post_id)):
        return f"tec-{clean_text(str(post_id))}"
    return ""


def _parse_event(item) -> ParsedEvent:
    if not isinstance(item, dict):
        raise InvalidEvent(f"it is a {type(item).__name__}, not an object.")
    uid = _item_uid(item)
    if not uid:
        raise InvalidEvent("it has neither a global_id nor an id.")
    title = plain_text(_text(item, "title"))
    if not title:
        raise InvalidEvent("it has no title.")

    occurrence = _occurrence(item)

    venue_name, address = _venue(item.get("venue"))
    online_url = _text(item, "virtual_url") if item.get("is_virtual") is True else ""
    if item.get("is_virtual") is True:
        attendance_mode = AttendanceMode.MIXED if venue_name or address else AttendanceMode.ONLINE
    else:
        attendance_mode = AttendanceMode.IN_PERSON

    image = item.get("image")
    post_id = item.get("id")
    return ParsedEvent(
        uid=uid,
        title=title,
        occurrences=(occurrence,),
        description=_text(item, "description"),
        description_is_html=True,
        url=_text(item, "url"),
        attendance_mode=attendance_mode,
        venue_name=venue_name,
        address=address,
        online_url=online_url,
        categories=_categories(item.get("categories")),
        cost=plain_text(_text(item, "cost")),
        registration_url=_text(item, "website"),
        image_url=_text(image, "url") if isinstance(image, dict) else "",
        source_post_id="" if post_id is None or isinstance(post_id, bool) else clean_text(str(post_id)),
        last_modified=_optional_utc(item.get("modified_utc")),
    )


def _occurrence(item: dict) -> ParsedOccurrence:
    if item.get("all_day") is True:
        first_day = _local(item, "start_date").date()
        last_day = _local(item, "end_date").date() if item.get("end_date") else first_day
        if last_day < first_day:
            raise InvalidEvent("its end date is before its start date.")
        if last_day == date.max:
            raise InvalidEvent("its last day lies too far in the future.")
        return ParsedOccurrence(
            start=start_of_day(first_day), end=start_of_day(last_day + timedelta(days=1)), all_day=True
        )

    start = _utc(item, "start")
    end = _utc(item, "end") if item.get("utc_end_date") or item.get("end_date") else None
    if end is not None and end < start:
        raise InvalidEvent("its end is before its start.")
    return ParsedOccurrence(start=start, end=end)


def _utc(item: dict, which: str) -> datetime:
    """The start or end as an aware datetime, from the UTC field or else the local one and its zone."""
    if item.get(f"utc_{which}_date"):
        return _parse_date(item[f"utc_{which}_date"], f"utc_{which}_date").replace(tzinfo=UTC)
    return _local(item, f"{which}_date")


def _local(item: dict, key: str) -> datetime:
    if key not in item or item[key] in (None, ""):
        raise InvalidEvent(f"it has no {key}.")
    return _parse_date(item[key], key).replace(tzinfo=_zone(item.get("timezone")))


def _parse_date(value, key: str) -> datetime:
    if not isinstance(value, str):
        raise InvalidEvent(f"its {key} is not a date.")
    try:
        return datetime.strptime(value.strip(), TEC_DATE_FORMAT)
    except ValueError:
        raise InvalidEvent(f"its {key} {value!r} is not a date like 2025-01-31 20:00:00.") from None


def _optional_utc(value) -> datetime | None:
    try:
        parsed = _parse_date(value, "modified_utc")
    except InvalidEvent:
        return None
    # Only compared, never shown: a year at the edge of what Python represents is dropped, not the event.
    return parsed.replace(tzinfo=UTC) if 1 < parsed.year < 9999 else None


def _zone(name) -> timezone | ZoneInfo:
    """WordPress gives either a zone name or a manual offset such as "UTC+2"; default to Amsterdam."""
    if not isinstance(name, str) or not name.strip():
        return AMSTERDAM
    name = name.strip()
    if name == "UTC":
        return UTC
    if match := _UTC_OFFSET.match(name):
        sign, hours, minutes = match.groups()
        offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
        return timezone(-offset if sign == "-" else offset)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name longer than a file name may be
        return AMSTERDAM


def _venue(venue) -> tuple[str, str]:
    if not isinstance(venue, dict):  # TEC sends [] when an event has no venue
        return "", ""
    street = plain_text(_text(venue, "address"))
    locality = " ".join(part for part in (plain_text(_text(venue, "zip")), plain_text(_text(venue, "city"))) if part)
    address = ", ".join(part for part in (street, locality) if part)
    return plain_text(_text(venue, "venue")), address


def _categories(categories) -> tuple[str, ...]:
    if not isinstance(categories, list):
        return ()
    names = (plain_text(_text(category, "name")) for category in categories if isinstance(category, dict))
    return tuple(dict.fromkeys(name for name in names if name))


def _text(mapping: dict, key: str) -> str:
    return clean_text(mapping.get(key))
