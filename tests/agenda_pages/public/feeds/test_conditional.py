"""Both feeds answer a repeated poll of an unchanged selection with 304 (ETag and Last-Modified, through
ConditionalGetMiddleware), from the page cache too, and a cancellation an import applies changes both."""

import datetime as dt

import pytest
import time_machine
from django.utils.http import http_date

from agenda_pages.models import EventOccurrence, ImportRun
from tests.agenda_pages.factories import FeedSourceFactory

from .conftest import NOW, at, make_event

pytestmark = pytest.mark.django_db

ROUTES = ["/agenda/ical/?theme=bewegen", "/agenda/rss/?theme=bewegen"]


@pytest.fixture
def event(centres):
    source = FeedSourceFactory(centre=centres["utrecht"])
    return make_event(centres["utrecht"], "Wandelgroep", [at(10, 8)], themes=["bewegen"], source=source)


@pytest.mark.parametrize("url", ROUTES)
@pytest.mark.parametrize("page_cache_seconds", [0, 300], ids=["page_cache_off", "page_cache_on"])
def test_an_unchanged_selection_is_answered_304(client, agenda, event, settings, url, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    first = client.get(url)
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]

    with time_machine.travel(NOW + dt.timedelta(minutes=10), tick=False):
        by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert (by_etag.status_code, by_etag.content) == (304, b"")
    assert (by_date.status_code, by_date.content) == (304, b"")


@pytest.mark.parametrize("url", ROUTES)
def test_a_cancellation_by_an_import_is_not_answered_304(client, agenda, event, url):
    first = client.get(url)
    later = NOW + dt.timedelta(hours=1)
    # As agenda_pages.importing.persist cancels a live date: in place, without publishing.
    EventOccurrence.objects.filter(page=event).update(status="cancelled")
    ImportRun.objects.create(source=event.source, started_at=later, finished_at=later, status="success", cancelled=1)

    with time_machine.travel(later + dt.timedelta(minutes=1), tick=False):
        by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
        by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert by_etag.status_code == 200 and by_date.status_code == 200
    assert by_date["Last-Modified"] == http_date(later.timestamp())
    assert b"CANCELLED" in by_date.content or b"Geannuleerd" in by_date.content


@pytest.mark.parametrize("url", ROUTES)
def test_an_activity_taken_out_changes_last_modified(client, agenda, event, centres, url):
    make_event(centres["utrecht"], "Yoga", [at(10, 9)], themes=["bewegen"])
    first = client.get(url)

    with time_machine.travel(NOW + dt.timedelta(hours=1), tick=False):
        event.unpublish()  # logged in the page history: nothing listed any more carries the change
        again = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])

    assert again.status_code == 200
    assert b"Wandelgroep" not in again.content
