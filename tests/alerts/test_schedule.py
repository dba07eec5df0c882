"""The alerts' daily round: enqueued by the scheduler every morning at 09:00 Dutch time, once."""

from datetime import UTC, datetime, timedelta

import pytest
from django_tasks import default_task_backend

from kankernl_site.scheduling import ALERTS, ALERTS_TIME, next_daily_time, run_due_jobs

HOUR = timedelta(hours=1)


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        (
            datetime(2026, 11, 22, 7, 0, tzinfo=UTC),
            datetime(2026, 11, 22, 8, 0, tzinfo=UTC),
        ),  # winter: 09:00 = 08:00 UTC
        (datetime(2026, 11, 22, 8, 0, tzinfo=UTC), datetime(2026, 11, 23, 8, 0, tzinfo=UTC)),
        (
            datetime(2026, 3, 28, 12, 0, tzinfo=UTC),
            datetime(2026, 3, 29, 7, 0, tzinfo=UTC),
        ),  # summer time from 29 March
    ],
)
def test_the_alerts_are_due_every_morning_at_nine_dutch_time(after, expected):
    assert next_daily_time(after, ALERTS_TIME) == expected


def test_two_schedulers_enqueue_the_daily_alerts_once_a_day(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    start = datetime(2026, 11, 22, 7, 30, tzinfo=UTC)
    run_due_jobs(start, HOUR)
    rounds = [start + n * HOUR / 2 for n in range(1, 50)]  # a day of half-hourly rounds by two schedulers
    alerts = [
        o for moment in rounds for o in run_due_jobs(moment, HOUR) + run_due_jobs(moment, HOUR) if o.job.name == ALERTS
    ]
    assert len(alerts) == 2  # 09:00 on Sunday and on Monday
    assert [result.task.name for result in default_task_backend.results].count("send_alerts") == 2
