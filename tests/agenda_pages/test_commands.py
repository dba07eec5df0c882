"""The management commands, run with call_command against a real local feed server."""

import _thread
import io
import json
import os
import signal
import threading
import time
from datetime import timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Revision

from agenda_pages.models import CentrePage, EventPage, FeedSource, ImportRun
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, FeedSourceFactory
from tests.agenda_pages.ics_samples import NOW, WALK, calendar

FILES = Path(__file__).parent / "files"
REPORT_KEYS = {
    "source",
    "name",
    "status",
    "created",
    "updated",
    "unchanged",
    "cancelled",
    "withdrawn",
    "warnings",
    "error",
    "run",
}

CALENDAR = calendar(WALK)


pytestmark = pytest.mark.usefixtures("frozen_now")


@pytest.fixture
def index(site_home):
    return CentreIndexPageFactory(parent=site_home)


@pytest.fixture
def good(index, feed_server):
    feed_server.add("/agenda.ics", CALENDAR, Content_Type="text/calendar")
    centre = CentrePageFactory(parent=index, title="Inloophuis De Boei")
    return FeedSourceFactory(centre=centre, url=feed_server.url("/agenda.ics"), format="ics")


@pytest.fixture
def broken(index, feed_server):
    feed_server.add("/broken.ics", b"Internal Server Error", status=500)
    centre = CentrePageFactory(parent=index, title="Inloophuis Het Anker")
    return FeedSourceFactory(centre=centre, url=feed_server.url("/broken.ics"), format="ics")


def run(name, *args):
    """Run a command; returns its output and the CommandError it ended with, if any."""
    out = StringIO()
    try:
        call_command(name, *args, stdout=out, stderr=StringIO())
    except CommandError as exc:
        return out.getvalue(), exc
    return out.getvalue(), None


def test_json_reports_every_source_and_fails_when_one_did(good, broken):
    output, error = run("import_feeds", "--json")

    reports = {report["source"]: report for report in json.loads(output)}
    assert set(reports) == {good.pk, broken.pk}
    assert all(set(report) == REPORT_KEYS for report in reports.values())
    assert reports[good.pk] == {
        "source": good.pk,
        "name": "Inloophuis De Boei",
        "status": "ok",
        "created": 1,
        "updated": 0,
        "unchanged": 0,
        "cancelled": 0,
        "withdrawn": 0,
        "warnings": [],
        "error": None,
        "run": good.runs.get().pk,
    }
    assert reports[broken.pk]["status"] == "error"
    assert reports[broken.pk]["name"] == "Inloophuis Het Anker"
    assert "HTTP status 500" in reports[broken.pk]["error"]
    assert error is not None and error.returncode == 1
    assert str(error) == "1 of 2 feed sources failed."
    assert EventPage.objects.filter(source=good).count() == 1
    assert ImportRun.objects.count() == 2


def test_readable_output_has_a_line_per_source(good, broken):
    output, error = run("import_feeds")

    lines = output.splitlines()
    assert f"#{good.pk} Inloophuis De Boei: ok (1 created, 0 updated, 0 unchanged, 0 cancelled, 0 withdrawn)" in lines
    assert any(line.startswith(f"#{broken.pk} Inloophuis Het Anker: error: ") for line in lines)
    assert error.returncode == 1


def test_all_good_sources_exit_cleanly(good):
    output, error = run("import_feeds", "--json")
    assert error is None
    assert [report["status"] for report in json.loads(output)] == ["ok"]
    # The second time the server's bytes are the same: nothing to do.
    output, error = run("import_feeds", "--json")
    assert error is None
    assert [report["status"] for report in json.loads(output)] == ["not-modified"]


def test_dry_run_writes_nothing(good):
    revisions = Revision.objects.count()
    output, error = run("import_feeds", "--dry-run")

    assert error is None
    assert output.splitlines()[0] == "Dry run: nothing was saved."
    assert "1 created" in output
    assert not EventPage.objects.exists()
    assert not ImportRun.objects.exists()
    assert Revision.objects.count() == revisions
    good.refresh_from_db()
    assert (good.last_run_at, good.content_hash) == (None, "")


def test_source_selects_which_feeds_are_imported(good, broken, feed_server):
    output, error = run("import_feeds", "--json", "--source", str(good.pk))

    assert error is None
    assert [report["source"] for report in json.loads(output)] == [good.pk]
    assert [path for path, _headers in feed_server.requests] == ["/agenda.ics"]
    assert not ImportRun.objects.filter(source=broken).exists()


def test_source_may_be_given_more_than_once(good, broken):
    output, _error = run("import_feeds", "--json", "--source", str(broken.pk), "--source", str(good.pk))
    assert [report["source"] for report in json.loads(output)] == [broken.pk, good.pk]


def test_unknown_source_is_a_clear_error(good):
    output, error = run("import_feeds", "--source", str(good.pk), "999999")
    assert str(error) == "No feed source with id 999999."
    assert output == ""
    assert not ImportRun.objects.exists()


def test_without_source_inactive_ones_are_skipped_and_back_off_is_ignored(good, broken):
    broken.is_active = False
    broken.save()
    good.consecutive_failures = 3
    good.next_attempt_at = NOW + timedelta(hours=4)
    good.save()

    output, error = run("import_feeds", "--json")

    assert error is None
    assert [report["source"] for report in json.loads(output)] == [good.pk]
    # Named explicitly, an inactive source is imported too.
    output, _error = run("import_feeds", "--json", "--source", str(broken.pk))
    assert [report["status"] for report in json.loads(output)] == ["error"]


def test_no_active_sources(db):
    output, error = run("import_feeds")
    assert (output, error) == ("No active feed sources.\n", None)
    output, error = run("import_feeds", "--json")
    assert (json.loads(output), error) == ([], None)


def test_onboard_centres_twice(site_home):
    output, error = run("onboard_centres", str(FILES / "centres.csv"))
    assert error is None
    assert output.splitlines() == [
        "row 2: Inloophuis De Boei: created",
        "row 3: Stichting Samen Verder: created",
        "row 4: Centrum Het Anker: created",
        "3 rows onboarded.",
    ]
    revisions = Revision.objects.count()

    output, error = run("onboard_centres", str(FILES / "centres.csv"))

    assert error is None
    assert output.splitlines()[:3] == [
        "row 2: Inloophuis De Boei: unchanged",
        "row 3: Stichting Samen Verder: unchanged",
        "row 4: Centrum Het Anker: unchanged",
    ]
    assert CentrePage.objects.count() == 3 and FeedSource.objects.count() == 3
    assert Revision.objects.count() == revisions


def test_onboard_centres_reports_bad_rows_and_exits_1(site_home):
    output, error = run("onboard_centres", str(FILES / "centres_with_errors.csv"))

    assert "row 3: name: is required" in output.splitlines()
    assert "row 8: Toon Hermans Huis: created" in output.splitlines()
    assert str(error) == "5 of 7 rows could not be onboarded."
    assert error.returncode == 1


def test_onboard_centres_missing_file(db, tmp_path):
    _output, error = run("onboard_centres", str(tmp_path / "nope.csv"))
    assert str(error).startswith(f"Cannot read {tmp_path / 'nope.csv'}")


def test_onboard_centres_reads_standard_input(site_home, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO((FILES / "centres.csv").read_text(encoding="utf-8")))
    output, error = run("onboard_centres", "-")
    assert error is None
    assert output.splitlines()[-1] == "3 rows onboarded."
    assert CentrePage.objects.count() == 3


def test_onboard_centres_refuses_a_file_that_is_not_utf8_before_onboarding_any_row(site_home, tmp_path):
    """Excel saves "CSV" as Windows-1252. A byte that is not UTF-8 far down the file (past the first
    block read) must not leave the rows above it onboarded behind an error that says the file is unreadable."""
    csv_file = tmp_path / "centres.csv"
    rows = [
        "name,kind,postcode,city,website,feed_url,feed_format",
        "Inloophuis De Boei,centre,3511 AB,Utrecht,,,",
        *[""] * 10_000,  # blank lines are skipped
        "Café Samen,centre,8011 CW,Zwolle,,,",
    ]
    csv_file.write_bytes("\r\n".join(rows).encode("cp1252"))

    output, error = run("onboard_centres", str(csv_file))

    assert not CentrePage.objects.exists()
    assert output == ""
    assert str(error).startswith(f"Cannot read {csv_file}: it is not UTF-8 text")


def test_run_scheduler_once_enqueues_the_import(good):
    output, error = run("run_scheduler", "--once")

    assert error is None
    assert "enqueued the feed import" in output
    # The test settings' immediate backend has run it already.
    assert ImportRun.objects.get(source=good).status == "ok"
    assert EventPage.objects.filter(source=good).count() == 1


def test_run_scheduler_stops_on_sigterm(db):
    handler = signal.getsignal(signal.SIGTERM)

    def stop_the_scheduler():
        # Signal only once the scheduler has its own handler in place: before that, SIGTERM would
        # end the whole test run. If it never does, interrupt it instead, so the test fails, not hangs.
        deadline = time.monotonic() + 10
        while signal.getsignal(signal.SIGTERM) is handler and time.monotonic() < deadline:
            time.sleep(0.05)
        if signal.getsignal(signal.SIGTERM) is handler:
            _thread.interrupt_main()
        else:
            os.kill(os.getpid(), signal.SIGTERM)

    stopper = threading.Thread(target=stop_the_scheduler, daemon=True)
    stopper.start()
    output, error = run("run_scheduler", "--interval", "60")
    stopper.join(timeout=15)

    assert error is None
    assert output.splitlines()[-1] == "Scheduler stopped."
    assert sum("enqueued the feed import" in line for line in output.splitlines()) == 1
    assert signal.getsignal(signal.SIGTERM) is handler


def test_run_scheduler_refuses_a_zero_interval(db):
    with pytest.raises(CommandError, match="must be more than 0"):
        call_command("run_scheduler", "--interval", "0")


def test_onboard_centres_on_a_site_without_a_home_page(plain_page_as_site_root):
    output, error = run("onboard_centres", str(FILES / "centres.csv"))
    assert "is not a home page" in output
    assert str(error) == "Nothing was onboarded."


def test_a_source_that_crashes_the_importer_does_not_stop_the_next(
    crash_between_good_sources, assert_unexpected_failure
):
    from agenda_pages.importing.service import UNEXPECTED_ERROR

    first, crashing, last = crash_between_good_sources

    output, error = run("import_feeds", "--json")

    assert str(error) == "1 of 3 feed sources failed."
    reports = json.loads(output)
    assert [(report["source"], report["status"]) for report in reports] == [
        (first.pk, "ok"),
        (crashing.pk, "error"),
        (last.pk, "ok"),
    ]
    assert reports[1]["error"] == UNEXPECTED_ERROR
    assert [EventPage.objects.filter(source=source).count() for source in (first, last)] == [1, 1]
    assert_unexpected_failure(crashing)


def test_the_text_report_of_a_crash_is_the_plain_sentence(crash_between_good_sources, assert_unexpected_failure):
    from agenda_pages.importing.service import UNEXPECTED_ERROR

    crashing = crash_between_good_sources[1]

    output, error = run("import_feeds", "--source", str(crashing.pk))

    assert error is not None
    assert output.strip() == f"#{crashing.pk} Inloophuis Boei: error: {UNEXPECTED_ERROR}"
    assert_unexpected_failure(crashing)
