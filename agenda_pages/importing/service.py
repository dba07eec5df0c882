"""Import one feed source: fetch, parse (in a limited process), map, sync, and record the run.

A failure at any stage before the sync changes no event: withdrawal only ever follows a complete,
successful fetch and parse. Each source is synced in its own transaction, holding a row lock on the
source so two imports of it cannot interleave.
"""

import hashlib
import logging
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Site

from agenda_pages import conf
from agenda_pages.models import FeedSource, ImportRun, ImportRunStatus
from agenda_pages.moderation.notifications import send_review_digest
from kankernl_site.page_cache import bump_version

from .detect import detect_format
from .fetch import FetchError, FetchLimits, FetchResult, fetch_feed
from .isolation import parse_feed_isolated
from .mapping import map_events
from .persist import SyncReport, sync_source
from .types import FeedFormat, FeedParseError, ParseLimits, ParseResult, ParseWarning

logger = logging.getLogger(__name__)

# The counts of a run, in the order they are reported; ImportRun and SyncReport have one field each.
RUN_COUNTS = ("created", "updated", "unchanged", "cancelled", "withdrawn")

DIGEST_FAILED = "The e-mail to the centre's reviewers could not be sent, so they do not know about these events yet."


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

    def as_json(self) -> dict:
        return asdict(self)


def _parse_limits(now: datetime) -> ParseLimits:
    return ParseLimits(
        window_start=now - timedelta(days=1),
        window_end=now + timedelta(days=conf.import_horizon_days()),
        max_occurrences_per_series=conf.max_occurrences_per_series(),
        max_occurrences_per_feed=conf.max_occurrences_per_feed(),
    )


def _own_hosts() -> frozenset[str]:
    hosts = {urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or ""}
    hosts |= set(Site.objects.values_list("hostname", flat=True))
    return frozenset(host.lower() for host in hosts if host)


def _read_local_file(url: str) -> FetchResult:
    """Development only: the demo centres' feeds are files in the repository."""
    if not conf.allow_file_urls():
        raise FetchError("file:// feed addresses are only allowed in development.")
    path = Path(url2pathname(urlsplit(url).path))
    try:
        body = path.read_bytes()[: FetchLimits().max_bytes + 1]
    except OSError as exc:
        raise FetchError(f"The file {path.name} could not be read ({exc.strerror}).") from None
    if len(body) > FetchLimits().max_bytes or not body.strip():
        raise FetchError("The file is empty or larger than the limit.")
    content_type = {".ics": "text/calendar", ".json": "application/json"}.get(path.suffix, "text/html")
    return FetchResult(url=url, not_modified=False, body=body, content_type=content_type)


def _fetch(url: str, source: FeedSource | None = None) -> FetchResult:
    if urlsplit(url).scheme == "file":
        return _read_local_file(url)
    return fetch_feed(
        url,
        etag=source.etag if source else "",
        last_modified=source.last_modified_header if source else "",
        limits=FetchLimits(),
        allow_private_hosts=conf.allow_private_hosts(),
        user_agent=conf.user_agent(),
    )


def _parse(fetched: FetchResult, fmt: FeedFormat, limits: ParseLimits) -> ParseResult:
    options = {"base_url": fetched.url} if fmt == FeedFormat.JSONLD else {}
    return parse_feed_isolated(
        fetched.body,
        fmt,
        limits=limits,
        cpu_seconds=conf.parse_cpu_seconds(),
        memory_bytes=conf.parse_memory_bytes(),
        **options,
    )


@dataclass
class FetchedFeed:
    first: FetchResult
    content_hash: str  # of every page's body
    parsed: ParseResult | None  # None when nothing changed since the last import


def _fetch_and_parse(source: FeedSource, now: datetime, *, use_validators: bool) -> FetchedFeed:
    first = _fetch(source.url, source if use_validators else None)
    if first.not_modified:
        return FetchedFeed(first, source.content_hash, None)
    fmt = (
        FeedFormat(source.format)
        if source.format != FeedFormat.AUTO
        else detect_format(first.content_type, first.body)
    )
    if fmt != FeedFormat.TEC_JSON and use_validators and first.content_hash == source.content_hash:
        return FetchedFeed(first, first.content_hash, None)  # same bytes as last time: skip parsing
    limits = _parse_limits(now)
    result = _parse(first, fmt, limits)
    events, warnings, hashes = list(result.events), list(result.warnings), [first.content_hash]
    # The raw bytes are not needed once parsed; holding them through the sync costs their size again.
    first = replace(first, body=b"")
    truncated = result.truncated
    # The Events Calendar's REST API pages its results; only all pages together are the feed.
    while result.next_page_url:
        if len(hashes) >= conf.max_tec_pages():
            raise FeedParseError(f"The feed has more than {conf.max_tec_pages()} pages; it was not imported.")
        page = _fetch(result.next_page_url)
        result = _parse(page, fmt, limits)
        events += result.events
        warnings += result.warnings
        truncated = truncated or result.truncated
        hashes.append(page.content_hash)
    content_hash = hashes[0] if len(hashes) == 1 else hashlib.sha256(":".join(hashes).encode()).hexdigest()
    if use_validators and content_hash == source.content_hash:
        return FetchedFeed(first, content_hash, None)
    parsed = ParseResult(format=fmt, events=tuple(events), warnings=tuple(warnings), truncated=truncated)
    return FetchedFeed(first, content_hash, parsed)


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
    """Import one source now. A dry run fetches, parses and syncs, then rolls everything back."""
    now = now or timezone.now()
    source = FeedSource.objects.select_related("centre").get(pk=source_id)
    report = ImportReport(source=source.pk, name=source.centre.title, status=ImportRunStatus.OK)
    sync = SyncReport()
    fetched = None
    try:
        fetched = _fetch_and_parse(source, now, use_validators=not dry_run and _expanded_today(source, now))
        parsed = fetched.parsed
        if parsed is None:
            report.status = ImportRunStatus.NOT_MODIFIED
        else:
            default_themes = tuple(source.default_themes.names())
            mapped, map_warnings = map_events(parsed.events, default_themes=default_themes, own_hosts=_own_hosts())
            warnings = [*parsed.warnings, *map_warnings]
            report.warnings = [_describe_warning(warning) for warning in warnings]
            keep_uids = frozenset(warning.uid for warning in parsed.warnings if warning.uid)
            # A capped feed is incomplete: what is missing from it is not known to be gone.
            complete = not parsed.truncated
            # The mapped events are all the sync needs; the parsed ones would double the memory.
            fetched.parsed = parsed = warnings = None
            with transaction.atomic():
                source = FeedSource.objects.select_for_update().select_related("centre").get(pk=source.pk)
                sync = sync_source(
                    source,
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
    if not dry_run:
        run = _record(
            source, report, now, fetched if report.status != ImportRunStatus.ERROR else None, sync.review_reason
        )
        if sync.created or sync.updated or sync.cancelled or sync.withdrawn:
            bump_version()  # the anonymous page cache (agenda, event and centre pages) is stale now
        if sync.awaiting_review:
            # After the commit: the reviewers must find the events when they follow the link.
            transaction.on_commit(partial(_tell_reviewers, source, tuple(sync.awaiting_review), run, report))
    return report


def _tell_reviewers(source: FeedSource, page_ids: tuple[int, ...], run: ImportRun, report: ImportReport) -> None:
    """Send the run's one digest e-mail. Telling people is not part of importing: whatever goes wrong
    with the mail (the mail server is down, an address is refused), the import stands and its run
    record says the centre was not told."""
    try:
        send_review_digest(source, page_ids, run=run)
    except Exception:
        logger.exception("The review e-mail for import run %s could not be sent.", run.pk)
        run.warnings = [*run.warnings, DIGEST_FAILED]
        run.save(update_fields=["warnings"])
        report.warnings.append(DIGEST_FAILED)


def _record(
    source: FeedSource, report: ImportReport, now: datetime, fetched: FetchedFeed | None, review_reason: str
) -> ImportRun:
    run = ImportRun.objects.create(
        source=source,
        started_at=now,
        finished_at=timezone.now(),
        status=report.status,
        created=report.created,
        updated=report.updated,
        unchanged=report.unchanged,
        cancelled=report.cancelled,
        withdrawn=report.withdrawn,
        error_message=report.error or "",
        warnings=report.warnings,
    )
    source.last_run_status = report.status
    source.last_run_at = now
    # Only the fields a run owns: ``source`` was loaded before the fetch (or the sync), and a moderator
    # may have switched it off, changed its address or cleared "needs review" since.
    fields = ["last_run_status", "last_run_at", "consecutive_failures", "last_error", "next_attempt_at"]
    if report.status == ImportRunStatus.ERROR:
        source.consecutive_failures += 1
        source.last_error = report.error or ""
        source.next_attempt_at = now + source.backoff_delay()
    else:
        source.consecutive_failures = 0
        source.last_error = ""
        source.last_success_at = now
        source.next_attempt_at = None
        fields.append("last_success_at")
    if fetched is not None:
        # Validators are stored only after a complete import, so a failed run is retried in full.
        source.content_hash = fetched.content_hash
        source.etag = fetched.first.etag
        source.last_modified_header = fetched.first.last_modified
        fields += ["content_hash", "etag", "last_modified_header"]
    if review_reason:
        source.needs_review = True
        source.review_reason = review_reason
        fields += ["needs_review", "review_reason"]
    source.save(update_fields=fields)
    return run


def import_due_sources(now: datetime | None = None) -> list[ImportReport]:
    """Every active source whose back-off has passed; one failing source never stops the others."""
    now = now or timezone.now()
    return [
        import_source(source_id, now=now) for source_id in FeedSource.objects.due(now).values_list("pk", flat=True)
    ]
