"""The dates the public agenda lists, with what a list shows of each: shared by the agenda page,
centre pages, blocks and feeds.

Every read here runs a fixed number of queries, however many events there are: the centre of each
event is found by page path in one query, and themes come in one prefetch.
"""

import zoneinfo
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db.models import Count, Min, QuerySet
from django.utils import timezone

from agenda_pages.models import CentrePage, EventOccurrence, EventPage, OccurrenceStatus
from agenda_pages.models.centres import centres_above, parent_path
from agenda_pages.public.filters import AgendaFilters
from agenda_pages.public.rhythm_text import how_often_text
from agenda_pages.rhythm import rhythm_of


def local_zone() -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


# Event columns a list never shows; the import's snapshot alone can be larger than the rest together.
LIST_DEFERRED = ("page__description", "page__source_snapshot", "page__source_conflicts")


def agenda_matches(filters: AgendaFilters, now: datetime) -> QuerySet[EventOccurrence]:
    """Public upcoming occurrences matching ``filters``, in no order: what the list, its counts and
    its activities are read from (matching by place looks up the centres in range once)."""
    return EventOccurrence.objects.public().upcoming(now).matching(filters)


def in_agenda_order(occurrences: QuerySet[EventOccurrence]) -> QuerySet[EventOccurrence]:
    """Soonest first, with their event page.

    Ordered by start and id only: a tie-break on the event's title would make the database sort
    every upcoming date instead of walking the start index.
    """
    return occurrences.select_related("page").defer(*LIST_DEFERRED).order_by("start", "pk")


def agenda_occurrences(filters: AgendaFilters, now: datetime) -> QuerySet[EventOccurrence]:
    """Public upcoming occurrences matching ``filters``, soonest first, with their event page."""
    return in_agenda_order(agenda_matches(filters, now))


@dataclass(frozen=True)
class AgendaCounts:
    dates: int
    activities: int


def agenda_counts(matches: QuerySet[EventOccurrence]) -> AgendaCounts:
    """How many dates match, and of how many activities: one query."""
    counts = matches.aggregate(dates=Count("pk"), activities=Count("page_id", distinct=True))
    return AgendaCounts(dates=counts["dates"], activities=counts["activities"])


def agenda_activities(matches: QuerySet[EventOccurrence]):
    """Each matching activity once, as ``{"page_id", "next_start"}``, the soonest next date first."""
    return matches.values("page_id").annotate(next_start=Min("start")).order_by("next_start", "page_id")


def next_dates(activities, matches: QuerySet[EventOccurrence]) -> list[EventOccurrence]:
    """The matching next date of each of a page of ``agenda_activities``, in their order: one query."""
    activities = list(activities)
    wanted = {(row["page_id"], row["next_start"]) for row in activities}
    found: dict[int, EventOccurrence] = {}
    for occurrence in in_agenda_order(
        matches.filter(
            page_id__in=[row["page_id"] for row in activities],
            start__in={row["next_start"] for row in activities},
        )
    ):
        if (occurrence.page_id, occurrence.start) in wanted:
            found.setdefault(occurrence.page_id, occurrence)
    return [found[row["page_id"]] for row in activities if row["page_id"] in found]


@dataclass
class ListedOccurrence:
    """What the agenda shows of one date: the occurrence, its event, its centre and themes, and how
    often the event comes back ("Elke dinsdag"; empty for a single date)."""

    occurrence: EventOccurrence
    event: EventPage
    centre: CentrePage | None
    themes: list
    series: str = ""
    distance_km: float | None = None  # from the place the visitor asked for

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
    """Attach centres, themes and series to a page of occurrences: three queries, however many there
    are."""
    occurrences = list(occurrences)
    if not occurrences:
        return []
    event_ids = {occurrence.page_id for occurrence in occurrences}
    series = _series_texts(event_ids)
    themes: dict[int, list] = {}
    for item in EventPage.themes.through.objects.filter(eventpage_id__in=event_ids).select_related("theme"):
        themes.setdefault(item.eventpage_id, []).append(item.theme)
    for listed in themes.values():
        listed.sort(key=lambda theme: theme.label)  # in the visitor's language
    centres = centres_above(occurrence.page for occurrence in occurrences)
    return [
        ListedOccurrence(
            occurrence=occurrence,
            event=occurrence.page,
            centre=centres.get(parent_path(occurrence.page.path)),
            themes=themes.get(occurrence.page_id, []),
            series=series.get(occurrence.page_id, ""),
        )
        for occurrence in occurrences
    ]


def _series_texts(event_ids) -> dict[int, str]:
    """How often each event comes back, read from its upcoming public dates ("Elke dinsdag")."""
    now = timezone.now()
    dates: dict[int, list] = {}
    for occurrence in (
        EventOccurrence.objects.filter(page_id__in=event_ids)
        .public()
        .upcoming(now)
        .only("page_id", "start", "end", "all_day", "status")
        .order_by("start")
    ):
        dates.setdefault(occurrence.page_id, []).append(occurrence)
    today = now.astimezone(local_zone()).date()
    texts = {}
    for event_id, event_dates in dates.items():
        rhythm = rhythm_of(event_dates, local_zone())
        if rhythm is not None:
            texts[event_id] = how_often_text(rhythm, today)
    return texts
