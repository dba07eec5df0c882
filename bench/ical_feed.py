"""The agenda's calendar subscription (issue 13): ``/agenda/ical/`` of 10,000 upcoming dates against
serialising the same dates with bare icalendar (no Django), measured in the same run.

    .venv/bin/python bench/ical_feed.py [--dates 10000] [--repeat 5]
    make bench-ical

Builds a throw-away SQLite site in a temporary folder with the agenda benchmark's content
(``agenda_bench.build_site``: 80 centres, 1,250 weekly groups of 8 dates, one date in 50 cancelled)
and measures two shapes of the same number of dates:

- *series*: the weekly groups as built, so the feed writes each as one repeating VEVENT (with an
  override per cancelled date): what most of the centres' programmes look like;
- *single dates*: three dates in eight of every group moved a day, so no group has a rhythm and the
  feed writes one VEVENT per date: the most work the feed can have for this number of dates.

For each, the median of ``--repeat`` requests of ``/agenda/ical/`` through Django's test client
(page, fragment and route caches off, DEBUG off: every request queries and serialises), next to the
median time bare icalendar takes to build and serialise one VEVENT per date with the same properties
from rows already in memory. Target: ratio at most 2.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))
sys.path.insert(0, str(PROJECT_ROOT / "bench"))
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
TARGET = 2.0


def bare_rows() -> list[tuple]:
    """Each public upcoming date with what its VEVENT holds, as plain values (read once, not timed)."""
    from django.db.models import F

    from agenda_pages.models import EventOccurrence

    return list(
        EventOccurrence.objects.public()
        .upcoming(NOW)
        .order_by("start", "pk")
        .values_list("page_id", "start", "end", "status", "page__title")
        .annotate(venue=F("page__venue_name"), address=F("page__address"), description=F("page__description"))
    )


def bare_icalendar(rows: list[tuple]) -> bytes:
    """What a script with only icalendar would write: one VEVENT per date, the same properties."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//bench//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Agenda")
    for page_id, start, end, status, title, venue, address, description in rows:
        event = Event()
        event.add("uid", f"event-{page_id}-{start:%Y%m%dT%H%M%SZ}@localhost")
        event.add("dtstamp", NOW)
        event.add("summary", title)
        event.add("dtstart", start)
        event.add("dtend", end)
        event.add("location", ", ".join(part for part in (venue, address) if part))
        event.add("url", f"http://localhost/centra/{page_id}/")
        event.add("description", f"{description}\n\nhttp://localhost/centra/{page_id}/")
        event.add("status", "CANCELLED" if status == "cancelled" else "CONFIRMED")
        event.add("sequence", 1)
        event.add("last-modified", NOW)
        calendar.add_component(event)
    return calendar.to_ical()


def median_seconds(run, repeat: int) -> tuple[float, int]:
    size = run()  # warm
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times), size


def measure(label: str, repeat: int) -> dict:
    from django.test import Client

    client = Client()

    def feed():
        response = client.get("/agenda/ical/")
        if response.status_code != 200:
            raise SystemExit(f"/agenda/ical/ answered {response.status_code}")
        return len(response.content)

    rows = bare_rows()
    feed_seconds, feed_bytes = median_seconds(feed, repeat)
    bare_seconds, bare_bytes = median_seconds(lambda: len(bare_icalendar(rows)), repeat)
    body = client.get("/agenda/ical/").content
    return {
        "label": label,
        "dates": len(rows),
        "vevents": body.count(b"BEGIN:VEVENT"),
        "feed": feed_seconds,
        "feed_bytes": feed_bytes,
        "bare": bare_seconds,
        "bare_bytes": bare_bytes,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", type=int, default=10_000, help="upcoming dates (default 10000)")
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per measurement (default 5)")
    options = parser.parse_args()

    tmp = tempfile.mkdtemp()
    os.environ.update(
        DJANGO_SETTINGS_MODULE="kankernl_site.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp}/bench.sqlite3",
        MEDIA_ROOT=f"{tmp}/media",
        PAGE_CACHE_SECONDS="0",
        FRAGMENT_CACHE_SECONDS="0",
        ROUTE_CACHE="0",
        DJANGO_LOG_LEVEL="ERROR",
    )
    import django

    django.setup()
    import time_machine
    from agenda_bench import build_site
    from django.conf import settings
    from django.core.management import call_command
    from django.db.models import F

    from agenda_pages.models import EventOccurrence

    settings.DEBUG = False  # it keeps every query in memory
    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    with time_machine.travel(NOW, tick=False):
        started = time.perf_counter()
        built = build_site(NOW, options.dates)
        print(f"{built['dates']} dates of {built['events']} events written in {time.perf_counter() - started:.0f} s")
        results = [measure("series", options.repeat)]
        moved = timedelta(days=1)
        EventOccurrence.objects.filter(sort_order__in=(1, 4, 6)).update(start=F("start") + moved, end=F("end") + moved)
        results.append(measure("single dates", options.repeat))

    print(f"/agenda/ical/ against bare icalendar (a VEVENT a date), median of {options.repeat}; target <= {TARGET}x")
    print(f"{'shape':<14} {'dates':>6} {'VEVENTs':>8} {'ical/ s':>8} {'KB':>6} {'bare s':>8} {'KB':>6} {'ratio':>6}")
    for row in results:
        ratio = row["feed"] / row["bare"]
        print(
            f"{row['label']:<14} {row['dates']:>6} {row['vevents']:>8} {row['feed']:8.2f}"
            f" {row['feed_bytes'] / 1024:6.0f} {row['bare']:8.2f} {row['bare_bytes'] / 1024:6.0f} {ratio:6.2f}"
            + ("" if ratio <= TARGET else "  over target")
        )


if __name__ == "__main__":
    main()
