import json

from django.core.management.base import BaseCommand, CommandError

from agenda_pages.importing.service import RUN_COUNTS, ImportReport, import_sources
from agenda_pages.models import FeedSource, ImportRunStatus


class Command(BaseCommand):
    help = (
        "Import calendar feeds now: the given sources, or every active source (ignoring any back-off). "
        "Exits with status 1 when a source failed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--source",
            dest="source_ids",
            type=int,
            nargs="+",
            action="extend",
            metavar="ID",
            help="Import only these feed sources (active or not).",
        )
        parser.add_argument("--json", dest="as_json", action="store_true", help="Print one JSON object per source.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Fetch, parse and compare, then roll everything back."
        )

    def handle(self, *args, source_ids=None, as_json=False, dry_run=False, **options):
        sources = self._sources(source_ids)
        # One failing source (a feed error or a bug) is reported and recorded; the others go on.
        reports = import_sources([source.pk for source in sources], dry_run=dry_run)
        if as_json:
            self.stdout.write(json.dumps([report.as_json() for report in reports], ensure_ascii=False, indent=2))
        else:
            self._print(reports, dry_run)
        failed = sum(1 for report in reports if report.status == ImportRunStatus.ERROR)
        if failed:
            raise CommandError(f"{failed} of {len(reports)} feed sources failed.", returncode=1)

    def _sources(self, source_ids: list[int] | None) -> list[FeedSource]:
        if not source_ids:
            return list(FeedSource.objects.filter(is_active=True).select_related("centre"))
        source_ids = list(dict.fromkeys(source_ids))
        found = FeedSource.objects.select_related("centre").in_bulk(source_ids)
        unknown = [str(pk) for pk in source_ids if pk not in found]
        if unknown:
            raise CommandError(f"No feed source with id {', '.join(unknown)}.")
        return [found[pk] for pk in source_ids]

    def _print(self, reports: list[ImportReport], dry_run: bool) -> None:
        if dry_run:
            self.stdout.write("Dry run: nothing was saved.")
        if not reports:
            self.stdout.write("No active feed sources.")
        for report in reports:
            counts = ", ".join(f"{getattr(report, name)} {name}" for name in RUN_COUNTS)
            line = f"#{report.source} {report.name}: {report.status}"
            if report.status == ImportRunStatus.ERROR:
                self.stdout.write(self.style.ERROR(f"{line}: {report.error}"))
            else:
                self.stdout.write(self.style.SUCCESS(f"{line} ({counts})"))
            for warning in report.warnings:
                self.stdout.write(f"    warning: {warning}")
