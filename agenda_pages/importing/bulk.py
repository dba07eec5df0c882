"""Creating many draft event pages at once: the first import of a centre's whole agenda.

Through Wagtail's own calls (``add_child``, ``save_revision``, ``workflow.start``) a new draft costs
some forty queries, about 50 ms on the development machine. A centre that joins brings hundreds of
events, so the rows those calls write (the page, its dates, themes and audience, the revision, the
workflow and task state, the history entries) are written here in batched inserts per table
instead. They are the same rows: a test compares every table, row for row, after importing a feed
both ways, and checks the tree with treebeard's ``find_problems``. The search index and Wagtail's
reference index are updated by one queued task per batch, as Wagtail queues them per save. The
private treebeard and Django calls this needs are in ``kankernl_site/private_api.py``.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django_tasks import task
from wagtail.models import (
    COMMENTS_RELATION_NAME,
    Page,
    PageLogEntry,
    ReferenceIndex,
    Revision,
    TaskState,
    Workflow,
    WorkflowState,
)
from wagtail.search.backends import get_search_backends

from agenda_pages.models import Audience, EventOccurrence, EventPage, Theme
from kankernl_site.private_api import insert_child_table_rows, next_child_paths


@dataclass
class NewDraft:
    """An event page built in memory, with its dates, theme slugs and the audiences its feed named
    (besides the source's default audience), not yet in the database."""

    page: EventPage
    occurrences: list[EventOccurrence]
    themes: tuple[str, ...]
    audience: tuple[str, ...] = ()


def too_long_fields(page: EventPage) -> list[str]:
    """Text that would not fit its column. Checked up front because a batched insert cannot
    report which of its rows was too long (SQLite would store it anyway, PostgreSQL refuses)."""
    return [
        field.name
        for field in page._meta.concrete_fields
        if isinstance(field, models.CharField | models.URLField)
        and field.max_length
        and len(getattr(page, field.attname) or "") > field.max_length
    ]


def _next_paths(parent: Page, count: int) -> list[str]:
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return next_child_paths(parent, last, count)


def _by_key(model, field_name: str, keys: set[str]) -> dict:
    """The rows of ``model`` whose ``field_name`` is one of ``keys``, by that key, in one query (none
    without keys). The mapping stage only names themes and audiences that exist."""
    return model.objects.in_bulk(keys, field_name=field_name) if keys else {}


def _insert_pages(parent: Page, drafts: list[NewDraft], now: datetime) -> None:
    content_type = ContentType.objects.get_for_model(EventPage)
    for draft, path in zip(drafts, _next_paths(parent, len(drafts)), strict=True):
        page = draft.page
        page.path, page.depth, page.numchild = path, parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.content_type = content_type
        page.draft_title = page.title
        page.live = False
    # The page rows go in as one insert on the parent table (bulk_create also marks them as saved),
    # the event rows as one insert on the child table, which bulk_create refuses to do.
    pages = [draft.page for draft in drafts]
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
    insert_child_table_rows(EventPage, pages)
    Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + len(drafts))


def _insert_relations(drafts: list[NewDraft], audience: list[Audience]) -> None:
    themes = _by_key(Theme, "slug", {slug for draft in drafts for slug in draft.themes})
    named = _by_key(Audience, "code", {code for draft in drafts for code in draft.audience})
    occurrences, theme_rows, audience_rows = [], [], []
    theme_through, audience_through = EventPage.themes.through, EventPage.audience.through
    for draft in drafts:
        page = draft.page
        for occurrence in draft.occurrences:
            occurrence.page = page
        page.occurrences = draft.occurrences
        page_themes = [themes[slug] for slug in draft.themes if slug in themes]
        page_audience = list({item.pk: item for item in [*audience, *map(named.get, draft.audience)] if item}.values())
        page.themes, page.audience = page_themes, page_audience
        setattr(page, COMMENTS_RELATION_NAME, [])  # a new page has none: no query to find that out
        occurrences += draft.occurrences
        theme_rows += [theme_through(eventpage_id=page.pk, theme_id=theme.pk) for theme in page_themes]
        audience_rows += [audience_through(eventpage_id=page.pk, audience_id=item.pk) for item in page_audience]
    EventOccurrence.objects.bulk_create(occurrences)
    theme_through.objects.bulk_create(theme_rows)
    audience_through.objects.bulk_create(audience_rows)


def _insert_revisions(drafts: list[NewDraft], now: datetime) -> list[Revision]:
    content_type = ContentType.objects.get_for_model(EventPage)
    base_content_type = ContentType.objects.get_for_model(Page)
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(draft.page.pk),
            created_at=now,
            content=draft.page.serializable_data(),
            object_str=str(draft.page),
        )
        for draft in drafts
    )
    # As save_revision does: the revision holds the page as it was before it had one.
    for draft, revision in zip(drafts, revisions, strict=True):
        draft.page.latest_revision = revision
        draft.page.has_unpublished_changes, draft.page.latest_revision_created_at = True, now
    EventPage.objects.bulk_update(
        [draft.page for draft in drafts],
        ["latest_revision", "has_unpublished_changes", "latest_revision_created_at"],
        batch_size=500,
    )
    return revisions


def _start_workflow(drafts: list[NewDraft], revisions: list[Revision], workflow: Workflow, now: datetime):
    """What ``Workflow.start`` writes when nobody started it: a workflow state on its first task."""
    first_task = workflow.tasks.filter(active=True).first().specific
    content_type = ContentType.objects.get_for_model(EventPage)
    base_content_type = ContentType.objects.get_for_model(Page)
    states = WorkflowState.objects.bulk_create(
        WorkflowState(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=str(draft.page.pk),
            workflow=workflow,
            status=WorkflowState.STATUS_IN_PROGRESS,
            created_at=now,
        )
        for draft in drafts
    )
    task_state_class = first_task.get_task_state_class()
    task_states = task_state_class.objects.bulk_create(
        task_state_class(
            workflow_state=state,
            revision=revision,
            task=first_task,
            status=TaskState.STATUS_IN_PROGRESS,
            started_at=now,
            content_type=ContentType.objects.get_for_model(task_state_class),
        )
        for state, revision in zip(states, revisions, strict=True)
    )
    for state, task_state in zip(states, task_states, strict=True):
        state.current_task_state = task_state
    WorkflowState.objects.bulk_update(states, ["current_task_state"], batch_size=500)
    return first_task, task_states


def _log(drafts, revisions, now: datetime, workflow_started=None) -> None:
    """The page history entries Wagtail writes: "created" (by ``add_child``, before there is a
    revision), "edited" (by ``save_revision``) and, in moderation, "workflow started"."""
    content_type = ContentType.objects.get_for_model(EventPage)
    entries = []
    for position, (draft, revision) in enumerate(zip(drafts, revisions, strict=True)):
        common = {
            "page": draft.page,
            "content_type": content_type,
            "label": draft.page.get_admin_display_title(),
            "timestamp": now,
        }
        entries.append(PageLogEntry(action="wagtail.create", content_changed=True, **common))
        entries.append(PageLogEntry(action="wagtail.edit", content_changed=True, revision=revision, **common))
        if workflow_started is not None:
            workflow, first_task, task_states = workflow_started
            data = {
                "workflow": {
                    "id": workflow.pk,
                    "title": workflow.name,
                    "status": WorkflowState.STATUS_IN_PROGRESS,
                    "next": {"id": first_task.pk, "title": first_task.name},
                    "task_state_id": task_states[position].pk,
                }
            }
            entries.append(PageLogEntry(action="wagtail.workflow.start", data=data, revision=revision, **common))
    PageLogEntry.objects.bulk_create(entries)


@task()
def index_event_pages(page_ids: list[int]) -> None:
    """The search and reference index entries the per-page saves would have queued, for a whole
    batch at once. The reference index (what Wagtail counts as "used by", e.g. before a feed source
    or a theme is deleted) is written by Wagtail's own public call, page by page: it has no bulk
    form, and two queries a page in the background is less than Wagtail's own per-save task costs."""
    # Its children and themes in three queries, not three a page: Wagtail reads them for references.
    children = ("occurrences", "themes", COMMENTS_RELATION_NAME)
    pages = list(EventPage.objects.filter(pk__in=page_ids).prefetch_related(*children))
    for backend in get_search_backends():
        backend.add_bulk(EventPage, pages)
    if ReferenceIndex.is_indexed(EventPage):
        with transaction.atomic():
            for page in pages:
                ReferenceIndex.create_or_update_for_object(page)


def create_drafts(parent: Page, drafts: list[NewDraft], *, audience: list[Audience], workflow, now: datetime):
    """Insert the drafts under ``parent`` and put them in ``workflow`` (if any). The caller holds
    the transaction; a failure leaves nothing behind."""
    if not drafts:
        return
    parent = Page.objects.select_for_update().get(pk=parent.pk)  # two feeds of one centre: one at a time
    _insert_pages(parent, drafts, now)
    _insert_relations(drafts, audience)
    revisions = _insert_revisions(drafts, now)
    workflow_started = None
    if workflow is not None:
        workflow_started = (workflow, *_start_workflow(drafts, revisions, workflow, now))
    _log(drafts, revisions, now, workflow_started)
    index_event_pages.enqueue([draft.page.pk for draft in drafts])
