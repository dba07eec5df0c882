"""Writing imported events onto pages: their dates, their address, and the revision and review a
change brings. Helpers of the sync (persist.py), which decides what changes."""

import hashlib

from django.utils.text import slugify
from wagtail.models import Page, WorkflowState

from agenda_pages.models import EventOccurrence, EventPage, FeedSource

from .mapping import MappedEvent
from .matching import LiveDate


def build_occurrences(event: MappedEvent) -> list[EventOccurrence]:
    return [
        EventOccurrence(
            start=occurrence.start,
            end=occurrence.end,
            all_day=occurrence.all_day,
            status=occurrence.status,
            title_override=occurrence.title_override,
            sort_order=position,
        )
        for position, occurrence in enumerate(event.occurrences)
    ]


def slug_for(source: FeedSource, event: MappedEvent) -> str:
    # Stable and unique per series: the same item always gets the same address, also when a centre
    # has two feeds that share an item.
    suffix = hashlib.sha1(f"{source.pk}:{event.uid}".encode()).hexdigest()[:8]
    return f"{slugify(event.title)[:60].strip('-') or 'activiteit'}-{suffix}"


def review_workflow(page: Page):
    """The workflow a page's changes wait in, or None. A workflow without an active task is no
    review at all: Wagtail finishes it at once, which publishes, and nothing is published on import."""
    workflow = page.get_workflow()
    if workflow is not None and workflow.tasks.filter(active=True).exists():
        return workflow
    return None


def start_moderation(page: EventPage) -> None:
    state = page.current_workflow_state  # in progress, or sent back with "needs changes"
    if state is not None:
        if state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            # The centre asked for changes and the feed brought some: back into their review.
            state.resume(user=None)
        return
    if workflow := review_workflow(page):
        workflow.start(page, user=None)


def editable_version(page: EventPage) -> EventPage:
    """The version to change: the latest revision, or the page itself when nothing waits. Loaded
    whole, because the sync's pages carry only the fields matching needs (Wagtail hands back the
    page itself when nothing waits, and saving a revision of it would load the rest field by field)."""
    return EventPage.objects.get(pk=page.pk).get_latest_revision_as_object()


def without_dates(snapshot: dict) -> dict:
    return {name: value for name, value in snapshot.items() if name != "occurrences"}


def date_keys(rows: list[EventOccurrence]) -> list[tuple]:
    return sorted((row.start, row.end, row.all_day, row.status, row.title_override) for row in rows)


def set_status(rows_by_page: dict[EventPage, list[LiveDate]], status: str) -> None:
    """Give these dates ``status`` in the table (the live version) in one query, and also in the
    version waiting for review where a page has one: approving it later must not bring a withdrawn
    date back (or hide a restored one)."""
    row_ids = [row.pk for rows in rows_by_page.values() for row in rows]
    EventOccurrence.objects.filter(pk__in=row_ids).update(status=status)
    for page, rows in rows_by_page.items():
        if page.live and not page.has_unpublished_changes:
            continue
        starts = {row.start for row in rows}
        pending = page.get_latest_revision_as_object()
        occurrences = list(pending.occurrences.all())
        if not any(row.start in starts and row.status != status for row in occurrences):
            continue
        for row in occurrences:
            if row.start in starts:
                row.status = status
        pending.occurrences = occurrences
        pending.save_revision(log_action=True)
