"""What a centre's page shows a guest: its opening hours in words and its activities, each once.

A centre with a weekly walking group and a weekly coffee morning would otherwise fill its page
with twenty rows of the same two activities; here each activity is one entry with how often it
comes back and its next date, read with the agenda's own "each activity once" queries.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.utils.formats import time_format
from django.utils.translation import gettext

from agenda_pages.models import CentrePage, EventOccurrence
from agenda_pages.opening_hours import OpeningLine
from agenda_pages.public import occurrences
from agenda_pages.public.rhythm_text import weekday_name

ACTIVITY_LIMIT = 12  # a centre's page is not its agenda: the agenda lists the rest


@dataclass(frozen=True)
class HoursRow:
    """One line of opening hours as the page shows it: "maandag tot en met vrijdag", "10:00 tot 16:00".
    ``days`` is "" for a line the editor wrote in their own words (shown as ``hours``)."""

    days: str
    hours: str


def _days_text(days: tuple[int, ...]) -> str:
    if len(days) >= 3 and days == tuple(range(days[0], days[-1] + 1)):
        return gettext("%(first)s to %(last)s") % {"first": weekday_name(days[0]), "last": weekday_name(days[-1])}
    return _listed([weekday_name(day) for day in days])


def _listed(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c" in the active language."""
    if len(items) == 1:
        return items[0]
    return gettext("%(list)s and %(last)s") % {"list": ", ".join(items[:-1]), "last": items[-1]}


def _clock(value: time) -> str:
    return time_format(value, "H:i")


def _hours_text(line: OpeningLine) -> str:
    if line.closed:
        return gettext("closed")
    return _listed(
        [
            gettext("from %(start)s to %(end)s") % {"start": _clock(opens), "end": _clock(closes)}
            for opens, closes in line.hours
        ]
    )


def opening_hours_rows(lines: list[OpeningLine]) -> list[HoursRow]:
    """The opening hours (``parse_opening_hours``) in words, in the active language, in the editor's order."""
    return [
        HoursRow(_days_text(line.days), _hours_text(line)) if line.understood else HoursRow("", line.text)
        for line in lines
    ]


@dataclass(frozen=True)
class CentreActivities:
    items: list[occurrences.ListedOccurrence]  # each activity once, at its next date, soonest first
    more: bool  # the centre has more activities than are shown


def centre_activities(centre: CentrePage, now: datetime, limit: int = ACTIVITY_LIMIT) -> CentreActivities:
    """The centre's upcoming activities, each once with its next date and how often it comes back:
    five queries, however many activities and dates there are."""
    matches = EventOccurrence.objects.public().upcoming(now).of_centre(centre)
    rows = list(occurrences.agenda_activities(matches)[: limit + 1])  # one more tells whether there are more
    items = occurrences.with_details(occurrences.next_dates(rows[:limit], matches))
    return CentreActivities(items=items, more=len(rows) > limit)
