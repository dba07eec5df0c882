"""Remember, per process, which page an address leads to, until the content version changes.

Wagtail finds the page for each request from scratch: the site for the host name, the home page in
the request's language, then one child per path segment, each loaded twice (as a plain page and as
its own type). For the agenda that is six queries and about a third of an uncached request. This
middleware keeps the outcome (the site, and the page's type, id and route arguments) for an address
that was served before, and hands Wagtail the site and the freshly loaded page (one query), which it
then uses as its own result (``Site.find_for_request`` and ``Page.route_for_request`` keep theirs on
the request as ``_wagtail_site`` and ``_wagtail_route_for_request``).

Every publish, unpublish, move, delete and privacy change bumps the content version (see
``page_cache``), and a route remembered under an older version is not used, so a moved or
unpublished page is never served from here. Wagtail's own checks that run after routing (view
restrictions, ``before_serve_page`` hooks) still run on every request.
"""

import time
from typing import NamedTuple

from django.conf import settings
from django.http import HttpRequest

from . import page_cache

MAX_ROUTES = 2000
# Also forgotten after this long: without Redis, a page moved in one worker process does not bump
# the version the others see.
MAX_AGE_SECONDS = 300


class KnownRoute(NamedTuple):
    version: int
    expires_at: float  # time.monotonic()
    site: object
    model: type
    page_id: int
    args: tuple
    kwargs: dict


known_routes = page_cache.RecentItems(MAX_ROUTES)


def _key(request: HttpRequest) -> tuple:
    return (request._get_raw_host(), request.get_port(), request.path_info)


class RouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if request.method not in ("GET", "HEAD") or not settings.ROUTE_CACHE:
            return self.get_response(request)
        key = _key(request)
        version = page_cache.current_version()
        known = known_routes.get(key)
        if known is not None and known.version == version and known.expires_at > time.monotonic():
            # Live checked again: it costs nothing extra, and nothing is served that was withdrawn.
            page = known.model._default_manager.filter(pk=known.page_id, live=True).first()
            if page is not None:
                request._wagtail_site = known.site
                request._wagtail_route_for_request = (page, known.args, known.kwargs)
                return self.get_response(request)

        response = self.get_response(request)
        route = getattr(request, "_wagtail_route_for_request", None)
        match = request.resolver_match
        if response.status_code == 200 and route and match is not None and match.url_name == "wagtail_serve":
            page, args, kwargs = route
            site = getattr(request, "_wagtail_site", None)
            expires_at = time.monotonic() + MAX_AGE_SECONDS
            route = KnownRoute(version, expires_at, site, type(page), page.pk, tuple(args), dict(kwargs))
            known_routes.put(key, route)
        return response
