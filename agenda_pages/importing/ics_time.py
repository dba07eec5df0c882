"""Time helpers for the iCalendar parser: local times, all-day spans and rules too costly to expand."""

from datetime import date, datetime, timedelta, tzinfo

from icalendar import Calendar, Component

from .types import AMSTERDAM, ParseWarning, start_of_day

# dateutil walks a rule from DTSTART, so expanding a fine-grained rule that started long ago costs
# one step per period since then (FREQ=MINUTELY from 1900 took 206 s of CPU for one day in 2026).
REFUSED_FREQUENCIES = frozenset({"SECONDLY", "MINUTELY"})
MAX_RULE_STEPS = 200_000
_PERIOD_OF = {
    "HOURLY": timedelta(hours=1),
    "DAILY": timedelta(days=1),
    "WEEKLY": timedelta(weeks=1),
    "MONTHLY": timedelta(days=28),
    "YEARLY": timedelta(days=365),
}


def as_aware(value: datetime, zone: tzinfo = AMSTERDAM) -> datetime:
    """A floating (naive) time is read as local time in ``zone``."""
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


def in_amsterdam(value: datetime) -> datetime:
    """The same instant in Europe/Amsterdam: plain ZoneInfo values pickle, a feed's own VTIMEZONE may not."""
    return as_aware(value).astimezone(AMSTERDAM)


def occurrence_span(start: date | datetime, end: date | datetime | None) -> tuple[datetime, datetime | None, bool]:
    """Return (start, exclusive end, all_day) as aware datetimes.

    An all-day event's DTEND is the day after its last day; a missing or non-positive end means
    one day. A timed event without a real end (none, or equal to its start) gets ``None``.
    """
    if not isinstance(start, datetime):
        end_day = end.date() if isinstance(end, datetime) else end
        if end_day is None or end_day <= start:
            end_day = start + timedelta(days=1)
        return start_of_day(start), start_of_day(end_day), True
    aware_start = in_amsterdam(start)
    if end is None:
        return aware_start, None, False
    aware_end = in_amsterdam(end) if isinstance(end, datetime) else start_of_day(end)
    return aware_start, (aware_end if aware_end > aware_start else None), False


def refused_rule_reason(component: Component, window_end: datetime) -> str:
    """Why this component's RRULE is too costly to expand, or "" when it is fine."""
    start = component.get("DTSTART")
    for rule in component.rrules:
        frequencies = rule.get("FREQ") or []
        frequency = str(frequencies[0]).upper() if frequencies else ""
        if frequency in REFUSED_FREQUENCIES:
            return f"its repeat rule (FREQ={frequency}) repeats more often than hourly"
        interval = int((rule.get("INTERVAL") or [1])[0])
        if interval < 1:  # dateutil would step by nothing (or backwards) for ever
            return f"its repeat rule has INTERVAL={interval}; it must be 1 or more"
        if frequency not in _PERIOD_OF or start is None or rule.get("COUNT"):
            continue
        first = start.dt if isinstance(start.dt, datetime) else start_of_day(start.dt)
        steps = (window_end - as_aware(first)) / (_PERIOD_OF[frequency] * interval)
        if steps > MAX_RULE_STEPS:
            return f"its repeat rule (FREQ={frequency}) starts too long ago ({first:%Y-%m-%d}) to expand"
    return ""


def unknown_time_zone_warnings(calendar: Calendar, seen: set[str]) -> list[ParseWarning]:
    """icalendar silently leaves a time naive (floating) when its TZID is neither known nor defined."""
    warnings = []
    for component in calendar.subcomponents:
        if component.name != "VEVENT":
            continue
        for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
            prop = component.get(name)
            tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
            if tzid is None or tzid in seen:
                continue
            try:
                value = prop.dt
            except Exception:  # a broken date: icalendar raises only when it is read; the event's own reading warns
                continue
            if isinstance(value, datetime) and value.tzinfo is None:
                seen.add(tzid)
                message = f"Unknown time zone {tzid!r}; its times were read as Europe/Amsterdam."
                warnings.append(ParseWarning(message, str(component.get("UID", ""))))
    return warnings
