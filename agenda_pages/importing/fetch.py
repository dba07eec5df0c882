"""Fetching a feed: bounded in time and size, conditional, and refusing internal addresses.

The SSRF guard is requests-hardened's: every connection, also after a redirect, is made to the
address it resolved and checked (private, loopback, link-local, CGNAT, NAT64, 6to4, multicast and
reserved ranges are refused), so a host cannot resolve to a public address for the check and to an
internal one for the connection.
"""

import hashlib
import http.client
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests_hardened import Config, Manager
from requests_hardened.ip_filter import InvalidIPAddress

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
    """Read the (decompressed) body in small steps, so neither size nor a trickling server escapes the limits."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes and "Content-Encoding" not in response.headers:
        raise FetchError(f"The feed is larger than the limit of {limits.max_bytes // (1024 * 1024)} MB.")
    chunks, size = [], 0
    while True:
        if time.monotonic() > deadline:
            raise FetchError(f"The server took longer than {limits.total_seconds:g} seconds to send the feed.")
        chunk = response.raw.read1(READ_SIZE, decode_content=True)
        if not chunk:
            break
        size += len(chunk)
        if size > limits.max_bytes:
            raise FetchError(f"The feed is larger than the limit of {limits.max_bytes // (1024 * 1024)} MB.")
        chunks.append(chunk)
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
    ``last_modified`` is given): a failed fetch must never look like an empty feed.
    """
    deadline = time.monotonic() + limits.total_seconds
    headers = {"Accept": "text/calendar, application/json, text/html;q=0.8, */*;q=0.5"}
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
            except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as exc:
                # A broken-off or badly compressed body: never treat part of a feed as the feed.
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
