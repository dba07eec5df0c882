"""The rhythm of a series, read from its dates: "every Tuesday", "every first Monday of the month".

Most of the centres' activities are weekly or monthly groups, but only iCalendar feeds carry a
repeat rule; The Events Calendar and schema.org feeds send a list of dates. So the rhythm is derived
from the dates themselves, the same way for every feed, and a person reads one line instead of 52
dates. Pure: dates in, a :class:`Rhythm` out; the words are the public pages' business.

A rhythm is only claimed when it describes the dates honestly: at least three dates, every date on
the pattern, and at most a quarter of the pattern's dates missing (missing and cancelled dates are
named as exceptions). Anything else is a plain list of dates.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from agenda_pages.vocabulary import OccurrenceStatus

MIN_DATES = 3
MAX_MISSING_SHARE = 0.25


class RhythmKind(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"  # every ``interval`` weeks on ``weekday``
    MONTHLY_WEEKDAY = "monthly_weekday"  # the ``ordinal`` (1-4, or -1 for the last) ``weekday`` of the month
    MONTHLY_DAY = "monthly_day"  # on ``day`` of every month
    DATES = "dates"  # no rhythm: a number of dates between ``first`` and ``last``


@dataclass(frozen=True)
class SeriesDate:
    """One date of a series in local time; ``end`` is None when the feed gave none."""

    start: datetime
    end: datetime | None = None
    all_day: bool = False
    cancelled: bool = False


@dataclass(frozen=True)
class Rhythm:
    kind: RhythmKind
    first: date
    last: date
    count: int  # dates that take place (cancelled ones not counted)
    weekday: int | None = None  # Monday is 0
    interval: int = 1
    ordinal: int | None = None
    day: int | None = None
    start_time: time | None = None  # when every date starts (and ends) at the same time of day
    end_time: time | None = None
    exceptions: tuple[date, ...] = ()  # dates of the pattern that do not take place

    @property
    def repeats(self) -> bool:
        return self.kind != RhythmKind.DATES


def rhythm_of(occurrences, zone: ZoneInfo) -> Rhythm | None:
    """The rhythm of an event's dates (anything with ``start``, ``end``, ``all_day`` and ``status``),
    read in ``zone``."""
    return series_rhythm(
        SeriesDate(
            start=occurrence.start.astimezone(zone),
            end=occurrence.end.astimezone(zone) if occurrence.end else None,
            all_day=occurrence.all_day,
            cancelled=occurrence.status == OccurrenceStatus.CANCELLED,
        )
        for occurrence in occurrences
    )


def series_rhythm(dates: Iterable[SeriesDate]) -> Rhythm | None:
    """The rhythm of ``dates`` (one event's dates, in local time); None for fewer than two dates."""
    dates = sorted(dates, key=lambda item: item.start)
    days = sorted({item.start.date() for item in dates})
    if len(days) < 2 or len(days) != len(dates):
        # Two dates on one day (a morning and an afternoon group) are not one rhythm either.
        return _plain(dates, days) if len(days) >= 2 else None
    held = [item for item in dates if not item.cancelled]
    cancelled = {item.start.date() for item in dates if item.cancelled}
    start_time, end_time = _shared_times(dates)
    if len(days) >= MIN_DATES:
        for kind, fields, pattern in _candidates(days):
            missing = [day for day in pattern if day not in days]
            if set(days) <= set(pattern) and len(missing) <= len(pattern) * MAX_MISSING_SHARE:
                return Rhythm(
                    kind=kind,
                    first=days[0],
                    last=days[-1],
                    count=len(held),
                    start_time=start_time,
                    end_time=end_time,
                    exceptions=tuple(sorted({*missing, *cancelled})),
                    **fields,
                )
    return _plain(dates, days)


def _plain(dates: list[SeriesDate], days: list[date]) -> Rhythm:
    start_time, end_time = _shared_times(dates)
    held = [item for item in dates if not item.cancelled]
    return Rhythm(
        kind=RhythmKind.DATES,
        first=days[0],
        last=days[-1],
        count=len(held),
        start_time=start_time,
        end_time=end_time,
    )


def _shared_times(dates: list[SeriesDate]) -> tuple[time | None, time | None]:
    if any(item.all_day for item in dates):
        return None, None
    starts = {item.start.time() for item in dates}
    ends = {item.end.time() if item.end and item.end.date() == item.start.date() else None for item in dates}
    if len(starts) != 1:
        return None, None
    return starts.pop(), ends.pop() if len(ends) == 1 else None


def _candidates(days: list[date]):
    """(kind, fields, the pattern's dates from the first to the last day), most regular first."""
    first, last = days[0], days[-1]
    span = (last - first).days
    yield RhythmKind.DAILY, {}, [first + timedelta(days=step) for step in range(span + 1)]
    if len({day.weekday() for day in days}) == 1:
        weekday = first.weekday()
        for interval in (1, 2):
            if all((day - first).days % (7 * interval) == 0 for day in days):
                steps = range(0, span + 1, 7 * interval)
                pattern = [first + timedelta(days=step) for step in steps]
                yield RhythmKind.WEEKLY, {"weekday": weekday, "interval": interval}, pattern
        ordinals = {_ordinal(day) for day in days}
        if len(ordinals) == 1 and (ordinal := ordinals.pop()) <= 4:  # not every month has a fifth
            pattern = [_nth_weekday(year, month, weekday, ordinal) for year, month in _months(first, last)]
            yield RhythmKind.MONTHLY_WEEKDAY, {"weekday": weekday, "ordinal": ordinal}, pattern
        if all(_is_last_weekday(day) for day in days):
            pattern = [_nth_weekday(year, month, weekday, -1) for year, month in _months(first, last)]
            yield RhythmKind.MONTHLY_WEEKDAY, {"weekday": weekday, "ordinal": -1}, pattern
    if len({day.day for day in days}) == 1 and first.day <= 28:
        pattern = [date(year, month, first.day) for year, month in _months(first, last)]
        yield RhythmKind.MONTHLY_DAY, {"day": first.day}, pattern


def _ordinal(day: date) -> int:
    return (day.day - 1) // 7 + 1


def _is_last_weekday(day: date) -> bool:
    return day.day + 7 > calendar.monthrange(day.year, day.month)[1]


def _months(first: date, last: date):
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> date:
    if ordinal == -1:
        last_day = date(year, month, calendar.monthrange(year, month)[1])
        return last_day - timedelta(days=(last_day.weekday() - weekday) % 7)
    first_day = date(year, month, 1)
    return first_day + timedelta(days=(weekday - first_day.weekday()) % 7 + 7 * (ordinal - 1))
