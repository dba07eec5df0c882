"""The dates the public agenda lists, with what a list shows of each: shared by the agenda page,
centre pages, blocks and feeds.

Every read here runs a fixed number of queries, however many events there are: the centre of each
event is found by page path in one query, and themes come in one prefetch.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db.models import QuerySet

from agenda_pages.models import CentrePage, EventOccurrence, EventPage, EventThemeTag, OccurrenceStatus
from agenda_pages.models.centres import centres_above, parent_path
from agenda_pages.public.filters import AgendaFilters


def local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


# Event columns a list never shows; the import's snapshot alone can be larger than the rest together.
LIST_DEFERRED = ("page__description", "page__source_snapshot", "page__source_conflicts")


def agenda_occurrences(filters: AgendaFilters, now: datetime) -> QuerySet[EventOccurrence]:
    """Public upcoming occurrences matching ``filters``, soonest first, with their event page.

    Ordered by start and id only: a tie-break on the event's title would make the database sort
    every upcoming date instead of walking the start index.
    """
    occurrences = EventOccurrence.objects.public().upcoming(now).matching(filters)
    return occurrences.select_related("page").defer(*LIST_DEFERRED).order_by("start", "pk")


@dataclass
class ListedOccurrence:
    """What the agenda shows of one date: the occurrence, its event, its centre and themes."""

    occurrence: EventOccurrence
    event: EventPage
    centre: CentrePage | None
    themes: list

    @property
    def title(self) -> str:
        return self.occurrence.title_override or self.event.title

    @property
    def is_cancelled(self) -> bool:
        return self.occurrence.status == OccurrenceStatus.CANCELLED

    @property
    def local_start(self) -> datetime:
        return self.occurrence.start.astimezone(local_zone())

    @property
    def local_end(self) -> datetime | None:
        return self.occurrence.end.astimezone(local_zone()) if self.occurrence.end else None

    @property
    def day(self) -> date:
        return self.local_start.date()


def with_details(occurrences) -> list[ListedOccurrence]:
    """Attach centres and themes to a page of occurrences: two queries, however many there are."""
    occurrences = list(occurrences)
    if not occurrences:
        return []
    event_ids = {occurrence.page_id for occurrence in occurrences}
    themes: dict[int, list] = {}
    for item in (
        EventThemeTag.objects.filter(content_object_id__in=event_ids).select_related("tag").order_by("tag__name")
    ):
        themes.setdefault(item.content_object_id, []).append(item.tag)
    centres = centres_above(occurrence.page for occurrence in occurrences)
    return [
        ListedOccurrence(
            occurrence=occurrence,
            event=occurrence.page,
            centre=centres.get(parent_path(occurrence.page.path)),
            themes=themes.get(occurrence.page_id, []),
        )
        for occurrence in occurrences
    ]


def centre_occurrences(centre: CentrePage, now: datetime) -> QuerySet[EventOccurrence]:
    """The public upcoming dates of one centre's events, soonest first."""
    return (
        EventOccurrence.objects.public()
        .upcoming(now)
        .of_centre(centre)
        .select_related("page")
        .defer(*LIST_DEFERRED)
        .order_by("start", "pk")
    )
