"""``feed_imported``: sent once per recorded run, after the commit, and never able to undo an import.

Imports run end to end against the local feed server. The receiver here records what it was sent;
the site's own receivers (page cache, review digest) are tested with what they do, in
``tests/kankernl_site/test_page_cache.py`` and ``tests/agenda_pages/moderation/test_notifications.py``.
"""

import logging

import pytest
from django.db import transaction

from agenda_pages.importing.service import import_source
from agenda_pages.importing.signals import feed_imported
from agenda_pages.models import EventPage, FeedSource, ImportRun
from tests.agenda_pages.ics_samples import NOW, TALK, WALK, YOGA, calendar, cancelled


def serve(feed_server, body: bytes) -> None:
    feed_server.add("/agenda.ics", body, Content_Type="text/calendar")


@pytest.fixture
def received():
    calls = []

    def record(sender, **kwargs):
        calls.append(kwargs)

    feed_imported.connect(record, dispatch_uid="test_signals.record")
    yield calls
    feed_imported.disconnect(dispatch_uid="test_signals.record")


@pytest.fixture
def broken_receiver():
    def fail(sender, **kwargs):
        raise RuntimeError("the receiver is broken")

    # Connected before ``received``'s receiver (see the test's argument order), so it runs first.
    feed_imported.connect(fail, dispatch_uid="test_signals.fail")
    yield fail
    feed_imported.disconnect(dispatch_uid="test_signals.fail")


def test_sent_once_after_the_commit_with_the_source_the_run_and_the_report(
    source, feed_server, received, django_capture_on_commit_callbacks
):
    serve(feed_server, calendar(WALK, YOGA))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = import_source(source.pk, now=NOW)
    assert received == []  # not before the commit

    for callback in callbacks:
        callback()

    [call] = received
    run = ImportRun.objects.get(source=source)
    assert call["source"] == source
    assert call["run"] == run
    assert call["report"] is report
    assert (report.status, report.created) == ("ok", 2)
    pages = EventPage.objects.filter(source=source).values_list("pk", flat=True)
    assert sorted(call["awaiting_review"]) == sorted(pages)
    assert call["changed_live"] == ()  # drafts: nothing the public sees changed


def test_changed_live_names_the_live_pages_whose_dates_changed_in_place(
    source, feed_server, received, django_capture_on_commit_callbacks
):
    serve(feed_server, calendar(WALK, YOGA))
    import_source(source.pk, now=NOW)
    walk = EventPage.objects.get(source=source, title="Wandelgroep")
    walk.get_latest_revision().publish()  # approved; the yoga series is still a draft
    serve(feed_server, calendar(cancelled(WALK), cancelled(YOGA)))
    with django_capture_on_commit_callbacks(execute=True):
        report = import_source(source.pk, now=NOW)

    assert report.cancelled == 2  # both pages' dates are cancelled in the table
    [call] = received
    assert call["changed_live"] == (walk.pk,)  # but only the walk is on the agenda


def test_changed_live_names_the_live_pages_whose_dates_were_withdrawn(
    source, feed_server, received, django_capture_on_commit_callbacks
):
    serve(feed_server, calendar(WALK, YOGA, TALK))
    import_source(source.pk, now=NOW)
    walk = EventPage.objects.get(source=source, title="Wandelgroep")
    walk.get_latest_revision().publish()
    serve(feed_server, calendar(YOGA, TALK))  # the walk left the feed
    with django_capture_on_commit_callbacks(execute=True):
        assert import_source(source.pk, now=NOW).withdrawn == 1

    [call] = received
    assert call["changed_live"] == (walk.pk,)


def test_sent_for_a_failed_run_too(source, feed_server, received, django_capture_on_commit_callbacks):
    feed_server.add("/agenda.ics", b"gone", status=404)
    with django_capture_on_commit_callbacks(execute=True):
        report = import_source(source.pk, now=NOW)

    [call] = received
    assert call["report"] is report
    assert (call["run"].status, call["awaiting_review"]) == ("error", ())


def test_not_sent_for_a_dry_run(source, feed_server, received, django_capture_on_commit_callbacks):
    serve(feed_server, calendar(WALK, YOGA))
    with django_capture_on_commit_callbacks(execute=True):
        assert import_source(source.pk, now=NOW, dry_run=True).created == 2
    assert received == []


def test_not_sent_when_the_import_is_rolled_back(source, feed_server, received, django_capture_on_commit_callbacks):
    serve(feed_server, calendar(WALK, YOGA))
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        assert import_source(source.pk, now=NOW).created == 2
        transaction.set_rollback(True)
    assert received == []
    assert not ImportRun.objects.exists()


def test_a_failing_receiver_does_not_lose_the_import(
    source, feed_server, broken_receiver, received, caplog, django_capture_on_commit_callbacks
):
    serve(feed_server, calendar(WALK, YOGA))
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        report = import_source(source.pk, now=NOW)

    assert (report.status, report.created, report.warnings) == ("ok", 2, [])
    assert EventPage.objects.filter(source=source).count() == 2
    run = ImportRun.objects.get(source=source)
    assert (run.status, run.created) == ("ok", 2)
    source = FeedSource.objects.get(pk=source.pk)
    assert (source.last_run_status, source.consecutive_failures) == ("ok", 0)
    assert len(received) == 1  # the receivers after the broken one still ran
    assert any(str(record.exc_info[1]) == "the receiver is broken" for record in caplog.records if record.exc_info)
