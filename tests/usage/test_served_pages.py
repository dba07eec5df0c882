"""A page that opts in to the counts: served without cookies and without one more query."""

import pytest
from django.core.cache import cache

from kankernl_site.page_cache import local_pages
from tests.home.factories import HomePageFactory

BEACON = 'src="/static/usage/count.js"'


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    local_pages.clear()
    yield
    cache.clear()
    local_pages.clear()


def test_an_opted_in_page_carries_the_beacon_and_sets_no_cookie(browser, page):
    response = browser.get("/mdo/")
    html = response.content.decode()
    assert BEACON in html
    assert f'data-page="{page.pk}" data-url="/usage/view/"' in html
    assert "Set-Cookie" not in response.headers
    assert not response.cookies


def test_a_page_type_that_does_not_opt_in_has_no_beacon(browser, site_home):
    other = HomePageFactory(parent=site_home, slug="andere-start")
    assert BEACON not in browser.get(other.url).content.decode()


def test_the_counter_adds_no_query_to_a_page(browser, page, django_assert_num_queries):
    browser.get("/mdo/")  # warm Wagtail's site-root cache, as on a running server
    # As many as before the counts existed, as for the demo's standard page in
    # tests/kankernl_site/test_query_counts.py: the counter is the page id in a script tag.
    with django_assert_num_queries(13):
        assert BEACON in browser.get("/mdo/").content.decode()


def test_a_cached_page_view_costs_no_query_and_still_counts_through_the_beacon(
    browser, page, page_cache_on, django_assert_num_queries
):
    browser.get("/mdo/")  # stored
    with django_assert_num_queries(0):
        response = browser.get("/mdo/")
    assert response["X-Page-Cache"] == "hit"
    assert BEACON in response.content.decode()
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("path", ["/usage/view/", "/r/"])
def test_the_counting_endpoints_set_no_cookie(browser, page, path):
    response = browser.post(path, {"page": page.pk}) if path == "/usage/view/" else browser.get(path)
    assert not response.cookies
