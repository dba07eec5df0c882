"""The review backlog (issue 11): the admin dashboard, the review list and the reminder mail with
10,000 imported events waiting for review, against 100 waiting measured in the same run.

    .venv/bin/python bench/review_bench.py [--events 10000] [--baseline 100] [--repeat 5]
    make bench-review

Builds a throw-away site (SQLite in a temporary folder; with DATABASE_URL=postgres://.../name a fresh
database of that name, created and dropped here) with one centre, a staff member and a moderator,
and writes the waiting events the way a first import does (``create_drafts``). For each backlog it
requests, through Django's test client as a logged-in user (production-like: DEBUG off), the
dashboard (as staff and as moderator), the first and the last page of the review list, and builds
the reminder mail. It prints the median time of ``--repeat`` requests, the queries, the response size
and the peak Python memory of one request, and each time as a ratio to the same measurement at the
baseline. Target: the ratios near 1 (nothing grows with the backlog); every response a 200.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def postgres_admin(url: str, sql: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as connection:
        connection.execute(sql)


def add_waiting_events(source, count: int, offset: int) -> None:
    """As a first import writes them: batched inserts, each in the centre's review workflow."""
    from django.db import transaction

    from agenda_pages.importing.bulk import NewDraft, create_drafts
    from agenda_pages.importing.pages import review_workflow
    from agenda_pages.models import EventOccurrence, EventPage

    for start in range(offset, offset + count, 500):
        drafts = [
            NewDraft(
                EventPage(
                    title=f"Activiteit {n}",
                    slug=f"activiteit-{n}",
                    live=False,
                    source=source,
                    source_uid=f"bench-{n}@centrum.example",
                    source_last_seen_at=NOW,
                ),
                [EventOccurrence(start=NOW + timedelta(days=1 + n % 365, hours=n % 10), sort_order=0)],
                (),
            )
            for n in range(start, min(start + 500, offset + count))
        ]
        with transaction.atomic():
            create_drafts(source.centre, drafts, audience=[], workflow=review_workflow(source.centre), now=NOW)


def measure(label: str, run, repeat: int) -> dict:
    from django.db import connection

    run()  # warm the per-process caches
    queries = []

    def count(execute, sql, params, many, context):
        # Not CaptureQueriesContext: each request starts by resetting the connection's query log.
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        size = run()
    tracemalloc.start()
    run()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return {"label": label, "seconds": statistics.median(times), "queries": len(queries), "bytes": size, "peak": peak}


def measurements(staff, moderator, per_page: int, count: int, repeat: int) -> list[dict]:
    from django.core import mail
    from django.test import Client

    from agenda_pages.moderation.notifications import send_review_reminders

    def page(user, url):
        client = Client()
        client.force_login(user)

        def run():
            response = client.get(url)
            if response.status_code != 200:
                raise SystemExit(f"{url} answered {response.status_code}")
            return len(response.content)

        return run

    def reminder():
        mail.outbox = []
        report = send_review_reminders(NOW + timedelta(days=8))
        if report.sent != 1:
            raise SystemExit(f"reminder not sent: {report}")
        return len(mail.outbox[0].body) + len(mail.outbox[0].alternatives[0][0])

    last = -(-count // per_page)
    return [
        measure("dashboard, centre staff", page(staff, "/admin/"), repeat),
        measure("dashboard, moderator", page(moderator, "/admin/"), repeat),
        measure("review list, page 1", page(staff, "/admin/agenda/review/"), repeat),
        measure(f"review list, last page ({last})", page(staff, f"/admin/agenda/review/?p={last}"), repeat),
        measure("reminder mail (text + html)", reminder, repeat),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10000, help="waiting events to measure (default 10000)")
    parser.add_argument("--baseline", type=int, default=100, help="waiting events of the baseline (default 100)")
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per measurement (default 5)")
    options = parser.parse_args()

    tmp = tempfile.mkdtemp()
    database_url = os.environ.get("DATABASE_URL", "")
    if database_url.startswith("postgres"):
        name = urlsplit(database_url).path.lstrip("/")
        postgres_admin(database_url, f'DROP DATABASE IF EXISTS "{name}"')
        postgres_admin(database_url, f'CREATE DATABASE "{name}"')
    else:
        database_url = f"sqlite:///{tmp}/bench.sqlite3"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="kankernl_site.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=f"{tmp}/media",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        DJANGO_LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection

    # Development settings for the file layout, but no DEBUG: it keeps every query in memory.
    settings.DEBUG = False
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    from wagtail.models import TaskState

    from agenda_pages.admin.review_views import ReviewListView
    from agenda_pages.models import CentreIndexPage, CentrePage, FeedSource
    from agenda_pages.moderation import roles
    from home.demo import load_demo_content
    from home.models import HomePage

    load_demo_content()
    home = HomePage.objects.get(locale__language_code="nl")
    index = home.add_child(instance=CentreIndexPage(title="Centra", slug="centra"))
    centre = index.add_child(instance=CentrePage(title="Inloophuis De Boei", slug="de-boei"))
    source = FeedSource.objects.create(centre=centre, url="https://centrum.example/agenda.ics", format="ics")
    staff = User.objects.create_user("boei", "boei@example.org", "pw")
    staff.groups.add(centre.staff_group.group)
    moderator = User.objects.create_user("eindredactie", "redactie@example.org", "pw")
    moderator.groups.add(Group.objects.get(name=roles.MODERATORS))

    results = {}
    made = 0
    for count in (options.baseline, options.events):
        started = time.perf_counter()
        add_waiting_events(source, count - made, made)
        made = count
        TaskState.objects.update(started_at=NOW)  # a week before the reminder is built
        if connection.vendor == "postgresql":
            # As autovacuum does soon after a large import: without statistics, PostgreSQL plans the
            # per-centre count of the reminder and the report for a few rows (2 s instead of 0.4 s).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        print(f"{count} waiting events written in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        results[count] = measurements(staff, moderator, ReviewListView.paginate_by, count, options.repeat)

    if database_url.startswith("postgres"):
        from django.db import connections

        connections.close_all()
        postgres_admin(database_url, f'DROP DATABASE "{urlsplit(database_url).path.lstrip("/")}"')

    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    print(f"review backlog on {engine}: {options.events} waiting events against {options.baseline}")
    header = f"{'measurement':<32} {'waiting':>7} {'ms':>8} {'x base':>7} {'queries':>7} {'KB':>7} {'peak MB':>7}"
    print(header)
    for base, big in zip(results[options.baseline], results[options.events], strict=True):
        for count, row in ((options.baseline, base), (options.events, big)):
            ratio = row["seconds"] / base["seconds"]
            print(
                f"{row['label']:<32} {count:>7} {row['seconds'] * 1000:8.1f} {ratio:7.2f} {row['queries']:>7} "
                f"{row['bytes'] / 1024:7.0f} {row['peak'] / 1e6:7.1f}"
            )


if __name__ == "__main__":
    main()
