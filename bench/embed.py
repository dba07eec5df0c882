"""The embeddable agenda (issue 13) against the agenda page, both rendered from scratch, in one run.

    .venv/bin/python bench/embed.py [--dates 10000] [--repeat 30]

Builds a throw-away site as ``bench/agenda_bench.py`` does (SQLite in a temporary folder; with
DATABASE_URL=postgres://... a fresh database on that server, dropped afterwards): the demo pages,
80 centres, up to 1,250 live events and ``--dates`` upcoming dates. Then, in this process through
Django's test client with development settings without DEBUG and every cache off (page cache,
fragment cache, route cache), it requests each pair of addresses in turn, the agenda page and its
embed with the same filters, alternating so that a change in the machine's load weighs on both.
Printed per pair: the median time of ``--repeat`` requests, the queries of one request and the
size, and the embed's time as a ratio to the agenda's. Target (issue 13): the embed within 1.5x the
agenda page's time; every response a 200.
"""

import argparse
import cProfile
import os
import pstats
import secrets
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
sys.path.insert(0, str(PROJECT_ROOT / "bench"))

import agenda_bench  # noqa: E402  (bench/ is a folder of scripts, not a package)

TARGET = 1.5


def timed_get(client, url: str) -> tuple[float, int, int]:
    """Seconds, queries and bytes of one request."""
    from django.db import connection

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started = time.perf_counter()
        response = client.get(url)
        seconds = time.perf_counter() - started
    if response.status_code != 200:
        raise SystemExit(f"{url} answered {response.status_code}; the benchmark needs 200")
    return seconds, queries, len(response.content)


def measure_pair(client, agenda_url: str, embed_url: str, repeat: int) -> dict:
    for url in (agenda_url, embed_url):  # imports, templates and Wagtail's per-process caches
        for _ in range(3):
            timed_get(client, url)
    times = {agenda_url: [], embed_url: []}
    details = {}
    for _ in range(repeat):
        for url in (agenda_url, embed_url):
            seconds, queries, size = timed_get(client, url)
            times[url].append(seconds)
            details[url] = (queries, size)
    return {url: (statistics.median(times[url]), *details[url]) for url in (agenda_url, embed_url)}


def profile(client, url: str) -> None:
    """The slowest queries of one request, and cProfile's view of twenty."""
    from django.db import connection

    slow = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            slow.append((time.perf_counter() - started, sql[:160]))

    with connection.execute_wrapper(timed):
        client.get(url)
    for seconds, sql in sorted(slow, reverse=True)[:5]:
        print(f"{seconds * 1000:7.1f} ms  {sql}")
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(20):
        client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", type=int, default=agenda_bench.DATES, help="upcoming dates (default 10,000)")
    parser.add_argument("--repeat", type=int, default=30, help="timed requests per address (default 30)")
    parser.add_argument("--profile", action="store_true", help="also print where an embed request spends its time")
    options = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="embed-bench-")
    server_url = os.environ.get("DATABASE_URL", "")
    database_url, database_name = agenda_bench.fresh_database_url(tmp, server_url)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="kankernl_site.settings.dev",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=database_url,
        MEDIA_ROOT=f"{tmp}/media",
        STATIC_ROOT=f"{tmp}/static",
        DJANGO_LOG_LEVEL="ERROR",
    )
    Path(tmp, "static").mkdir()
    try:
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client
        from django.utils import timezone

        # Development settings for the file layout, without DEBUG (it keeps every query in memory)
        # and with every cache off: both pages rendered from scratch on each request.
        settings.DEBUG = False
        settings.ALLOWED_HOSTS = ["*"]
        settings.PAGE_CACHE_SECONDS = 0
        settings.FRAGMENT_CACHE_SECONDS = 0
        settings.ROUTE_CACHE = False
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        pages = agenda_bench.build_site(timezone.now(), options.dates)
        from agenda_pages.models import CentrePage

        centre = CentrePage.objects.live().filter(slug__startswith="inloophuis-").order_by("path").first()
        database = "PostgreSQL" if database_name else "SQLite"
        print(
            f"site: {pages['events']:,} events, {pages['dates']:,} dates ({database}), "
            f"built in {time.perf_counter() - started:.0f} s; {options.repeat} requests per address"
        )
        filters = ["", f"?centre={centre.slug}", "?show=activities", f"?theme={pages['theme']}"]
        client = Client()
        rows = []
        for query in filters:
            agenda_url, embed_url = f"/agenda/{query}", f"/agenda/embed/{query}"
            result = measure_pair(client, agenda_url, embed_url, options.repeat)
            rows.append((query or "(no filter)", result[agenda_url], result[embed_url]))

        if options.profile:
            profile(client, "/agenda/embed/")
        print(f"{'filters':<34} {'agenda ms':>9} {'q':>3} {'kB':>5}   {'embed ms':>8} {'q':>3} {'kB':>5}   ratio")
        for label, (agenda_s, agenda_q, agenda_b), (embed_s, embed_q, embed_b) in rows:
            ratio = embed_s / agenda_s
            verdict = f"<= {TARGET:g}x {'met' if ratio <= TARGET else 'NOT met'}"
            print(
                f"{label:<34} {agenda_s * 1000:9.1f} {agenda_q:3d} {agenda_b / 1024:5.0f}   "
                f"{embed_s * 1000:8.1f} {embed_q:3d} {embed_b / 1024:5.0f}   {ratio:.2f}x  {verdict}"
            )
    finally:
        if database_name:
            from django.db import connections

            connections.close_all()
            agenda_bench.drop_database(server_url, database_name)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
