import argparse
import signal
import threading
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from django.utils import timezone

from agenda_pages.tasks import import_due_feeds, send_review_reminders

IMPORT = "import"
REMINDERS = "reminders"
JOBS = {IMPORT: (import_due_feeds, "the feed import"), REMINDERS: (send_review_reminders, "the review reminders")}

# The weekly reminder goes out on Monday morning, Dutch time, at the start of the centres' week.
REMINDER_WEEKDAY = 0
REMINDER_TIME = time(8, 0)


def next_reminder_time(after: datetime) -> datetime:
    """The first Monday 08:00 in the site's time zone (summer or winter time) after ``after``."""
    zone = timezone.get_current_timezone()
    day = timezone.localtime(after, zone).date()
    day += timedelta(days=(REMINDER_WEEKDAY - day.weekday()) % 7)
    moment = datetime.combine(day, REMINDER_TIME, tzinfo=zone)
    if moment <= after:
        moment = datetime.combine(day + timedelta(days=7), REMINDER_TIME, tzinfo=zone)
    return moment


@dataclass
class Timetable:
    """When each job is next due: the import every ``interval``, the reminders once a week.

    It is given the time rather than reading a clock, so it can be tested at any moment.
    """

    interval: timedelta
    next_import: datetime
    next_reminders: datetime

    @classmethod
    def starting_at(cls, now: datetime, interval: timedelta) -> "Timetable":
        return cls(interval, next_import=now, next_reminders=next_reminder_time(now))

    def due(self, now: datetime) -> list[str]:
        """The jobs due at ``now``, each moved on to its next time."""
        jobs = []
        if now >= self.next_import:
            jobs.append(IMPORT)
            self.next_import = now + self.interval
        if now >= self.next_reminders:
            jobs.append(REMINDERS)
            self.next_reminders = next_reminder_time(now)
        return jobs

    def retry(self, job: str, now: datetime) -> None:
        """A job that could not be enqueued is tried again after ``interval``, not a week later."""
        if job == REMINDERS:
            self.next_reminders = now + self.interval

    def seconds_until_next(self, now: datetime) -> float:
        return max(0.0, (min(self.next_import, self.next_reminders) - now).total_seconds())


class _HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    pass


def _positive_minutes(value: str) -> float:
    minutes = float(value)
    if minutes <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return minutes


class Command(BaseCommand):
    help = """Enqueue the import of every due calendar feed (and the pruning of old import runs) every
--interval minutes, and the weekly e-mail reminder of events waiting for review every Monday at
08:00 (Europe/Amsterdam), until stopped with SIGTERM or Ctrl-C. A task worker
(`manage.py db_worker`) runs what is enqueued.

Instead of this long-running process, cron can start one import round every hour and the reminders
every Monday:

    0 * * * * cd /srv/site && .venv/bin/python manage.py run_scheduler --once
    0 8 * * 1 cd /srv/site && .venv/bin/python manage.py send_review_reminders
"""

    def create_parser(self, prog_name, subcommand, **kwargs):
        kwargs.setdefault("formatter_class", _HelpFormatter)
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=_positive_minutes,
            default=60,
            metavar="MINUTES",
            help="Minutes between two import rounds (default: 60).",
        )
        parser.add_argument("--once", action="store_true", help="Enqueue one import round and exit (for cron).")

    def handle(self, *args, interval=60, once=False, **options):
        if once:
            if not self._enqueue(IMPORT):
                raise CommandError("The feed import could not be enqueued.", returncode=1)
            return
        stop = threading.Event()
        previous = signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
        timetable = Timetable.starting_at(timezone.now(), timedelta(minutes=interval))
        self.stdout.write(
            f"Enqueuing the feed import every {interval:g} minutes and the review reminders every Monday at "
            f"{REMINDER_TIME:%H:%M}; stop with SIGTERM or Ctrl-C."
        )
        try:
            while not stop.is_set():
                now = timezone.now()
                for job in timetable.due(now):
                    if not self._enqueue(job):
                        timetable.retry(job, now)
                stop.wait(timetable.seconds_until_next(timezone.now()))
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
        self.stdout.write("Scheduler stopped.")

    def _enqueue(self, job: str) -> bool:
        task, description = JOBS[job]
        try:
            result = task.enqueue()
        except Exception as exc:  # the queue (database) being away for a moment must not end the scheduler
            self.stderr.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} could not enqueue {description}: {exc!r}")
            return False
        self.stdout.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} enqueued {description} (task {result.id})")
        return True
