"""Mixed public traffic through nginx to two gunicorn nodes while the worker imports 80 feeds.

    .venv/bin/python bench/load_bench.py [--clients 50] [--pace 2] [--seconds 60] [--saturate-seconds 30]
    make bench-load

Starts the production setup of deploy/local_cluster.py (nginx, two nodes with the production
settings and gunicorn's worker count as deployed, a worker and the scheduler, on a fresh PostgreSQL
database and Redis), loads the demo content, onboards --feeds extra centres whose calendar feeds (25
activities each) a local server serves, and imports and approves the first --published of them: the
activities the traffic asks for. The traffic comes from --clients concurrent keep-alive HTTPS clients,
each through its own shuffle of one fixed list (the same every run): the agenda (plain, page 2, by
theme, postcode, words, online), event and centre pages, the centres index, the site search, the
RSS, iCalendar and JSON feeds, the embeddable agenda and the home page.

Two phases. First --seconds with each client sending --pace requests a second (a visitor who reads
a little between clicks; 50 clients at 2/s offer 100 requests/s), while the scheduler starts an
import round of every feed each 15 s: the first round writes the new feeds' drafts, the later ones
read them again. Then --saturate-seconds with every client as fast as it can: what the machine
carries at most, and how long requests wait when it is full.

Printed per phase: requests per second, p50/p95/p99 latency and errors per kind of address and in
all; the imports recorded; the resident memory of each process at the start, each quarter and the end
of the first phase. The reference measured in the same run is a static file through the same nginx
and nodes (whitenoise): the ratio of each kind's p95 to the static file's tells what the site's own
work costs, on a fast or a slow machine alike. Targets (issue 16, this 2-core machine, first phase):
no errors, p95 under 500 ms over all, no growth of the worker's memory over the second half.
Loopback only; the load generator runs on the same two cores.
"""

import argparse
import http.client
import random
import signal
import ssl
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from deploy.local_cluster import HOST, LocalCluster, services_missing  # noqa: E402

P95_TARGET_MS = 500
# Postcodes of real places across the country, for the extra centres.
POSTCODES = ("1012", "2511", "3011", "3512", "5611", "6211", "7511", "8011", "9711", "6811")
# Stands in for the centres' staff approving the first imports (agenda_pages/demo.py does the same).
PUBLISH_DRAFTS = """
from agenda_pages.models import EventPage
for page in EventPage.objects.filter(live=False).select_related("latest_revision"):
    page.latest_revision.publish()
"""
ACTIVITIES = ("Wandelgroep", "Yoga", "Inloopochtend", "Schilderen", "Kookworkshop", "Informatieavond")


def feed_body(number: int, now: datetime) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:-//kankernl//load bench {number}//NL"]
    for week in range(25):
        start = (now + timedelta(days=2 + week * 7 + number % 5)).replace(hour=10, minute=0, second=0, microsecond=0)
        activity = ACTIVITIES[(number + week) % len(ACTIVITIES)]
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{number}-{week}@centrum{number}.example",
            f"DTSTAMP:{now:%Y%m%dT%H%M%SZ}",
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
            f"DTEND:{start + timedelta(hours=2):%Y%m%dT%H%M%SZ}",
            f"SUMMARY:{activity} bij centrum {number}",
            "DESCRIPTION:Samen met anderen. Aanmelden is niet nodig.",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return ("\r\n".join(lines) + "\r\n").encode()


class FeedServer:
    """Serves /feed/N.ics for every extra centre."""

    def __init__(self, feeds: int):
        now = datetime.now(UTC)
        bodies = {f"/feed/{number}.ics": feed_body(number, now) for number in range(feeds)}

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                body = bodies.get(self.path)
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "text/calendar")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def url(self, number: int) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/feed/{number}.ics"


@dataclass
class Kind:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def addresses(cluster: LocalCluster) -> dict[str, list[str]]:
    """The addresses of each kind, read from the cluster's database once the demo is loaded."""
    home_path = cluster.query(
        "SELECT p.url_path FROM wagtailcore_site s JOIN wagtailcore_page p"
        " ON p.id = s.root_page_id WHERE s.is_default_site",
    )[0][0]

    def live(model: str, limit: int) -> list[str]:
        found = cluster.query(
            "SELECT p.url_path FROM wagtailcore_page p JOIN django_content_type ct ON ct.id = p.content_type_id"
            " WHERE ct.model = %s AND p.live AND p.url_path LIKE %s ORDER BY p.path LIMIT %s",
            model,
            f"{home_path}%",
            limit,
        )
        return ["/" + url_path.removeprefix(home_path) for (url_path,) in found]

    events, centres = live("eventpage", 20), live("centrepage", 10)
    if not events or not centres:
        raise SystemExit("the demo has no live events or centres to ask for")
    return {
        "static (reference)": [],  # filled in by main() from the home page
        "home": ["/"],
        "agenda": ["/agenda/", "/agenda/?page=2"],
        "agenda filtered": [
            "/agenda/?theme=bewegen",
            f"/agenda/?near={POSTCODES[3]}",
            "/agenda/?q=wandel",
            "/agenda/?mode=online",
        ],
        "event": events,
        "centre": [*centres, "/centra/"],
        "search": ["/zoeken/?q=wandelen", "/zoeken/?q=yoga"],
        "feeds": ["/agenda/rss/", "/agenda/ical/", "/agenda/json/"],
        "embed": ["/agenda/embed/"],
    }


def client_loop(
    cluster: LocalCluster,
    plan: list[tuple[str, str]],
    until: float,
    results: dict[str, Kind],
    lock: threading.Lock,
    context: ssl.SSLContext,
    interval: float,
    offset: float,
) -> None:
    connection = http.client.HTTPSConnection("127.0.0.1", cluster.https_port, context=context, timeout=30)
    headers = {"Host": f"{HOST}:{cluster.https_port}", "User-Agent": "kankernl load bench"}
    index = 0
    next_at = time.monotonic() + offset
    while time.monotonic() < until:
        # Paced: one request every ``interval`` seconds, without catching up on a late one in a burst.
        time.sleep(max(0.0, next_at - time.monotonic()))
        next_at = max(next_at + interval, time.monotonic())
        kind, path = plan[index % len(plan)]
        index += 1
        started = time.perf_counter()
        error = None
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:
                error = f"{response.status} {path}"
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException) as exc:
            error = f"{type(exc).__name__} {path}"
            connection.close()
        elapsed = time.perf_counter() - started
        with lock:
            (results[kind].errors.append(error) if error else results[kind].latencies.append(elapsed))


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def memory(cluster: LocalCluster) -> dict[str, int]:
    return {name: cluster.memory_kib(name) for name in cluster.processes}


def run_phase(cluster, plan, kinds, clients: int, seconds: float, pace: float, generator, samples) -> tuple:
    """``clients`` threads, each through its own shuffle of ``plan``, for ``seconds``; with ``samples``,
    the processes' memory at each quarter and at the end."""
    results = {kind: Kind() for kind in kinds}
    lock = threading.Lock()
    context = cluster.tls_context()
    interval = 1 / pace if pace else 0.0
    until = time.monotonic() + seconds
    threads = []
    for _client in range(clients):
        own_plan = plan[:]
        generator.shuffle(own_plan)
        offset = generator.uniform(0, interval)  # paced clients do not all start on the same beat
        threads.append(
            threading.Thread(
                target=client_loop, args=(cluster, own_plan, until, results, lock, context, interval, offset)
            )
        )
    started = time.monotonic()
    for thread in threads:
        thread.start()
    if samples is not None:
        for quarter in (1, 2, 3):
            time.sleep(max(0.0, started + seconds * quarter / 4 - time.monotonic()))
            samples.append((f"{quarter * 25}%", memory(cluster)))
    for thread in threads:
        thread.join()
    if samples is not None:
        samples.append(("end", memory(cluster)))
    return results, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--feeds", type=int, default=80)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers per node (default: as deployed)")
    parser.add_argument("--published", type=int, default=10, help="feeds approved before the run (default 10)")
    parser.add_argument("--pace", type=float, default=2.0, help="requests per second per client (default 2)")
    parser.add_argument(
        "--saturate-seconds", type=float, default=30, help="then as fast as they can, for this long (default 30)"
    )
    options = parser.parse_args()
    # Stopped with SIGTERM (a timeout), the cluster is still stopped and its database dropped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    missing = services_missing()
    if missing:
        raise SystemExit("The load bench needs " + ", ".join(missing) + ".")

    feeds = FeedServer(options.feeds)
    # As deploy/ configures production: gunicorn's worker count from the cores, imports hourly.
    cluster = LocalCluster(workers_per_node=options.workers)
    try:
        # Set up without the scheduler: the import of the extra feeds starts with the traffic.
        cluster.start(scheduler=False)
        cluster.manage("load_demo")
        cluster.manage("db_worker", "--batch", "--no-startup-delay")  # the demo's search index first
        centres = cluster.workdir / "bench-centres.csv"
        centres.write_text(
            "name,kind,postcode,city,website,feed_url,feed_format\n"
            + "".join(
                f"Bench centrum {number},centrum,{POSTCODES[number % len(POSTCODES)]},Plaats,"
                f"https://centrum{number}.example,{feeds.url(number)},ics\n"
                for number in range(options.feeds)
            )
        )
        cluster.manage("onboard_centres", str(centres))
        # The first --published feeds are imported and approved beforehand: the public traffic's events.
        sources = [str(pk) for (pk,) in cluster.query("SELECT id FROM agenda_pages_feedsource ORDER BY id")]
        cluster.manage("import_feeds", "--source", *sources[: options.published])
        cluster.manage("shell", "-c", PUBLISH_DRAFTS)
        cluster.manage("db_worker", "--batch", "--no-startup-delay")
        kinds = addresses(cluster)
        context = cluster.tls_context()
        home = http.client.HTTPSConnection("127.0.0.1", cluster.https_port, context=context, timeout=30)
        home.request("GET", "/", headers={"Host": f"{HOST}:{cluster.https_port}"})
        stylesheet = next(
            part.split('"')[0]
            for part in home.getresponse().read().decode().split('href="')
            if part.startswith("/static/") and '.css"' in part[:200]
        )
        kinds["static (reference)"] = [stylesheet]
        # Every kind equally often, in an order fixed by the seed: the same mix every run.
        generator = random.Random(16)
        plan = [(kind, path) for kind, paths in kinds.items() for path in paths for _ in range(12 // len(paths) + 1)]
        runs_before = cluster.query("SELECT count(*) FROM agenda_pages_importrun")[0][0]

        samples = [("start", memory(cluster))]
        # Rounds every 15 s: the first writes the new feeds' drafts, the next ones read them again.
        cluster.start_scheduler(minutes=0.25)
        phases = []
        for name, pace, seconds in (
            (f"visitors at {options.pace:g} requests/s each, while the worker imports", options.pace, options.seconds),
            ("as fast as they can (the machine's capacity)", 0.0, options.saturate_seconds),
        ):
            if seconds <= 0:
                continue
            sampler = samples if not phases else None  # the worker's memory during the first phase
            results, elapsed = run_phase(cluster, plan, kinds, options.clients, seconds, pace, generator, sampler)
            phases.append((name, results, elapsed))
        imported = cluster.query("SELECT count(*) FROM agenda_pages_importrun")[0][0] - runs_before
    finally:
        cluster.close()

    print(
        f"{options.clients} clients through nginx to 2 gunicorn nodes; {imported} feed imports recorded"
        f" by the worker ({options.feeds} feeds, a round every 15 s)"
    )
    for name, results, elapsed in phases:
        report(name, results, elapsed)
    report_memory(samples)


def report(name: str, results: dict[str, Kind], elapsed: float) -> None:
    all_latencies = [value for kind in results.values() for value in kind.latencies]
    all_errors = [error for kind in results.values() for error in kind.errors]
    reference = percentile(results["static (reference)"].latencies, 0.95)
    p95_all = percentile(all_latencies, 0.95) * 1000
    print(f"\n{name}: {elapsed:.0f} s, {len(all_latencies) / elapsed:.0f} requests/s")
    print(f"{'kind':<20}{'requests':>9}{'errors':>7}{'p50 ms':>8}{'p95 ms':>8}{'p99 ms':>8}{'p95/ref':>9}")
    for kind_name, kind in [*results.items(), ("all", Kind(all_latencies, all_errors))]:
        p95 = percentile(kind.latencies, 0.95)
        print(
            f"{kind_name:<20}{len(kind.latencies):>9}{len(kind.errors):>7}"
            f"{percentile(kind.latencies, 0.5) * 1000:>8.0f}{p95 * 1000:>8.0f}"
            f"{percentile(kind.latencies, 0.99) * 1000:>8.0f}{p95 / reference:>9.1f}"
        )
    if all_errors:
        print("first errors:", ", ".join(all_errors[:5]))
    mean = f"{statistics.fmean(all_latencies) * 1000:.0f} ms" if all_latencies else "-"
    print(f"targets: errors {len(all_errors)} (0), p95 {p95_all:.0f} ms (< {P95_TARGET_MS}); mean {mean}")


def report_memory(samples: list) -> None:
    print("\nresident memory, MiB (a process and its children), during the first phase:")
    print(f"{'process':<12}" + "".join(f"{label:>8}" for label, _ in samples))
    for name in samples[0][1]:
        print(f"{name:<12}" + "".join(f"{sample.get(name, 0) / 1024:>8.0f}" for _, sample in samples))
    # The first round writes the new feeds' drafts and grows the worker's heap once; a leak would go on
    # growing while the later rounds read the same feeds again. Hence the second half of the run.
    halfway, end = samples[2][1], samples[-1][1]
    growth = (end.get("worker", 0) - halfway.get("worker", 0)) / 1024
    print(f"target: worker memory over the second half {growth:+.0f} MiB (no growth)")


if __name__ == "__main__":
    main()
