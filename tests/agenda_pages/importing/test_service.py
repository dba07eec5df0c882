"""The whole import, from a real local HTTP server to draft pages, revisions and live dates."""

import json
from datetime import UTC, datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Revision

from agenda_pages.importing.service import import_source
from agenda_pages.models import EventOccurrence, EventPage, FeedSource, ImportRun, OccurrenceStatus
from tests.agenda_pages.factories import FeedSourceFactory
from tests.agenda_pages.ics_samples import NOW, TALK, WALK, YOGA, calendar, vevent


def serve(feed_server, body: bytes) -> None:
    feed_server.add("/agenda.ics", body, Content_Type="text/calendar")


def run(source, **options):
    return import_source(source.pk, now=NOW, **options)


def publish_all(source):
    for page in EventPage.objects.filter(source=source):
        page.get_latest_revision().publish()


def test_first_import_creates_drafts_in_moderation(source, feed_server):
    serve(feed_server, calendar(WALK, YOGA))
    report = run(source)
    assert (report.status, report.created, report.error) == ("ok", 2, None)
    pages = {page.source_uid: page for page in EventPage.objects.filter(source=source)}
    assert set(pages) == {"walk@inloophuis.example", "yoga@inloophuis.example"}
    yoga = pages["yoga@inloophuis.example"]
    assert not yoga.live
    assert yoga.get_parent().pk == source.centre.pk
    assert yoga.workflow_in_progress
    assert [occurrence.start for occurrence in yoga.occurrences.order_by("start")] == [
        datetime(2026, 12, day, 13, 0, tzinfo=UTC) for day in (3, 10, 17, 24)
    ]
    run_record = ImportRun.objects.get(source=source)
    assert (run_record.status, run_record.created) == ("ok", 2)
    source.refresh_from_db()
    assert source.last_success_at == NOW and source.consecutive_failures == 0


def test_unchanged_feed_writes_nothing_but_the_run(source, feed_server):
    serve(feed_server, calendar(WALK, YOGA))
    run(source)
    revisions = Revision.objects.count()
    with CaptureQueriesContext(connection) as queries:
        report = run(source)
    assert report.status == "not-modified"
    writes = [q["sql"] for q in queries.captured_queries if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert all("agenda_pages_importrun" in sql or "agenda_pages_feedsource" in sql for sql in writes), writes
    assert Revision.objects.count() == revisions


def test_same_events_in_new_bytes_are_unchanged(source, feed_server):
    serve(feed_server, calendar(WALK, YOGA))
    run(source)
    revisions = Revision.objects.count()
    # Many producers stamp every download with a new DTSTAMP: different bytes, same events.
    serve(feed_server, calendar(WALK.replace("20261101T000000Z", "20261122T110000Z"), YOGA))
    report = run(source)
    assert (report.status, report.unchanged, report.updated, report.created) == ("ok", 2, 0, 0)
    assert Revision.objects.count() == revisions


def test_change_to_a_live_event_waits_for_review(source, feed_server):
    serve(feed_server, calendar(WALK))
    run(source)
    publish_all(source)
    serve(feed_server, calendar(WALK.replace("SUMMARY:Wandelgroep", "SUMMARY:Wandelgroep in het park")))
    report = run(source)
    assert report.updated == 1
    page = EventPage.objects.get(source=source)
    assert page.title == "Wandelgroep"  # the live version stays
    assert page.get_latest_revision_as_object().title == "Wandelgroep in het park"
    assert page.has_unpublished_changes and page.workflow_in_progress


def test_change_from_a_trusted_source_is_published(source, feed_server):
    source.trusted = True
    source.save()
    serve(feed_server, calendar(WALK))
    run(source)
    publish_all(source)
    serve(feed_server, calendar(WALK.replace("SUMMARY:Wandelgroep", "SUMMARY:Wandelgroep in het park")))
    run(source)
    assert EventPage.objects.get(source=source).title == "Wandelgroep in het park"


def test_new_events_from_a_trusted_source_are_still_drafts(source, feed_server):
    source.trusted = True
    source.save()
    serve(feed_server, calendar(WALK))
    run(source)
    assert not EventPage.objects.get(source=source).live


def test_cancellation_applies_to_the_live_dates_at_once(source, feed_server):
    serve(feed_server, calendar(WALK, TALK))
    run(source)
    publish_all(source)
    cancelled_talk = TALK.replace("END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT")
    serve(feed_server, calendar(WALK, cancelled_talk))
    report = run(source)
    assert report.cancelled == 1
    talk = EventPage.objects.get(source_uid="talk@inloophuis.example")
    assert list(talk.occurrences.values_list("status", flat=True)) == [OccurrenceStatus.CANCELLED]
    assert talk.live


def test_event_first_seen_cancelled_is_not_created(source, feed_server):
    serve(feed_server, calendar(WALK, TALK.replace("END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT")))
    report = run(source)
    assert report.created == 1
    assert not EventPage.objects.filter(source_uid="talk@inloophuis.example").exists()


def test_vanished_event_is_withdrawn_and_comes_back(source, feed_server):
    serve(feed_server, calendar(WALK, YOGA, TALK))
    run(source)
    publish_all(source)
    serve(feed_server, calendar(WALK, YOGA))
    report = run(source)
    assert report.withdrawn == 1
    talk = EventPage.objects.get(source_uid="talk@inloophuis.example")
    assert talk.live  # page and history are kept
    assert set(talk.occurrences.values_list("status", flat=True)) == {OccurrenceStatus.WITHDRAWN}
    assert not EventOccurrence.objects.public().filter(page=talk).exists()

    serve(feed_server, calendar(WALK, YOGA, TALK))
    report = run(source)
    assert report.updated == 1
    assert set(talk.occurrences.values_list("status", flat=True)) == {OccurrenceStatus.SCHEDULED}


def test_more_than_half_vanishing_withdraws_nothing_and_flags_the_source(source, feed_server):
    serve(feed_server, calendar(WALK, YOGA, TALK))
    run(source)
    publish_all(source)
    serve(feed_server, calendar(WALK))
    report = run(source)
    assert report.withdrawn == 0
    assert not EventOccurrence.objects.filter(status=OccurrenceStatus.WITHDRAWN).exists()
    source.refresh_from_db()
    assert source.needs_review
    assert "2 of 3 upcoming events disappeared" in source.review_reason


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (500, b"Internal Server Error", "HTTP status 500"),
        (403, b"Forbidden", "HTTP status 403"),
        (200, b"<!DOCTYPE html><html><body>Onderhoud</body></html>", "looks like a web page"),
        (200, b"", "empty"),
        (200, calendar(WALK)[:-40], "incomplete"),
    ],
)
def test_broken_fetch_keeps_every_event(source, feed_server, status, body, message):
    serve(feed_server, calendar(WALK, YOGA, TALK))
    run(source)
    publish_all(source)
    content_type = "text/html" if b"html" in body else "text/calendar"
    feed_server.add("/agenda.ics", body, status=status, Content_Type=content_type)
    report = run(source)
    assert report.status == "error"
    assert message in report.error
    assert not EventOccurrence.objects.exclude(status=OccurrenceStatus.SCHEDULED).exists()
    assert EventPage.objects.filter(source=source, live=True).count() == 3
    source.refresh_from_db()
    assert source.consecutive_failures == 1
    assert source.next_attempt_at > NOW
    assert ImportRun.objects.filter(source=source).first().error_message == report.error


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_to_the_source_while_it_is_fetched_is_kept(source, feed_server):
    """A moderator switches a failing source off while its import waits for the server: the run
    records its failure without writing back the copy of the source it loaded before the fetch."""

    def switched_off_meanwhile(request):
        FeedSource.objects.filter(pk=source.pk).update(is_active=False)
        connection.close()  # this server thread's own connection
        request.send_response(500)
        request.send_header("Content-Length", "0")
        request.end_headers()

    feed_server.add_handler("/agenda.ics", switched_off_meanwhile)
    report = run(source)
    assert report.status == "error"
    source.refresh_from_db()
    assert (source.is_active, source.consecutive_failures, source.last_run_status) == (False, 1, "error")


def test_auto_format_refuses_an_html_error_page(source, feed_server):
    source.format = "auto"
    source.save()
    feed_server.add("/agenda.ics", b"<!DOCTYPE html><html><body>Onderhoud</body></html>", Content_Type="text/html")
    report = run(source)
    assert report.status == "error" and "does not look like" in report.error


def test_auto_format_detects_icalendar(source, feed_server):
    source.format = "auto"
    source.save()
    feed_server.add("/agenda.ics", calendar(WALK), Content_Type="application/octet-stream")
    assert run(source).created == 1


def test_changed_uid_with_same_url_updates_the_same_page(source, feed_server):
    walk = WALK.replace("END:VEVENT", "URL:https://inloophuis.example/agenda/wandelgroep/\r\nEND:VEVENT")
    serve(feed_server, calendar(walk))
    run(source)
    rescheduled = walk.replace("walk@inloophuis.example", "978-1765-1766@inloophuis.example").replace(
        "20261201T1", "20261202T1"
    )
    serve(feed_server, calendar(rescheduled))
    report = run(source)
    assert (report.created, report.updated) == (0, 1)
    page = EventPage.objects.get(source=source)
    assert page.source_uid == "978-1765-1766@inloophuis.example"


def test_editors_change_is_kept_and_flagged(source, feed_server):
    serve(feed_server, calendar(WALK))
    run(source)
    page = EventPage.objects.get(source=source)
    page.title = "Wandelen met De Boei"
    page.save_revision().publish()
    serve(feed_server, calendar(WALK.replace("SUMMARY:Wandelgroep", "SUMMARY:Wandelclub")))
    run(source)
    page.refresh_from_db()
    latest = page.get_latest_revision_as_object()
    assert latest.title == "Wandelen met De Boei"
    assert page.source_conflicts == ["title"]


def test_hostile_description_is_sanitised(source, feed_server):
    hostile = vevent(
        "x@inloophuis.example",
        "<script>alert(1)</script>Koffie",
        "20261206T100000",
        description='<p onclick="steal()">Welkom <a href="javascript:alert(1)">hier</a><iframe src="https://evil"></iframe></p>',
    ).replace("DESCRIPTION:", "X-ALT-DESC;FMTTYPE=text/html:")
    serve(feed_server, calendar(hostile))
    run(source)
    page = EventPage.objects.get(source=source)
    assert page.title == "Koffie"
    for bad in ("script", "onclick", "javascript:", "iframe"):
        assert bad not in page.description
    assert "Welkom" in page.description


def test_outlook_html_description_is_stored_and_shown_without_ical_escapes(source, feed_server, client):
    outlook = vevent("o@inloophuis.example", "Koffie\\, thee", "20261206T100000", description="x").replace(
        "DESCRIPTION:x", "X-ALT-DESC;FMTTYPE=text/html:<p>Koffie\\, thee\\; taart</p>\\n<p>Welkom</p>"
    )
    serve(feed_server, calendar(outlook))
    run(source)
    page = EventPage.objects.get(source=source)
    assert page.title == "Koffie, thee"
    assert "Koffie, thee; taart" in page.description
    assert "\\" not in page.description

    page.get_latest_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Koffie, thee; taart" in html
    assert "Koffie\\, thee" not in html and "thee\\; taart" not in html


def test_items_from_our_own_agenda_are_skipped(source, feed_server):
    own = vevent("abc@testserver", "Van onze eigen site", "20261207T100000")
    serve(feed_server, calendar(WALK, own))
    report = run(source)
    assert report.created == 1
    assert any("our own agenda" in warning for warning in report.warnings)


def test_dry_run_reports_but_writes_nothing(source, feed_server):
    serve(feed_server, calendar(WALK, YOGA))
    report = run(source, dry_run=True)
    assert (report.status, report.created) == ("ok", 2)
    assert not EventPage.objects.exists()
    assert not ImportRun.objects.exists()
    source.refresh_from_db()
    assert source.content_hash == "" and source.last_run_at is None


def test_backoff_grows_with_each_failure(source, feed_server):
    feed_server.add("/agenda.ics", b"nope", status=500)
    for expected in (1, 2, 3):
        run(source)
        source.refresh_from_db()
        assert source.consecutive_failures == expected
    assert (source.next_attempt_at - NOW).total_seconds() == 4 * 3600


def test_one_broken_source_does_not_stop_the_others(centre, feed_server):
    from agenda_pages.importing.service import import_due_sources

    FeedSourceFactory(centre=centre, url=feed_server.url("/broken.ics"))
    good = FeedSourceFactory(centre=centre, url=feed_server.url("/agenda.ics"))
    serve(feed_server, calendar(WALK))
    reports = import_due_sources(NOW)
    assert sorted(report.status for report in reports) == ["error", "ok"]
    assert EventPage.objects.filter(source=good).count() == 1
    assert FeedSource.objects.filter(consecutive_failures=1).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_imports_of_one_source_create_each_event_once(source, feed_server):
    """Two workers importing the same source at once: the lock on the source serialises them."""
    import threading

    from django.db import connections

    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises all writers anyway; row locks need PostgreSQL")
    serve(feed_server, calendar(WALK, YOGA, TALK))
    reports = []

    def worker():
        try:
            reports.append(import_source(source.pk, now=NOW))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(report.status for report in reports) in (["not-modified", "ok"], ["ok", "ok"])
    assert sorted(EventPage.objects.filter(source=source).values_list("source_uid", flat=True)) == [
        "talk@inloophuis.example",
        "walk@inloophuis.example",
        "yoga@inloophuis.example",
    ]


def test_a_capped_feed_withdraws_nothing(source, feed_server, settings):
    serve(feed_server, calendar(WALK, YOGA, TALK))
    run(source)
    publish_all(source)
    # The same feed, but the cap on dates now leaves events out: they are not known to be gone.
    settings.AGENDA_IMPORT_MAX_OCCURRENCES_PER_FEED = 2
    serve(feed_server, calendar(WALK, TALK, YOGA))  # new bytes, so it is parsed again
    report = run(source)
    assert report.status == "ok"
    assert report.withdrawn == 0
    assert any("left out" in warning for warning in report.warnings)
    assert not EventOccurrence.objects.filter(status=OccurrenceStatus.WITHDRAWN).exists()


def test_withdrawn_dates_stay_withdrawn_when_a_pending_draft_is_approved(source, feed_server):
    serve(feed_server, calendar(WALK, YOGA, TALK))
    run(source)  # three drafts waiting for review
    serve(feed_server, calendar(WALK, YOGA))
    assert run(source).withdrawn == 1
    talk = EventPage.objects.get(source_uid="talk@inloophuis.example")
    talk.get_latest_revision().publish()  # the centre approves it after all
    assert set(talk.occurrences.values_list("status", flat=True)) == {OccurrenceStatus.WITHDRAWN}

    serve(feed_server, calendar(WALK, YOGA, TALK))
    run(source)  # it is back in the feed
    assert set(talk.occurrences.values_list("status", flat=True)) == {OccurrenceStatus.SCHEDULED}


def test_withdrawing_costs_the_same_queries_for_one_or_many_events(centre, feed_server):
    def events(count):
        return [vevent(f"e{n}@inloophuis.example", f"Activiteit {n}", f"202612{10 + n}T100000") for n in range(count)]

    def queries_to_withdraw(path, kept, total):
        source = FeedSourceFactory(centre=centre, url=feed_server.url(path), format="ics")
        feed_server.add(path, calendar(*events(total)))
        run(source)
        publish_all(source)
        feed_server.add(path, calendar(*events(kept)))
        with CaptureQueriesContext(connection) as queries:
            report = run(source)
        assert report.withdrawn == total - kept
        return len(queries)

    assert queries_to_withdraw("/a.ics", kept=3, total=4) == queries_to_withdraw("/b.ics", kept=6, total=10)


def test_an_event_that_cannot_be_saved_is_a_warning_not_a_failed_run(source, feed_server):
    from types import SimpleNamespace

    from agenda_pages.importing.pages import slug_for
    from tests.agenda_pages.factories import EventPageFactory

    # An editor already made a page at the address the importer would give the walk.
    taken = slug_for(source, SimpleNamespace(uid="walk@inloophuis.example", title="Wandelgroep"))
    EventPageFactory(parent=source.centre, title="Wandelen (met de hand)", slug=taken)
    serve(feed_server, calendar(WALK, YOGA))
    report = run(source)
    assert (report.status, report.created) == ("ok", 1)
    assert any(
        warning.startswith("walk@inloophuis.example: the event could not be saved") for warning in report.warnings
    )
    assert EventPage.objects.filter(source=source).get().source_uid == "yoga@inloophuis.example"


def tec_page(feed_server, ids: list[int], next_path: str = "") -> bytes:
    events = [
        {
            "id": post_id,
            "global_id": f"inloophuis.example?id={post_id}",
            "url": f"https://inloophuis.example/agenda/{post_id}/",
            "title": f"Activiteit {post_id}",
            "description": "<p>Welkom.</p>",
            "all_day": False,
            "utc_start_date": f"2026-12-{post_id:02d} 09:00:00",
            "utc_end_date": f"2026-12-{post_id:02d} 10:00:00",
            "start_date": f"2026-12-{post_id:02d} 10:00:00",
            "end_date": f"2026-12-{post_id:02d} 11:00:00",
            "timezone": "Europe/Amsterdam",
            "venue": [],
            "categories": [],
        }
        for post_id in ids
    ]
    document = {"events": events, "total": 3, "total_pages": 2}
    if next_path:
        document["next_rest_url"] = feed_server.url(next_path)
    return json.dumps(document).encode()


def test_the_events_calendar_pages_are_all_imported(centre, feed_server):
    feed_server.add(
        "/wp-json/tribe/events/v1/events", tec_page(feed_server, [1, 2], "/page2"), Content_Type="application/json"
    )
    feed_server.add("/page2", tec_page(feed_server, [3]), Content_Type="application/json")
    source = FeedSourceFactory(centre=centre, url=feed_server.url("/wp-json/tribe/events/v1/events"), format="auto")
    report = run(source)
    assert (report.status, report.created) == ("ok", 3)
    assert sorted(EventPage.objects.values_list("source_post_id", flat=True)) == ["1", "2", "3"]


def test_too_many_pages_is_an_error_that_changes_nothing(centre, feed_server, settings):
    settings.AGENDA_IMPORT_MAX_TEC_PAGES = 1
    feed_server.add("/events", tec_page(feed_server, [1, 2], "/page2"), Content_Type="application/json")
    feed_server.add("/page2", tec_page(feed_server, [3]), Content_Type="application/json")
    source = FeedSourceFactory(centre=centre, url=feed_server.url("/events"), format="tec-json")
    report = run(source)
    assert report.status == "error" and "more than 1 pages" in report.error
    assert not EventPage.objects.exists()


def test_schema_org_page_is_imported_with_its_relative_links_resolved(centre, feed_server):
    page = b"""<!DOCTYPE html><html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "Event", "name": "Inloopochtend",
     "startDate": "2026-12-04T10:00:00+01:00", "endDate": "2026-12-04T12:00:00+01:00",
     "url": "/agenda/inloopochtend/", "location": {"@type": "Place", "name": "De Boei"}}
    </script></head><body></body></html>"""
    feed_server.add("/agenda/", page, Content_Type="text/html; charset=utf-8")
    source = FeedSourceFactory(centre=centre, url=feed_server.url("/agenda/"), format="auto")
    assert run(source).created == 1
    assert EventPage.objects.get().source_url == feed_server.url("/agenda/inloopochtend/")


def test_a_series_the_parser_skipped_is_not_withdrawn(source, feed_server):
    serve(feed_server, calendar(WALK, YOGA, TALK))
    run(source)
    publish_all(source)
    # The talk now has a rule the parser refuses: it is missing from the result, but not gone.
    refused = TALK.replace("END:VEVENT", "RRULE:FREQ=MINUTELY\r\nEND:VEVENT")
    serve(feed_server, calendar(WALK, YOGA, refused))
    report = run(source)
    assert report.withdrawn == 0
    assert any(warning.startswith("talk@inloophuis.example") for warning in report.warnings)
    talk = EventPage.objects.get(source_uid="talk@inloophuis.example")
    assert set(talk.occurrences.values_list("status", flat=True)) == {OccurrenceStatus.SCHEDULED}


def test_a_weekly_series_is_not_sent_back_for_review_as_the_window_moves(source, feed_server):
    """An endless weekly group expands to other dates each day (last week's date leaves the window,
    next year's enters it). That is not a change by the centre: no new review, and the live page
    follows the window."""
    from datetime import timedelta

    from wagtail.models import WorkflowState

    weekly = vevent("koor@inloophuis.example", "Koor", "20261202T190000", rrule="FREQ=WEEKLY")
    serve(feed_server, calendar(weekly))
    run(source)
    publish_all(source)
    koor = EventPage.objects.get(source=source)
    WorkflowState.objects.filter(object_id=str(koor.pk)).update(status=WorkflowState.STATUS_CANCELLED)
    last_date = koor.occurrences.order_by("start").last().start

    # Two weeks later, with the feed regenerated (a new DTSTAMP, so other bytes).
    later = NOW + timedelta(days=14)
    serve(feed_server, calendar(weekly.replace("DTSTAMP:20261101T000000Z", "DTSTAMP:20261206T000000Z")))
    report = import_source(source.pk, now=later)

    assert (report.status, report.updated, report.unchanged) == ("ok", 0, 1)
    koor.refresh_from_db()
    assert koor.live and not koor.has_unpublished_changes and not koor.workflow_in_progress
    starts = list(koor.occurrences.order_by("start").values_list("start", flat=True))
    assert starts[-1] > last_date  # next year's dates entered with the window
    assert starts[0] == datetime(2026, 12, 2, 18, 0, tzinfo=UTC)  # dates before the window are kept

    # A real change to the same series still waits for review.
    serve(feed_server, calendar(weekly.replace("SUMMARY:Koor", "SUMMARY:Koor (nieuwe dirigent)")))
    assert import_source(source.pk, now=later).updated == 1
    koor.refresh_from_db()
    assert koor.title == "Koor" and koor.has_unpublished_changes


def test_an_unchanged_feed_is_expanded_again_on_a_new_day(source, feed_server):
    """The same bytes are skipped within a day; the next day they are parsed again, so an endless
    series reaches the dates that entered the window."""
    from datetime import timedelta

    weekly = vevent("koor@inloophuis.example", "Koor", "20261202T190000", rrule="FREQ=WEEKLY")
    serve(feed_server, calendar(weekly))
    run(source)
    last_date = EventPage.objects.get(source=source).occurrences.order_by("start").last().start

    assert import_source(source.pk, now=NOW + timedelta(hours=1)).status == "not-modified"
    next_week = import_source(source.pk, now=NOW + timedelta(days=7))

    assert (next_week.status, next_week.updated) == ("ok", 0)
    waiting = EventPage.objects.get(source=source).get_latest_revision_as_object()  # still in review
    assert max(occurrence.start for occurrence in waiting.occurrences.all()) > last_date


# --- isolation: one source's failure never stops the others (issue 11) ------------------------------


def test_an_unexpected_error_is_the_run_error_in_one_plain_sentence(
    crash_between_good_sources, assert_unexpected_failure
):
    from agenda_pages.importing.service import UNEXPECTED_ERROR

    crashing = crash_between_good_sources[1]

    report = run(crashing)

    assert (report.status, report.error, report.warnings, report.created) == ("error", UNEXPECTED_ERROR, [], 0)
    assert_unexpected_failure(crashing)


def test_a_dry_run_that_hits_a_bug_reports_it_and_records_nothing(crash_between_good_sources, caplog):
    from agenda_pages.importing.service import UNEXPECTED_ERROR

    crashing = crash_between_good_sources[1]

    report = run(crashing, dry_run=True)

    assert (report.status, report.error) == ("error", UNEXPECTED_ERROR)
    assert not ImportRun.objects.exists()
    assert "RuntimeError: simulated bug in the importer" in caplog.text


def test_import_sources_goes_on_after_a_source_deleted_meanwhile(crash_between_good_sources, caplog):
    from agenda_pages.importing.service import UNEXPECTED_ERROR, import_sources

    first, _, last = crash_between_good_sources

    reports = import_sources([first.pk, 999_999, last.pk], now=NOW)

    assert [(report.source, report.status) for report in reports] == [
        (first.pk, "ok"),
        (999_999, "error"),
        (last.pk, "ok"),
    ]
    assert reports[1].error == UNEXPECTED_ERROR
    assert "DoesNotExist" in caplog.text


@pytest.mark.parametrize(
    "bad",
    [
        {"all_day": True, "start_date": "9999-12-31 00:00:00", "end_date": "9999-12-31 00:00:00"},
        {"utc_end_date": "9999-12-31 23:59:59"},
        {"utc_start_date": "0001-01-01 00:00:00"},
        {"utc_start_date": "2026-02-30 09:00:00"},
    ],
    ids=["all-day-9999", "ends-9999", "starts-0001", "february-30"],
)
def test_one_bad_item_of_the_events_calendar_is_a_warning_and_the_run_goes_on(centre, feed_server, bad):
    """Through the whole pipeline, parsing process included: before issue 11 the year 9999 raised
    OverflowError out of the parser, and no run was recorded."""
    document = json.loads(tec_page(feed_server, [1, 2]))
    document["events"][0].update(bad)
    feed_server.add("/events", json.dumps(document).encode(), Content_Type="application/json")
    source = FeedSourceFactory(centre=centre, url=feed_server.url("/events"), format="tec-json")

    report = run(source)

    assert (report.status, report.created) == ("ok", 1)
    assert report.warnings[0].startswith("inloophuis.example?id=1: Event inloophuis.example?id=1 was skipped:")
    assert ImportRun.objects.get(source=source).status == "ok"
