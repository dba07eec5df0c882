import os
import threading
import time

import pytest
from django.utils import translation
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from wagtail.models import Locale, Page, Site

from home.demo import load_demo_content

if "faketime" in os.environ.get("LD_PRELOAD", ""):
    # CI runs the suite under Debian's faketime with FAKETIME_DONT_FAKE_MONOTONIC=1 (see .ci/run), so
    # durations stay real while the date moves. libfaketime 0.9.10 then rejects Python's
    # time.sleep (an absolute clock_nanosleep on the monotonic clock) with EINVAL; faking the
    # monotonic clock too makes every timed lock wait hang instead. A timed wait on an event is the
    # same pause and works there.
    time.sleep = lambda seconds: threading.Event().wait(seconds)

# Property-based tests: in CI a fixed, derandomised budget (the same examples every run, a few seconds
# per parser, nothing stored between runs); HYPOTHESIS_PROFILE=explore searches longer and at random.
hypothesis_settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
hypothesis_settings.register_profile(
    "explore", max_examples=5_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(autouse=True)
def _dutch_by_default():
    # Each test starts in the site's default language, whatever the previous one activated.
    with translation.override("nl"):
        yield


@pytest.fixture(autouse=True)
def _empty_cache():
    # The local-memory cache outlives each test's database rollback: Wagtail's site root paths or a
    # cached fragment from one test must not answer (or save a query) in the next.
    from django.core.cache import caches

    from kankernl_site.page_cache import local_pages
    from kankernl_site.route_cache import known_routes

    for alias in ("default", "template_fragments"):
        caches[alias].clear()
    local_pages.clear()
    known_routes.clear()
    yield


@pytest.fixture(params=["off", "on"], ids=["route_cache_off", "route_cache_on"])
def route_cache_on_and_off(request, settings):
    """Runs a test once without and once with the route cache (off in the test settings), and gives
    the mode, "off" or "on", for a test that counts queries: with the cache on, the first request
    fills it and only the next one is served from it."""
    from kankernl_site.page_cache import local_pages
    from kankernl_site.route_cache import known_routes

    settings.ROUTE_CACHE = request.param == "on"
    known_routes.clear()
    local_pages.clear()
    yield request.param
    known_routes.clear()
    local_pages.clear()


@pytest.fixture
def locales(db):
    return {
        "nl": Locale.objects.get_or_create(language_code="nl")[0],
        "en": Locale.objects.get_or_create(language_code="en")[0],
    }


@pytest.fixture
def demo_site(db):
    """The demo site as `make run` builds it: Dutch pages with English translations."""
    load_demo_content()
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def empty_page_tree(root_page) -> Site:
    """The tree root alone, without the home pages the migration makes (home/migrations/0004), for
    tests that build their own tree. Returns the default site, which shows the root meanwhile, at
    the address Wagtail's own migrations give it (http://localhost, in the feeds' UIDs)."""
    site = Site.objects.get(is_default_site=True)
    # Deleting the page a site shows would delete the site with it.
    site.root_page, site.hostname, site.port, site.site_name = root_page, "localhost", 80, ""
    site.save()
    Page.objects.filter(depth=2).delete()
    root_page.refresh_from_db()  # its number of children, which add_child reads
    return site


@pytest.fixture
def site_home(root_page, empty_page_tree):
    """A bare Dutch home page as the default site's root, for tests that build their own tree."""
    from tests.home.factories import HomePageFactory

    home = HomePageFactory(parent=root_page, title="Welkom")
    empty_page_tree.root_page = home
    empty_page_tree.save()  # save(), not update(): clears Wagtail's cached site root paths
    return home


@pytest.fixture
def feed_server():
    """A local HTTP server that serves whatever each test registers (see feed_server.py)."""
    from tests.agenda_pages.importing.feed_server import FeedServer

    with FeedServer() as server:
        yield server
