"""The private Wagtail and Django names our code relies on, in one place.

Each use says why no public API does the job and what it is worth, so that an upgrade which changes
one breaks ``tests/kankernl_site/test_private_api.py`` rather than a page. (``Model._meta`` and
``Model._default_manager`` are documented public API despite the underscore and are not listed.)
"""

from django.http import HttpRequest
from wagtail.models import Site
from wagtail.url_routing import RouteResult

# --- route cache ---
# What it buys: on an address served before, the route cache (route_cache.py) skips Wagtail's site
# lookup and its two lookups per path segment, and loads the page in one query: about a third of an
# uncached agenda request (route_cache.py). Measured (tests using route_cache_on_and_off), off -> on:
# /agenda/ 19 -> 15 queries, an event page 21 -> 13, its calendar file 13 -> 5.


def raw_host(request: HttpRequest) -> str:
    """The host the request names, as Wagtail matches it to a site (``Site._find_for_request``).

    Django's private ``HttpRequest._get_raw_host()``: the public ``get_host()`` also checks
    ``ALLOWED_HOSTS`` and raises ``DisallowedHost``, which the route cache, a middleware that runs
    before ``CommonMiddleware``, must not do; Wagtail reads the host the same way, so a remembered
    route is keyed on exactly what chose its site."""
    return request._get_raw_host()


def route_found_by_wagtail(request: HttpRequest) -> tuple[Site | None, RouteResult | None]:
    """The site and the route (page, args, kwargs) Wagtail found for a request it has served, if any.

    Wagtail keeps them on the request as ``_wagtail_site`` (``Site.find_for_request``) and
    ``_wagtail_route_for_request`` (``Page.route_for_request``) and offers no public way to read the
    route its ``serve`` view used; routing again to learn it would cost the queries being saved."""
    return getattr(request, "_wagtail_site", None), getattr(request, "_wagtail_route_for_request", None)


def hand_route_to_wagtail(request: HttpRequest, site: Site, route: RouteResult) -> None:
    """Make Wagtail's ``serve`` view use this site and route instead of looking them up.

    ``Site.find_for_request`` and ``Page.route_for_request`` return what the request already carries
    in ``_wagtail_site`` and ``_wagtail_route_for_request``; there is no public hook that replaces
    the lookup, and everything after it (view restrictions, ``before_serve_page`` hooks,
    ``page.serve``) still runs as usual."""
    request._wagtail_site = site
    request._wagtail_route_for_request = route
