"""What a digest holds: the activities that matched a selection and became public since the last one.

"New" is decided by when an activity became public, not by when its dates are: an event page first
published after the subscriber's last digest (or their confirmation) is new, whatever its dates, so
a course published today that starts in three months is in today's digest, and an activity already
mailed is never mailed again because a later date of it comes near. An activity is listed once, at
its next matching date, with how often it comes back ("Elke dinsdag"), so a weekly group is one
line, not 52. Only the public's dates are read (live pages, not withdrawn, not private): a draft, a
change waiting for review or a withdrawn date never reaches a mail.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet

from agenda_pages.models import EventOccurrence, EventPage
from agenda_pages.models.selection import AgendaFilters
from agenda_pages.public.occurrences import ListedOccurrence, agenda_activities, next_dates, with_details


@dataclass(frozen=True)
class DigestContent:
    listed: list[ListedOccurrence]  # one per activity, its next matching date, soonest first
    total: int  # new activities in all, of which ``listed`` are the first

    @property
    def more(self) -> int:
        return self.total - len(self.listed)


def new_matches(filters: AgendaFilters, since: datetime, now: datetime) -> QuerySet[EventOccurrence]:
    """Upcoming public dates matching ``filters`` of activities first published in (since, now]."""
    new_events = EventPage.objects.filter(first_published_at__gt=since, first_published_at__lte=now).values("pk")
    return EventOccurrence.objects.public().upcoming(now).matching(filters).filter(page_id__in=new_events)


def digest_content(filters: AgendaFilters, since: datetime, now: datetime, *, limit: int) -> DigestContent:
    """The new activities for one subscriber: a fixed number of queries, however many there are."""
    matches = new_matches(filters, since, now)
    activities = list(agenda_activities(matches)[: limit + 1])
    if not activities:
        return DigestContent([], 0)
    total = len(activities) if len(activities) <= limit else matches.values("page_id").distinct().count()
    return DigestContent(with_details(next_dates(activities[:limit], matches)), total)
