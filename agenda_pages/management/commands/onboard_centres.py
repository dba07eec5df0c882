import io
import sys

from django.core.management.base import BaseCommand, CommandError

from agenda_pages.onboarding import onboard_csv
from agenda_pages.onboarding_rows import PROFILE_COLUMNS, REQUIRED_COLUMNS


class Command(BaseCommand):
    help = (
        f"Create or update centre pages and their feed sources from a CSV file with the columns "
        f"{','.join(REQUIRED_COLUMNS)} and optionally {','.join(PROFILE_COLUMNS)}. Safe to run again; bad rows "
        f"are reported and skipped, and blank cells never overwrite what an editor filled in."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help='The CSV file (UTF-8), or "-" for standard input.')

    def handle(self, *args, csv_file, **options):
        outcomes = onboard_csv(io.StringIO(self._read(csv_file), newline=""))

        for outcome in outcomes:
            if outcome.ok:
                self.stdout.write(f"row {outcome.row}: {outcome.name}: {outcome.action}")
            else:
                self.stdout.write(self.style.ERROR(outcome.error))
        if any(outcome.row in (None, 1) for outcome in outcomes if not outcome.ok):
            raise CommandError("Nothing was onboarded.", returncode=1)
        failed = sum(1 for outcome in outcomes if not outcome.ok)
        if failed:
            raise CommandError(f"{failed} of {len(outcomes)} rows could not be onboarded.", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"{len(outcomes)} rows onboarded."))

    def _read(self, csv_file: str) -> str:
        """The whole file, decoded before any row is onboarded: a file that is not UTF-8 onboards nothing."""
        try:
            if csv_file == "-":
                return sys.stdin.read()
            with open(csv_file, encoding="utf-8-sig", newline="") as stream:
                return stream.read()
        except UnicodeDecodeError as exc:
            raise CommandError(
                f"Cannot read {csv_file}: it is not UTF-8 text (byte {exc.start}); save it as CSV UTF-8."
            ) from exc
        except OSError as exc:
            raise CommandError(f"Cannot read {csv_file}: {exc}") from exc
