"""The private library attributes in kankernl_site/private_api.py still behave as we rely on.

An upgrade of Wagtail, treebeard or Django that renames or reshapes one of them fails here, before
the route cache silently stops working or the batched import writes a broken tree.
"""

import pytest
from django.core.exceptions import DisallowedHost
from django.db.models.query import QuerySet
from django.test import RequestFactory
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult

from home.models import StandardPage
from kankernl_site import private_api
from kankernl_site.private_api import insert_child_table_rows, next_child_paths
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


# --- treebeard paths / bulk page creation ---


def test_the_private_treebeard_and_django_attributes_still_exist():
    assert callable(Page._str2int) and callable(Page._get_path)
    assert isinstance(Page.steplen, int)
    assert callable(QuerySet._insert)


@pytest.mark.parametrize("existing_children", [0, 2])
def test_next_child_paths_are_the_paths_add_child_gives(site_home, existing_children):
    for number in range(existing_children):
        StandardPageFactory(parent=site_home, title=f"Bestaand {number}")
    site_home.refresh_from_db()
    last = site_home.get_last_child()
    predicted = next_child_paths(site_home, last.path if last else None, 3)

    made = [StandardPageFactory(parent=site_home, title=f"Nieuw {number}") for number in range(3)]
    assert predicted == [page.path for page in made]


def test_a_child_table_row_inserted_after_its_page_row_makes_the_whole_page(site_home):
    page = StandardPage(title="Over ons", slug="over-ons", intro="Wie wij zijn.", live=False)
    page.path = next_child_paths(site_home, None, 1)[0]
    page.depth, page.numchild = site_home.depth + 1, 0
    page.url_path = f"{site_home.url_path}over-ons/"
    page.locale_id = site_home.locale_id
    page.content_type_id = StandardPage().content_type_id
    Page.objects.bulk_create([page])
    page.page_ptr_id = page.id  # bulk_create set the page id, not the link to it

    insert_child_table_rows(StandardPage, [page])

    stored = StandardPage.objects.get(pk=page.pk)
    assert (stored.title, stored.intro, stored.path) == ("Over ons", "Wie wij zijn.", page.path)
    assert Page.objects.get(pk=page.pk).specific_class is StandardPage


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
