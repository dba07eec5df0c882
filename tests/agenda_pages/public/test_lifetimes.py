"""Cache-Control of the agenda's addresses (agenda_pages/public/lifetimes.py): public with explicit
lifetimes for anonymous visitors, so a CDN may keep them; private and never stored for a logged-in
visitor or a POST."""

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.utils.cache import get_max_age

from agenda_pages.models import EventOccurrence
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("route_cache_on_and_off")]

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=AMSTERDAM)

PAGES = ["/agenda/", "/agenda/?theme=bewegen&page=1", "/agenda/embed/", "/agenda/print/"]
FEEDS = ["/agenda/ical/", "/agenda/rss/", "/agenda/json/", "/agenda/json/?theme=bewegen"]


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def event(site_home, agenda):
    centre = CentrePageFactory(parent=CentreIndexPageFactory(parent=site_home), title="Inloophuis De Boei")
    page = EventPageFactory(parent=centre, title="Wandelgroep")
    start = NOW + dt.timedelta(days=2)
    EventOccurrence.objects.create(page=page, start=start, end=start + dt.timedelta(hours=1))
    return page


def cache_control(response) -> set[str]:
    return {token.strip() for token in response["Cache-Control"].split(",")}


@pytest.mark.parametrize("url", PAGES)
def test_agenda_pages_may_be_kept_five_minutes_by_a_cdn_and_a_minute_by_a_browser(client, event, url):
    response = client.get(url)
    assert response.status_code == 200
    assert cache_control(response) == {"public", "max-age=60", "s-maxage=300"}


@pytest.mark.parametrize("url", FEEDS)
def test_feeds_may_be_kept_fifteen_minutes(client, event, url):
    response = client.get(url)
    assert response.status_code == 200
    assert cache_control(response) == {"public", "max-age=900", "s-maxage=900"}


def test_lifetimes_come_from_the_settings(client, event, settings):
    settings.AGENDA_CACHE_SECONDS = 120
    settings.AGENDA_BROWSER_CACHE_SECONDS = 600  # never longer than a CDN may keep it
    settings.AGENDA_FEED_CACHE_SECONDS = 3600
    assert cache_control(client.get("/agenda/")) == {"public", "max-age=120", "s-maxage=120"}
    assert cache_control(client.get("/agenda/rss/")) == {"public", "max-age=3600", "s-maxage=3600"}


def test_a_stored_copy_carries_the_same_lifetime(client, event, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first, second = client.get("/agenda/"), client.get("/agenda/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert cache_control(second) == cache_control(first) == {"public", "max-age=60", "s-maxage=300"}


@pytest.mark.parametrize("url", PAGES + FEEDS)
def test_a_logged_in_visitor_gets_private_pages_that_are_never_stored(client, event, url):
    client.force_login(get_user_model().objects.create_superuser("redacteur", "r@example.nl", "geheim-wachtwoord"))
    response = client.get(url)
    assert response.status_code == 200
    assert {"private", "no-store", "no-cache"} <= cache_control(response)
    assert get_max_age(response) == 0
    assert "public" not in cache_control(response)


def test_a_post_is_never_stored(client, event):
    response = client.post("/agenda/json/")
    assert response.status_code == 405
    assert {"private", "no-store"} <= cache_control(response)


def test_other_pages_keep_their_own_headers(client, event):
    """Only the agenda's routes: an event page and the event's calendar file are left as they were."""
    assert "Cache-Control" not in client.get(event.url)
    assert "Cache-Control" not in client.get(f"{event.url}calendar/")
