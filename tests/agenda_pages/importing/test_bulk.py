"""New drafts written in batches are the same pages Wagtail's own calls make, and behave the same."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, PageLogEntry, WorkflowState

from agenda_pages.importing import persist
from agenda_pages.importing.service import import_source
from agenda_pages.models import CentreReviewTask, EventPage, Theme
from tests.agenda_pages.ics_samples import NOW, TALK, WALK, YOGA, calendar, vevent

from . import written_rows


def serve(feed_server, body: bytes) -> None:
    feed_server.add("/agenda.ics", body, Content_Type="text/calendar")


def one_by_one(monkeypatch):
    """Make the sync create every page through Wagtail's own calls, for comparison."""

    def create_each(self, events):
        for event in events:
            self._create(event)

    monkeypatch.setattr(persist.SourceSync, "_create_batch", create_each)


PAGE_FIELDS = ("depth", "numchild", "draft_title", "live", "has_unpublished_changes", "locale_id", "content_type_id")


def describe(page: EventPage) -> dict:
    page = EventPage.objects.get(pk=page.pk)
    revision = page.get_latest_revision_as_object()
    state = page.current_workflow_state
    return {
        **{name: getattr(page, name) for name in PAGE_FIELDS},
        "url_path_tail": page.url_path.rsplit("/", 2)[-2] == page.slug,
        "dates": [(o.start, o.end, o.status) for o in page.occurrences.order_by("start")],
        "revision_dates": [(o.start, o.end, o.status) for o in revision.occurrences.all()],
        "themes": sorted(page.themes.values_list("slug", flat=True)),
        "revision_themes": sorted(theme.slug for theme in revision.themes.all()),
        "suggested_themes": page.suggested_themes,
        "audience": sorted(page.audience.values_list("code", flat=True)),
        "revision_audience": sorted(a.code for a in revision.audience.all()),
        "revision_description": revision.description,
        "workflow": state.workflow.name if state else None,
        "task": state.current_task_state.task.specific.__class__ if state else None,
        "task_revision_is_latest": state.current_task_state.revision_id == page.latest_revision_id if state else None,
    }


@pytest.fixture
def feed(feed_server):
    serve(
        feed_server,
        calendar(
            WALK, YOGA, vevent("x@inloophuis.example", "Koor", "20261206T100000", description="Zingen <b>samen</b>")
        ),
    )


def test_batched_drafts_equal_drafts_made_one_by_one(centre, source, feed, monkeypatch):
    from tests.agenda_pages.factories import FeedSourceFactory

    batched = import_source(source.pk, now=NOW)  # no default themes: "Koor" gets one suggested
    other = FeedSourceFactory(centre=centre, url=source.url, format="ics")
    one_by_one(monkeypatch)
    single = import_source(other.pk, now=NOW)
    assert batched.created == single.created == 3

    made_in_batch = {p.source_uid: describe(p) for p in EventPage.objects.filter(source=source)}
    made_singly = {p.source_uid: describe(p) for p in EventPage.objects.filter(source=other)}
    assert made_in_batch == made_singly
    assert made_in_batch["x@inloophuis.example"]["suggested_themes"] == ["creatief"]
    assert made_in_batch["yoga@inloophuis.example"]["task"] is CentreReviewTask
    assert len(made_in_batch["yoga@inloophuis.example"]["dates"]) == 4
    assert Page.find_problems() == ([], [], [], [], [])
    centre.refresh_from_db()
    assert centre.numchild == 6


def test_both_ways_write_the_same_rows_in_every_table(source, feed, monkeypatch):
    """Row for row, in every table Django knows: a table Wagtail starts writing to in a new release
    fails here instead of leaving batched drafts behind unnoticed (as the reference index once was)."""
    from agenda_pages.models import Audience

    source.default_themes.add(Theme.objects.get(slug="bewegen"))
    source.default_audience.add(Audience.objects.get_or_create(code=Audience.Code.PATIENTS)[0])
    batched = written_rows.rows_after(lambda: import_source(source.pk, now=NOW), now=NOW)
    one_by_one(monkeypatch)
    single = written_rows.rows_after(lambda: import_source(source.pk, now=NOW), now=NOW)

    assert written_rows.differences(batched, single, names=("batched", "one by one")) == {}
    # Not an empty comparison: the drafts, their audience (an auto-created table) and their references.
    assert len(batched["agenda_pages_eventpage"]) >= 3
    assert len(batched[EventPage.audience.through._meta.db_table]) >= 3
    assert len(batched[EventPage.themes.through._meta.db_table]) >= 3
    assert batched["wagtailcore_referenceindex"]


def test_batches_append_after_existing_children(centre, source, feed_server):
    serve(feed_server, calendar(WALK))
    import_source(source.pk, now=NOW)
    serve(feed_server, calendar(WALK, YOGA, TALK))
    report = import_source(source.pk, now=NOW)
    assert (report.created, report.unchanged) == (2, 1)
    assert Page.find_problems() == ([], [], [], [], [])
    assert len({p.path for p in EventPage.objects.filter(source=source)}) == 3


def test_batched_draft_has_history_search_entry_and_can_be_approved(source, feed, client):
    import_source(source.pk, now=NOW)
    yoga = EventPage.objects.get(source_uid="yoga@inloophuis.example")
    actions = list(PageLogEntry.objects.filter(page=yoga).order_by("pk").values_list("action", flat=True))
    assert actions == ["wagtail.create", "wagtail.edit", "wagtail.workflow.start"]
    assert yoga.pk in [page.pk for page in EventPage.objects.search("Yoga")]
    assert yoga.pk in [page.pk for page in Page.objects.search("Yoga")]  # the admin's page search

    admin = get_user_model().objects.create_superuser("beheer", "beheer@example.org", "pw")
    client.force_login(admin)
    assert client.get(f"/admin/pages/{yoga.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{yoga.pk}/history/").status_code == 200

    task_state = yoga.current_workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, admin, "approve")
    yoga.refresh_from_db()
    assert yoga.live and not yoga.has_unpublished_changes
    assert yoga.occurrences.count() == 4
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == WorkflowState.STATUS_APPROVED


def test_an_event_too_long_for_its_columns_is_a_warning_and_the_batch_goes_on(source):
    """The mapping already cuts feed text to size; this is the last guard before a batched insert,
    which PostgreSQL would refuse as a whole."""
    from dataclasses import replace
    from datetime import timedelta

    from agenda_pages.importing.mapping import map_events
    from agenda_pages.importing.parse_ics import parse_ics
    from agenda_pages.importing.persist import sync_source
    from agenda_pages.importing.types import ParseLimits

    limits = ParseLimits(window_start=NOW - timedelta(days=1), window_end=NOW + timedelta(days=365))
    walk, yoga = map_events(parse_ics(calendar(WALK, YOGA), limits=limits).events)[0]
    report = sync_source(source, [walk, replace(yoga, cost="€" * 101)], now=NOW)
    assert report.created == 1
    assert report.warnings == ["yoga@inloophuis.example: the event could not be saved (too long: cost)."]
    assert list(EventPage.objects.filter(source=source).values_list("title", flat=True)) == ["Wandelgroep"]


@pytest.mark.parametrize("without_task", ["task switched off", "task removed"])
def test_a_review_workflow_without_a_task_never_publishes_on_import(source, feed_server, without_task):
    """Wagtail finishes a workflow without an active task at once, publishing the page: the import
    must leave its drafts unpublished instead, new or changed."""
    from wagtail.models import WorkflowTask

    from agenda_pages.moderation import roles

    workflow = roles.events_workflow()
    if without_task == "task removed":
        WorkflowTask.objects.filter(workflow=workflow).delete()
    else:
        workflow.tasks.update(active=False)
    serve(feed_server, calendar(WALK, YOGA))
    assert import_source(source.pk, now=NOW).created == 2
    serve(feed_server, calendar(WALK.replace("SUMMARY:Wandelgroep", "SUMMARY:Wandelgroep (nieuw)"), YOGA))
    assert import_source(source.pk, now=NOW).updated == 1

    pages = EventPage.objects.filter(source=source)
    assert not pages.filter(live=True).exists()
    assert not WorkflowState.objects.filter(object_id__in=[str(page.pk) for page in pages]).exists()


@pytest.mark.parametrize("count", [3, 12])
def test_a_sync_costs_the_same_queries_for_3_or_12_events_but_for_references(source, count, django_assert_num_queries):
    """Matching loads the source's pages and their dates in two queries, whatever their number; new
    drafts go in batches; an unchanged item costs nothing more. Only Wagtail's reference index,
    which has no bulk form, costs two queries a new page, in the queued task."""
    from datetime import timedelta

    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from agenda_pages.importing.mapping import map_events
    from agenda_pages.importing.parse_ics import parse_ics
    from agenda_pages.importing.persist import sync_source
    from agenda_pages.importing.types import ParseLimits

    limits = ParseLimits(window_start=NOW - timedelta(days=1), window_end=NOW + timedelta(days=365))
    items = [vevent(f"e{n}@inloophuis.example", f"Activiteit {n}", f"202612{n + 1:02d}T100000") for n in range(count)]
    events, _warnings = map_events(parse_ics(calendar(*items), limits=limits).events)

    ContentType.objects.clear_cache()  # the same start whatever ran before
    # Content types, audience, pages, dates, slugs taken, the workflow and its task, the batch
    # (parent lock, paths, one insert per table, the revision and workflow links), the search task
    # (its index entries: one upsert on PostgreSQL, a look-up and an insert on SQLite; the pages'
    # children and comments, the feed source's content type and a savepoint for the reference index,
    # then per page its references read and written).
    with django_assert_num_queries((34 if connection.vendor == "sqlite" else 33) + 6 + 2 * count):
        assert sync_source(source, events, now=NOW).created == count
    with django_assert_num_queries(3):  # audience, pages, dates
        assert sync_source(source, events, now=NOW).unchanged == count
