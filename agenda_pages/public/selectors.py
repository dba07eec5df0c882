"""Reads of the public agenda, shared by the agenda page, centre pages, blocks and feeds.

Every read here runs a fixed number of queries, however many events there are: the centre of each
event is found by page path in one query, and themes come in one prefetch.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q, QuerySet

from agenda_pages import geo
from agenda_pages.models import CentrePage, EventOccurrence, EventPage, EventThemeTag
from agenda_pages.models.centres import centres_above, parent_path
from agenda_pages.models.events import AttendanceMode, OccurrenceStatus
from agenda_pages.public.filters import AgendaFilters


def local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=local_zone())


def matching_centres(filters: AgendaFilters) -> QuerySet[CentrePage]:
    """Live centres that pass the centre, province and distance filters.

    The distance filter narrows by a bounding box in SQL; the exact distance is checked by
    ``centres_within``.
    """
    centres = CentrePage.objects.live()
    if filters.centres:
        centres = centres.filter(slug__in=filters.centres)
    if filters.province:
        centres = centres.filter(province=filters.province)
    if filters.near:
        box = geo.bounding_box(filters.near.latitude, filters.near.longitude, filters.radius)
        centres = centres.filter(
            latitude__range=(box.min_latitude, box.max_latitude),
            longitude__range=(box.min_longitude, box.max_longitude),
        )
    return centres


def centres_within(filters: AgendaFilters, centres) -> list:
    """The centres (with ``latitude``/``longitude``) inside the radius, nearest first."""
    if not filters.near:
        return list(centres)
    near = filters.near
    found = []
    for centre in centres:
        centre.distance_km = geo.distance_km(near.latitude, near.longitude, centre.latitude, centre.longitude)
        if centre.distance_km <= filters.radius:
            found.append(centre)
    return sorted(found, key=lambda centre: centre.distance_km)


def _under_any(paths: list[str]) -> Q:
    return reduce(or_, (Q(page__path__startswith=path) for path in paths))


def filter_occurrences(occurrences: QuerySet[EventOccurrence], filters: AgendaFilters, now: datetime):
    """Narrow public, upcoming ``occurrences`` by ``filters``; one extra query when centres are filtered."""
    since = max(now, start_of(filters.date_from)) if filters.date_from else now
    occurrences = occurrences.upcoming(since)
    if filters.date_to:
        occurrences = occurrences.filter(start__lt=start_of(filters.date_to + timedelta(days=1)))
    if filters.q:
        for word in filters.q.split()[:10]:
            occurrences = occurrences.filter(
                Q(page__title__icontains=word)
                | Q(title_override__icontains=word)
                | Q(page__description__icontains=word)
                | Q(page__venue_name__icontains=word)
                | Q(page__address__icontains=word)
            )
    if filters.themes:
        tagged = EventThemeTag.objects.filter(tag__slug__in=filters.themes).values("content_object_id")
        occurrences = occurrences.filter(page_id__in=tagged)
    if filters.audience:
        for_audience = EventPage.audience.through.objects.filter(audience__code=filters.audience).values(
            "eventpage_id"
        )
        occurrences = occurrences.filter(page_id__in=for_audience)
    if filters.mode == "online":
        occurrences = occurrences.filter(page__attendance_mode__in=[AttendanceMode.ONLINE, AttendanceMode.MIXED])
    elif filters.mode == "in-person":
        occurrences = occurrences.filter(page__attendance_mode__in=[AttendanceMode.IN_PERSON, AttendanceMode.MIXED])
    if filters.filters_centres:
        centres = matching_centres(filters).only("path", "latitude", "longitude")
        paths = [centre.path for centre in centres_within(filters, centres)]
        occurrences = occurrences.filter(_under_any(paths)) if paths else occurrences.none()
    return occurrences


# Event columns a list never shows; the import's snapshot alone can be larger than the rest together.
LIST_DEFERRED = ("page__description", "page__source_snapshot", "page__source_conflicts")


def agenda_occurrences(filters: AgendaFilters, now: datetime) -> QuerySet[EventOccurrence]:
    """Public upcoming occurrences matching ``filters``, soonest first, with their event page.

    Ordered by start and id only: a tie-break on the event's title would make the database sort
    every upcoming date instead of walking the start index.
    """
    occurrences = filter_occurrences(EventOccurrence.objects.public(), filters, now)
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
        .filter(page__path__startswith=centre.path, page__depth=centre.depth + 1)
        .select_related("page")
        .defer(*LIST_DEFERRED)
        .order_by("start", "pk")
    )
