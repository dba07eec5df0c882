"""A series' rhythm in one line a person reads at a glance: "Elke dinsdag, 10:00-11:30 (vanaf 8
december, niet op 29 december)". The rhythm itself is found in :mod:`agenda_pages.rhythm`."""

from datetime import date, timedelta

from django.utils.formats import date_format, time_format
from django.utils.translation import gettext, ngettext

from agenda_pages.rhythm import Rhythm, RhythmKind

MAX_NAMED_EXCEPTIONS = 3
# A series that stops well before the import horizon (12 months) has a real end worth saying; one
# that runs to the horizon only seems to end there.
ENDS_WITHIN = timedelta(days=300)


def _ordinals():
    return {
        1: gettext("first"),
        2: gettext("second"),
        3: gettext("third"),
        4: gettext("fourth"),
        -1: gettext("last"),
    }


def weekday_name(number: int) -> str:
    """The name of a weekday (0 is Monday) in the active language: "dinsdag"."""
    return date_format(date(2024, 1, 1) + timedelta(days=number), "l")  # 1 January 2024 was a Monday


def day_text(day: date, today: date) -> str:
    """ "8 december", with the year only when it is not this year's."""
    return date_format(day, "j F" if day.year == today.year else "j F Y")


def rhythm_text(rhythm: Rhythm, today: date) -> str:
    """The whole line: how often, at what time, since and until when, and the dates left out."""
    text = how_often_text(rhythm, today)
    if rhythm.start_time:
        hours = time_format(rhythm.start_time, "H:i")
        if rhythm.end_time:
            hours = f"{hours}\N{EN DASH}{time_format(rhythm.end_time, 'H:i')}"  # as the dates below have it
        text = f"{text}, {hours}"
    notes = _when(rhythm, today) + _exceptions(rhythm, today)
    return f"{text} ({', '.join(notes)})" if notes else text


def how_often_text(rhythm: Rhythm, today: date) -> str:
    """ "Elke dinsdag", "Op 3 data in januari": the first part of the line, which a list shows."""
    if rhythm.kind == RhythmKind.DAILY:
        return gettext("Every day")
    if rhythm.kind == RhythmKind.WEEKLY and rhythm.interval == 1:
        return gettext("Every %(weekday)s") % {"weekday": weekday_name(rhythm.weekday)}
    if rhythm.kind == RhythmKind.WEEKLY:
        return gettext("Every other week on %(weekday)s") % {"weekday": weekday_name(rhythm.weekday)}
    if rhythm.kind == RhythmKind.MONTHLY_WEEKDAY:
        return gettext("Every %(ordinal)s %(weekday)s of the month") % {
            "ordinal": _ordinals()[rhythm.ordinal],
            "weekday": weekday_name(rhythm.weekday),
        }
    if rhythm.kind == RhythmKind.MONTHLY_DAY:
        return gettext("Every month on day %(day)s") % {"day": rhythm.day}
    if (rhythm.first.year, rhythm.first.month) == (rhythm.last.year, rhythm.last.month):
        month = date_format(rhythm.first, "F" if rhythm.first.year == today.year else "F Y")
        return ngettext("On %(count)s date in %(month)s", "On %(count)s dates in %(month)s", rhythm.count) % {
            "count": rhythm.count,
            "month": month,
        }
    return ngettext(
        "On %(count)s date from %(first)s to %(last)s", "On %(count)s dates from %(first)s to %(last)s", rhythm.count
    ) % {"count": rhythm.count, "first": day_text(rhythm.first, today), "last": day_text(rhythm.last, today)}


def _when(rhythm: Rhythm, today: date) -> list[str]:
    if not rhythm.repeats:
        return []
    first, last = day_text(rhythm.first, today), day_text(rhythm.last, today)
    if rhythm.last - rhythm.first < ENDS_WITHIN:
        return [gettext("%(first)s to %(last)s") % {"first": first, "last": last}]
    return [gettext("from %(first)s") % {"first": first}]


def _exceptions(rhythm: Rhythm, today: date) -> list[str]:
    if not rhythm.exceptions:
        return []
    named = [day_text(day, today) for day in rhythm.exceptions[:MAX_NAMED_EXCEPTIONS]]
    others = len(rhythm.exceptions) - len(named)
    if others:
        named.append(ngettext("%(count)s other date", "%(count)s other dates", others) % {"count": others})
    listed = (
        named[0]
        if len(named) == 1
        else gettext("%(list)s and %(last)s")
        % {
            "list": ", ".join(named[:-1]),
            "last": named[-1],
        }
    )
    return [gettext("not on %(dates)s") % {"dates": listed}]
