"""Progress nobody touched for a year goes, every night; certificates stay, without the learner."""

from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django_tasks import default_task_backend

from elearning_pages.learning.retention import delete_stale_learners
from elearning_pages.models import Certificate, CourseProgress, Learner, LessonProgress, SelfCheckAnswer
from elearning_pages.tasks import delete_stale_learners as retention_task
from kankernl_site.scheduling import LEARNER_RETENTION, LEARNER_RETENTION_TIME, next_daily_time, run_due_jobs
from tests.elearning_pages.learning.conftest import answer_all, complete_url

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


def test_learners_not_seen_for_a_year_are_deleted_with_their_progress(client, lessons):
    with time_machine.travel(NOW - timedelta(days=366), tick=False):
        answer_all(client, lessons[0])
        client.post(complete_url(lessons[0]))
    stale = Learner.objects.get()
    certificate = Certificate.objects.create(
        code="ABCD-2345",
        name="Anna",
        course_key=lessons[0].get_parent().translation_key,
        course_title="Cursus",
        issued_on=date(2025, 12, 1),
        learner=stale,
    )
    recent = Learner.objects.create(last_seen_at=NOW - timedelta(days=364))
    assert delete_stale_learners(NOW) == 1
    assert list(Learner.objects.all()) == [recent]
    assert not (CourseProgress.objects.exists() or LessonProgress.objects.exists() or SelfCheckAnswer.objects.exists())
    certificate.refresh_from_db()
    assert certificate.learner is None


def test_activity_keeps_a_learner(client, lessons):
    with time_machine.travel(NOW - timedelta(days=500), tick=False):
        answer_all(client, lessons[0])
    with time_machine.travel(NOW - timedelta(days=200), tick=False):
        client.post(complete_url(lessons[0]))  # renews the cookie and the learner's last activity
    assert delete_stale_learners(NOW) == 0
    assert LessonProgress.objects.get().completed_at == NOW - timedelta(days=200)


def test_the_task_deletes_and_reports(db):
    Learner.objects.create(last_seen_at=NOW - timedelta(days=400))
    with time_machine.travel(NOW, tick=False):
        result = retention_task.enqueue()
    assert result.return_value == {"deleted_learners": 1}


def test_the_scheduler_enqueues_it_every_night_at_half_past_three_dutch_time(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    assert next_daily_time(NOW, LEARNER_RETENTION_TIME) == datetime(2026, 12, 8, 2, 30, tzinfo=UTC)
    start = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
    hour = timedelta(hours=1)
    run_due_jobs(start, hour)
    rounds = [start + n * hour / 2 for n in range(1, 52)]  # 26 hours of half-hourly rounds by two schedulers
    jobs = [
        o for at in rounds for o in run_due_jobs(at, hour) + run_due_jobs(at, hour) if o.job.name == LEARNER_RETENTION
    ]
    assert len(jobs) == 2  # 03:30 on Monday and on Tuesday
    assert [r.task.name for r in default_task_backend.results].count("delete_stale_learners") == 2
