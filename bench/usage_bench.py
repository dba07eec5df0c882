"""What counting a page view costs: a stored page alone, and the same page with its view beacon.

    .venv/bin/python bench/usage_bench.py [--requests 300] [--port 0]

Builds a throw-away SQLite site with the demo content, serves it with gunicorn (one sync worker,
production settings, the anonymous page cache on) and requests, in the same run and alternating
round by round: a static file served by whitenoise (the reference), the demo's standard page
"Over dit platform" as a visitor without JavaScript loads it (no count), the same page followed by
the POST its script sends (``/usage/view/``: is the page live, then one UPDATE of that day's
row), and the beacon alone. Also the page rendered afresh (a request with a cookie skips the page
cache), for scale. Nothing here asserts a target.
"""

import argparse
import http.client
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

# Run as a script, bench/ is on the path: the set-up is site_bench's.
from site_bench import PROJECT_ROOT, free_port, manage, production_env, wait_until_up

PAGE = "/over-dit-platform/"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def request(port: int, method: str, path: str, body: bytes = b"", headers: dict | None = None) -> bytes:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(method, path, body=body or None, headers={"User-Agent": BROWSER, **(headers or {})})
    response = connection.getresponse()
    content = response.read()
    connection.close()
    if response.status not in (200, 204):
        raise SystemExit(f"{method} {path} answered {response.status}; the benchmark needs 200 or 204")
    return content


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="requests per measurement (default 300)")
    parser.add_argument("--port", type=int, default=0, help="gunicorn's port (default: a free one)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        port = options.port or free_port()
        # One address sends every beacon here: no rate limit may turn the writes off midway.
        env = production_env(tmp, port, USAGE_VIEWS_PER_IP_PER_HOUR=str(100 * options.requests))
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--no-input")
        static_path = "/static/usage/count.js"

        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "kankernl_site.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(port, server)
            html = request(port, "GET", PAGE).decode()
            page_id = re.search(r'data-page="(\d+)" data-url="/usage/view/"', html).group(1)
            beacon = f"page={page_id}".encode()
            form = {"Content-Type": "application/x-www-form-urlencoded"}
            measurements = {
                "static file (reference)": lambda: request(port, "GET", static_path),
                "page, not counted": lambda: request(port, "GET", PAGE),
                "page + beacon (counted)": lambda: (
                    request(port, "GET", PAGE),
                    request(port, "POST", "/usage/view/", beacon, form),
                ),
                "beacon alone": lambda: request(port, "POST", "/usage/view/", beacon, form),
                "page rendered (cookie)": lambda: request(port, "GET", PAGE, headers={"Cookie": "bench=1"}),
            }
            timings = {name: [] for name in measurements}
            for measure in measurements.values():  # warm up: the page cache, the day's row
                for _ in range(10):
                    measure()
            rounds = 10
            for _ in range(rounds):  # alternating, so a busy moment of the machine hits them all
                for name, measure in measurements.items():
                    for _ in range(options.requests // rounds):
                        before = time.perf_counter()
                        measure()
                        timings[name].append(time.perf_counter() - before)
        finally:
            server.terminate()
            server.wait(timeout=10)

        with sqlite3.connect(f"{tmp}/bench.sqlite3") as db:
            counted = db.execute("SELECT SUM(views) FROM usage_pageviewday").fetchone()[0]
        sent = 10 * 2 + 2 * len(timings["beacon alone"])
        without = statistics.median(timings["page, not counted"])
        print(f"{'measurement':<26} {'median ms':>10} {'x page':>7}")
        for name, values in timings.items():
            median = statistics.median(values)
            print(f"{name:<26} {median * 1000:10.2f} {median / without:7.2f}")
        print(f"views counted {counted} of {sent} beacons sent")


if __name__ == "__main__":
    main()
