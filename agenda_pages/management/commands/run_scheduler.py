import argparse
import signal
import threading

from django.core.management.base import BaseCommand, CommandError, DjangoHelpFormatter
from django.utils import timezone

from agenda_pages.tasks import import_due_feeds


class _HelpFormatter(DjangoHelpFormatter, argparse.RawDescriptionHelpFormatter):
    pass


def _positive_minutes(value: str) -> float:
    minutes = float(value)
    if minutes <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return minutes


class Command(BaseCommand):
    help = """Enqueue the import of every due calendar feed (and the pruning of old import runs) every
--interval minutes, until stopped with SIGTERM or Ctrl-C. A task worker
(`manage.py db_worker`) runs what is enqueued.

Instead of this long-running process, cron can start one round every hour:

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
            help="Minutes between two rounds (default: 60).",
        )
        parser.add_argument("--once", action="store_true", help="Enqueue one round and exit (for cron).")

    def handle(self, *args, interval=60, once=False, **options):
        if once:
            if not self._enqueue():
                raise CommandError("The feed import could not be enqueued.", returncode=1)
            return
        stop = threading.Event()
        previous = signal.signal(signal.SIGTERM, lambda signum, frame: stop.set())
        self.stdout.write(f"Enqueuing the feed import every {interval:g} minutes; stop with SIGTERM or Ctrl-C.")
        try:
            while not stop.is_set():
                self._enqueue()
                stop.wait(interval * 60)
        except KeyboardInterrupt:
            pass
        finally:
            signal.signal(signal.SIGTERM, previous)
        self.stdout.write("Scheduler stopped.")

    def _enqueue(self) -> bool:
        try:
            result = import_due_feeds.enqueue()
        except Exception as exc:  # the queue (database) being away for a moment must not end the scheduler
            self.stderr.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} could not enqueue the feed import: {exc!r}")
            return False
        self.stdout.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} enqueued the feed import (task {result.id})")
        return True
