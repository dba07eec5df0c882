"""Tasks whose worker died: queued again once their heartbeat is stale, failed after three workers.

The whole story with a real worker killed mid-import is tests/agenda_pages/importing/test_worker_killed.py.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from kankernl_site import scheduling
from kankernl_site.models import TaskHeartbeat
from kankernl_site.scheduling import REQUEUE_STALE_TASKS, run_due_jobs
from kankernl_site.task_recovery import MAX_ATTEMPTS, WorkerLost, requeue_stale_tasks
from kankernl_site.tasks import requeue_stale_tasks as requeue_stale_tasks_task

pytestmark = pytest.mark.django_db

START = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
STALE = timedelta(seconds=600)
SECOND = timedelta(seconds=1)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.TASK_STALE_AFTER_SECONDS = STALE.total_seconds()


def running_task(*worker_ids: str) -> DBTaskResult:
    """A task claimed at START by each of ``worker_ids`` in turn (the last one is running it)."""
    with time_machine.travel(START, tick=False):
        result = DBTaskResult.objects.get(id=requeue_stale_tasks_task.enqueue().id)
        for worker_id in worker_ids:
            result.claim(worker_id)
    return result


def beat(task: DBTaskResult, at: datetime) -> None:
    TaskHeartbeat.objects.update_or_create(task_id=task.id, defaults={"worker_id": task.worker_ids[-1], "beat_at": at})


def status(task: DBTaskResult) -> str:
    task.refresh_from_db()
    return task.status


def test_a_task_whose_heartbeat_stopped_is_queued_again(database_queue):
    task = running_task("worker-a")
    last_beat = START + timedelta(hours=2)  # a long import, beating all along
    beat(task, last_beat)

    assert requeue_stale_tasks(last_beat + STALE - SECOND).requeued == []
    assert status(task) == TaskResultStatus.RUNNING

    report = requeue_stale_tasks(last_beat + STALE + SECOND)
    assert report.as_json() == {"requeued": [str(task.id)], "failed": []}
    assert status(task) == TaskResultStatus.READY
    assert task.worker_ids == ["worker-a"]  # the attempts so far stay on the task
    assert not TaskHeartbeat.objects.exists()
    # Queued again, it is what the next worker takes.
    assert DBTaskResult.objects.ready().get_locked() == task


def test_a_task_without_a_heartbeat_yet_counts_from_its_start(database_queue):
    task = running_task("worker-a")
    assert requeue_stale_tasks(START + STALE - SECOND).requeued == []
    assert requeue_stale_tasks(START + STALE + SECOND).requeued == [str(task.id)]


def test_waiting_and_finished_tasks_are_left_alone(database_queue):
    with time_machine.travel(START, tick=False):
        waiting = DBTaskResult.objects.get(id=requeue_stale_tasks_task.enqueue().id)
        finished = running_task("worker-a")
        finished.set_successful({})
    assert requeue_stale_tasks(START + timedelta(days=1)).as_json() == {"requeued": [], "failed": []}
    assert (status(waiting), status(finished)) == (TaskResultStatus.READY, TaskResultStatus.SUCCESSFUL)


def test_a_task_whose_workers_died_three_times_fails_instead(database_queue):
    task = running_task(*(f"worker-{n}" for n in range(MAX_ATTEMPTS)))
    report = requeue_stale_tasks(START + STALE + SECOND)
    assert report.as_json() == {"requeued": [], "failed": [str(task.id)]}
    assert status(task) == TaskResultStatus.FAILED
    [error] = task.task_result.errors
    assert error.exception_class is WorkerLost
    assert "stopped without finishing it, 3 times" in error.traceback
    assert task.finished_at == START + STALE + SECOND


def test_heartbeats_left_by_ended_tasks_are_deleted(database_queue):
    task = running_task("worker-a")
    task.set_successful({})
    beat(task, START)
    requeue_stale_tasks(START + STALE + SECOND)
    assert not TaskHeartbeat.objects.exists()


def test_a_task_run_inline_keeps_no_heartbeat():
    """Only a database worker leaves a task RUNNING when it dies; the immediate backend (tests, and
    whatever runs in a request) starts no heartbeat thread."""
    result = requeue_stale_tasks_task.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"requeued": [], "failed": []}
    assert not TaskHeartbeat.objects.exists()


def test_the_scheduler_looks_every_five_minutes_whatever_its_interval(monkeypatch):
    monkeypatch.setattr(scheduling, "JOBS", tuple(job for job in scheduling.JOBS if job.name == REQUEUE_STALE_TASKS))
    hour = timedelta(hours=1)
    [first] = run_due_jobs(START, hour)
    assert first.error is None
    assert run_due_jobs(START + timedelta(minutes=4), hour) == []
    [again] = run_due_jobs(START + timedelta(minutes=5), hour)
    assert again.task_id is not None
