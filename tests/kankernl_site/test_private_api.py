"""The private Wagtail and Django names in kankernl_site/private_api.py still behave as we rely on.

These break on an upgrade that renames or reshapes them, before the route cache silently stops
working (or serves a wrong route).
"""

import pytest
from django.core.exceptions import DisallowedHost
from django.test import RequestFactory
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from kankernl_site import private_api
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


# --- route cache ---


def test_wagtails_serve_leaves_the_site_and_route_it_found_on_the_request(site_home, client, settings):
    settings.ROUTE_CACHE = False  # Wagtail's own routing only
    page = StandardPageFactory(parent=site_home, slug="over-ons")

    request = client.get("/over-ons/").wsgi_request

    site, route = private_api.route_found_by_wagtail(request)
    assert site == Site.objects.get(is_default_site=True)
    assert site.root_page.depth == site_home.depth  # loaded by the routing: the route cache reads it
    assert isinstance(route, RouteResult)
    routed_page, args, kwargs = route
    assert (type(routed_page), routed_page.pk, args, kwargs) == (type(page), page.pk, [], {})


def test_a_site_and_route_handed_over_are_used_without_a_query(site_home, django_assert_num_queries):
    page = StandardPageFactory(parent=site_home, slug="over-ons")
    site = Site.objects.get(is_default_site=True)
    request = RequestFactory().get("/somewhere-else/")
    route = RouteResult(page)

    private_api.hand_route_to_wagtail(request, site, route)

    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is site
        assert Page.route_for_request(request, "somewhere-else/") is route


def test_the_raw_host_is_the_host_wagtail_matches_without_the_allowed_hosts_check(settings):
    settings.ALLOWED_HOSTS = ["kanker.nl"]
    request = RequestFactory().get("/", HTTP_HOST="elders.example:8080")

    assert private_api.raw_host(request) == "elders.example:8080"
    with pytest.raises(DisallowedHost):
        request.get_host()
