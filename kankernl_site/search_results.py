"""What the site search shows of each result: what it is (an activity, a centre, a page), for an
activity its next date and centre, and a short snippet with the searched words marked.

A page of results costs a fixed number of queries however many results it holds: one per page type
on it, then one for the activities' next dates and one for their centres.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Min
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from agenda_pages.models import CentrePage, EventOccurrence, EventPage, OccurrenceStatus
from agenda_pages.models.centres import centres_above, parent_path

from .search_snippets import contains_any, marked, plain_text, snippet

ACTIVITY, CENTRE, PAGE = "activity", "centre", "page"
KIND_LABELS = {ACTIVITY: _("Activity"), CENTRE: _("Centre"), PAGE: _("Page")}


@dataclass
class SearchResult:
    page: object  # the specific page
    kind: str
    title: SafeString  # with the searched words marked
    snippet: SafeString
    next_start: datetime | None = None  # an activity's next date (not cancelled)
    centre: CentrePage | None = None  # an activity's centre
    place: str = ""  # a centre's place, an activity's venue or centre's place

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])


def described(pages, words: list[str], now: datetime) -> list[SearchResult]:
    """``pages`` (a page of search results, each as its own page type) as results, in their order."""
    pages = list(pages)
    events = [page for page in pages if isinstance(page, EventPage)]
    next_starts = _next_starts(events, now)
    centres = centres_above(events)
    results = []
    for page in pages:
        result = SearchResult(
            page=page,
            kind=_kind(page),
            title=marked(page.title, words),
            snippet=snippet(_text(page, words), words),
        )
        if isinstance(page, EventPage):
            result.next_start = next_starts.get(page.pk)
            result.centre = centres.get(parent_path(page.path))
            result.place = page.venue_name or (result.centre.city if result.centre else "")
        elif isinstance(page, CentrePage):
            result.place = page.city
        results.append(result)
    return results


def _next_starts(events, now: datetime) -> dict[int, datetime]:
    if not events:
        return {}
    dates = (
        EventOccurrence.objects.public()
        .upcoming(now)
        .filter(page_id__in=[event.pk for event in events])
        .exclude(status=OccurrenceStatus.CANCELLED)
        .values("page_id")
        .annotate(next_start=Min("start"))
    )
    return {row["page_id"]: row["next_start"] for row in dates}


def _kind(page) -> str:
    if isinstance(page, EventPage):
        return ACTIVITY
    if isinstance(page, CentrePage):
        return CENTRE
    return PAGE


def _text(page, words: list[str]) -> str:
    """The page's own short text in which a searched word occurs, else the first it has."""
    candidates = [
        plain_text(getattr(page, "description", "") or ""),  # an activity (rich text)
        getattr(page, "short_description", "") or "",  # a centre
        getattr(page, "intro", "") or "",  # a standard page, the agenda, the centres index
        page.search_description or "",
        _location(getattr(page, "venue_name", ""), getattr(page, "address", "")),
    ]
    candidates = [text for text in candidates if text]
    return next((text for text in candidates if contains_any(text, words)), candidates[0] if candidates else "")


def _location(venue: str, address: str) -> str:
    """Venue and address, the venue once when the address starts with it (as feeds often write it)."""
    if venue and address.startswith(venue):
        return address
    return ", ".join(filter(None, [venue, address]))
