"""The events waiting for a user's review, and approving or rejecting many at once.

What a reviewer needs to decide quickly (the first upcoming date, what changed since the public
version) lives in the revisions' content, not in the tables: the table rows of a live page are its
live version. So the pending events are built from the task states the user may moderate
(``pending_event_reviews(user)``, the one read of what waits for review), their
pages with the latest and the live revision joined in, and the centres, in a fixed number of queries
however many events wait. The database orders them and the list reads one page of them at a time;
the comparison itself happens in memory on the revisions' JSON.

Every action goes through Wagtail's workflow API (the task's ``on_action``), so approving publishes
(or schedules, when the page has a go-live date) exactly as the page editor's "Approve" does.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from urllib.parse import urlsplit

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.models import TaskState

from agenda_pages.models import CentrePage, CentreReviewTask, EventPage, Theme
from agenda_pages.models.centres import centres_above, parent_path
from agenda_pages.models.moderation import pending_event_reviews
from agenda_pages.models.revisions import revision_dates, upcoming_dates

APPROVE = "approve"
REJECT = "reject"

# Edit-form fields that are not part of what the public sees.
NOT_COMPARED = frozenset({"comment_notifications"})
NOT_COMPARED_RELATIONS = frozenset({"wagtail_admin_comments"})
# Bookkeeping of an inline row, not its content: rows are rebuilt on every import.
ROW_BOOKKEEPING = frozenset({"pk", "id", "sort_order", "page"})
# Events acted on per round by "select all": each round reads its states and pages in two queries.
BATCH = 100


@dataclass(frozen=True)
class PendingEvent:
    page: EventPage
    task_state: TaskState
    centre: CentrePage | None
    title: str
    start: datetime | None  # the first upcoming date of the version waiting for review
    dates: int  # its upcoming dates (a weekly group has many)
    changed: tuple[str, ...] | None  # labels of the fields changed since the live version; None: new
    themes: tuple[Theme, ...] = ()  # of the version waiting for review
    suggested_themes: tuple[Theme, ...] = ()  # read from its text by the importer, not yet accepted

    @property
    def is_new(self) -> bool:
        return self.changed is None

    @property
    def update_waiting(self) -> bool:
        """A live page whose changes wait: the public still sees the approved version."""
        return self.page.live

    @property
    def source(self):
        return self.page.source  # None for events made by hand

    @property
    def source_host(self) -> str:
        return (urlsplit(self.page.source.url).hostname or self.page.source.url) if self.page.source else ""

    @property
    def waiting_since(self) -> datetime:
        return self.task_state.started_at


@dataclass
class ReviewOutcome:
    done: list[EventPage] = field(default_factory=list)
    refused: list[int] = field(default_factory=list)  # not the user's to review, or no longer waiting
    failed: list[tuple[EventPage, str]] = field(default_factory=list)


def review_tasks() -> list[CentreReviewTask]:
    return list(CentreReviewTask.objects.filter(active=True))


def is_moderator(user, tasks: Iterable[CentreReviewTask] | None = None) -> bool:
    return any(task.user_is_moderator(user) for task in (review_tasks() if tasks is None else tasks))


def pending_events(user, *, now: datetime | None = None, limit: int | None = None) -> list[PendingEvent]:
    """The events ``user`` may review, soonest first (then those without an upcoming date); with a
    ``limit``, only the first ones."""
    now = now or timezone.now()
    states = pending_event_reviews(user).in_review_order(now)
    return events_of(states if limit is None else states[:limit], now)


def events_of(states, now: datetime, *, with_themes: bool = False) -> list[PendingEvent]:
    """The pending events of the given task states (one page of the review list), in their order.

    Four queries: the states, their pages with the latest and live revisions, the centres, and the
    tables of pages live without a revision (only when there are any); one more ``with_themes``
    (the review list shows each event's themes or suggested themes; mails and panels do not).
    """
    states = list(states)
    page_ids = {state.event_id for state in states}
    pages = {
        page.pk: page
        for page in EventPage.objects.filter(pk__in=page_ids).select_related(
            "source", "latest_revision", "live_revision"
        )
    }
    centres = centres_above(pages.values())
    live_without_revision = _live_content_from_tables([page for page in pages.values() if _needs_table(page)])
    themes = {theme.pk: theme for theme in Theme.objects.all()} if pages and with_themes else {}
    themes_by_slug = {theme.slug: theme for theme in themes.values()}
    events = []
    for state in states:
        page = pages.get(state.event_id)
        if page is None:
            continue
        latest = (page.latest_revision or state.revision).content
        if not page.live:
            changed = None
        else:
            live = page.live_revision.content if page.live_revision else live_without_revision[page.pk]
            changed = changed_fields(live, latest)
        upcoming = upcoming_dates(revision_dates(latest), now)
        events.append(
            PendingEvent(
                page=page,
                task_state=state,
                centre=centres.get(parent_path(page.path)),
                title=latest.get("title") or page.draft_title,
                start=upcoming[0].start if upcoming else None,
                dates=len(upcoming),
                changed=changed,
                themes=tuple(themes[pk] for pk in latest.get("themes") or [] if pk in themes),
                suggested_themes=tuple(
                    themes_by_slug[slug] for slug in latest.get("suggested_themes") or [] if slug in themes_by_slug
                ),
            )
        )
    return events


def _needs_table(page: EventPage) -> bool:
    # Pages made live without a revision (by code, never through the editor) have their live
    # version only in the tables.
    return page.live and page.live_revision is None


def _live_content_from_tables(pages: list[EventPage]) -> dict[int, dict]:
    if not pages:
        return {}
    loaded = EventPage.objects.filter(pk__in=[page.pk for page in pages]).prefetch_related(
        "occurrences", "themes", "audience", "wagtail_admin_comments"
    )
    return {page.pk: page.serializable_data() for page in loaded}


@cache
def compared_fields() -> tuple[tuple[str, str], ...]:
    """(name, label) of what an editor can change on an event: its edit form's fields and inlines."""
    options = EventPage.get_edit_handler().get_form_options()
    fields = [
        (name, capfirst(EventPage._meta.get_field(name).verbose_name))
        for name in options["fields"]
        if name not in NOT_COMPARED
    ]
    relations = [
        (name, capfirst(EventPage._meta.get_field(name).related_model._meta.verbose_name_plural))
        for name in options.get("formsets", {})
        if name not in NOT_COMPARED_RELATIONS
    ]
    return (*fields, *relations)


def changed_fields(before: dict, after: dict) -> tuple[str, ...]:
    """Labels of the editable fields whose value differs between two revisions' content."""
    return tuple(label for name, label in compared_fields() if _value(name, before) != _value(name, after))


def _value(name: str, content: dict):
    model_field = EventPage._meta.get_field(name)
    if model_field.one_to_many:  # an inline (the dates)
        child = model_field.related_model
        rows = [
            {
                key: child._meta.get_field(key).to_python(value)
                for key, value in row.items()
                if key not in ROW_BOOKKEEPING
            }
            for row in content.get(name) or []
        ]
        return sorted(rows, key=repr)
    if model_field.many_to_many:
        return sorted(content.get(name) or [])
    value = content.get(name)
    return None if value is None else model_field.to_python(value)


def approve_events(user, page_ids: Iterable[int], comment: str = "") -> ReviewOutcome:
    """Approve each event ``user`` may review: it is published (or scheduled) with all its dates."""
    return _act(user, page_ids, APPROVE, comment)


def reject_events(user, page_ids: Iterable[int], comment: str) -> ReviewOutcome:
    """Send each event back with ``comment``, which the centre sees in the page's workflow history."""
    if not comment.strip():
        raise ValueError("Rejecting needs a comment.")
    return _act(user, page_ids, REJECT, comment)


def approve_all(user, comment: str = "") -> ReviewOutcome:
    """Approve every event waiting for ``user``'s review ("select all" in the review list)."""
    return _act_on_all(user, APPROVE, comment)


def reject_all(user, comment: str) -> ReviewOutcome:
    if not comment.strip():
        raise ValueError("Rejecting needs a comment.")
    return _act_on_all(user, REJECT, comment)


def _act_on_all(user, action: str, comment: str) -> ReviewOutcome:
    """In batches of ``BATCH`` states, walking the task states by key, so that no query holds a list
    of ids that grows with the backlog and a state that fails is not picked up again."""
    outcome = ReviewOutcome()
    after = 0
    while True:
        batch = list(
            pending_event_reviews(user).filter(pk__gt=after).order_by("pk").values_list("pk", "event_id")[:BATCH]
        )
        if not batch:
            return outcome
        after = batch[-1][0]
        done = _act(user, [event_id for _pk, event_id in batch], action, comment)
        outcome.done += done.done
        outcome.refused += done.refused
        outcome.failed += done.failed


def _act(user, page_ids: Iterable[int], action: str, comment: str) -> ReviewOutcome:
    """Ids come from a form, so each one is checked again here: only in-progress reviews the user
    may moderate are touched, and the task itself must still offer the action to this user."""
    wanted = list(dict.fromkeys(page_ids))
    outcome = ReviewOutcome()
    tasks = {task.pk: task for task in review_tasks()}
    states = {
        state.event_id: state
        for state in pending_event_reviews(user).filter(event_id__in=wanted).select_related("workflow_state")
    }
    pages = EventPage.objects.in_bulk(list(states))
    for page_id in wanted:
        state, page = states.get(page_id), pages.get(page_id)
        if state is None or page is None:
            outcome.refused.append(page_id)
            continue
        task = tasks[state.task_id]
        if action not in {name for name, _label, _needs_form in task.get_actions(page, user)}:
            outcome.refused.append(page_id)
            continue
        try:
            with transaction.atomic():
                task.on_action(state.specific, user, action, comment=comment)
        except (PermissionDenied, ValidationError) as error:
            detail = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            outcome.failed.append((page, detail))
        else:
            outcome.done.append(page)
    return outcome
