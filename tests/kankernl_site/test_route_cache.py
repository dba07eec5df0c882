"""The per-process route cache: fewer queries for an address served before, never a stale page."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def route_cache(settings):
    settings.ROUTE_CACHE = True


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def test_a_known_address_skips_wagtails_routing(site_home, client, settings):
    page = StandardPageFactory(parent=site_home, title="Over ons", slug="over-ons")
    settings.ROUTE_CACHE = False
    client.get("/over-ons/")  # warms Wagtail's own site root paths
    first, routed = queries_for(client, "/over-ons/")
    settings.ROUTE_CACHE = True
    client.get("/over-ons/")  # remembered from here on

    again, remembered = queries_for(client, "/over-ons/")

    assert again.status_code == first.status_code == 200
    assert again.content == first.content
    assert again.context["page"].pk == page.pk
    # The site and Wagtail's four page lookups (the home page and the child, each as a plain page and
    # as its own type) become one query for the page.
    assert (routed, remembered) == (13, 9)


def test_an_unpublished_page_is_not_served_from_memory(site_home, client, django_capture_on_commit_callbacks):
    page = StandardPageFactory(parent=site_home, slug="tijdelijk")
    assert client.get("/tijdelijk/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    assert client.get("/tijdelijk/").status_code == 404


def test_a_page_not_live_is_never_served_even_before_the_version_changes(site_home, client):
    page = StandardPageFactory(parent=site_home, slug="concept")
    assert client.get("/concept/").status_code == 200

    type(page).objects.filter(pk=page.pk).update(live=False)  # no signal, no new version

    assert client.get("/concept/").status_code == 404


def test_a_moved_page_answers_at_its_new_address_only(site_home, client, django_capture_on_commit_callbacks):
    parent = StandardPageFactory(parent=site_home, slug="thema")
    page = StandardPageFactory(parent=site_home, slug="wandelen")
    assert client.get("/wandelen/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        page.move(parent, pos="last-child")

    old = client.get("/wandelen/")
    assert (old.status_code, old["Location"]) == (301, "/thema/wandelen/")  # Wagtail's redirect
    assert client.get("/thema/wandelen/").status_code == 200


def test_other_addresses_and_methods_are_routed_as_usual(site_home, client):
    StandardPageFactory(parent=site_home, slug="een")
    StandardPageFactory(parent=site_home, slug="twee")
    client.get("/een/")

    assert client.get("/twee/").context["page"].slug == "twee"
    assert client.get("/bestaat-niet/").status_code == 404
    assert client.post("/een/").status_code in (200, 405)


def test_a_remembered_route_is_forgotten_after_a_while(site_home, client, monkeypatch, settings):
    from kankernl_site import route_cache

    StandardPageFactory(parent=site_home, slug="over-ons")
    settings.ROUTE_CACHE = False
    client.get("/over-ons/")  # warms Wagtail's own site root paths
    _plain, routed = queries_for(client, "/over-ons/")
    settings.ROUTE_CACHE = True
    monkeypatch.setattr(route_cache, "MAX_AGE_SECONDS", -1)  # every route is stored already expired
    client.get("/over-ons/")

    _again, count = queries_for(client, "/over-ons/")

    assert count == routed == 13


def test_a_remembered_page_made_private_is_not_shown(site_home, client):
    # Wagtail's privacy check runs after routing, so it still applies to a remembered route, even
    # before the content version changes (here the commit that would bump it never comes).
    from wagtail.models import PageViewRestriction

    page = StandardPageFactory(parent=site_home, slug="intern")
    assert client.get("/intern/").status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/intern/")

    assert response.status_code == 302
    assert "/login/" in response["Location"]


# Routable pages: a remembered page routes its own sub-routes again


def test_a_remembered_routable_page_routes_its_index_itself(site_home, client):
    from agenda_pages.models import AgendaIndexPage

    agenda = site_home.add_child(instance=AgendaIndexPage(title="Agenda", slug="agenda"))
    first = client.get("/agenda/")  # remembered from here on

    again = client.get("/agenda/")

    assert again.status_code == first.status_code == 200
    assert again.context["page"].pk == agenda.pk
    # The agenda's index is RoutablePageMixin's default route, matched as on any request.
    assert again.wsgi_request.routable_resolver_match.url_name == "index_route"


def test_a_remembered_sub_route_is_served_by_the_page_loaded_for_this_request(site_home, client):
    from agenda_pages.models import EventOccurrence, EventPage
    from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory

    centre = CentrePageFactory(parent=CentreIndexPageFactory(parent=site_home))
    event = EventPageFactory(parent=centre, title="Wandelgroep")
    EventOccurrence.objects.create(page=event, start=timezone.now() + dt.timedelta(days=2))
    assert b"SUMMARY:Wandelgroep" in client.get(event.url + "calendar/").content  # remembered

    EventPage.objects.filter(pk=event.pk).update(title="Wandelgroep in het park")  # no new version
    again = client.get(event.url + "calendar/")

    assert again.wsgi_request.routable_resolver_match.url_name == "calendar"
    assert b"SUMMARY:Wandelgroep in het park" in again.content
    page = client.get(event.url)  # the page's own address is remembered on its own
    assert page.context["page"].pk == event.pk
    assert page.wsgi_request.routable_resolver_match.url_name == "index_route"
