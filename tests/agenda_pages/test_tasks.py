"""The background tasks, run by the test settings' immediate backend when enqueued."""

from datetime import timedelta

import pytest
from django_tasks import TaskResultStatus

from agenda_pages.models import EventPage, ImportRun
from agenda_pages.tasks import import_due_feeds, import_feed_source
from tests.agenda_pages.factories import FeedSourceFactory
from tests.agenda_pages.ics_samples import NOW, WALK, calendar

CALENDAR = calendar(WALK)


pytestmark = pytest.mark.usefixtures("frozen_now")


@pytest.fixture
def source(source, feed_server):
    """The shared source (conftest), its feed serving one event."""
    feed_server.add("/agenda.ics", CALENDAR, Content_Type="text/calendar")
    return source


def test_import_feed_source_imports_one_source(source):
    result = import_feed_source.enqueue(source.pk)

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["source"] == source.pk
    assert (result.return_value["status"], result.return_value["created"]) == ("ok", 1)
    assert EventPage.objects.filter(source=source).count() == 1


def test_import_feed_source_ignores_back_off(source):
    source.consecutive_failures = 2
    source.next_attempt_at = NOW + timedelta(hours=2)
    source.save()
    assert import_feed_source.enqueue(source.pk).return_value["status"] == "ok"


def test_import_due_feeds_imports_and_prunes_old_runs(source):
    old = ImportRun.objects.create(source=source, started_at=NOW - timedelta(days=91), status="ok")
    recent = ImportRun.objects.create(source=source, started_at=NOW - timedelta(days=89), status="ok")

    result = import_due_feeds.enqueue()

    assert result.status == TaskResultStatus.SUCCESSFUL
    summary = result.return_value
    assert (summary["failed"], summary["pruned_runs"]) == (0, 1)
    assert [(report["source"], report["status"]) for report in summary["sources"]] == [(source.pk, "ok")]
    assert not ImportRun.objects.filter(pk=old.pk).exists()
    assert ImportRun.objects.filter(pk=recent.pk).exists()
    assert ImportRun.objects.count() == 2  # the recent one and this run's
    assert EventPage.objects.filter(source=source).count() == 1


def test_import_due_feeds_respects_back_off_and_inactive_sources(source, feed_server):
    source.consecutive_failures = 1
    source.next_attempt_at = NOW + timedelta(hours=1)
    source.save()
    FeedSourceFactory(centre=source.centre, url=feed_server.url("/other.ics"), is_active=False)

    summary = import_due_feeds.enqueue().return_value

    assert summary == {"sources": [], "failed": 0, "pruned_runs": 0}
    assert not feed_server.requests


def test_import_due_feeds_counts_failures(source, feed_server):
    feed_server.add("/agenda.ics", b"nope", status=500)
    summary = import_due_feeds.enqueue().return_value
    assert summary["failed"] == 1
    assert summary["sources"][0]["status"] == "error"


def test_a_source_that_crashes_the_importer_does_not_stop_the_next(
    crash_between_good_sources, assert_unexpected_failure
):
    first, crashing, last = crash_between_good_sources

    result = import_due_feeds.enqueue()

    assert result.status == TaskResultStatus.SUCCESSFUL
    summary = result.return_value
    assert [(report["source"], report["status"]) for report in summary["sources"]] == [
        (first.pk, "ok"),
        (crashing.pk, "error"),
        (last.pk, "ok"),
    ]
    assert summary["failed"] == 1
    assert [EventPage.objects.filter(source=source).count() for source in (first, last)] == [1, 1]
    assert_unexpected_failure(crashing)


def test_import_feed_source_records_a_crash_on_the_source(crash_between_good_sources, assert_unexpected_failure):
    crashing = crash_between_good_sources[1]

    result = import_feed_source.enqueue(crashing.pk)

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["status"] == "error"
    assert_unexpected_failure(crashing)
