"""The fetch and parse stages for one source: its feed's bytes (every page of it), read into one
:class:`ParseResult`, or nothing when the feed has not changed since the last import.

Fetching is :mod:`.fetch` (bounded, conditional, no internal addresses); parsing runs in a limited
process (:mod:`.isolation`). The Events Calendar's REST API pages its results, and only all pages
together are the feed, so the pages are followed here, before anything is mapped or saved.

Each fetch has its own deadline (``AGENDA_IMPORT_FETCH_SECONDS``), and reading the whole feed has
one too (``AGENDA_IMPORT_FEED_SECONDS``): pages that each arrive in time can still add up to hours.
"""

import hashlib
import time
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from agenda_pages import conf
from agenda_pages.models import FeedSource

from .detect import detect_format
from .fetch import FetchError, FetchLimits, FetchResult, fetch_feed
from .isolation import PARSE_WALL_SECONDS, parse_feed_isolated
from .types import FeedFormat, FeedParseError, ParseLimits, ParseResult


@dataclass
class FetchedFeed:
    first: FetchResult
    content_hash: str  # of every page's body
    parsed: ParseResult | None  # None when nothing changed since the last import

    @property
    def validators(self) -> tuple[str, str, str]:
        """What the next run sends and compares to find out whether the feed changed."""
        return self.content_hash, self.first.etag, self.first.last_modified


@dataclass(frozen=True)
class FeedDeadline:
    """When reading one feed, all its pages, must be done."""

    seconds: float
    ends: float  # on time.monotonic()

    @classmethod
    def starting_now(cls, seconds: float) -> "FeedDeadline":
        return cls(seconds, time.monotonic() + seconds)

    def left(self) -> float:
        return self.ends - time.monotonic()

    def passed(self) -> FetchError:
        return FetchError(
            f"Reading the feed, all its pages, took longer than {self.seconds:g} seconds; it was not imported."
        )

    def check(self) -> None:
        if self.left() <= 0:
            raise self.passed()


def parse_limits(now: datetime) -> ParseLimits:
    return ParseLimits(
        window_start=now - timedelta(days=1),
        window_end=now + timedelta(days=conf.import_horizon_days()),
        max_occurrences_per_series=conf.max_occurrences_per_series(),
        max_occurrences_per_feed=conf.max_occurrences_per_feed(),
    )


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


def _fetch(url: str, deadline: FeedDeadline, source: FeedSource | None = None) -> FetchResult:
    if urlsplit(url).scheme == "file":
        return _read_local_file(url)
    deadline.check()
    # A fetch may take no longer than the feed has left: its own deadline is the shorter of the two.
    limits = FetchLimits(total_seconds=min(conf.fetch_seconds(), deadline.left()))
    try:
        return fetch_feed(
            url,
            etag=source.etag if source else "",
            last_modified=source.last_modified_header if source else "",
            limits=limits,
            allow_private_hosts=conf.allow_private_hosts(),
            user_agent=conf.user_agent(),
        )
    except FetchError:
        deadline.check()  # stopped by the feed's deadline: say so, not "longer than 0.4 seconds"
        raise


def _parse(fetched: FetchResult, fmt: FeedFormat, limits: ParseLimits, deadline: FeedDeadline) -> ParseResult:
    options = {"base_url": fetched.url} if fmt == FeedFormat.JSONLD else {}
    deadline.check()
    try:
        return parse_feed_isolated(
            fetched.body,
            fmt,
            limits=limits,
            cpu_seconds=conf.parse_cpu_seconds(),
            memory_bytes=conf.parse_memory_bytes(),
            wall_seconds=min(PARSE_WALL_SECONDS, deadline.left()),
            **options,
        )
    except FeedParseError:
        deadline.check()
        raise


def read_feed(source: FeedSource, now: datetime, *, use_validators: bool) -> FetchedFeed:
    """Fetch and parse ``source``'s feed. With ``use_validators`` an unchanged feed (a 304, or the
    same bytes as last time) is not parsed. Raises :class:`FetchError` or :class:`FeedParseError`."""
    deadline = FeedDeadline.starting_now(conf.feed_seconds())
    first = _fetch(source.url, deadline, source if use_validators else None)
    if first.not_modified:
        return FetchedFeed(first, source.content_hash, None)
    fmt = (
        FeedFormat(source.format)
        if source.format != FeedFormat.AUTO
        else detect_format(first.content_type, first.body)
    )
    if fmt != FeedFormat.TEC_JSON and use_validators and first.content_hash == source.content_hash:
        return FetchedFeed(first, first.content_hash, None)  # same bytes as last time: skip parsing
    limits = parse_limits(now)
    result = _parse(first, fmt, limits, deadline)
    first_hash = first.content_hash
    # The raw bytes are not needed once parsed; holding them through the sync costs their size again.
    first = replace(first, body=b"")
    parsed, content_hash = _with_later_pages(result, first_hash, fmt, limits, deadline)
    if use_validators and content_hash == source.content_hash:
        return FetchedFeed(first, content_hash, None)
    return FetchedFeed(first, content_hash, parsed)


def _with_later_pages(
    result: ParseResult, first_hash: str, fmt: FeedFormat, limits: ParseLimits, deadline: FeedDeadline
) -> tuple[ParseResult, str]:
    """The first page's result together with every page it links on to (The Events Calendar's REST
    API), and one hash of all the pages' bytes. Too many pages fail the run rather than import part."""
    events, warnings, hashes = list(result.events), list(result.warnings), [first_hash]
    truncated = result.truncated
    while result.next_page_url:
        if len(hashes) >= conf.max_tec_pages():
            raise FeedParseError(f"The feed has more than {conf.max_tec_pages()} pages; it was not imported.")
        page = _fetch(result.next_page_url, deadline)
        result = _parse(page, fmt, limits, deadline)
        events += result.events
        warnings += result.warnings
        truncated = truncated or result.truncated
        hashes.append(page.content_hash)
    content_hash = hashes[0] if len(hashes) == 1 else hashlib.sha256(":".join(hashes).encode()).hexdigest()
    parsed = ParseResult(format=fmt, events=tuple(events), warnings=tuple(warnings), truncated=truncated)
    return parsed, content_hash
