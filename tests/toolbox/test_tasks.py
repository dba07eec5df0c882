"""The toolbox's review mails: enqueued by the scheduler every morning at 08:15 Dutch time, once."""

from datetime import UTC, datetime, timedelta

import pytest
from django_tasks import default_task_backend

from kankernl_site import scheduling
from kankernl_site.scheduling import TOOLBOX_REVIEW, run_due_jobs
from toolbox.tasks import send_review_mails

HOUR = timedelta(hours=1)


def review_job() -> scheduling.PeriodicJob:
    [job] = [job for job in scheduling.JOBS if job.name == TOOLBOX_REVIEW]
    return job


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (datetime(2026, 12, 7, 7, 0, tzinfo=UTC), datetime(2026, 12, 7, 7, 15, tzinfo=UTC)),  # winter: 08:15 CET
        (datetime(2026, 12, 7, 7, 15, tzinfo=UTC), datetime(2026, 12, 8, 7, 15, tzinfo=UTC)),
        (datetime(2026, 7, 1, 7, 0, tzinfo=UTC), datetime(2026, 7, 2, 6, 15, tzinfo=UTC)),  # summer: 08:15 CEST
    ],
)
def test_the_review_mails_are_due_every_morning_at_a_quarter_past_eight(after, expected):
    job = review_job()
    assert job.task is send_review_mails and not job.every_interval
    assert job.next_time(after, HOUR) == expected


def test_two_schedulers_enqueue_them_once_a_day(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    start = datetime(2026, 12, 6, 6, 30, tzinfo=UTC)
    run_due_jobs(start, HOUR)
    rounds = [start + n * HOUR / 2 for n in range(1, 52)]  # 25 hours of half-hourly rounds by two schedulers
    claimed = [
        outcome
        for moment in rounds
        for outcome in run_due_jobs(moment, HOUR) + run_due_jobs(moment, HOUR)
        if outcome.job.name == TOOLBOX_REVIEW
    ]
    assert len(claimed) == 2  # 08:15 on Sunday and on Monday
    assert [result.task.name for result in default_task_backend.results].count("send_review_mails") == 2
