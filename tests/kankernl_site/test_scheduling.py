"""The periodic jobs: when each is due, and that every scheduler sharing the database enqueues it once."""

import os
import signal
import threading
import time
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import OperationalError, connection
from django_tasks import default_task_backend
from django_tasks.backends.dummy import DummyBackend
from django_tasks.signals import task_enqueued

from kankernl_site import scheduling
from kankernl_site.models import ScheduledJob
from kankernl_site.scheduling import (
    CLAIM_RETRY,
    IMPORT,
    REMINDERS,
    next_reminder_time,
    run_due_jobs,
    seconds_until_next,
)

HOUR = timedelta(hours=1)
MONDAY_EIGHT = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # Monday 23 November 2026, 08:00 in Amsterdam
TASK_OF = {IMPORT: "import_due_feeds", REMINDERS: "send_review_reminders"}


class UnreachableQueue(DummyBackend):
    """A task queue that refuses every task, as the database queue does while its database is away."""

    def enqueue(self, task, args, kwargs):
        raise OperationalError("the task queue is unreachable")


@pytest.fixture(autouse=True)
def import_and_reminders_only(monkeypatch):
    """These tests follow the claims of the hourly import and the weekly reminders, whose moments
    they choose; the daily e-mail alerts are one more job claimed the same way
    (tests/alerts/test_schedule.py), left out here so each test's list stays its own."""
    monkeypatch.setattr(scheduling, "JOBS", tuple(job for job in scheduling.JOBS if job.name in {IMPORT, REMINDERS}))


@pytest.fixture
def queue(db, settings):
    """A queue that keeps what is enqueued without running it."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    return default_task_backend


@pytest.fixture
def queue_down(settings):
    def turn_off():
        settings.TASKS = {"default": {"BACKEND": f"{__name__}.UnreachableQueue"}}

    return turn_off


def enqueued(queue) -> list[str]:
    return [result.task.name for result in queue.results]


def names(outcomes) -> list[str]:
    return [outcome.job.name for outcome in outcomes if outcome.error is None]


def next_run(job: str) -> datetime:
    return ScheduledJob.objects.get(name=job).next_run_at


# When


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # Sunday noon: Monday 08:00 winter time (07:00 UTC).
        (datetime(2026, 11, 22, 12, 0, tzinfo=UTC), datetime(2026, 11, 23, 7, 0, tzinfo=UTC)),
        # Monday just before eight: the same morning; at eight or later: a week later.
        (datetime(2026, 11, 23, 6, 59, tzinfo=UTC), datetime(2026, 11, 23, 7, 0, tzinfo=UTC)),
        (datetime(2026, 11, 23, 7, 0, tzinfo=UTC), datetime(2026, 11, 30, 7, 0, tzinfo=UTC)),
        # Across the change to summer time (29 March 2026): 08:00 is then 06:00 UTC.
        (datetime(2026, 3, 27, 12, 0, tzinfo=UTC), datetime(2026, 3, 30, 6, 0, tzinfo=UTC)),
        # And back to winter time (25 October 2026): 08:00 is 07:00 UTC again.
        (datetime(2026, 10, 24, 12, 0, tzinfo=UTC), datetime(2026, 10, 26, 7, 0, tzinfo=UTC)),
        # Sunday 23:30 UTC is already Monday 00:30 in Amsterdam.
        (datetime(2026, 11, 22, 23, 30, tzinfo=UTC), datetime(2026, 11, 23, 7, 0, tzinfo=UTC)),
    ],
)
def test_reminders_are_due_on_monday_at_eight_dutch_time(after, expected):
    assert next_reminder_time(after) == expected


def test_the_import_runs_every_interval_and_the_reminders_weekly(queue):
    start = MONDAY_EIGHT - 1.5 * HOUR  # Monday 06:30 in Amsterdam

    assert names(run_due_jobs(start, HOUR)) == [IMPORT]
    assert seconds_until_next(start, HOUR) == 3600
    assert names(run_due_jobs(start + HOUR / 2, HOUR)) == []
    assert names(run_due_jobs(start + HOUR, HOUR)) == [IMPORT]
    # The reminders' moment (07:00 UTC) comes before the next import round (07:30 UTC).
    assert seconds_until_next(start + timedelta(minutes=72), HOUR) == 18 * 60
    assert names(run_due_jobs(start + 1.5 * HOUR, HOUR)) == [REMINDERS]
    assert next_run(REMINDERS) == datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
    assert names(run_due_jobs(start + 2 * HOUR, HOUR)) == [IMPORT]
    assert enqueued(queue) == ["import_due_feeds", "import_due_feeds", "send_review_reminders", "import_due_feeds"]


def test_reminders_missed_while_no_scheduler_ran_are_sent_once_when_one_starts(queue):
    run_due_jobs(MONDAY_EIGHT - HOUR, HOUR)

    tuesday = MONDAY_EIGHT + timedelta(days=1)
    assert names(run_due_jobs(tuesday, HOUR)) == [IMPORT, REMINDERS]
    assert names(run_due_jobs(tuesday + HOUR, HOUR)) == [IMPORT]
    assert next_run(REMINDERS) == MONDAY_EIGHT + timedelta(days=7)


# Once, whichever scheduler


def test_two_schedulers_at_the_same_due_moment_enqueue_each_job_once(queue):
    run_due_jobs(MONDAY_EIGHT - HOUR, HOUR)
    queue.clear()

    first = run_due_jobs(MONDAY_EIGHT, timedelta(minutes=30))
    second = run_due_jobs(MONDAY_EIGHT, HOUR)
    right_after = run_due_jobs(MONDAY_EIGHT + timedelta(seconds=1), HOUR)

    assert (names(first), names(second), names(right_after)) == ([IMPORT, REMINDERS], [], [])
    assert second == right_after == []
    assert sorted(enqueued(queue)) == ["import_due_feeds", "send_review_reminders"]
    # The claim records the winner's next times.
    assert next_run(IMPORT) == MONDAY_EIGHT + timedelta(minutes=30)
    assert ScheduledJob.objects.get(name=REMINDERS).last_enqueued_at == MONDAY_EIGHT


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_schedulers_in_two_threads_never_enqueue_a_round_twice(queue):
    """Two schedulers with their own database connections race for each of twelve hourly rounds.

    PostgreSQL makes the second UPDATE wait and then find the round already claimed. SQLite lets one
    writer in; the other waits, or, on the tests' shared in-memory database, is refused at once and
    looks again, as the scheduler's loop does after a failed claim.
    """
    start = MONDAY_EIGHT - 1.5 * HOUR
    rounds = [start + hour * HOUR for hour in range(12)]
    seen, lock = [], threading.Lock()
    barrier = threading.Barrier(2, timeout=20)
    failures = []

    def record(sender, task_result, **kwargs):
        with lock:
            seen.append(task_result.task.name)

    def scheduler():
        try:
            for moment in rounds:
                barrier.wait()
                for _ in range(500):
                    if all(outcome.error is None for outcome in run_due_jobs(moment, HOUR)):
                        break
                    time.sleep(0.002)
        except Exception as exc:  # reported by the main thread, which alone can fail the test
            failures.append(exc)
            barrier.abort()
        finally:
            connection.close()

    task_enqueued.connect(record)
    try:
        threads = [threading.Thread(target=scheduler) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
    finally:
        task_enqueued.disconnect(record)

    assert failures == []
    assert sorted(seen) == ["import_due_feeds"] * 12 + ["send_review_reminders"]
    assert next_run(IMPORT) == rounds[-1] + HOUR
    assert next_run(REMINDERS) == MONDAY_EIGHT + timedelta(days=7)


# When enqueuing fails


def test_a_job_that_could_not_be_claimed_is_looked_at_again_after_a_short_pause(queue):
    run_due_jobs(MONDAY_EIGHT - HOUR, HOUR)
    ScheduledJob.objects.filter(name=IMPORT).update(next_run_at=MONDAY_EIGHT - timedelta(seconds=1))

    assert seconds_until_next(MONDAY_EIGHT, HOUR) == CLAIM_RETRY.total_seconds()
    assert seconds_until_next(MONDAY_EIGHT, timedelta(seconds=4)) == 4


def test_reminders_that_could_not_be_enqueued_are_tried_again_after_an_interval(queue, queue_down, settings):
    run_due_jobs(MONDAY_EIGHT - timedelta(minutes=1), HOUR)
    queue_down()

    failed = run_due_jobs(MONDAY_EIGHT, HOUR)

    assert [(outcome.job.name, type(outcome.error)) for outcome in failed] == [(REMINDERS, OperationalError)]
    assert next_run(REMINDERS) == MONDAY_EIGHT + HOUR
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assert names(run_due_jobs(MONDAY_EIGHT + HOUR, HOUR)) == [IMPORT, REMINDERS]
    assert next_run(REMINDERS) == MONDAY_EIGHT + timedelta(days=7)


# The command


def run(*args) -> tuple[str, str]:
    output, errors = StringIO(), StringIO()
    call_command("run_scheduler", *args, stdout=output, stderr=errors)
    return output.getvalue(), errors.getvalue()


def test_once_enqueues_the_import_and_the_reminders_when_both_are_due(queue):
    with time_machine.travel(MONDAY_EIGHT - HOUR, tick=False):
        run("--once")
    queue.clear()

    with time_machine.travel(MONDAY_EIGHT + timedelta(seconds=3), tick=False):
        output, errors = run("--once")
        again, _ = run("--once")

    assert errors == ""
    assert sum("enqueued the feed import" in line for line in output.splitlines()) == 1
    assert sum("enqueued the review reminders" in line for line in output.splitlines()) == 1
    assert again == ""
    assert enqueued(queue) == ["import_due_feeds", "send_review_reminders"]


def test_once_from_a_timer_a_little_early_still_runs_the_hourly_import(queue):
    with time_machine.travel(MONDAY_EIGHT + timedelta(seconds=20), tick=False):
        run("--once")
    with time_machine.travel(MONDAY_EIGHT + HOUR - timedelta(seconds=10), tick=False):
        early, _ = run("--once")
    with time_machine.travel(MONDAY_EIGHT + 1.5 * HOUR, tick=False):
        halfway, _ = run("--once")

    assert "enqueued the feed import" in early
    assert halfway == ""
    assert enqueued(queue) == ["import_due_feeds", "import_due_feeds"]


def test_once_fails_when_a_due_job_could_not_be_enqueued_and_retries_it_after_the_interval(queue, queue_down):
    queue_down()
    with time_machine.travel(MONDAY_EIGHT, tick=False), pytest.raises(CommandError) as raised:
        run("--once")

    assert (str(raised.value), raised.value.returncode) == ("The feed import could not be enqueued.", 1)
    assert next_run(IMPORT) == MONDAY_EIGHT + HOUR


def test_the_scheduler_enqueues_the_reminders_on_monday_morning(db):
    output = StringIO()
    handler = signal.getsignal(signal.SIGTERM)

    def move_on_and_stop_once_reminded(clock):
        # The test settings' immediate backend runs each task as it is enqueued. The clock stands
        # still until the import is in, then moves past 08:00: a ticking clock would make the test
        # depend on how fast this machine is (and on the real clock, under faketime).
        deadline = time.monotonic() + 10
        while "enqueued the feed import" not in output.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)
        clock.shift(timedelta(seconds=1))
        while "enqueued the review reminders" not in output.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)
        while signal.getsignal(signal.SIGTERM) is handler and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGTERM)

    # Monday, half a second before 08:00 in Amsterdam.
    with time_machine.travel(MONDAY_EIGHT - timedelta(seconds=0.5), tick=False) as clock:
        stopper = threading.Thread(target=move_on_and_stop_once_reminded, args=(clock,), daemon=True)
        stopper.start()
        call_command("run_scheduler", "--interval", "60", stdout=output, stderr=StringIO())
        stopper.join(timeout=15)

    lines = output.getvalue().splitlines()
    assert sum("enqueued the feed import" in line for line in lines) == 1
    assert sum("enqueued the review reminders" in line for line in lines) == 1
    assert lines[-1] == "Scheduler stopped."
    assert signal.getsignal(signal.SIGTERM) is handler
