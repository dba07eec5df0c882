"""Which days a printed programme covers, read from ``?month=2026-12`` or ``?week=2026-W50``. Pure:
the day is passed in.

Lenient like the agenda's filters: a value that cannot be used is dropped with a polite message and
the coming month is printed, so a mistyped link still prints something useful.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.formats import date_format
from django.utils.translation import gettext as _

MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")
WEEK = re.compile(r"^\s*(\d{4})-?[wW](\d{1,2})\s*$")
# A programme is for a table by the door, not a year planner: a longer from-to is cut to this.
LONGEST = timedelta(days=92)


class PeriodKind:
    COMING = "coming"  # from today, one month
    MONTH = "month"
    WEEK = "week"
    DATES = "dates"  # the agenda's own from/to


@dataclass(frozen=True)
class Period:
    first: date  # both days included
    last: date
    kind: str
    # The whole month or week asked for; ``first`` is today when it has begun.
    asked_first: date | None = None


def one_month_on(day: date) -> date:
    """The same day next month, or the month's last day when it has fewer days (31 January -> 28 February)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def coming_month(today: date) -> Period:
    return Period(today, one_month_on(today) - timedelta(days=1), PeriodKind.COMING)


def _month(text: str, today: date) -> tuple[Period | None, str]:
    found = MONTH.match(text)
    if not found or not 1 <= int(found[2]) <= 12:
        return None, _("%(value)s is not a month we can read. Use the form 2026-12.") % {"value": text}
    first = date(int(found[1]), int(found[2]), 1)
    last = one_month_on(first) - timedelta(days=1)
    if last < today:
        return None, _("That month is over.")
    return Period(max(first, today), last, PeriodKind.MONTH, asked_first=first), ""


def _week(text: str, today: date) -> tuple[Period | None, str]:
    found = WEEK.match(text)
    try:
        first = date.fromisocalendar(int(found[1]), int(found[2]), 1) if found else None
    except ValueError:
        first = None
    if first is None:
        return None, _("%(value)s is not a week we can read. Use the form 2026-W50.") % {"value": text}
    last = first + timedelta(days=6)
    if last < today:
        return None, _("That week is over.")
    return Period(max(first, today), last, PeriodKind.WEEK, asked_first=first), ""


def read_period(
    month: str = "", week: str = "", *, today: date, date_from: date | None = None, date_to: date | None = None
) -> tuple[Period, list[str]]:
    """The days to print and the messages about what could not be used.

    ``month`` wins over ``week``; either is narrowed by the agenda's own ``from``/``to`` when given.
    Without them, ``from``/``to`` alone set the days (at most ``LONGEST``), else the coming month.
    """
    messages = []
    period = None
    if month and week:
        messages.append(_("Choose a month or a week; the month is printed."))
    if month:
        period, message = _month(month, today)
    elif week:
        period, message = _week(week, today)
    else:
        message = ""
    if message:
        messages.append(message + " " + _("The coming month is printed instead."))
    if period is None and (date_from or date_to):
        first = max(date_from or today, today)
        last = date_to or (one_month_on(first) - timedelta(days=1))
        if last - first > LONGEST:
            last = first + LONGEST
            messages.append(
                _("A programme covers at most three months; it ends on %(day)s.") % {"day": date_format(last, "j F Y")}
            )
        return Period(first, last, PeriodKind.DATES), messages
    if period is None:
        return coming_month(today), messages
    if date_from or date_to:  # a month of an agenda already narrowed by dates: the days in both
        period = Period(
            max(period.first, date_from or period.first), min(period.last, date_to or period.last), period.kind
        )
    return period, messages
