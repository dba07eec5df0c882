"""Import one feed source: read (fetch and parse, in a limited process), map, sync, record the run,
and announce it (the ``feed_imported`` signal).

A failure at any stage before the sync changes no event: withdrawal only ever follows a complete,
successful fetch and parse. Each source is synced in its own transaction, holding a row lock on the
source so two imports of it cannot interleave.
"""

import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime
from functools import partial
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from agenda_pages.models import FeedSource, ImportRunStatus, Theme

from .fetch import FetchError
from .mapping import map_events
from .persist import SyncReport, sync_source
from .reading import FetchedFeed, read_feed
from .signals import feed_imported
from .themes import ThemeRule, ThemeRules, normalise
from .types import FeedParseError, ParseWarning

# The counts of a run, in the order they are reported; ImportRun and SyncReport have one field each.
RUN_COUNTS = ("created", "updated", "unchanged", "cancelled", "withdrawn")
# A run's error when the importer itself failed (a bug): the moderators who read it cannot act on a
# Python error, the maintainers find the traceback in the log. In English, as the feed errors are.
UNEXPECTED_ERROR = (
    "The import stopped because of an unexpected error in the importer; it was logged for the site's "
    "maintainers, and the feed will be tried again later."
)

logger = logging.getLogger(__name__)


@dataclass
class ImportReport:
    """What ``import_feeds --json`` prints for one source."""

    source: int
    name: str
    status: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    cancelled: int = 0
    withdrawn: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    run: int | None = None  # the recorded ImportRun's id; None for a dry run

    def as_json(self) -> dict:
        return asdict(self)


def _own_hosts() -> frozenset[str]:
    hosts = {urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or ""}
    hosts |= set(Site.objects.values_list("hostname", flat=True))
    return frozenset(host.lower() for host in hosts if host)


def _describe_warning(warning: ParseWarning) -> str:
    return f"{warning.uid}: {warning.message}" if warning.uid else warning.message


def _expanded_today(source: FeedSource, now: datetime) -> bool:
    """Whether a run parsed this source's feed earlier today. Only then may an unchanged feed (a 304,
    the same bytes) be skipped: series are expanded in a window that moves with the day, so an
    endless weekly group needs one parse a day to reach next year's dates."""
    runs = source.runs.filter(status=ImportRunStatus.OK).order_by("-started_at")
    last = runs.values_list("started_at", flat=True).first()
    return last is not None and timezone.localdate(last) == timezone.localdate(now)


def import_source(source_id: int, *, now: datetime | None = None, dry_run: bool = False) -> ImportReport:
    """Import one source now. A dry run fetches, parses and syncs, then rolls everything back.

    Whatever goes wrong with this source ends here, so the caller can go on with the next one: a
    feed error is the run's error as it is; any other exception is a bug, logged with its traceback
    for the maintainers and recorded as one plain sentence for the moderators. Both start the
    back-off (:meth:`FeedSource.record_run`).
    """
    now = now or timezone.now()
    source = FeedSource.objects.select_related("centre").get(pk=source_id)
    try:
        report, sync, fetched = _read_and_sync(source, now, dry_run)
    except Exception:
        logger.exception("Importing feed source %s (%s) failed unexpectedly.", source.pk, source.url)
        report = ImportReport(
            source=source.pk, name=source.centre.title, status=ImportRunStatus.ERROR, error=UNEXPECTED_ERROR
        )
        sync, fetched = SyncReport(), None
    if not dry_run:
        _record_and_announce(source, now, report, sync, fetched)
    return report


def theme_rules(source: FeedSource | None = None) -> ThemeRules:
    """The themes, with the source's category mapping and default themes, for the mapping stage:
    three small queries per import, whatever the number of events."""
    rules = tuple(
        ThemeRule(theme.slug, (theme.slug, theme.label_nl, theme.label_en), tuple(theme.keyword_list()))
        for theme in Theme.objects.order_by("slug")
    )
    if source is None:
        return ThemeRules(rules)
    category_map: dict[str, tuple[str, ...]] = {}
    for category, slug in source.category_themes.order_by("sort_order").values_list("category", "theme__slug"):
        key = normalise(category)
        category_map[key] = tuple(sorted({*category_map.get(key, ()), slug}))
    defaults = tuple(source.default_themes.order_by("slug").values_list("slug", flat=True))
    return ThemeRules(rules, category_map, defaults)


def _read_and_sync(
    source: FeedSource, now: datetime, dry_run: bool
) -> tuple[ImportReport, SyncReport, FetchedFeed | None]:
    """The stages up to the sync; a fetch or feed error is reported, anything else is raised."""
    report = ImportReport(source=source.pk, name=source.centre.title, status=ImportRunStatus.OK)
    sync = SyncReport()
    fetched = None
    try:
        fetched = read_feed(source, now, use_validators=not dry_run and _expanded_today(source, now))
        parsed = fetched.parsed
        if parsed is None:
            report.status = ImportRunStatus.NOT_MODIFIED
        else:
            rules = theme_rules(source)
            mapped, map_warnings = map_events(parsed.events, rules=rules, own_hosts=_own_hosts())
            warnings = [*parsed.warnings, *map_warnings]
            report.warnings = [_describe_warning(warning) for warning in warnings]
            keep_uids = frozenset(warning.uid for warning in parsed.warnings if warning.uid)
            # A capped feed is incomplete: what is missing from it is not known to be gone.
            complete = not parsed.truncated
            # The mapped events are all the sync needs; the parsed ones would double the memory.
            fetched.parsed = parsed = warnings = None
            with transaction.atomic():
                locked = FeedSource.objects.select_for_update().select_related("centre").get(pk=source.pk)
                sync = sync_source(
                    locked,
                    mapped,
                    now=now,
                    keep_uids=keep_uids,
                    withdraw=complete,
                )
                if dry_run:
                    transaction.set_rollback(True)
            for name in RUN_COUNTS:
                setattr(report, name, getattr(sync, name))
            report.warnings += sync.warnings
    except (FetchError, FeedParseError) as exc:
        report.status = ImportRunStatus.ERROR
        report.error = str(exc)
    return report, sync, fetched


def _record_and_announce(
    source: FeedSource, now: datetime, report: ImportReport, sync: SyncReport, fetched: FetchedFeed | None
) -> None:
    run = source.record_run(
        started_at=now,
        status=report.status,
        error=report.error or "",
        warnings=report.warnings,
        validators=fetched.validators if fetched is not None and report.status != ImportRunStatus.ERROR else None,
        review_reason=sync.review_reason,
        **{name: getattr(report, name) for name in RUN_COUNTS},
    )
    report.run = run.pk
    # After the commit: a receiver must find the events the run saved (the reviewers follow the
    # digest's link to them; a page cached before the commit would show the old ones). Robust:
    # what the receivers do is not part of importing, so one that fails (Django logs it) neither
    # undoes the import nor keeps the others from running.
    announce = partial(
        feed_imported.send_robust,
        sender=FeedSource,
        source=source,
        run=run,
        report=report,
        awaiting_review=tuple(sync.awaiting_review),
        changed_live=tuple(sorted(sync.changed_live)),
    )
    transaction.on_commit(announce)


def import_sources(
    source_ids: Iterable[int], *, now: datetime | None = None, dry_run: bool = False
) -> list[ImportReport]:
    """Import each source in turn; one failing source never stops the others.

    :func:`import_source` records every failure of a source on its run; what is left to catch here
    is a source deleted meanwhile or a run that could not be recorded (the database gone).
    """
    now = now or timezone.now()
    reports = []
    for source_id in source_ids:
        try:
            reports.append(import_source(source_id, now=now, dry_run=dry_run))
        except Exception:
            logger.exception("Feed source %s could not be imported, nor its failure recorded.", source_id)
            reports.append(
                ImportReport(source=source_id, name="", status=ImportRunStatus.ERROR, error=UNEXPECTED_ERROR)
            )
    return reports


def import_due_sources(now: datetime | None = None) -> list[ImportReport]:
    """Every active source whose back-off has passed; one failing source never stops the others."""
    now = now or timezone.now()
    return import_sources(list(FeedSource.objects.due(now).values_list("pk", flat=True)), now=now)
