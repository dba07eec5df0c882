"""Finding the existing page of each feed item: a source's pages and dates are loaded once and
matched in memory, so a run costs the same few queries however many events the feed has."""

from collections import defaultdict
from datetime import datetime
from typing import NamedTuple

from agenda_pages.models import EventOccurrence, EventPage, FeedSource

from .mapping import MappedEvent


class LiveDate(NamedTuple):
    """An occurrence row as the sync needs it: read as a plain tuple, because a source's every date is
    loaded on every changed run, and model instances of them cost more than the rest of the match."""

    pk: int
    start: datetime
    end: datetime | None
    status: str


def live_dates(source: FeedSource) -> dict[int, list[LiveDate]]:
    rows = defaultdict(list)
    fields = ("pk", "page_id", "start", "end", "status")
    for pk, page_id, start, end, status in EventOccurrence.objects.filter(page__source=source).values_list(*fields):
        rows[page_id].append(LiveDate(pk, start, end, status))
    return rows


class PageIndex:
    """Existing pages of a source by every identity a feed item may match on, strongest first.

    Some producers change an item's UID when it is rescheduled (The Events Calendar's iCal export
    builds it from the post id and the times), so the event URL, the post id and finally the same
    title at the same first start are tried before a new page is made.
    """

    def __init__(self, pages: list[EventPage], rows: dict[int, list[LiveDate]]):
        self.by_uid, self.by_url, self.by_post_id, self.by_title_start = {}, {}, {}, {}
        for page in pages:
            self.by_uid[page.source_uid] = page
            if page.source_url:
                self.by_url.setdefault(page.source_url, page)
            if page.source_post_id:
                self.by_post_id.setdefault(page.source_post_id, page)
            starts = [row.start for row in rows[page.pk]]
            if starts:
                self.by_title_start.setdefault((page.title, min(starts)), page)

    def match(self, event: MappedEvent, taken: set[int]) -> EventPage | None:
        candidates = (
            self.by_uid.get(event.uid),
            self.by_url.get(event.source_url) if event.source_url else None,
            self.by_post_id.get(event.source_post_id) if event.source_post_id else None,
            self.by_title_start.get((event.title, event.first_start)),
        )
        return next((page for page in candidates if page is not None and page.pk not in taken), None)


def is_future(occurrence: LiveDate | EventOccurrence, now: datetime) -> bool:
    return (occurrence.end or occurrence.start) >= now
