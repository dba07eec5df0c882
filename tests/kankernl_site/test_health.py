"""``/healthz``: real unreachable servers (nothing listens on port 1), real queue rows, frozen clock."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.cache.backends.redis import RedisCache
from django.db import connections
from django.db.backends.postgresql.base import DatabaseWrapper
from django.test import override_settings
from django_tasks_db.models import DBTaskResult, get_date_max

from kankernl_site import health
from kankernl_site.models import TaskHeartbeat
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, FeedSourceFactory
from tests.kankernl_site.test_settings import PRODUCTION, read_settings

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)
NOWHERE = "127.0.0.1:1"  # a port nothing listens on: connecting is refused at once


def unreachable_database():
    settings = {
        **connections["default"].settings_dict,
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "kankernl",
        "USER": "postgres",
        "HOST": "127.0.0.1",
        "PORT": "1",
        "OPTIONS": {"connect_timeout": 2},
    }
    return DatabaseWrapper(settings, alias="unreachable")


def queued_task(enqueued_at, finished_at=None):
    """A row of the database queue as django-tasks-db writes it."""
    with time_machine.travel(enqueued_at, tick=False):
        task = DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path="agenda_pages.tasks.import_due_feeds",
            backend_name="default",
            queue_name="default",
            run_after=get_date_max(),
        )
    if finished_at:
        DBTaskResult.objects.filter(pk=task.pk).update(status="SUCCESSFUL", finished_at=finished_at)
    return task


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.mark.django_db
def test_a_healthy_node_answers_200_with_every_check_and_no_cache_or_cookie(client, frozen):
    queued_task(NOW - timedelta(minutes=50), finished_at=NOW - timedelta(minutes=49))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    assert "Set-Cookie" not in response
    body = response.json()
    assert body["status"] == "ok"
    assert body["time"] == NOW.isoformat()
    assert body["checks"]["database"] == {"ok": True}
    assert body["checks"]["cache"] == {"ok": True}
    assert body["checks"]["worker"] == {
        "ok": True,
        "oldest_waiting_seconds": None,
        "last_finished_seconds_ago": 2940,
        "tasks_of_stopped_workers": 0,
    }
    assert body["checks"]["import"] == {"ok": True, "last_success_seconds_ago": None}  # no feeds yet


@pytest.mark.django_db
def test_an_unreachable_cache_makes_the_node_fail(client, frozen):
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": f"redis://{NOWHERE}/0"}
    with override_settings(CACHES={"default": redis}):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "failing"
    assert body["checks"]["cache"] == {"ok": False, "error": "ConnectionError"}
    assert body["checks"]["database"] == {"ok": True}


@pytest.mark.django_db
def test_an_unreachable_database_fails_with_the_error_class_only():
    check = health.check_database(unreachable_database())
    assert check == health.Check(False, {"error": "OperationalError"})


def test_the_cache_check_reads_back_what_it_wrote():
    assert health.check_cache(RedisCache(f"redis://{NOWHERE}/0", {})).ok is False


@pytest.mark.django_db
def test_without_a_database_the_report_is_503_and_leaves_out_what_reads_the_database():
    code, body = health.report(NOW, database=health.check_database(unreachable_database()))
    assert code == 503
    assert body["status"] == "failing"
    assert set(body["checks"]) == {"database", "cache"}


@pytest.mark.django_db
def test_a_stalled_worker_is_reported_but_keeps_the_node_in_rotation_unless_strict(client, frozen):
    queued_task(NOW - timedelta(minutes=16))
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["worker"]["ok"] is False
    assert response.json()["checks"]["worker"]["oldest_waiting_seconds"] == 960
    assert client.get("/healthz?strict=1").status_code == 503


@pytest.mark.django_db
def test_a_task_whose_worker_stopped_is_reported_until_it_runs_again(client, frozen, settings):
    """Running, and its heartbeat older than TASK_STALE_AFTER_SECONDS: its worker was killed. The
    scheduler queues it again within minutes; until then monitoring (strict) hears of it."""
    settings.TASK_STALE_AFTER_SECONDS = 600
    task = queued_task(NOW - timedelta(minutes=30))
    DBTaskResult.objects.filter(pk=task.pk).update(status="RUNNING", started_at=NOW - timedelta(minutes=30))
    TaskHeartbeat.objects.create(task_id=task.pk, worker_id="w1", beat_at=NOW - timedelta(minutes=11))
    response = client.get("/healthz?strict=1")
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["tasks_of_stopped_workers"] == 1
    assert client.get("/healthz").status_code == 200  # the node itself still serves

    TaskHeartbeat.objects.filter(task_id=task.pk).update(beat_at=NOW - timedelta(minutes=1))  # alive after all
    assert health.check_worker(NOW) == health.Check(
        True, {"oldest_waiting_seconds": None, "last_finished_seconds_ago": None, "tasks_of_stopped_workers": 0}
    )


@pytest.mark.django_db
def test_a_task_waiting_less_than_the_limit_is_fine(frozen):
    queued_task(NOW - timedelta(minutes=14))
    assert health.check_worker(NOW).ok is True


@pytest.mark.django_db
def test_the_import_age_is_that_of_the_latest_success_of_an_active_feed(site_home, frozen):
    centre = CentrePageFactory(parent=CentreIndexPageFactory(parent=site_home))
    FeedSourceFactory(centre=centre, last_success_at=NOW - timedelta(hours=7))
    assert health.check_import(NOW) == health.Check(False, {"last_success_seconds_ago": 7 * 3600})
    FeedSourceFactory(centre=centre, last_success_at=NOW - timedelta(hours=1))
    assert health.check_import(NOW) == health.Check(True, {"last_success_seconds_ago": 3600})
    FeedSourceFactory(centre=centre, is_active=False, last_success_at=NOW)
    assert health.check_import(NOW).detail == {"last_success_seconds_ago": 3600}


@pytest.mark.django_db
def test_active_feeds_that_never_imported_are_not_healthy(site_home, frozen):
    FeedSourceFactory(centre=CentrePageFactory(parent=CentreIndexPageFactory(parent=site_home)))
    assert health.check_import(NOW).ok is False


def test_healthz_only_answers_reading_requests(client):
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db
def test_healthz_is_not_redirected_to_https_where_everything_else_is(client, frozen):
    exempt = read_settings(
        "SECURE_REDIRECT_EXEMPT",
        settings_module=PRODUCTION,
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL="sqlite:///:memory:",
        DJANGO_ALLOW_LOCAL_CACHE="1",
    )["SECURE_REDIRECT_EXEMPT"]
    assert exempt == "['^healthz$']"
    with override_settings(SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=[r"^healthz$"]):
        assert client.get("/healthz").status_code == 200
        assert client.get("/robots.txt").status_code == 301
