"""What changed in the dates of a followed activity since its follower was last told: pure.

A follower knows a list of dates (``snapshot``: start, end, status of each upcoming public date).
Comparing it with the dates the public sees now gives the changes worth a mail:

- a date that was on and is now cancelled;
- a date that moved: its start is gone and another date appeared instead (paired in order), or its
  start is the same and its end changed;
- a date that is gone without a replacement: withdrawn from the feed, deleted by an editor, or the
  whole activity taken off the agenda.

Dates already over are left out on both sides: a date that simply passed is no change. New dates
without a vanished one are not a change a follower asked about; they become part of what they know.
The rows of an import are rewritten each time (their ids are not stable), so dates are compared by
their start and end, as the calendar UIDs are.
"""

from dataclasses import dataclass
from datetime import datetime

SCHEDULED = "scheduled"
CANCELLED = "cancelled"

KIND_CANCELLED = "cancelled"
KIND_MOVED = "moved"
KIND_WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class KnownDate:
    start: datetime
    end: datetime | None
    status: str

    def as_json(self) -> dict:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "status": self.status,
        }

    @classmethod
    def from_json(cls, value: dict) -> "KnownDate":
        end = value.get("end")
        return cls(
            datetime.fromisoformat(value["start"]), datetime.fromisoformat(end) if end else None, value["status"]
        )


@dataclass(frozen=True)
class DateChange:
    kind: str  # KIND_CANCELLED, KIND_MOVED or KIND_WITHDRAWN
    before: KnownDate
    after: KnownDate | None = None  # where a moved date went


def snapshot(dates) -> list[dict]:
    """What to remember of ``dates`` (objects with start, end and status), soonest first."""
    known = sorted({KnownDate(d.start, d.end, d.status) for d in dates}, key=lambda d: (d.start, d.end or d.start))
    return [date.as_json() for date in known]


def changes_between(known: list[dict], current: list[KnownDate], now: datetime) -> list[DateChange]:
    """The changes from ``known`` (a stored snapshot) to ``current`` (the public dates now)."""
    before = [KnownDate.from_json(value) for value in known]
    before = sorted((date for date in before if date.start > now), key=lambda date: date.start)
    after = sorted((date for date in current if date.start > now), key=lambda date: date.start)
    after_by_start = {date.start: date for date in after}
    known_starts = {date.start for date in before}
    appeared = [date for date in after if date.start not in known_starts]

    changes, vanished = [], []
    for date in before:
        now_date = after_by_start.get(date.start)
        if now_date is None:
            vanished.append(date)
        elif date.status != CANCELLED and now_date.status == CANCELLED:
            changes.append(DateChange(KIND_CANCELLED, date))
        elif now_date.end != date.end and now_date.status != CANCELLED:
            changes.append(DateChange(KIND_MOVED, date, now_date))
    for old, new in zip(vanished, appeared, strict=False):
        if old.status != CANCELLED:  # a cancelled date that later moves was already news
            changes.append(DateChange(KIND_MOVED, old, new))
    for old in vanished[len(appeared) :]:
        if old.status != CANCELLED:
            changes.append(DateChange(KIND_WITHDRAWN, old))
    return sorted(changes, key=lambda change: change.before.start)
