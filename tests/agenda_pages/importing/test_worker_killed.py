"""A task worker killed in the middle of the hourly import: the task is run again and duplicates nothing.

A real ``manage.py db_worker`` in a subprocess imports two centres' feeds from a local HTTP server;
the second feed stops halfway through its body, and the worker is killed with SIGKILL (with its
fetch and parse processes, as systemd stops a service's control group). The recovery finds the
task by its silent heartbeat and queues it again; a second worker runs it from the start.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from datetime import timedelta
from http.server import BaseHTTPRequestHandler
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from agenda_pages.importing.service import import_source
from agenda_pages.models import EventPage, FeedSource, ImportRun
from agenda_pages.tasks import import_due_feeds
from kankernl_site.models import TaskHeartbeat
from kankernl_site.task_recovery import requeue_stale_tasks
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, FeedSourceFactory
from tests.agenda_pages.ics_samples import calendar, vevent

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# For the workers in subprocesses: a heartbeat every second.
STALE_AFTER = 10
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# Long enough for a busy machine, short enough to fail rather than hang.
WAIT = 60


def upcoming_feed(prefix: str, *days: int) -> bytes:
    """A feed of one event per day ``days`` ahead of the (possibly moved) clock, in Dutch time: the
    worker's process reads the same clock, so the events are upcoming for it as well."""
    today = timezone.localdate()
    events = [
        vevent(f"{prefix}-{day}@centrum.example", f"{prefix} {day}", f"{today + timedelta(days=day):%Y%m%d}T100000")
        for day in days
    ]
    return calendar(*events)


class SharedDatabase:
    """The test database, shared with the workers in subprocesses.

    On PostgreSQL they connect to the test database itself (the test commits as it goes). SQLite's
    test database lives in this process's memory: it is copied to a file for the workers (``push``)
    and back (``pull``) with SQLite's backup API, so the test reads what they wrote through the ORM.
    """

    def __init__(self, tmp_path):
        connection.ensure_connection()
        database = connection.settings_dict
        self.sqlite = connection.vendor == "sqlite"
        if self.sqlite:
            self.path = tmp_path / "shared.sqlite3"
            self.url = f"sqlite:///{self.path}"
        else:
            password = f":{quote(database['PASSWORD'], safe='')}" if database["PASSWORD"] else ""
            port = f":{database['PORT']}" if database["PORT"] else ""
            self.url = f"postgres://{database['USER']}{password}@{database['HOST']}{port}/{database['NAME']}"

    def push(self) -> None:
        if self.sqlite:
            with closing(sqlite3.connect(self.path)) as target:
                connection.connection.backup(target)

    def pull(self) -> None:
        if self.sqlite:
            with closing(sqlite3.connect(self.path)) as source:
                source.backup(connection.connection)


def start_worker(database: SharedDatabase, log) -> subprocess.Popen:
    """``db_worker --batch``: it runs what is queued and exits; in a session of its own, so that the
    fetch and parse processes it starts are killed with it."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": database.url,
        "TASK_STALE_AFTER_SECONDS": str(STALE_AFTER),
    }
    command = ["manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0"]
    return subprocess.Popen(
        [sys.executable, *command],
        cwd=settings.BASE_DIR,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


class StopsHalfway:
    """A feed whose first answer stops after half its body and hangs until released; the ones after
    that are whole."""

    def __init__(self, body: bytes):
        self.body = body
        self.answers = 0
        self.stalled = threading.Event()
        self.released = threading.Event()

    def __call__(self, request: BaseHTTPRequestHandler) -> None:
        self.answers += 1
        first = self.answers == 1
        request.send_response(200)
        request.send_header("Content-Type", "text/calendar")
        request.send_header("Content-Length", str(len(self.body)))
        request.end_headers()
        request.wfile.write(self.body[: len(self.body) // 2] if first else self.body)
        request.wfile.flush()
        if first:
            self.stalled.set()
            self.released.wait(WAIT)


def wait_for_heartbeat(database: SharedDatabase, task_id) -> None:
    deadline = threading.Event()
    for _ in range(WAIT * 4):
        database.pull()
        if TaskHeartbeat.objects.filter(task_id=task_id).exists():
            return
        deadline.wait(0.25)
    raise AssertionError("the worker wrote no heartbeat for the running task")


def uids(source: FeedSource) -> list[str]:
    return sorted(EventPage.objects.filter(source=source).values_list("source_uid", flat=True))


def test_an_import_killed_halfway_is_run_again_and_duplicates_nothing(site_home, feed_server, settings, tmp_path):
    index = CentreIndexPageFactory(parent=site_home)
    anker_feed = feed_server.add("/anker.ics", upcoming_feed("anker", 7, 14), Content_Type="text/calendar")
    boei = StopsHalfway(upcoming_feed("boei", 8, 15, 22))
    boei_feed = feed_server.add_handler("/boei.ics", boei)
    # Imported in the order of their centres' names: Anker whole, then Boei stops halfway.
    anker = FeedSourceFactory(centre=CentrePageFactory(parent=index, title="Anker"), url=anker_feed, format="ics")
    boei_source = FeedSourceFactory(centre=CentrePageFactory(parent=index, title="Boei"), url=boei_feed, format="ics")
    settings.TASKS = DATABASE_TASKS
    settings.TASK_STALE_AFTER_SECONDS = STALE_AFTER
    task_id = import_due_feeds.enqueue().id
    database = SharedDatabase(tmp_path)
    database.push()

    with open(tmp_path / "worker-1.log", "wb") as log:
        worker = start_worker(database, log)
        try:
            assert boei.stalled.wait(WAIT), (tmp_path / "worker-1.log").read_text()
            wait_for_heartbeat(database, task_id)
        finally:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(WAIT)
            boei.released.set()

    database.pull()
    task = DBTaskResult.objects.get(id=task_id)
    # Left as it was when the worker died: django-tasks-db alone would never run it again.
    assert task.status == TaskResultStatus.RUNNING and len(task.worker_ids) == 1
    assert uids(anker) == ["anker-14@centrum.example", "anker-7@centrum.example"]
    assert uids(boei_source) == [] and not ImportRun.objects.filter(source=boei_source).exists()
    last_beat = TaskHeartbeat.objects.get(task_id=task_id).beat_at
    # Not while the heartbeat is recent; once it is older than the limit, the task is queued again.
    assert requeue_stale_tasks(last_beat + timedelta(seconds=STALE_AFTER - 1)).requeued == []
    assert requeue_stale_tasks(last_beat + timedelta(seconds=STALE_AFTER + 1)).requeued == [str(task_id)]
    database.push()

    with open(tmp_path / "worker-2.log", "wb") as log:
        worker = start_worker(database, log)
        try:
            assert worker.wait(WAIT) == 0, (tmp_path / "worker-2.log").read_text()
        finally:
            if worker.poll() is None:
                os.killpg(worker.pid, signal.SIGKILL)

    database.pull()
    task = DBTaskResult.objects.get(id=task_id)
    assert task.status == TaskResultStatus.SUCCESSFUL, task.traceback
    assert len(task.worker_ids) == 2 and task.worker_ids[0] != task.worker_ids[1]
    # Each event once: Anker's, written before the kill, were matched again by their UIDs.
    assert uids(anker) == ["anker-14@centrum.example", "anker-7@centrum.example"]
    assert uids(boei_source) == ["boei-15@centrum.example", "boei-22@centrum.example", "boei-8@centrum.example"]
    assert EventPage.objects.count() == 5
    assert [run.status for run in ImportRun.objects.filter(source=boei_source)] == ["ok"]
    assert [run.created for run in ImportRun.objects.filter(source=anker).order_by("pk")] == [2, 0]
    boei_source.refresh_from_db()
    assert boei_source.last_success_at is not None and boei_source.consecutive_failures == 0
    assert not TaskHeartbeat.objects.exists()
    assert boei.answers == 2


@pytest.mark.django_db
def test_an_import_killed_after_its_sync_but_before_its_run_was_recorded_duplicates_nothing(site_home, feed_server):
    """The one moment a killed import leaves events without their run: the sync has committed and
    ``record_run`` has not. The source is then still due, and the next import matches by UID."""
    centre = CentrePageFactory(parent=CentreIndexPageFactory(parent=site_home), title="Anker")
    url = feed_server.add("/anker.ics", upcoming_feed("anker", 7, 14), Content_Type="text/calendar")
    source = FeedSourceFactory(centre=centre, url=url, format="ics")
    import_source(source.pk)
    ImportRun.objects.filter(source=source).delete()
    FeedSource.objects.filter(pk=source.pk).update(etag="", last_modified_header="", content_hash="")

    report = import_source(source.pk)

    assert (report.status, report.created, report.unchanged) == ("ok", 0, 2)
    assert uids(source) == ["anker-14@centrum.example", "anker-7@centrum.example"]
