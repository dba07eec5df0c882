"""Tasks whose database worker died while running them: found by a silent heartbeat, and run again.

django-tasks-db marks a task RUNNING when a worker claims it and SUCCESSFUL or FAILED when it ends.
A worker that is killed in between (SIGKILL, the kernel out of memory, a machine lost) leaves the
task RUNNING for ever: no worker takes a RUNNING task, and django-tasks-db has no heartbeat, lease
or command that frees it (django-tasks issue #46, "Unclean exits of the worker leave tasks in
limbo", open). A time limit on RUNNING alone would not do: the hourly import runs every due feed in
turn, which can take longer than any limit short enough to be useful, and would then run twice.

So a worker keeps a heartbeat for each task it runs: the public ``task_started`` signal, sent in the
worker's process, starts a thread that writes the task's ``TaskHeartbeat`` row every tenth of
``TASK_STALE_AFTER_SECONDS``; ``task_finished`` stops it and deletes the row. ``requeue_stale_tasks``
(the scheduler's ``requeue-stale-tasks`` job, every few minutes) sets a RUNNING task whose heartbeat,
or start if it has none yet, is older than ``TASK_STALE_AFTER_SECONDS`` back to READY, and the next
free worker runs it from the start. Only public fields of ``DBTaskResult`` are read and written.

Running a task again from the start duplicates nothing of ours: an import syncs each source in one
transaction (so a killed import left none of that source's changes) and matches the feed's items to
existing events by UID (``agenda_pages/importing/matching.py``); the other tasks read their state
from the database again. A task whose worker died ``MAX_ATTEMPTS`` times is failed instead of queued
again, so one that kills its worker (memory, a crash in a library) cannot take every worker down in
turn.
"""

import logging
import threading
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import Error, connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks.signals import task_finished, task_started
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from kankernl_site.models import TaskHeartbeat

# Claims of one task by workers that died before it is failed rather than queued again.
MAX_ATTEMPTS = 3
# How often the scheduler looks for tasks whose worker died.
CHECK_EVERY = timedelta(minutes=5)
# A heartbeat that could not be written is tried again this many seconds later.
RETRY_FAILED_BEAT = 1.0
WARN_AFTER_FAILED_BEATS = 10
# Python's own default for SQLite (sqlite3.connect's timeout of 5 seconds).
SQLITE_BUSY_TIMEOUT_MS = 5000

logger = logging.getLogger(__name__)


class WorkerLost(Exception):
    """The class a task failed with when its workers died ``MAX_ATTEMPTS`` times while running it
    (``DBTaskResult.exception_class_path`` names it)."""


WORKER_LOST_MESSAGE = (
    "The worker running this task stopped without finishing it, {attempts} times; the task is not tried again."
)


def stale_after() -> timedelta:
    return timedelta(seconds=getattr(settings, "TASK_STALE_AFTER_SECONDS", 600))


def heartbeat_every() -> float:
    return stale_after().total_seconds() / 10


@dataclass
class RecoveryReport:
    requeued: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return asdict(self)


def stale_tasks(now: datetime):
    """Running tasks whose worker has shown no sign of life for ``stale_after()``: it stopped."""
    cutoff = now - stale_after()
    alive = TaskHeartbeat.objects.filter(beat_at__gte=cutoff).values("task_id")
    return DBTaskResult.objects.running().filter(started_at__lt=cutoff).exclude(id__in=alive)


def requeue_stale_tasks(now: datetime) -> RecoveryReport:
    """Queue again each running task whose worker has shown no sign of life for ``stale_after()``.

    Safe with two schedulers, or a worker claiming the task meanwhile: each task changes with one
    UPDATE that matches only while it is still RUNNING under the claim that was found stale (its
    ``started_at``), so one of them changes it and a new claim is never undone.
    """
    report = RecoveryReport()
    stale = stale_tasks(now).values_list("id", "started_at", "worker_ids", "task_path")
    for task_id, started_at, worker_ids, task_path in stale:
        same_claim = DBTaskResult.objects.filter(id=task_id, status=TaskResultStatus.RUNNING, started_at=started_at)
        if len(worker_ids) >= MAX_ATTEMPTS:
            changed = same_claim.update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                return_value=None,
                exception_class_path=f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
                traceback=WORKER_LOST_MESSAGE.format(attempts=len(worker_ids)),
            )
            outcome, verb = report.failed, "failed"
        else:
            changed = same_claim.update(status=TaskResultStatus.READY)
            outcome, verb = report.requeued, "queued again"
        if changed:
            outcome.append(str(task_id))
            logger.warning(
                "Task %s (%s) was running on worker %s, which stopped; %s.", task_id, task_path, worker_ids[-1], verb
            )
    # Rows of tasks that ended while their worker could not delete them (it died, or exited at once).
    TaskHeartbeat.objects.filter(beat_at__lt=now - stale_after()).delete()
    return report


class _Heartbeat:
    """A thread of the worker that writes one task's heartbeat until the task ends.

    A thread, because the task itself runs in the worker's main thread and may not return to it for
    an hour. It has its own database connection (Django's are per thread), which it closes at the end.
    A write that fails (the database busy or away for a moment) is tried again a second later: only
    a database out of reach for ten beats makes the task look stale.

    On SQLite the heartbeat never waits for a lock. SQLite has one writer at a time, and a reader
    inside a transaction that wants to write while another connection waits to commit is refused at
    once ("database is locked") to avoid a deadlock: a heartbeat waiting for the task's transaction
    would make the task's next write fail. It gives up instead, and beats between the task's writes.
    """

    def __init__(self, task_id: str, worker_id: str, every: float):
        self.task_id, self.worker_id, self.every = task_id, worker_id, every
        self.stopped = threading.Event()
        self.failures = 0
        self.thread = threading.Thread(target=self._run, name=f"heartbeat-{task_id}", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()
        # The row is gone before the worker takes its next task (or exits, with --batch).
        self.thread.join(timeout=self.every + 10)

    def _run(self) -> None:
        try:
            while True:
                wait = self.every if self._beat() else min(self.every, RETRY_FAILED_BEAT)
                if self.stopped.wait(wait):
                    break
            # The task has ended, so nothing of this process holds a lock the delete could wait for.
            with suppress(Error):
                _sqlite_busy_timeout(SQLITE_BUSY_TIMEOUT_MS)
                TaskHeartbeat.objects.filter(task_id=self.task_id).delete()
        finally:
            with suppress(Error):
                connection.close()

    def _beat(self) -> bool:
        """One write of the heartbeat, each statement on its own (no transaction that holds a lock
        between them); whether it was written."""
        try:
            _sqlite_busy_timeout(0)
            if not TaskHeartbeat.objects.filter(task_id=self.task_id).update(beat_at=timezone.now()):
                TaskHeartbeat.objects.create(task_id=self.task_id, worker_id=self.worker_id, beat_at=timezone.now())
        except Error:  # DatabaseError, or InterfaceError for a connection the database closed
            self.failures += 1
            # On SQLite a beat during one of the task's writes fails as a rule; a run of them is news.
            level = logging.WARNING if self.failures % WARN_AFTER_FAILED_BEATS == 0 else logging.DEBUG
            logger.log(level, "The heartbeat of task %s could not be written.", self.task_id, exc_info=True)
            # Closed, the connection is opened afresh for the next beat (after a database restart).
            with suppress(Error):
                connection.close()
            return False
        self.failures = 0
        return True


def _sqlite_busy_timeout(milliseconds: int) -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")


_beating: dict[str, _Heartbeat] = {}


def _runs_in_database_worker(sender) -> bool:
    # db_worker sends the backend itself, the immediate backend its class: only a database worker
    # leaves a task RUNNING when it dies, and tasks run inline (tests, a request) need no heartbeat.
    backend = sender if isinstance(sender, type) else type(sender)
    return issubclass(backend, DatabaseBackend)


def start_heartbeat(sender, task_result, **kwargs) -> None:
    if not _runs_in_database_worker(sender) or not task_result.worker_ids:
        return
    beat = _Heartbeat(str(task_result.id), task_result.worker_ids[-1], heartbeat_every())
    _beating[beat.task_id] = beat
    beat.start()


def stop_heartbeat(sender, task_result, **kwargs) -> None:
    beat = _beating.pop(str(task_result.id), None)
    if beat is not None:
        beat.stop()


def connect_signals() -> None:
    task_started.connect(start_heartbeat, dispatch_uid="kankernl_site.task_recovery.start_heartbeat")
    task_finished.connect(stop_heartbeat, dispatch_uid="kankernl_site.task_recovery.stop_heartbeat")
