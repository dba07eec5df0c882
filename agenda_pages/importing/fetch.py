"""Fetching a feed: bounded in time and size, conditional, and refusing internal addresses.

The total deadline holds whatever the server does. Each fetch runs in a child process
(:func:`.isolation.run_isolated`) that is killed when the deadline passes: a server that trickles
its status line or headers one byte at a time resets the read timeout with every byte and is read by
http.client in calls that cannot be interrupted, and a name lookup cannot be bounded at all. Inside
the child the body is read in small steps and decoded here (:mod:`.content_coding`), so the size cap
counts decompressed bytes and the deadline is checked while decompressing too.

The SSRF guard is requests-hardened's: every connection, also after a redirect, is made to the
address it resolved and checked (private, loopback, link-local, CGNAT, NAT64, 6to4, multicast and
reserved ranges are refused), so a host cannot resolve to a public address for the check and to an
internal one for the connection.
"""

import hashlib
import http.client
import math
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests_hardened import Config, Manager
from requests_hardened.ip_filter import InvalidIPAddress

from .content_coding import ACCEPT_ENCODING, ContentCodingError, ContentDecoder
from .isolation import IsolatedTimeout, run_isolated
from .types import FeedParseError

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
READ_SIZE = 64 * 1024


class FetchError(Exception):
    """The feed could not be fetched; the message is shown to administrators."""


@dataclass(frozen=True)
class FetchLimits:
    connect_timeout: float = 5
    read_timeout: float = 15
    total_seconds: float = 30
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    memory_bytes: int = 512 * 1024 * 1024  # of the child process that fetches

    def too_long(self) -> "FetchError":
        return FetchError(f"The server took longer than {self.total_seconds:g} seconds to send the feed.")

    def too_large(self, what: str = "feed") -> "FetchError":
        return FetchError(f"The {what} is larger than the limit of {self.max_bytes / (1024 * 1024):g} MB.")


@dataclass(frozen=True)
class FetchResult:
    url: str  # after redirects
    not_modified: bool
    body: bytes = b""
    content_type: str = ""
    etag: str = ""
    last_modified: str = ""

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


def _session(limits: FetchLimits, allow_private_hosts: bool, user_agent: str) -> requests.Session:
    config = Config(
        ip_filter_enable=not allow_private_hosts,
        ip_filter_allow_loopback_ips=False,
        never_redirect=True,  # followed one by one below, so each hop is counted and checked
        default_timeout=(limits.connect_timeout, limits.read_timeout),
        user_agent_override=user_agent,
    )
    return Manager(config).get_session()


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError(f"Only http and https addresses can be fetched, not {url[:200]!r}.")


def _read_body(response: requests.Response, limits: FetchLimits, deadline: float) -> bytes:
    """Read and decode the body in small steps, so neither size nor a trickling server escapes the limits.

    Both what comes over the network and what it decompresses to are capped at ``limits.max_bytes``:
    a compressed body that never decompresses to anything ends at the cap (or the deadline) too.
    """
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise limits.too_large()
    decoder = ContentDecoder(response.headers.get("Content-Encoding", ""))
    chunks, received, size = [], 0, 0
    while True:
        if time.monotonic() > deadline:
            raise limits.too_long()
        data = response.raw.read1(READ_SIZE, decode_content=False)
        if not data:
            break
        received += len(data)
        if received > limits.max_bytes:
            raise limits.too_large(f"{decoder.coding}-compressed feed" if decoder.coding else "feed")
        chunk = decoder.decode(data, limits.max_bytes - size + 1)
        size += len(chunk)
        if size > limits.max_bytes:
            raise limits.too_large()
        chunks.append(chunk)
    decoder.finish()
    return b"".join(chunks)


def fetch_feed(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    limits: FetchLimits = FetchLimits(),
    allow_private_hosts: bool = False,
    user_agent: str = "kankernl-agenda-importer",
) -> FetchResult:
    """GET ``url`` once, following at most ``limits.max_redirects`` redirects.

    Raises :class:`FetchError` for anything but a complete 200 (or a 304 when ``etag`` or
    ``last_modified`` is given): a failed fetch must never look like an empty feed. Runs in a child
    process that is stopped at ``limits.total_seconds``, whatever the server does.
    """
    try:
        return run_isolated(
            _fetch_feed_here,
            url,
            etag,
            last_modified,
            limits,
            allow_private_hosts,
            user_agent,
            # Waiting costs no CPU time; decompressing the largest feed allowed takes a fraction of a second.
            cpu_seconds=math.ceil(limits.total_seconds) + 1,
            memory_bytes=limits.memory_bytes,
            wall_seconds=limits.total_seconds,
        )
    except IsolatedTimeout:
        raise limits.too_long() from None
    except FeedParseError as exc:  # the child ran out of memory or CPU time
        raise FetchError(str(exc).replace("Reading", "Fetching", 1)) from None


def _fetch_feed_here(
    url: str, etag: str, last_modified: str, limits: FetchLimits, allow_private_hosts: bool, user_agent: str
) -> FetchResult:
    """:func:`fetch_feed` in this process: the connect and read timeouts hold, and the deadline between reads."""
    deadline = time.monotonic() + limits.total_seconds
    headers = {
        "Accept": "text/calendar, application/json, text/html;q=0.8, */*;q=0.5",
        # Only what content_coding.py decodes; requests would offer br and zstd when their packages are installed.
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    seen = []
    with _session(limits, allow_private_hosts, user_agent) as session:
        for _hop in range(limits.max_redirects + 1):
            _check_scheme(url)
            seen.append(url)
            try:
                with session.get(url, headers=headers, stream=True, allow_redirects=False) as response:
                    if response.status_code in REDIRECT_STATUSES and response.headers.get("Location"):
                        url = urljoin(url, response.headers["Location"])
                        if url in seen:
                            raise FetchError("The feed address redirects in a loop.")
                        continue
                    if response.status_code == 304 and (etag or last_modified):
                        return FetchResult(url=url, not_modified=True, etag=etag, last_modified=last_modified)
                    if response.status_code != 200:
                        raise FetchError(f"The server answered with HTTP status {response.status_code}.")
                    body = _read_body(response, limits, deadline)
                    if not body.strip():
                        raise FetchError("The server sent an empty feed.")
                    return FetchResult(
                        url=url,
                        not_modified=False,
                        body=body,
                        content_type=response.headers.get("Content-Type", ""),
                        etag=response.headers.get("ETag", ""),
                        last_modified=response.headers.get("Last-Modified", ""),
                    )
            except requests.RequestException as exc:
                raise FetchError(_describe(exc)) from exc
            except ContentCodingError as exc:
                raise FetchError(str(exc)) from exc
            except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as exc:
                # A broken-off body or answer: never treat part of a feed as the feed.
                raise FetchError(f"The feed could not be read completely ({exc.__class__.__name__}).") from exc
        raise FetchError(f"The feed address redirects more than {limits.max_redirects} times.")


def _describe(exc: requests.RequestException) -> str:
    if isinstance(exc, InvalidIPAddress):
        return "The feed address points to an internal or private network address, which is not allowed."
    if isinstance(exc, requests.ConnectTimeout):
        return "The server did not accept a connection in time."
    if isinstance(exc, requests.ReadTimeout):
        return "The server stopped sending data."
    if isinstance(exc, requests.ConnectionError):
        return "The server could not be reached (it does not exist, refused the connection or broke it off)."
    return f"The feed could not be fetched: {exc.__class__.__name__}."
