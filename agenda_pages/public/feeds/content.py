"""What a feed lists, read from the database in a fixed number of queries however many dates match,
and when it last changed.

There is no column that records every change to what the public sees, and no migration was wanted
for one, so "changed" is read from what grows with each change:

- a page's last publication (``last_published_at``): every change an editor or a trusted import
  publishes;
- the last import run of the page's source that created, changed, cancelled or withdrew anything:
  an import cancels or withdraws a live date in place, without publishing (people must not travel
  for nothing), so the publication time alone would miss exactly the change a guest needs to know;
- for the feed as a whole, also the newest entry of Wagtail's page history (unpublishing, moving,
  deleting, privacy: what takes an activity out of a feed leaves no trace in what is still listed)
  and the start of today (dates pass, and the default window moves on a day).

Each is at or after the change, and none goes back, so an address's ``Last-Modified`` and a date's
``SEQUENCE`` never fall. They may rise without a visible change (a run that changed another event of
the same source), which only costs a calendar app one re-read.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

from django.db.models import Max, Q
from wagtail.models import PageLogEntry

from agenda_pages.models import CentrePage, EventOccurrence, EventPage, ImportRun
from agenda_pages.models.centres import centres_above, parent_path
from agenda_pages.models.events import start_of_local_day
from agenda_pages.public.occurrences import agenda_matches
from agenda_pages.public.presenters import venue
from kankernl_site.language import interface_url

from .selection import FeedSelection

# The columns of an event a feed does not need: the import's snapshot alone can be larger than the rest.
UNUSED_EVENT_COLUMNS = ("source_snapshot", "source_conflicts", "suggested_themes", "search_description")


@dataclass(frozen=True)
class FeedEvent:
    """One activity with its matching dates (soonest first)."""

    page: EventPage
    occurrences: list[EventOccurrence]
    centre: CentrePage | None
    url: str  # our event page, absolute, with the interface in the visitor's language
    location: str  # one line: venue and address, or the centre's
    changed_at: datetime | None


@dataclass(frozen=True)
class FeedContent:
    events: list[FeedEvent]  # the soonest next date first
    host: str  # the Site's host name, for UIDs equal to the event page's "add to my calendar"
    last_modified: datetime


def changing_runs() -> dict[int, datetime]:
    """The last import run of each source that changed events (not a dry run): one query."""
    changed = Q(created__gt=0) | Q(updated__gt=0) | Q(cancelled__gt=0) | Q(withdrawn__gt=0)
    rows = (
        ImportRun.objects.filter(changed, dry_run=False, finished_at__isnull=False)
        .values("source_id")
        .annotate(latest=Max("finished_at"))
        .order_by()
    )
    return {row["source_id"]: row["latest"] for row in rows}


def page_changed_at(page: EventPage, runs: dict[int, datetime]) -> datetime | None:
    times = [time for time in (page.last_published_at or page.first_published_at, runs.get(page.source_id)) if time]
    return max(times) if times else None


def site_changed_at(runs: dict[int, datetime], now: datetime) -> datetime:
    """The latest change anywhere that may have changed a feed, and at least the start of today."""
    logged = PageLogEntry.objects.aggregate(latest=Max("timestamp"))["latest"]
    times = [start_of_local_day(now), *runs.values(), *([logged] if logged else [])]
    return max(time.astimezone(UTC) for time in times).replace(microsecond=0)


def site_host(agenda, request) -> str:
    """The host name of the agenda's Site, whatever address the visitor used: UIDs must not change
    with it (``public.presenters.event_calendar_file`` does the same)."""
    return urlsplit(agenda.get_full_url(request) or "").hostname or request.get_host().split(":")[0]


def load_feed(selection: FeedSelection, agenda, request, now: datetime) -> FeedContent:
    """All matching upcoming dates in the selection's window, grouped by activity: five queries."""
    occurrences = list(
        agenda_matches(selection.window, now)
        .only("id", "page", "start", "end", "all_day", "status", "title_override")
        .order_by("start", "pk")
    )
    by_page: dict[int, list[EventOccurrence]] = {}
    for occurrence in occurrences:
        by_page.setdefault(occurrence.page_id, []).append(occurrence)
    pages = EventPage.objects.filter(pk__in=by_page).defer(*UNUSED_EVENT_COLUMNS).in_bulk()
    centres = centres_above(pages.values())
    runs = changing_runs()
    events = []
    for page_id, dates in by_page.items():  # in the order of their first date
        page = pages[page_id]
        centre = centres.get(parent_path(page.path))
        url = page.get_url(request)
        events.append(
            FeedEvent(
                page=page,
                occurrences=dates,
                centre=centre,
                url=request.build_absolute_uri(interface_url(url)) if url else "",
                location=", ".join(part for part in venue(page, centre) if part),
                changed_at=page_changed_at(page, runs),
            )
        )
    return FeedContent(
        events=events,
        host=site_host(agenda, request),
        last_modified=site_changed_at(runs, now),
    )
