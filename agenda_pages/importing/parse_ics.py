"""Parse an iCalendar feed into one :class:`ParsedEvent` per UID, expanded within the import window.

Pure: bytes in, frozen values out; no Django, no network, no clock. One broken event becomes a
:class:`ParseWarning`; only a body that is not a whole calendar raises :class:`FeedParseError`.
"""

import codecs
import hashlib
import re
from collections import defaultdict
from datetime import UTC, datetime

import icalendar
import recurring_ical_events
import x_wr_timezone
from icalendar import Calendar, Component

from .attendance import meeting_link, without_links
from .ics_time import as_aware, occurrence_span, refused_rule_reason, unknown_time_zone_warnings
from .json_text import clean_text
from .types import (
    AttendanceMode,
    EventStatus,
    FeedFormat,
    FeedParseError,
    ParsedEvent,
    ParsedOccurrence,
    ParseLimits,
    ParseResult,
    ParseWarning,
    check_dates,
)

_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_FOLD = re.compile(r"(?:\r\n|\n|\r)[ \t]")
_UNREADABLE = "This event could not be read"
# RFC 5545, 3.3.11: in a TEXT value a backslash escapes a backslash, ";" or ",", and "\n" or "\N" is a
# line break. One pass, so an escaped backslash before an "n" stays a backslash and an "n".
_TEXT_ESCAPE = re.compile(r"\\([\\;,nN])")


def parse_ics(data: bytes, *, limits: ParseLimits) -> ParseResult:
    warnings: list[ParseWarning] = []
    text = _decode(data, warnings)
    _check_is_whole_calendar(text)
    # icalendar caches every custom VTIMEZONE per process, first definition wins; switching the
    # provider empties that cache, so another feed's "Customized Time Zone" cannot leak in.
    icalendar.use_zoneinfo()
    series = _collect_series(_read_calendars(text, warnings), warnings)
    broken = failed_before = sum(1 for warning in warnings if warning.message.startswith(_UNREADABLE))

    events: list[ParsedEvent] = []
    remaining = limits.max_occurrences_per_feed
    left_out = 0
    for uid, components in series.items():
        if remaining <= 0:
            left_out += 1
            continue
        try:
            event = _parse_series(uid, components, limits, remaining, warnings)
            if event is not None:
                check_dates(event)
        except Exception as error:  # any library error in one series must not stop the feed
            broken += 1
            warnings.append(ParseWarning(f"{_UNREADABLE} and was skipped: {_describe(error)}", uid))
            continue
        if event is not None:
            events.append(event)
            remaining -= len(event.occurrences)
    if left_out:
        warnings.append(
            ParseWarning(
                f"The feed has more than {limits.max_occurrences_per_feed} occurrences in the import window; "
                f"{left_out} events after that were left out."
            )
        )
    if broken and broken == failed_before + len(series):
        first = next(warning for warning in warnings if warning.message.startswith(_UNREADABLE))
        raise FeedParseError(f"None of the {broken} events in the feed could be read. First problem: {first.message}")
    return ParseResult(format=FeedFormat.ICS, events=tuple(events), warnings=tuple(warnings), truncated=left_out > 0)


# --- bytes to calendars -------------------------------------------------------------------------


def _decode(data: bytes, warnings: list[ParseWarning]) -> str:
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        warnings.append(ParseWarning("The feed is not valid UTF-8; it was read as Windows-1252 (Western European)."))
        return data.decode("cp1252", errors="replace")


def _unfold(text: str) -> str:
    return _FOLD.sub("", text)


def _check_is_whole_calendar(text: str) -> None:
    """Refuse anything that is not one or more complete VCALENDARs.

    A body cut off in transit would otherwise look like a feed whose later events were deleted,
    and the sync would withdraw them.
    """
    lines = [line.strip().upper() for line in _LINE_BREAK.split(_unfold(text)) if line.strip()]
    if not lines:
        raise FeedParseError("The feed is empty: the server sent no calendar data.")
    if lines[0] != "BEGIN:VCALENDAR":
        raise FeedParseError(f"The feed is not an iCalendar (.ics) file: {_what_it_looks_like(text)}.")
    if lines[-1] != "END:VCALENDAR" or lines.count("BEGIN:VCALENDAR") != lines.count("END:VCALENDAR"):
        raise FeedParseError(
            "The feed is incomplete: it does not end with END:VCALENDAR, so the download was probably cut off. "
            "Nothing was changed."
        )


def _what_it_looks_like(text: str) -> str:
    start = text.lstrip()
    if start[:1] == "<":
        return "it looks like a web page (HTML), perhaps an error or login page"
    if start[:1] in "{[":
        return "it looks like JSON data"
    return f"it starts with {start[:40]!r}"


def _read_calendars(text: str, warnings: list[ParseWarning]) -> list[Calendar]:
    try:
        return Calendar.from_ical(text, multiple=True)
    except Exception as error:  # icalendar raises ValueError, AttributeError, ... on bad input
        message = f"The calendar has errors ({_describe(error)}); its events were read one by one."
        warnings.append(ParseWarning(message))
        return [_read_leniently(text, warnings)]


def _read_leniently(text: str, warnings: list[ParseWarning]) -> Calendar:
    """Read each VTIMEZONE and VEVENT on its own (alarms dropped), skipping those that fail."""
    header, blocks = _split_top_level(text)
    calendar = _parse_wrapped(header) or Calendar()
    for block in blocks:
        kind = block[0].strip().upper().removeprefix("BEGIN:")
        if kind not in {"VTIMEZONE", "VEVENT"}:
            continue
        try:
            parsed = _parse_wrapped(_without_alarms(block), strict=True)
        except Exception as error:  # see _read_calendars
            uid = next((line[4:].strip() for line in block if line.upper().startswith("UID:")), "")
            uid = unescape_text(uid)  # read from the raw line, as icalendar would have
            what = "A time zone definition could not be read" if kind == "VTIMEZONE" else _UNREADABLE
            warnings.append(ParseWarning(f"{what} and was skipped: {_describe(error)}", uid))
            continue
        for component in parsed.subcomponents:
            calendar.add_component(component)
    return calendar


def _split_top_level(text: str) -> tuple[list[str], list[list[str]]]:
    """The VCALENDAR properties, and the lines of each component directly inside a VCALENDAR."""
    header: list[str] = []
    blocks: list[list[str]] = []
    current: list[str] = []
    depth = 0
    for line in _LINE_BREAK.split(_unfold(text)):
        upper = line.strip().upper()
        if upper.startswith("BEGIN:"):
            depth += 1
        if depth >= 2:
            current.append(line)
        elif depth == 1 and not upper.startswith(("BEGIN:", "END:")) and upper:
            header.append(line)
        if upper.startswith("END:"):
            depth -= 1
            if depth == 1 and current:
                blocks.append(current)
                current = []
    return header, blocks


def _without_alarms(lines: list[str]) -> list[str]:
    kept, in_alarm = [], False
    for line in lines:
        upper = line.strip().upper()
        in_alarm = in_alarm or upper == "BEGIN:VALARM"
        if not in_alarm:
            kept.append(line)
        in_alarm = in_alarm and upper != "END:VALARM"
    return kept


def _parse_wrapped(lines: list[str], *, strict: bool = False) -> Calendar | None:
    try:
        return Calendar.from_ical("\r\n".join(["BEGIN:VCALENDAR", *lines, "END:VCALENDAR"]))
    except Exception:  # the caller decides whether a failure matters
        if strict:
            raise
        return None


# --- calendars to series ------------------------------------------------------------------------


def _collect_series(calendars: list[Calendar], warnings: list[ParseWarning]) -> dict[str, list[Component]]:
    """Group the VEVENTs of all calendars by UID."""
    series: dict[str, list[Component]] = defaultdict(list)
    without_uid = 0
    unknown_zones: set[str] = set()
    for calendar in calendars:
        warnings.extend(unknown_time_zone_warnings(calendar, unknown_zones))
        try:
            calendar = x_wr_timezone.to_standard(calendar)
        except Exception as error:
            warnings.append(ParseWarning(f"The calendar's X-WR-TIMEZONE was ignored: {_describe(error)}"))
        for component in calendar.subcomponents:
            if component.name != "VEVENT":
                continue
            uid = clean_text(str(component.get("UID", "")))
            if not uid:
                without_uid += 1
                uid = _synthetic_uid(component)
            series[uid].append(component)
    if without_uid:
        warnings.append(
            ParseWarning(f"{without_uid} events have no UID; each was identified by its start time and title.")
        )
    return series


def _synthetic_uid(component: Component) -> str:
    start = component.get("DTSTART")
    key = f"{start.to_ical().decode() if start is not None else ''}|{component.get('SUMMARY', '')}"
    return "nouid-" + hashlib.sha256(key.encode()).hexdigest()[:24]


# --- one series ---------------------------------------------------------------------------------


def _parse_series(
    uid: str, components: list[Component], limits: ParseLimits, remaining: int, warnings: list[ParseWarning]
) -> ParsedEvent | None:
    masters = [component for component in components if "RECURRENCE-ID" not in component]
    master = masters[0] if masters else components[0]
    if reason := refused_rule_reason(master, limits.window_end):
        warnings.append(ParseWarning(f"This event was skipped: {reason}.", uid))
        return None
    occurrences = _expand(uid, components, master, limits, remaining, warnings)
    if not occurrences:
        return None
    return _event_from(uid, master, occurrences)


def _expand(
    uid: str,
    components: list[Component],
    master: Component,
    limits: ParseLimits,
    remaining: int,
    warnings: list[ParseWarning],
) -> tuple[ParsedOccurrence, ...]:
    calendar = Calendar()
    for component in components:
        calendar.add_component(component)
    cap = min(limits.max_occurrences_per_series, remaining)
    has_end = "DTEND" in master or "DURATION" in master
    found: list[ParsedOccurrence] = []
    for series in recurring_ical_events.of(calendar).series:
        # Series.between is lazy, so an unbounded rule costs no more than the cap.
        for occurrence in series.between(limits.window_start, limits.window_end):
            if len(found) == cap:
                warnings.append(ParseWarning(f"Only the first {cap} occurrences of this event were kept.", uid))
                return tuple(sorted(found, key=lambda item: item.start))
            found.append(_occurrence_from(occurrence.as_component(False), master, has_end))
    return tuple(sorted(found, key=lambda item: item.start))


def _occurrence_from(component: Component, master: Component, has_end: bool) -> ParsedOccurrence:
    end = component.get("DTEND")
    start, end, all_day = occurrence_span(component["DTSTART"].dt, end.dt if end is not None and has_end else None)
    cancelled = _is_cancelled(component) and not _is_cancelled(master)
    title = _text(component, "SUMMARY")
    return ParsedOccurrence(
        start=start,
        end=end,
        all_day=all_day,
        status=EventStatus.CANCELLED if cancelled else EventStatus.SCHEDULED,
        title=title if title != _text(master, "SUMMARY") else None,
    )


def _event_from(uid: str, master: Component, occurrences: tuple[ParsedOccurrence, ...]) -> ParsedEvent:
    location = _text(master, "LOCATION")
    url = _text(master, "URL")
    meeting = meeting_link(location) or meeting_link(url)
    physical = without_links(location) if meeting else location
    if meeting and not physical:
        mode, location = AttendanceMode.ONLINE, ""
    elif meeting:
        mode, location = AttendanceMode.MIXED, physical
    else:
        mode = AttendanceMode.IN_PERSON
    html = _html_description(master)
    modified = master.get("LAST-MODIFIED")
    return ParsedEvent(
        uid=uid,
        title=_text(master, "SUMMARY"),
        occurrences=occurrences,
        description=html or _text(master, "DESCRIPTION"),
        description_is_html=bool(html),
        url=url,
        status=EventStatus.CANCELLED if _is_cancelled(master) else EventStatus.SCHEDULED,
        attendance_mode=mode,
        venue_name=location.split(",")[0].strip(),
        address=location,
        online_url=meeting,
        categories=_categories(master),
        last_modified=as_aware(modified.dt, UTC) if isinstance(getattr(modified, "dt", None), datetime) else None,
    )


def _text(component: Component, name: str) -> str:
    value = component.get(name)
    if isinstance(value, list):
        value = value[0] if value else ""
    return clean_text(str(value or ""))


def _html_description(component: Component) -> str:
    # icalendar knows no type for this Outlook property and hands over its raw, still escaped value.
    alt = component.get("X-ALT-DESC")
    for value in alt if isinstance(alt, list) else [alt]:
        if value is not None and str(value.params.get("FMTTYPE", "")).lower() == "text/html":
            return unescape_text(str(value)).strip()
    return ""


def unescape_text(value: str) -> str:
    """A TEXT value as written in a feed, as its author meant it (for properties icalendar does not
    unescape itself)."""
    return _TEXT_ESCAPE.sub(lambda match: "\n" if match.group(1) in "nN" else match.group(1), value)


def _is_cancelled(component: Component) -> bool:
    return _text(component, "STATUS").upper() == "CANCELLED"


def _categories(component: Component) -> tuple[str, ...]:
    values = component.get("CATEGORIES")
    names: list[str] = []
    for value in values if isinstance(values, list) else [values]:
        for name in getattr(value, "cats", []):
            name = str(name).strip()
            if name and name not in names:
                names.append(name)
    return tuple(names)


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:300]
