"""Remember, per process, which page an address leads to, until the content version changes.

Wagtail finds the page for each request from scratch: the site for the host name, the home page in
the request's language, then one child per path segment, each loaded twice (as a plain page and as
its own type). For the agenda that is six queries and about a third of an uncached request. This
middleware keeps the outcome (the site, the page's type and id, and the path segments the page
routes itself) for an address that was served before, loads the page afresh (one query) and lets it
route those remaining segments with its own ``route()``. For a ``RoutablePageMixin`` page that picks
the sub-route (``calendar/``, the agenda's index) and sets ``request.routable_resolver_match`` as
on any request; for other pages there is nothing left to route. No query: children are only looked
up for segments no sub-route takes, and those addresses were served by a child, not by this page.
Wagtail then uses the site and route as its own result; the private request attributes that carry
them are in ``private_api``.

Every publish, unpublish, move, delete and privacy change bumps the content version (see
``page_cache``), and a route remembered under an older version is not used, so a moved or
unpublished page is never served from here. Wagtail's own checks that run after routing (view
restrictions, ``before_serve_page`` hooks) still run on every request.
"""

import time
from typing import NamedTuple

from django.conf import settings
from django.http import Http404, HttpRequest

from . import page_cache, private_api

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
    # The path segments below the page, which it routes itself: a RoutablePageMixin sub-route such
    # as ("calendar",), or () for the page's own address.
    subpath: tuple[str, ...]


known_routes = page_cache.RecentItems(MAX_ROUTES)


def _key(request: HttpRequest) -> tuple:
    return (private_api.raw_host(request), request.get_port(), request.path_info)


def _subpath(site, page, wagtail_path: str) -> tuple[str, ...]:
    """The segments of the address below ``page``: Wagtail's routing takes one segment per level
    below the site's root page (also for a page served from the default language's tree, which
    sits at the same depth), and the page routes the rest. The site's root page is already loaded
    by Wagtail's routing."""
    components = [component for component in wagtail_path.split("/") if component]
    return tuple(components[page.depth - site.root_page.depth :])


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
            route = _route_below(page, request, known.subpath) if page is not None else None
            if route is not None:
                private_api.hand_route_to_wagtail(request, known.site, route)
                return self.get_response(request)

        response = self.get_response(request)
        site, route = private_api.route_found_by_wagtail(request)
        match = request.resolver_match
        if response.status_code == 200 and site and route and match is not None and match.url_name == "wagtail_serve":
            page = route[0]
            subpath = _subpath(site, page, match.args[0])
            expires_at = time.monotonic() + MAX_AGE_SECONDS
            known_routes.put(key, KnownRoute(version, expires_at, site, type(page), page.pk, subpath))
        return response


def _route_below(page, request: HttpRequest, subpath: tuple[str, ...]):
    """The page's own route for the remembered segments below it, or None to route from scratch
    (a sub-route that now answers "not found")."""
    try:
        return page.route(request, list(subpath))
    except Http404:
        return None
