"""The production tests: nginx, two gunicorn nodes with the production settings, a worker and the
scheduler on PostgreSQL and Redis (deploy/local_cluster.py), started once for the session.

Where nginx, openssl, PostgreSQL or Redis is missing these tests are skipped with the reason, unless
REQUIRE_PRODUCTION_TESTS=1 (as in CI): then they fail, so CI cannot pass by skipping them.
"""

import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest

from deploy.local_cluster import LocalCluster, services_missing
from tests.agenda_pages.ics_samples import calendar, vevent
from tests.agenda_pages.importing.feed_server import FeedServer
from tests.purge_recorder import PurgeRecorder

ADMIN_PASSWORD = "productie-beheer-2026"
FEED_TITLES = ("Wandelgroep in het park", "Inloopochtend met koffie")


def pytest_collection_modifyitems(config, items):
    here = os.path.dirname(__file__)
    for item in items:
        if str(item.fspath).startswith(here):
            item.add_marker(pytest.mark.production)


def _ics(now) -> bytes:
    """Two activities a few days after the real now: the cluster's processes run on the real clock."""
    day = now.date()
    return calendar(
        *(
            vevent(
                f"production-{number}@centrum.example",
                title,
                f"{day + timedelta(days=3 + number):%Y%m%d}T100000",
                end=f"{day + timedelta(days=3 + number):%Y%m%d}T120000",
                description="Samen in beweging. Aanmelden is niet nodig.",
            )
            for number, title in enumerate(FEED_TITLES, start=1)
        )
    )


@dataclass
class FreshStart:
    """What the three commands of a new administrator printed on the cluster's empty database."""

    createsuperuser: str
    onboard: str


@pytest.fixture(scope="session")
def services():
    missing = services_missing()
    if missing:
        reason = "production tests need " + ", ".join(missing)
        if os.environ.get("REQUIRE_PRODUCTION_TESTS", "").strip() == "1":
            pytest.fail(f"REQUIRE_PRODUCTION_TESTS=1 but {reason}", pytrace=False)
        pytest.skip(f"{reason} (set REQUIRE_PRODUCTION_TESTS=1 to fail instead)")


@pytest.fixture(scope="session")
def feed():
    with FeedServer() as server:
        server.add("/agenda.ics", _ics(datetime.now(UTC)), Content_Type="text/calendar")
        yield server


@pytest.fixture(scope="session")
def purges():
    with PurgeRecorder() as recorder:
        yield recorder


@pytest.fixture(scope="session")
def cluster(services, feed, purges):
    """The running cluster, after exactly what a new administrator does on an empty database."""
    env = {
        "USAGE_VIEWS_PER_IP_PER_HOUR": "6",
        "FRONTEND_CACHE_PURGE_URL": purges.base_url,
    }
    cluster = LocalCluster(extra_env=env)
    try:
        cluster.start(worker=False, scheduler=False)
        created = cluster.manage(
            "createsuperuser",
            "--noinput",
            "--username",
            "beheer",
            "--email",
            "beheer@example.nl",
            env={"DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD},
        )
        centres = cluster.workdir / "centres.csv"
        centres.write_text(
            "name,kind,postcode,city,website,feed_url,feed_format\n"
            f"Inloophuis De Linde,centrum,3512 AB,Utrecht,https://delinde.example,{feed.url('/agenda.ics')},ics\n"
        )
        onboarded = cluster.manage("onboard_centres", str(centres))
        cluster.fresh_start = FreshStart(created.stdout + created.stderr, onboarded.stdout + onboarded.stderr)
        cluster.start_worker()
        cluster.start_scheduler()
    except BaseException:
        cluster.close()
        raise
    yield cluster
    cluster.close()
