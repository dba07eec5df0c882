"""Feed import speed and memory against the bare parse of the same bytes, in one run.

    .venv/bin/python bench/import_bench.py [--events 5000]

Generates an iCalendar feed (single events, weekly and daily series), serves it from a local HTTP
server and imports it into a throw-away SQLite site (development settings: tasks are queued in the
database, as in production). It prints, each as a ratio to the bare icalendar +
recurring-ical-events parse and expansion of the same bytes:

- the first import (every page created as a draft with a revision and a workflow),
- a re-import with one event changed (one new revision),
- an unchanged re-import (same bytes: no parsing at all),
- the search and reference index task the first import queued, as a worker runs it afterwards,
and the peak memory of the importer next to the feed's size.
Targets (issue 3): first import within 10x of the bare parse; one change within 1.5x; unchanged
under 0.05x; peak memory under 10x the feed size.
"""

import argparse
import os
import sys
import tempfile
import threading
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def generate_feed(count: int) -> bytes:
    """A realistic mix: 90% single events, 8% weekly groups of 8 dates, 2% daily series of 10 dates.

    5,000 events give about 8,700 dates: under the default cap of 10,000 dates per feed.
    """
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//NL"]
    first = NOW + timedelta(days=1)
    for number in range(count):
        start = (first + timedelta(hours=number % 2000)).strftime("%Y%m%dT%H%M%SZ")
        end = (first + timedelta(hours=number % 2000, minutes=90)).strftime("%Y%m%dT%H%M%SZ")
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{number}@centrum.example",
            "DTSTAMP:20261101T000000Z",
            f"DTSTART:{start}",
            f"DTEND:{end}",
            f"SUMMARY:Activiteit {number}",
            f"DESCRIPTION:Een gezellige bijeenkomst voor iedereen die met kanker te maken heeft ({number}).",
            "LOCATION:Inloophuis De Boei\\, Utrecht",
        ]
        if number % 50 < 4:
            lines.append("RRULE:FREQ=WEEKLY;COUNT=8")
        elif number % 50 == 4:
            lines.append("RRULE:FREQ=DAILY;COUNT=10")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


class Feed:
    body = b""


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/calendar")
        self.send_header("Content-Length", str(len(Feed.body)))
        self.end_headers()
        self.wfile.write(Feed.body)

    def log_message(self, *args):
        pass


def bare_parse(body: bytes) -> tuple[float, int]:
    import icalendar
    import recurring_ical_events

    started = time.perf_counter()
    calendar = icalendar.Calendar.from_ical(body)
    occurrences = recurring_ical_events.of(calendar).between(NOW - timedelta(days=1), NOW + timedelta(days=365))
    return time.perf_counter() - started, len(occurrences)


def timed_import(source_id: int) -> tuple[float, dict]:
    from agenda_pages.importing.service import import_source

    started = time.perf_counter()
    report = import_source(source_id, now=NOW)
    elapsed = time.perf_counter() - started
    if report.status == "error":
        raise SystemExit(f"import failed: {report.error}")
    return elapsed, report.as_json()


def time_index_tasks(source) -> float:
    """The search and reference index task the first import queued per batch of new drafts, as the
    worker runs it afterwards: timed apart, since the import itself only queues it."""
    from agenda_pages.importing.bulk import index_event_pages
    from agenda_pages.importing.persist import CREATE_BATCH_SIZE
    from agenda_pages.models import EventPage

    page_ids = list(EventPage.objects.filter(source=source).order_by("pk").values_list("pk", flat=True))
    started = time.perf_counter()
    for start in range(0, len(page_ids), CREATE_BATCH_SIZE):
        index_event_pages.call(page_ids[start : start + CREATE_BATCH_SIZE])
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000, help="events in the generated feed (default 5000)")
    options = parser.parse_args()

    tmp = tempfile.mkdtemp()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="kankernl_site.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3",
        MEDIA_ROOT=f"{tmp}/media",
        FEEDS_ALLOW_PRIVATE_HOSTS="1",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        DJANGO_LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    # Development settings for the file layout, but no DEBUG: it keeps every query in memory.
    settings.DEBUG = False

    call_command("migrate", verbosity=0)
    from home.demo import load_demo_content

    load_demo_content()
    from agenda_pages.models import CentreIndexPage, CentrePage, FeedSource
    from home.models import HomePage

    home = HomePage.objects.get(locale__language_code="nl")
    index = home.add_child(instance=CentreIndexPage(title="Centra", slug="centra"))
    centre = index.add_child(instance=CentrePage(title="Inloophuis De Boei", slug="de-boei"))

    Feed.body = generate_feed(options.events)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    source = FeedSource.objects.create(
        centre=centre, url=f"http://127.0.0.1:{server.server_address[1]}/feed.ics", format="ics"
    )

    bare, occurrence_count = bare_parse(Feed.body)
    first, first_report = timed_import(source.pk)

    # Memory is traced on a second centre's first import of the same feed: tracing slows Python
    # down several times, so it must not run while the first import is timed.
    twin = index.add_child(instance=CentrePage(title="Inloophuis De Boei 2", slug="de-boei-2"))
    twin_source = FeedSource.objects.create(centre=twin, url=source.url, format="ics")
    tracemalloc.start()
    timed_import(twin_source.pk)
    _current, first_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    Feed.body = Feed.body.replace(b"SUMMARY:Activiteit 7\r\n", b"SUMMARY:Activiteit 7 (nieuwe tijd)\r\n", 1)
    one_change, change_report = timed_import(source.pk)
    unchanged, unchanged_report = timed_import(source.pk)
    server.shutdown()
    indexing = time_index_tasks(source)

    size = len(Feed.body)
    print(f"feed: {options.events} events, {occurrence_count} occurrences in the window, {size / 1e6:.1f} MB")
    print(f"{'measurement':<38} {'seconds':>9} {'x bare':>8}  target")
    print(f"{'bare parse + expand (reference)':<38} {bare:9.2f} {1:8.2f}")
    rows = [
        ("first import", first, "< 10x", first_report),
        ("re-import, one event changed", one_change, "< 1.5x", change_report),
        ("re-import, unchanged", unchanged, "< 0.05x", unchanged_report),
    ]
    for label, seconds, target, report in rows:
        counts = ", ".join(f"{key} {report[key]}" for key in ("created", "updated", "unchanged"))
        print(f"{label:<38} {seconds:9.2f} {seconds / bare:8.2f}  {target}   ({report['status']}: {counts})")
    label = "queued index tasks of the first import"
    print(f"{label:<38} {indexing:9.2f} {indexing / bare:8.2f}  (in the worker, after the import)")
    peak_mb = first_peak / 1e6
    print(f"peak Python memory of the importer (first import): {peak_mb:.1f} MB = {first_peak / size:.1f}x feed")


if __name__ == "__main__":
    main()
