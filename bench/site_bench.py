"""Throughput of the site's pages under gunicorn with the production settings.

    .venv/bin/python bench/site_bench.py [--requests 300]

Builds a throw-away SQLite site with the demo content, starts gunicorn (one sync worker) and
requests each URL sequentially, next to a static file served by the same server through whitenoise:
that file is the physical reference, so the printed ratios mean the same on a fast or a slow
machine. Nothing here asserts a target; later issues add their own pages and targets.
"""

import argparse
import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PAGES = ["/", "/over-dit-platform/", "/en/about/", "/zoeken/?q=agenda"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(tmp: str, port: int, **extra: str) -> dict:
    """The environment of a throw-away production-settings site in ``tmp``, served on ``port``."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kankernl_site.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
        "STATIC_ROOT": f"{tmp}/static",
        "MEDIA_ROOT": f"{tmp}/media",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DJANGO_ALLOW_LOCAL_CACHE": "1",  # one gunicorn worker: its memory is the whole cache
        **extra,
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT_ROOT, env=env, check=True, capture_output=True)


def get(port: int, path: str) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response.status


def measure(port: int, path: str, count: int) -> tuple[float, float]:
    for _ in range(max(10, count // 10)):
        status = get(port, path)
        if status != 200:
            raise SystemExit(f"{path} answered {status}; the benchmark needs 200")
    latencies = []
    started = time.perf_counter()
    for _ in range(count):
        before = time.perf_counter()
        get(port, path)
        latencies.append(time.perf_counter() - before)
    elapsed = time.perf_counter() - started
    return count / elapsed, statistics.median(latencies) * 1000


def wait_until_up(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped during start-up")
        try:
            get(port, "/robots.txt")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start within 30 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300, help="requests per URL (default 300)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = production_env(tmp, port)
        manage(env, "migrate", "--no-input")
        manage(env, "load_demo")
        manage(env, "db_worker", "--batch", "--no-startup-delay")  # index the demo pages for search
        manage(env, "collectstatic", "--no-input")
        manifest = json.loads(Path(tmp, "static", "staticfiles.json").read_text())
        static_path = "/static/" + manifest["paths"]["css/site.css"]

        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "kankernl_site.wsgi", "--workers", "1", "--bind", f"127.0.0.1:{port}"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(port, server)
            static_rate, static_median = measure(port, static_path, options.requests)
            print(f"{'URL':<28} {'req/s':>8} {'median ms':>10} {'x static':>9}")
            print(f"{'static file (reference)':<28} {static_rate:8.0f} {static_median:10.2f} {1:9.1f}")
            for path in PAGES:
                rate, median = measure(port, path, options.requests)
                print(f"{path:<28} {rate:8.0f} {median:10.2f} {static_rate / rate:9.1f}")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
