"""Bringing a source's event pages in line with what its feed says now.

All existing pages of the source are loaded in one query and matched in memory (matching.py). New
series become draft pages that enter moderation; changes become new revisions (pages.py) only when
the mapped fields really changed; cancellations and withdrawals apply to the live dates at once,
because people must not travel for nothing. Nothing is ever published on import unless the source
is trusted and the page was already approved once.
"""

from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, transaction

from agenda_pages import conf
from agenda_pages.models import Audience, EventOccurrence, EventPage, FeedSource, OccurrenceStatus, Theme

from .bulk import NewDraft, create_drafts, too_long_fields
from .mapping import MappedEvent
from .matching import LiveDate, PageIndex, is_future, live_dates
from .pages import (
    build_occurrences,
    date_keys,
    editable_version,
    review_workflow,
    set_status,
    slug_for,
    start_moderation,
    without_dates,
)

# New drafts are written this many at a time: large enough to batch, small enough that a centre's
# first import never holds thousands of pages in memory.
CREATE_BATCH_SIZE = 100


@dataclass
class SyncReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    withdrawn: int = 0
    warnings: list[str] = field(default_factory=list)
    review_reason: str = ""  # set when the run refused to withdraw and flagged the source
    # Pages this run put in front of the centre's staff (new events, changes waiting for review):
    # the import's one digest e-mail lists them.
    awaiting_review: list[int] = field(default_factory=list)
    # Live pages whose public dates this run changed in place (cancelled, withdrawn, shown again),
    # which no page_published signal announces: the public pages that list them are stale. New
    # drafts and changes waiting for review change nothing the public sees.
    changed_live: set[int] = field(default_factory=set)


class SourceSync:
    def __init__(
        self, source: FeedSource, *, now: datetime, keep_uids: frozenset[str] = frozenset(), withdraw: bool = True
    ):
        self.source = source
        self.withdraw = withdraw
        self.now = now
        # The window the parser expanded series in (reading.parse_limits): yesterday to the horizon.
        self.window_start = now - timedelta(days=1)
        # Series the parser skipped (broken, refused): absent from the result, but not gone.
        self.keep_uids = keep_uids
        self.report = SyncReport()
        self.default_audience = list(source.default_audience.all())

    def run(self, events: list[MappedEvent]) -> SyncReport:
        # Only what matching, hashing and withdrawal need: unchanged items (most of them) cost no
        # more than these two queries.
        pages = list(
            EventPage.objects.filter(source=self.source).only(
                "id",
                "path",
                "depth",
                "title",
                "live",
                "has_unpublished_changes",
                "source_uid",
                "source_url",
                "source_post_id",
                "source_hash",
            )
        )
        self.rows = live_dates(self.source)
        index = PageIndex(pages, self.rows)
        seen: set[int] = set()
        new_events = []
        for event in events:
            page = index.match(event, seen)
            if page is None:
                if event.cancelled or all(o.status == OccurrenceStatus.CANCELLED for o in event.occurrences):
                    continue  # first seen already cancelled: nobody needs to know about it
                new_events.append(event)
            else:
                seen.add(page.pk)
                self._update(page, event)
        for start in range(0, len(new_events), CREATE_BATCH_SIZE):
            self._create_batch(new_events[start : start + CREATE_BATCH_SIZE])
        if self.withdraw:
            vanished = [page for page in pages if page.pk not in seen and page.source_uid not in self.keep_uids]
            self._withdraw_vanished(pages, vanished)
        return self.report

    @contextmanager
    def _saving(self, event: MappedEvent):
        """Write one event in a savepoint; if it cannot be saved, warn and go on with the others."""
        try:
            with transaction.atomic():
                yield
        except (ValidationError, IntegrityError, DataError) as error:
            detail = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            self.report.warnings.append(f"{event.uid}: the event could not be saved ({detail}).")

    def _new_page(self, event: MappedEvent) -> EventPage:
        return EventPage(
            title=event.title,
            slug=slug_for(self.source, event),
            live=False,
            source=self.source,
            source_uid=event.uid,
            source_last_seen_at=self.now,
            source_hash=event.content_hash,
            source_snapshot=event.snapshot(),
            source_url=event.source_url,
            source_post_id=event.source_post_id,
            suggested_themes=list(event.suggested_themes),
            **{name: value for name, value in event.page_fields().items() if name != "title"},
        )

    def _create_batch(self, events: list[MappedEvent]) -> None:
        """New series, written together; if the batch is refused, each event is tried on its own so
        that one bad event only costs itself."""
        drafts, one_by_one = [], []
        taken = set(
            self.source.centre.get_children()
            .filter(slug__in=[slug_for(self.source, e) for e in events])
            .values_list("slug", flat=True)
        )
        for event in events:
            draft = NewDraft(self._new_page(event), build_occurrences(event), event.themes, event.audience)
            if too_long := too_long_fields(draft.page):
                fields = ", ".join(too_long)
                self.report.warnings.append(f"{event.uid}: the event could not be saved (too long: {fields}).")
            elif draft.page.slug in taken:
                one_by_one.append(event)  # Wagtail's own validation explains the clash
            else:
                drafts.append((event, draft))
        for event in one_by_one:
            self._create(event)
        try:
            with transaction.atomic():
                create_drafts(
                    self.source.centre,
                    [draft for _event, draft in drafts],
                    audience=self.default_audience,
                    workflow=review_workflow(self.source.centre),
                    now=self.now,
                )
        except (IntegrityError, DataError):
            for event, _draft in drafts:
                self._create(event)
            return
        self.report.created += len(drafts)
        self.report.awaiting_review += [draft.page.pk for _event, draft in drafts]

    def _create(self, event: MappedEvent) -> None:
        with self._saving(event):
            self._create_page(event)
            self.report.created += 1

    def _create_page(self, event: MappedEvent) -> None:
        page = self._new_page(event)
        page.occurrences = build_occurrences(event)
        page.themes = Theme.objects.filter(slug__in=event.themes)
        named = Audience.objects.filter(code__in=event.audience).exclude(pk__in=[a.pk for a in self.default_audience])
        page.audience = [*self.default_audience, *named]
        self.source.centre.add_child(instance=page)
        page.save_revision(log_action=True)
        start_moderation(page)
        self.report.awaiting_review.append(page.pk)

    def _update(self, page: EventPage, event: MappedEvent) -> None:
        live_rows = self.rows[page.pk]
        restored = self._restore_withdrawn(page, live_rows, event)
        if restored and page.live:
            self.report.changed_live.add(page.pk)
        if page.source_hash == event.content_hash:
            if restored:
                self.report.updated += 1
            else:
                self.report.unchanged += 1
            return
        if self._only_the_window_moved(page, event):
            with self._saving(event):
                self._follow_the_window(page, event)
                self.report.updated += restored
                self.report.unchanged += not restored
            return
        with self._saving(event):
            cancelled = self._apply_cancellations(page, live_rows, event)
            self._save_new_revision(page, event)
            self.report.cancelled += cancelled
            self.report.updated += 1
            if cancelled and page.live:
                self.report.changed_live.add(page.pk)

    def _only_the_window_moved(self, page: EventPage, event: MappedEvent) -> bool:
        """True when the item differs from its last import only in dates the import window let in or
        out since then: yesterday's date of a weekly group left the window, next year's entered it.

        The dates a recurring series expands to change with the day of the import, not with the
        feed, so they are compared only where the last and this import's windows overlap.
        """
        before, after = page.source_snapshot or {}, event.snapshot()
        if page.source_last_seen_at is None or without_dates(before) != without_dates(after):
            return False
        first, last = self.window_start, page.source_last_seen_at + timedelta(days=conf.import_horizon_days())

        def overlapping(snapshot: dict) -> list[tuple]:
            rows = snapshot.get("occurrences", [])
            return sorted(
                tuple(sorted(row.items())) for row in rows if first <= datetime.fromisoformat(row["start"]) <= last
            )

        return overlapping(before) == overlapping(after)

    def _follow_the_window(self, page: EventPage, event: MappedEvent) -> None:
        """Bring the series' dates in line with the moved window without asking for a review: the
        approved series is the same, it only reaches further. Dates before the window are history
        and stay. A live page without changes waiting gets the new dates published with it."""
        publish = page.live and not page.has_unpublished_changes
        draft = editable_version(page)
        current = list(draft.occurrences.all())
        dates = [row for row in current if row.start < self.window_start] + build_occurrences(event)
        if date_keys(dates) != date_keys(current):
            draft.occurrences = dates
            draft.source_hash, draft.source_snapshot = event.content_hash, event.snapshot()
            draft.source_last_seen_at = self.now
            revision = draft.save_revision(log_action=True)
            if publish:
                revision.publish()
        EventPage.objects.filter(pk=page.pk).update(
            source_hash=event.content_hash, source_snapshot=event.snapshot(), source_last_seen_at=self.now
        )

    def _restore_withdrawn(self, page: EventPage, live_rows: list[LiveDate], event: MappedEvent) -> bool:
        """An item that came back: its withdrawn dates that are in the feed again are shown again."""
        starts = {
            occurrence.start for occurrence in event.occurrences if occurrence.status != OccurrenceStatus.CANCELLED
        }
        back = [
            row
            for row in live_rows
            if row.status == OccurrenceStatus.WITHDRAWN and row.start in starts and is_future(row, self.now)
        ]
        if back:
            set_status({page: back}, OccurrenceStatus.SCHEDULED)
        return bool(back)

    def _apply_cancellations(self, page: EventPage, live_rows: list[LiveDate], event: MappedEvent) -> bool:
        """Cancel the live dates the feed now cancels, without waiting for moderation."""
        cancelled_starts = {
            occurrence.start for occurrence in event.occurrences if occurrence.status == OccurrenceStatus.CANCELLED
        }
        to_cancel = [
            row.pk
            for row in live_rows
            if row.status == OccurrenceStatus.SCHEDULED
            and is_future(row, self.now)
            and (event.cancelled or row.start in cancelled_starts)
        ]
        if to_cancel:
            EventOccurrence.objects.filter(pk__in=to_cancel).update(status=OccurrenceStatus.CANCELLED)
        return bool(to_cancel)

    def _save_new_revision(self, page: EventPage, event: MappedEvent) -> None:
        draft = editable_version(page)
        imported_before = page.source_snapshot or {}
        conflicts = set(page.source_conflicts or [])
        for name, new_value in event.page_fields().items():
            current = getattr(draft, name)
            previous_import = imported_before.get(name, current)
            if current != previous_import and new_value != previous_import:
                # Staff edited this field here and the feed changed it too: keep theirs, flag it.
                conflicts.add(name)
            elif current == previous_import:
                setattr(draft, name, new_value)
        # Dates before the import window are history the feed no longer lists; keep them.
        kept = [row for row in draft.occurrences.all() if row.start < self.window_start]
        draft.occurrences = kept + build_occurrences(event)
        self._update_themes(draft, imported_before, event)
        draft.source_uid = event.uid
        draft.source_url = event.source_url
        draft.source_post_id = event.source_post_id
        draft.source_hash = event.content_hash
        draft.source_snapshot = event.snapshot()
        draft.source_conflicts = sorted(conflicts)
        draft.source_last_seen_at = self.now
        revision = draft.save_revision(log_action=True)
        if page.live and self.source.trusted and not conflicts:
            revision.publish()
        else:
            # Untrusted, or never approved yet: the change waits for the centre's review while
            # the live version (if any) stays as it is.
            start_moderation(page)
            self.report.awaiting_review.append(page.pk)
        # The identity fields must be current on the table row too, for the next run's matching.
        EventPage.objects.filter(pk=page.pk).update(
            source_uid=event.uid,
            source_url=event.source_url,
            source_post_id=event.source_post_id,
            source_hash=event.content_hash,
            source_snapshot=event.snapshot(),
            source_conflicts=sorted(conflicts),
            source_last_seen_at=self.now,
        )

    def _update_themes(self, draft: EventPage, imported_before: dict, event: MappedEvent) -> None:
        """The feed's themes, unless staff chose the themes here since the last import (or accepted
        suggested ones): then theirs stay. An audience the feed names since the last import is added to
        what is chosen; one it named before is not added again, so staff can take it off."""
        current = sorted(draft.themes.values_list("slug", flat=True))
        if current == sorted(imported_before.get("themes", current)):
            draft.themes = Theme.objects.filter(slug__in=event.themes)
            draft.suggested_themes = list(event.suggested_themes)
        named_since = set(event.audience) - set(imported_before.get("audience", ()))
        if named_since:
            chosen = [*draft.audience.all(), *Audience.objects.filter(code__in=named_since)]
            draft.audience = list({audience.pk: audience for audience in chosen}.values())

    def _upcoming_rows(self, page: EventPage) -> list[LiveDate]:
        return [
            row for row in self.rows[page.pk] if row.status != OccurrenceStatus.WITHDRAWN and is_future(row, self.now)
        ]

    def _withdraw_vanished(self, pages: list[EventPage], vanished: list[EventPage]) -> None:
        """Hide the future dates of items that left the feed; keep the pages and their history.

        If more than half of the source's upcoming events vanish at once, that is more likely a
        broken feed than a cleared agenda: nothing is withdrawn and a moderator is asked to look.
        """
        upcoming_total = sum(1 for page in pages if self._upcoming_rows(page))
        vanishing = {page: rows for page in vanished if (rows := self._upcoming_rows(page))}
        if not vanishing:
            return
        if len(vanishing) * 2 > upcoming_total:
            self.report.review_reason = (
                f"{len(vanishing)} of {upcoming_total} upcoming events disappeared from the feed at once; "
                "nothing was withdrawn. Check the feed, then clear 'needs review'."
            )
            return
        set_status(vanishing, OccurrenceStatus.WITHDRAWN)
        self.report.withdrawn += len(vanishing)
        self.report.changed_live.update(page.pk for page in vanishing if page.live)


def sync_source(
    source: FeedSource,
    events: list[MappedEvent],
    *,
    now: datetime,
    keep_uids: frozenset[str] = frozenset(),
    withdraw: bool = True,
) -> SyncReport:
    return SourceSync(source, now=now, keep_uids=keep_uids, withdraw=withdraw).run(events)
