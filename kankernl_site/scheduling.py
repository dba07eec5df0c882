"""The site's periodic jobs: when each is due, and enqueuing each round exactly once.

Any number of schedulers (``manage.py run_scheduler``, as a long-running process or run by a timer
with ``--once``) may share the database. The ``ScheduledJob`` row of a job holds when it is next due;
a scheduler enqueues a job only after moving that time on with one conditional UPDATE, which matches
the row for one of them only: SQLite lets one writer in at a time, and PostgreSQL makes the second
UPDATE wait for the first and then re-check its condition. The claim and the enqueue share a
transaction, so with the database task queue a job is claimed if and only if it was enqueued.
"""

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.db import DatabaseError, transaction
from django.db.models import Min
from django.utils import timezone
from django_tasks.base import Task

from agenda_pages.tasks import import_due_feeds, send_review_reminders
from alerts.tasks import send_alerts
from elearning_pages.tasks import delete_stale_learners
from kankernl_site import task_recovery
from kankernl_site.models import ScheduledJob
from kankernl_site.tasks import requeue_stale_tasks
from toolbox.tasks import send_review_mails
from usage.tasks import forget_old_usage_events

# The weekly reminder goes out on Monday morning, Dutch time, at the start of the centres' week.
REMINDER_WEEKDAY = 0
REMINDER_TIME = time(8, 0)
# The e-mail alerts go out every morning, Dutch time (a weekly subscriber's digest on their seventh day).
ALERTS_TIME = time(9, 0)
# Learners not seen for a year are forgotten every night, Dutch time, when hardly anyone is learning.
LEARNER_RETENTION_TIME = time(3, 30)
# The usage counts' raw events older than 12 months are deleted every night, Dutch time.
USAGE_RETENTION_TIME = time(3, 45)
# The toolbox's review mails every morning, Dutch time, after the agenda's weekly reminder: owners
# hear of items that fell due, and on Mondays the moderators get the week's summary of what is overdue.
TOOLBOX_REVIEW_TIME = time(8, 15)
# How soon a scheduler looks again at a job it could not claim.
CLAIM_RETRY = timedelta(seconds=10)


def next_reminder_time(after: datetime) -> datetime:
    """The first Monday 08:00 in the site's time zone (summer or winter time) after ``after``."""
    zone = timezone.get_current_timezone()
    day = timezone.localtime(after, zone).date()
    day += timedelta(days=(REMINDER_WEEKDAY - day.weekday()) % 7)
    moment = datetime.combine(day, REMINDER_TIME, tzinfo=zone)
    if moment <= after:
        moment = datetime.combine(day + timedelta(days=7), REMINDER_TIME, tzinfo=zone)
    return moment


def next_daily_time(after: datetime, at: time) -> datetime:
    """The first ``at`` o'clock in the site's time zone (summer or winter time) after ``after``."""
    zone = timezone.get_current_timezone()
    day = timezone.localtime(after, zone).date()
    moment = datetime.combine(day, at, tzinfo=zone)
    return moment if moment > after else datetime.combine(day + timedelta(days=1), at, tzinfo=zone)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    description: str
    task: Task
    # When the job is due after a round at ``now``, for a scheduler running every ``interval``.
    next_time: Callable[[datetime, timedelta], datetime]
    # Whether it runs every interval, rather than at a fixed moment (see timer_leeway).
    every_interval: bool


IMPORT = "import"
REMINDERS = "reminders"
ALERTS = "alerts"
LEARNER_RETENTION = "learner-retention"
USAGE_RETENTION = "usage-retention"
TOOLBOX_REVIEW = "toolbox-review"
REQUEUE_STALE_TASKS = "requeue-stale-tasks"
JOBS = (
    PeriodicJob(IMPORT, "the feed import", import_due_feeds, lambda now, interval: now + interval, True),
    PeriodicJob(
        REMINDERS, "the review reminders", send_review_reminders, lambda now, _: next_reminder_time(now), False
    ),
    PeriodicJob(ALERTS, "the e-mail alerts", send_alerts, lambda now, _: next_daily_time(now, ALERTS_TIME), False),
    PeriodicJob(
        LEARNER_RETENTION,
        "forgetting e-learning progress untouched for a year",
        delete_stale_learners,
        lambda now, _: next_daily_time(now, LEARNER_RETENTION_TIME),
        False,
    ),
    PeriodicJob(
        USAGE_RETENTION,
        "forgetting old usage events",
        forget_old_usage_events,
        lambda now, _: next_daily_time(now, USAGE_RETENTION_TIME),
        False,
    ),
    PeriodicJob(
        TOOLBOX_REVIEW,
        "the toolbox's review reminders",
        send_review_mails,
        lambda now, _: next_daily_time(now, TOOLBOX_REVIEW_TIME),
        False,
    ),
    PeriodicJob(
        REQUEUE_STALE_TASKS,
        "running again the tasks whose worker died",
        requeue_stale_tasks,
        # Every few minutes, however long the import interval: a task lost with its worker waits at
        # most TASK_STALE_AFTER_SECONDS and this much more.
        lambda now, interval: now + min(interval, task_recovery.CHECK_EVERY),
        True,
    ),
)


def first_time(job: PeriodicJob, now: datetime, interval: timedelta) -> datetime:
    """The import is due as soon as the first scheduler starts; the reminders on the next Monday."""
    return now if job.every_interval else job.next_time(now, interval)


def timer_leeway(interval: timedelta) -> timedelta:
    """How early ``--once`` may enqueue a job that runs every interval.

    A timer started every interval runs a round a few seconds late, then the next a few seconds early;
    without leeway that next round would find the import not yet due and skip an interval.
    """
    return interval / 10


@dataclass(frozen=True)
class Outcome:
    """One due job: enqueued as ``task_id``, or not enqueued because of ``error``."""

    job: PeriodicJob
    task_id: str | None = None
    error: Exception | None = None


def run_due_jobs(now: datetime, interval: timedelta, leeway: timedelta = timedelta(0)) -> list[Outcome]:
    """Enqueue each job that is due at ``now`` and that no other scheduler enqueued first.

    A job that could not be enqueued is tried again after ``interval`` (a failed reminder an hour
    later, not a week later).
    """
    outcomes = []
    for job in JOBS:
        claimed = False
        try:
            _add_missing(job, now, interval)
            with transaction.atomic():
                claimed = _claim(job, now, interval, leeway)
                if not claimed:
                    continue
                result = job.task.enqueue()
        except Exception as exc:  # the queue or database away for a moment must not end the scheduler
            if claimed:
                # The transaction has undone the claim. Postponed, the job is not retried at once, in
                # a tight loop, by this scheduler or the next one that looks.
                _postpone(job, now, interval)
            # A claim that failed itself (the database busy or away) leaves the job due for any scheduler.
            outcomes.append(Outcome(job, error=exc))
        else:
            outcomes.append(Outcome(job, task_id=str(result.id)))
    return outcomes


def seconds_until_next(now: datetime, interval: timedelta) -> float:
    """How long a scheduler may sleep, at most an interval: another may have moved the times meanwhile.

    A job still due right after a round is one whose claim failed (the database busy, or refusing
    writes): it is looked at again after a short pause rather than at once.
    """
    try:
        soonest = ScheduledJob.objects.filter(name__in=[job.name for job in JOBS]).aggregate(Min("next_run_at"))
    except DatabaseError:  # the database is away: look again after an interval, as a failed enqueue is
        return interval.total_seconds()
    due_at = soonest["next_run_at__min"]
    wait = CLAIM_RETRY if due_at is None or due_at <= now else due_at - now
    return min(interval, wait).total_seconds()


def _add_missing(job: PeriodicJob, now: datetime, interval: timedelta) -> None:
    # Race-free for schedulers starting together: a row that exists already is left as it is.
    ScheduledJob.objects.bulk_create(
        [ScheduledJob(name=job.name, next_run_at=first_time(job, now, interval))], ignore_conflicts=True
    )


def _claim(job: PeriodicJob, now: datetime, interval: timedelta, leeway: timedelta) -> bool:
    due_by = now + leeway if job.every_interval else now
    claimed = ScheduledJob.objects.filter(name=job.name, next_run_at__lte=due_by).update(
        next_run_at=job.next_time(now, interval), last_enqueued_at=now
    )
    return claimed == 1


def _postpone(job: PeriodicJob, now: datetime, interval: timedelta) -> None:
    # Only a job still due: one another scheduler enqueued meanwhile keeps its next time. With the
    # database away, the job stays due and is tried again when the scheduler next looks (the caller
    # reports the error that brought it here).
    with suppress(DatabaseError):
        ScheduledJob.objects.filter(name=job.name, next_run_at__lte=now).update(next_run_at=now + interval)
