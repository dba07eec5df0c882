import argparse
import signal
import threading
from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from django.utils import timezone

from kankernl_site import scheduling


class _HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    pass


def _positive_minutes(value: str) -> float:
    minutes = float(value)
    if minutes <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return minutes


class Command(BaseCommand):
    help = """Enqueue the site's periodic jobs when they are due, until stopped with SIGTERM or Ctrl-C:
the import of every due calendar feed (and the pruning of old import runs) every --interval minutes,
the weekly e-mail reminder of events waiting for review every Monday at 08:00 (Europe/Amsterdam),
the visitors' e-mail alerts (digests, changes to followed activities) every day at 09:00, and the
deletion of e-learning progress nobody touched for a year every night at 03:30.
A task worker (`manage.py db_worker`) runs what is enqueued.

Two schedulers on the same database (a second process or machine) enqueue each job once: the
database records when each job is next due, and only one scheduler can move that time on.

Instead of this long-running process, a timer can run one round of every due job each --interval:

    0 * * * * cd /srv/site && .venv/bin/python manage.py run_scheduler --once
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
        parser.add_argument(
            "--once",
            action="store_true",
            help="Enqueue every job that is due (the import, the reminders on Monday morning) and exit (for cron).",
        )

    def handle(self, *args, interval=60, once=False, **options):
        every = timedelta(minutes=interval)
        if once:
            outcomes = scheduling.run_due_jobs(timezone.now(), every, leeway=scheduling.timer_leeway(every))
            if failed := self._report(outcomes):
                jobs = " and ".join(failed)
                raise CommandError(f"{jobs[0].upper()}{jobs[1:]} could not be enqueued.", returncode=1)
            return
        stop = threading.Event()
        previous = signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
        self.stdout.write(
            f"Enqueuing the feed import every {interval:g} minutes and the review reminders every Monday at "
            f"{scheduling.REMINDER_TIME:%H:%M}; stop with SIGTERM or Ctrl-C."
        )
        try:
            while not stop.is_set():
                self._report(scheduling.run_due_jobs(timezone.now(), every))
                stop.wait(scheduling.seconds_until_next(timezone.now(), every))
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
        self.stdout.write("Scheduler stopped.")

    def _report(self, outcomes: list[scheduling.Outcome]) -> list[str]:
        """Write one line per due job; return the descriptions of those that could not be enqueued."""
        failed = []
        for outcome in outcomes:
            stamp = f"{timezone.now():%Y-%m-%d %H:%M:%S}"
            if outcome.error is None:
                self.stdout.write(f"{stamp} enqueued {outcome.job.description} (task {outcome.task_id})")
            else:
                self.stderr.write(f"{stamp} could not enqueue {outcome.job.description}: {outcome.error!r}")
                failed.append(outcome.job.description)
        return failed
