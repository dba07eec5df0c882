"""The nightly retention round: enqueued by the scheduler once a night, and what it deletes."""

from datetime import UTC, datetime, timedelta

import time_machine
from django_tasks import default_task_backend

from kankernl_site.scheduling import USAGE_RETENTION, USAGE_RETENTION_TIME, next_daily_time, run_due_jobs
from usage.models import UsefulnessAnswer, UsefulnessDay
from usage.recording import record_answer
from usage.tasks import forget_old_usage_events

HOUR = timedelta(hours=1)


def test_the_round_is_due_every_night_at_a_quarter_to_four_dutch_time():
    after = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)  # 04:00 in Amsterdam
    assert next_daily_time(after, USAGE_RETENTION_TIME) == datetime(2026, 12, 8, 2, 45, tzinfo=UTC)


def test_two_schedulers_enqueue_the_round_once_a_night(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    start = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    run_due_jobs(start, HOUR)
    rounds = [start + n * HOUR / 2 for n in range(1, 49)]  # a day of half-hourly rounds by two schedulers
    enqueued = [
        outcome
        for moment in rounds
        for outcome in run_due_jobs(moment, HOUR) + run_due_jobs(moment, HOUR)
        if outcome.job.name == USAGE_RETENTION
    ]
    assert len(enqueued) == 1
    assert [result.task.name for result in default_task_backend.results].count("forget_old_usage_events") == 1


def test_the_task_deletes_answers_older_than_twelve_months(db, page):
    record_answer(page.pk, False, "Te lang", datetime(2025, 11, 30, 9, 0, tzinfo=UTC))
    record_answer(page.pk, True, "", datetime(2026, 6, 1, 9, 0, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 12, 7, 2, 30, tzinfo=UTC), tick=False):
        result = forget_old_usage_events.enqueue()
    assert result.return_value == {"deleted": 1}
    assert list(UsefulnessAnswer.objects.values_list("useful", flat=True)) == [True]
    assert UsefulnessDay.objects.count() == 2  # the totals of both days stay
