"""The dates of an event as one of its revisions has them, and which of them is the first still to come.

The review list and the reviewers' mails show the version waiting for review, whose dates exist only in
the latest revision's content (the table rows of a live page are its live version). Both ask
``first_upcoming`` here, so a reviewer reads the same date in the mail as in the list.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from .events import EventOccurrence, OccurrenceStatus, start_of_local_day


@dataclass(frozen=True)
class RevisionDate:
    start: datetime
    end: datetime | None
    all_day: bool
    status: str

    def upcoming(self, now: datetime) -> bool:
        """Not over yet and not withdrawn: what ``EventOccurrence.objects.upcoming(now)`` keeps, minus
        the dates the feed withdrew (a cancelled date stays, so the public sees it was called off)."""
        if self.status == OccurrenceStatus.WITHDRAWN:
            return False
        if self.end is not None:
            return self.end >= now
        return self.start >= (start_of_local_day(now) if self.all_day else now)


def revision_dates(content: dict) -> list[RevisionDate]:
    """The dates in a revision's content (its inline rows, stored as JSON), soonest first.

    Read from the JSON rather than through ``Revision.as_object()``, which costs several queries a
    page: reviewers' lists and mails show the waiting version of dozens of events at once.
    """
    field = EventOccurrence._meta.get_field
    dates = [
        RevisionDate(
            start=field("start").to_python(row.get("start")),
            end=field("end").to_python(row.get("end")),
            all_day=bool(row.get("all_day")),
            status=row.get("status") or OccurrenceStatus.SCHEDULED,
        )
        for row in content.get("occurrences") or []
        if row.get("start")
    ]
    return sorted(dates, key=lambda date: date.start)


def table_dates(occurrences: Iterable[EventOccurrence]) -> list[RevisionDate]:
    """The same for dates read from the table (a page never saved as a revision), soonest first."""
    dates = [RevisionDate(row.start, row.end, row.all_day, row.status) for row in occurrences]
    return sorted(dates, key=lambda date: date.start)


def upcoming_dates(dates: Iterable[RevisionDate], now: datetime) -> list[RevisionDate]:
    return sorted((date for date in dates if date.upcoming(now)), key=lambda date: date.start)


def first_upcoming(dates: Iterable[RevisionDate], now: datetime) -> RevisionDate | None:
    """The first date still to come, or None when all have passed or were withdrawn."""
    return next(iter(upcoming_dates(dates, now)), None)
