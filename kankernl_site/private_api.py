"""Every use of a private (``_``-prefixed) attribute of Wagtail, treebeard or Django, in one place.

Each use says why no public API does the job and which measured need it serves. A new release of
those libraries may change them without notice: ``tests/kankernl_site/test_private_api.py`` checks
each against what the public API does, so an upgrade that breaks one fails there, not in production.
Django's ``Model._meta``, ``Model._default_manager`` and ``Model._base_manager`` are documented public
API despite their names and are not gathered here.
"""

from django.db import models
from django.http import HttpRequest
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

# --- treebeard paths / bulk page creation ---
# The first import of a centre's agenda writes hundreds of draft pages at once
# (agenda_pages/importing/bulk.py). Through the public calls (treebeard's add_child, then Wagtail's
# save_revision and workflow start) each page costs some forty queries: the first import of 5,000
# events took 312x the bare parse of the feed; in batched inserts it takes about 5x (README,
# Benchmarks). These two helpers are what the batches need that no public API offers.


def next_child_paths(parent: Page, last_child_path: str | None, count: int) -> list[str]:
    """The tree paths of ``count`` new children of ``parent``, after its child at ``last_child_path``
    (None when it has none): the paths treebeard's ``add_child`` would give them one by one.

    treebeard's public API works out one path per call, reading the last child each time and saving
    the page; there is none that hands out the next n paths. ``_str2int`` (a path step to its number),
    ``_get_path`` (a parent path, depth and step number to a path) and ``steplen`` are what add_child
    itself uses (``MP_AddChildHandler`` and ``MP_Node._inc_path`` in treebeard/mp_tree.py)."""
    steplen = Page.steplen
    first_step = Page._str2int(last_child_path[-steplen:]) + 1 if last_child_path else 1
    return [Page._get_path(parent.path, parent.depth + 1, first_step + offset) for offset in range(count)]


def insert_child_table_rows(model: type[models.Model], instances: list[models.Model]) -> None:
    """Insert the rows of a multi-table-inheritance child model's own table (an ``EventPage``'s
    fields and its link to the page) for instances whose parent rows are already in the database.

    Django's ``bulk_create`` refuses multi-table inheritance ("Can't bulk create a multi-table
    inherited model"), and saving each instance costs a query per page, the cost the batches avoid.
    ``QuerySet._insert`` is the insert ``bulk_create`` itself is built on; given only the child table's
    own columns it writes those rows in one statement (the callers send at most 100 pages)."""
    model._base_manager._insert(instances, fields=model._meta.local_concrete_fields)


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
