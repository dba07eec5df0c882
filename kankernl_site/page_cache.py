"""A full-page cache for anonymous visitors, invalidated as a whole when the site's content changes.

Only a request without cookies and without an ``Authorization`` header is looked up or stored: the
simplest rule that cannot hand one visitor's page to another, because a visitor with a session, a
CSRF token or a preview has a cookie. Only pages Wagtail serves (including the agenda's sub-routes
such as ``feed.ics``) are stored, never the admin, documents, search (every query is logged) or other
views of our own, and only a plain 200 response: no ``Set-Cookie``, not private, of a content type
in ``CACHEABLE_CONTENT_TYPES``.

Instead of finding the pages a change touches (an event is on the agenda, its centre's page, the
home page's "upcoming activities"...), every change bumps one site-wide version number kept in the
cache, and entries of an older version count as missing. Publishing, unpublishing, moving or
deleting a page, changing who may see a page, a site's settings, and an import that changed events
(``bump_version()``) all bump it; anything else is at most ``PAGE_CACHE_SECONDS`` old.

Pages and the version live in Django's default cache (Redis in production, shared by the workers).
Each process also keeps the pages it served last in its own memory and asks the shared cache for
the version at most once every ``VERSION_CHECK_SECONDS``: a hit then costs no network round trip,
which is what brings a stored page close to a static file, and a bump reaches the other workers
within that second. With the local-memory cache instead of Redis, a bump reaches only the process
that made it; the other workers serve their copies until they expire.
"""

import hashlib
import threading
import time
from collections import OrderedDict
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import cc_delim_re, patch_vary_headers
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "page-cache:version"
KEY_PREFIX = "page-cache:page:"
EXCLUDED_PATH_PREFIXES = ("/admin/", "/documents/")
CACHEABLE_CONTENT_TYPES = frozenset(
    {"text/html", "text/calendar", "application/json", "application/rss+xml", "text/vtt"}  # vtt: video captions
)
UNCACHEABLE_CACHE_CONTROL = frozenset({"private", "no-cache", "no-store"})
# Vary headers a stored page may carry. Cookie: only cookieless requests are served from here.
# Accept-Language: LocaleMiddleware always adds it, but a page's language comes from its URL
# (i18n_patterns; Dutch unprefixed). Accept-Encoding: nothing inside this middleware compresses.
IGNORED_VARY = frozenset({"cookie", "accept-language", "accept-encoding"})
VERSION_CHECK_SECONDS = 1.0
LOCAL_MAX_PAGES = 200  # per process; agenda and event pages are 20-60 kB


class StoredPage(NamedTuple):
    version: int
    expires_at: float  # time.time()
    content: bytes
    headers: dict[str, str]


class RecentItems:
    """A process's own store of the items used last; the least recently used is dropped first.
    Shared by the threads of a worker, hence the lock."""

    def __init__(self, max_items: int):
        self.max_items = max_items
        self.items: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            item = self.items.get(key)
            if item is not None:
                self.items.move_to_end(key)
            return item

    def put(self, key, item) -> None:
        with self.lock:
            self.items[key] = item
            self.items.move_to_end(key)
            while len(self.items) > self.max_items:
                self.items.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.items.clear()


class LocalPages(RecentItems):
    """This process's copies of stored pages, and of the version with when it was last read."""

    def __init__(self, max_items: int):
        super().__init__(max_items)
        self.version: int | None = None
        self.version_checked_at = float("-inf")  # time.monotonic()

    def set_version(self, version: int) -> None:
        self.version, self.version_checked_at = version, time.monotonic()

    def clear(self) -> None:
        super().clear()
        self.version, self.version_checked_at = None, float("-inf")


local_pages = LocalPages(LOCAL_MAX_PAGES)


def cache_seconds() -> int:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def bump_version() -> None:
    """Make every cached page stale, once the current transaction commits (at once outside one).

    Not before the commit: a request in between would read the old content and store it under the
    new version.
    """
    transaction.on_commit(_increment_version)


def _increment_version() -> None:
    try:
        version = cache.incr(VERSION_KEY)
    except ValueError:  # evicted or never set: start from a value no stored page can carry
        version = max(time.time_ns(), (local_pages.version or 0) + 1)
        cache.set(VERSION_KEY, version, timeout=None)
    local_pages.set_version(version)


def current_version() -> int:
    """The version, from this process's copy when it was checked within ``VERSION_CHECK_SECONDS``."""
    if time.monotonic() - local_pages.version_checked_at < VERSION_CHECK_SECONDS:
        return local_pages.version
    version = cache.get(VERSION_KEY)
    if version is None:
        version = time.time_ns()
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    local_pages.set_version(version)
    return version


def _page_changed(**kwargs) -> None:
    bump_version()


def connect_signals() -> None:
    """Bump the version whenever what the public sees of a page may have changed. Idempotent."""
    page_published.connect(_page_changed, dispatch_uid="page_cache_published")
    page_unpublished.connect(_page_changed, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="page_cache_moved")
    post_delete.connect(_page_changed, sender=Page, dispatch_uid="page_cache_page_deleted")
    for model in (PageViewRestriction, Site):
        name = model._meta.model_name
        post_save.connect(_page_changed, sender=model, dispatch_uid=f"page_cache_{name}_saved")
        post_delete.connect(_page_changed, sender=model, dispatch_uid=f"page_cache_{name}_deleted")


def _is_current(page, version: int) -> bool:
    return isinstance(page, StoredPage) and page.version == version and page.expires_at > time.time()


def _may_use_cache(request: HttpRequest) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("HTTP_COOKIE")
        and not request.META.get("HTTP_AUTHORIZATION")
        and not request.path_info.startswith(EXCLUDED_PATH_PREFIXES)
    )


def _page_key(request: HttpRequest) -> str:
    """The same for GET and HEAD; the query string is part of it (the agenda's filters and pages)."""
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()


def _header_tokens(response: HttpResponse, name: str) -> set[str]:
    return {token.split("=", 1)[0].strip().lower() for token in cc_delim_re.split(response.get(name, "")) if token}


def _may_store(request: HttpRequest, response: HttpResponse) -> bool:
    match = request.resolver_match
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and match is not None
        and match.url_name == "wagtail_serve"
        and not (user is not None and user.is_authenticated)
        and response.get("Content-Type", "").split(";", 1)[0].strip().lower() in CACHEABLE_CONTENT_TYPES
        and not _header_tokens(response, "Cache-Control") & UNCACHEABLE_CACHE_CONTROL
        and _header_tokens(response, "Vary") <= IGNORED_VARY
    )


class PageCacheMiddleware:
    """Serve anonymous visitors a stored copy of a Wagtail page; place it right after whitenoise.

    Sits outside the session, locale, CSRF and authentication middleware so that a hit skips all of
    them; on the way out it sees the response as they left it (their cookies and Vary headers).
    Adds ``X-Page-Cache: hit`` or ``miss`` to every response it looked up.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        connect_signals()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        seconds = cache_seconds()
        if seconds <= 0 or not _may_use_cache(request):
            return self.get_response(request)
        key = _page_key(request)
        version = current_version()
        page = self._find(key, version)
        if page is not None:
            response = HttpResponse(page.content, headers=page.headers)
            response["X-Page-Cache"] = "hit"
            return response

        response = self.get_response(request)
        if _may_store(request, response):
            patch_vary_headers(response, ("Cookie",))
            # Stored with the version read before rendering: a bump meanwhile makes this copy stale.
            page = StoredPage(version, time.time() + seconds, response.content, dict(response.items()))
            cache.set(key, page, seconds)
            local_pages.put(key, page)
        response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _find(key: str, version: int) -> StoredPage | None:
        """This process's copy, else the shared cache's (then kept here too); None when stale or absent."""
        page = local_pages.get(key)
        if _is_current(page, version):
            return page
        page = cache.get(key)
        if _is_current(page, version):
            local_pages.put(key, page)
            return page
        return None
