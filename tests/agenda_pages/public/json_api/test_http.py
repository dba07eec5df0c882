"""``<agenda>/json/`` over HTTP: CORS, conditional requests, the page and route caches, and a query
count that does not grow with the number of dates."""

import datetime as dt
import json
import zoneinfo

import pytest
import time_machine
from django.utils.http import http_date

from agenda_pages.models import Audience, EventOccurrence, EventPage
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory
from tests.agenda_pages.factories import themes as theme_rows

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=AMSTERDAM)
URL = "/agenda/json/"


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def centres(site_home):
    index = CentreIndexPageFactory(parent=site_home)
    return [CentrePageFactory(parent=index, title=f"Inloophuis {n}", slug=f"inloophuis-{n}") for n in range(3)]


def add_events(centres, count: int, *, dates_each: int = 1, first: int = 0) -> list[EventPage]:
    """``count`` events spread over the centres, with themes and audiences, and ``dates_each`` dates
    each written in one batch (``bulk_create``), an hour apart from tomorrow on."""
    patients = Audience.objects.filter(code="patients")
    events = []
    for n in range(first, first + count):
        event = EventPageFactory(parent=centres[n % len(centres)], title=f"Activiteit {n}")
        event.themes.add(*theme_rows("Wandelen", f"thema-{n % 5}"))
        event.audience.set(patients)
        event.save()  # parental many-to-many relations are written with the page
        events.append(event)
    start = NOW + dt.timedelta(days=1)
    EventOccurrence.objects.bulk_create(
        EventOccurrence(page=event, start=start + dt.timedelta(hours=n * dates_each + d), sort_order=d)
        for n, event in enumerate(events)
        for d in range(dates_each)
    )
    return events


def test_any_site_may_read_it_and_nothing_sets_a_cookie(client, clock, agenda, centres):
    add_events(centres, 2)

    response = client.get(URL, HTTP_ORIGIN="https://inloophuis.example")

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert not response.cookies
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_is_answered(client, clock, agenda):
    response = client.options(
        URL,
        HTTP_ORIGIN="https://inloophuis.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    assert not response.content and not response.cookies


def test_only_reading_is_allowed(client, clock, agenda):
    response = client.put(URL)

    assert response.status_code in (403, 405)  # 403: CSRF stops it before it reaches the page


def test_an_unchanged_selection_is_not_sent_again(client, clock, agenda, centres):
    add_events(centres, 2)
    first = client.get(URL)

    by_etag = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    by_date = client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert (first.status_code, by_etag.status_code, by_date.status_code) == (200, 304, 304)
    assert by_etag.content == b""
    assert by_etag["Access-Control-Allow-Origin"] == "*"  # a script that polls may read the 304


def test_a_change_is_sent_again(client, clock, agenda, centres, django_capture_on_commit_callbacks):
    [event] = add_events(centres, 1)
    first = client.get(URL)
    assert first["Last-Modified"] == http_date(NOW.timestamp())  # the pages were made just now

    clock.shift(dt.timedelta(minutes=5))
    event.title = "Nieuwe naam"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    again = client.get(URL, HTTP_IF_NONE_MATCH=first["ETag"], HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    by_date = client.get(URL, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == by_date.status_code == 200
    assert json.loads(again.content)["results"][0]["title"] == "Nieuwe naam"
    assert again["Last-Modified"] == http_date((NOW + dt.timedelta(minutes=5)).timestamp())


def test_a_date_that_has_passed_changes_the_last_modified(client, clock, agenda, centres):
    add_events(centres, 1, dates_each=2)  # tomorrow 9:00 and 10:00, no end
    clock.shift(dt.timedelta(days=1, minutes=30))  # the first has begun, and so left the list

    response = client.get(URL)

    assert len(json.loads(response.content)["results"]) == 1
    assert response["Last-Modified"] == http_date((NOW + dt.timedelta(days=1)).timestamp())


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_the_page_cache_stores_it_with_its_headers(client, clock, agenda, centres, page_cache, route_cache_on_and_off):
    add_events(centres, 2)

    first = client.get(f"{URL}?theme=wandelen")
    again = client.get(f"{URL}?theme=wandelen")
    other = client.get(f"{URL}?theme=thema-1")

    assert (first["X-Page-Cache"], again["X-Page-Cache"], other["X-Page-Cache"]) == ("miss", "hit", "miss")
    assert again.content == first.content
    for header in ("Content-Type", "Access-Control-Allow-Origin", "Last-Modified", "ETag"):
        assert again[header] == first[header]
    assert json.loads(other.content)["count"] == 1


def test_a_publish_makes_the_stored_copy_stale(
    client, clock, agenda, centres, page_cache, django_capture_on_commit_callbacks
):
    [event] = add_events(centres, 1)
    client.get(URL)

    event.title = "Nieuwe naam"
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    response = client.get(URL)

    assert response["X-Page-Cache"] == "miss"
    assert json.loads(response.content)["results"][0]["title"] == "Nieuwe naam"


# Wagtail's routing (site, locale, the pages on the way, aliases, view restrictions: 7 queries; 3
# with the route cache remembering the address), then the responder: the choices (themes, centres),
# the count, the page, the centres, themes and series of its dates, their audiences, and three for
# Last-Modified.
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"off": 18, "on": 14}),
        ("?theme=wandelen&audience=patients&page=2&page_size=30", {"off": 18, "on": 14}),
        ("?near=3512&radius=100", {"off": 19, "on": 15}),  # the centres in range
        ("?show=activities", {"off": 19, "on": 15}),  # the next date of each activity
    ],
)
def test_the_query_count_is_the_same_at_100_and_10000_dates(
    client, clock, agenda, centres, django_assert_num_queries, query, expected, route_cache_on_and_off
):
    for centre in centres:  # in range of 3512, as the distance filter needs coordinates
        centre.postcode = "3511 AB"
        centre.save()
    events = add_events(centres, 20, dates_each=5)
    client.get(URL + query)  # warms Wagtail's site root paths and, when on, the route cache
    with django_assert_num_queries(expected[route_cache_on_and_off]):
        small = client.get(URL + query)

    EventOccurrence.objects.bulk_create(
        EventOccurrence(page=events[n % 20], start=NOW + dt.timedelta(days=2, minutes=n), sort_order=n)
        for n in range(10_000 - 100)
    )
    with django_assert_num_queries(expected[route_cache_on_and_off]):
        large = client.get(URL + query)

    assert json.loads(small.content)["results"] and json.loads(large.content)["results"]
    assert json.loads(large.content)["count"] in (10_000, 20)  # dates, or activities with show=activities
