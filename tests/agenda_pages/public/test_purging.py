"""A CDN or caching proxy in front of the site is told what changed (agenda_pages/public/purging.py,
with Wagtail's frontend_cache): a local HTTP server stands in for Varnish or nginx and records each
PURGE it receives (tests/purge_recorder.py)."""

from datetime import timedelta

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse
from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purging
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from agenda_pages.importing.service import ImportReport
from agenda_pages.importing.signals import feed_imported
from agenda_pages.models import EventPage
from agenda_pages.public import purging
from tests.agenda_pages.factories import (
    CentreIndexPageFactory,
    CentrePageFactory,
    EventPageFactory,
    FeedSourceFactory,
    add_waiting_events,
)
from tests.agenda_pages.ics_samples import NOW
from tests.agenda_pages.moderation.test_review import user_in
from tests.purge_recorder import PurgeRecorder

pytestmark = pytest.mark.django_db

REVIEW_LIST = "/admin/agenda/review/"
AGENDA_ADDRESSES = {"/agenda/", "/agenda/ical/", "/agenda/rss/", "/agenda/json/", "/agenda/embed/", "/agenda/print/"}


@pytest.fixture
def proxy(settings):
    """The recorder configured as the site's purge backend, with Wagtail's own publish handlers
    connected as the frontend_cache app connects them where a backend is configured."""
    with PurgeRecorder() as recorder:
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": recorder.base_url,
            }
        }
        wagtail_purging.register_signal_handlers()
        yield recorder
        for model in apps.get_models():
            if issubclass(model, Page):
                page_published.disconnect(wagtail_purging.page_published_signal_handler, sender=model)
                page_unpublished.disconnect(wagtail_purging.page_unpublished_signal_handler, sender=model)


@pytest.fixture
def centre(site_home):
    return CentrePageFactory(parent=CentreIndexPageFactory(parent=site_home), title="Inloophuis De Boei", slug="boei")


def test_publishing_an_event_purges_it_the_agenda_its_feeds_and_the_centre(proxy, agenda, english_agenda, centre):
    event = EventPageFactory(parent=centre, title="Wandelgroep", slug="wandelgroep")
    proxy.purged.clear()

    event.save_revision().publish()

    assert {event.url, f"{event.url}calendar/"} <= proxy.paths
    assert proxy.paths >= AGENDA_ADDRESSES
    assert {f"/en{address}" for address in AGENDA_ADDRESSES} <= proxy.paths
    assert {centre.url, f"{centre.url}programma/", "/"} <= proxy.paths
    assert {host for _path, host in proxy.purged} == {"localhost"}


def test_unpublishing_an_event_purges_the_agenda(proxy, agenda, centre):
    event = EventPageFactory(parent=centre, title="Wandelgroep")
    proxy.purged.clear()
    event.unpublish()
    assert proxy.paths >= AGENDA_ADDRESSES


def announce(source, report, changed_live=()):
    feed_imported.send(
        sender=type(source), source=source, run=None, report=report, awaiting_review=[], changed_live=changed_live
    )


def test_an_import_that_changed_live_dates_purges_the_agenda_and_the_centre(proxy, agenda, centre):
    source = FeedSourceFactory(centre=centre)
    event = EventPageFactory(parent=centre, title="Wandelgroep")
    announce(source, ImportReport(source=source.pk, name=centre.title, status="ok", cancelled=1), (event.pk,))
    assert AGENDA_ADDRESSES | {centre.url, f"{centre.url}programma/"} <= proxy.paths


@pytest.mark.parametrize("counts", [{"unchanged": 3}, {"created": 25}, {"updated": 2}])
def test_an_import_that_changed_nothing_public_purges_nothing(proxy, agenda, centre, counts):
    """Unchanged, new drafts, changes waiting for review: the public sees none of them yet."""
    source = FeedSourceFactory(centre=centre)
    proxy.purged.clear()  # what building the tree purged (the migrated pages it replaces)
    announce(source, ImportReport(source=source.pk, name=centre.title, status="ok", **counts))
    assert proxy.purged == []


def test_without_a_purge_backend_nothing_is_looked_up(agenda, centre, django_assert_num_queries):
    event = EventPageFactory(parent=centre, title="Wandelgroep")
    with django_assert_num_queries(0):
        purging.purge_for_event(event)
        purging.purge_for_source(FeedSourceFactory.build(centre=centre))


def agenda_purges(proxy) -> int:
    return sum(1 for path, _host in proxy.purged if path == "/agenda/")


@pytest.fixture
def second_centre(centre):
    return CentrePageFactory(parent=centre.get_parent(), title="Inloophuis Het Anker", slug="anker")


def test_events_published_in_one_batch_purge_the_agenda_once(proxy, agenda, centre, second_centre):
    events = [EventPageFactory(parent=parent, live=False) for parent in (centre, centre, second_centre)]
    with purging.batched():
        for event in events:
            event.save_revision().publish()
        assert agenda_purges(proxy) == 0  # not yet: at the end of the block

    assert agenda_purges(proxy) == 1, proxy.purged
    assert {centre.url, second_centre.url} <= proxy.paths
    assert {event.url for event in events} <= proxy.paths  # Wagtail purged each event page itself


def test_a_batch_inside_a_batch_purges_with_the_outer_one(proxy, agenda, centre):
    event = EventPageFactory(parent=centre, live=False)
    with purging.batched():
        with purging.batched():
            event.save_revision().publish()
        assert agenda_purges(proxy) == 0
    assert agenda_purges(proxy) == 1, proxy.purged


def test_a_batch_that_fails_halfway_purges_what_was_published(proxy, agenda, centre):
    event = EventPageFactory(parent=centre, live=False)
    with pytest.raises(RuntimeError, match="the second event"), purging.batched():
        event.save_revision().publish()
        raise RuntimeError("the second event could not be published")
    assert agenda_purges(proxy) == 1 and centre.url in proxy.paths


def test_approving_events_in_the_review_list_purges_the_agenda_once(proxy, agenda, centre, django_user_model, client):
    source = FeedSourceFactory(centre=centre)
    waiting = add_waiting_events(source, 5, first_start=NOW + timedelta(days=1), now=NOW - timedelta(days=1))
    client.force_login(user_in(django_user_model, "boei", centre.staff_group.group))
    proxy.purged.clear()

    with time_machine.travel(NOW, tick=False):
        response = client.post(REVIEW_LIST, {"action": "approve", "comment": "", "page": [e.pk for e in waiting]})

    assert response.status_code == 302
    assert EventPage.objects.filter(live=True).count() == 5
    assert agenda_purges(proxy) == 1, proxy.purged


def test_approving_all_waiting_events_purges_the_agenda_once(proxy, agenda, centre, django_user_model, client):
    source = FeedSourceFactory(centre=centre)
    add_waiting_events(source, 5, first_start=NOW + timedelta(days=1), now=NOW - timedelta(days=1))
    client.force_login(user_in(django_user_model, "boei", centre.staff_group.group))
    proxy.purged.clear()

    with time_machine.travel(NOW, tick=False):
        client.post(REVIEW_LIST, {"action": "approve", "comment": "", "select_all": "on"})  # the task runs at once

    assert EventPage.objects.filter(live=True).count() == 5
    assert agenda_purges(proxy) == 1, proxy.purged


@pytest.mark.parametrize("action, live", [("publish", True), ("unpublish", False)])
def test_wagtails_bulk_publish_and_unpublish_purge_the_agenda_once(proxy, agenda, centre, admin_client, action, live):
    events = [EventPageFactory(parent=centre, live=not live) for _ in range(3)]
    if action == "publish":
        for event in events:
            event.save_revision()
    proxy.purged.clear()
    ids = "&".join(f"id={event.pk}" for event in events)

    response = admin_client.post(reverse("wagtail_bulk_action", args=("wagtailcore", "page", action)) + f"?{ids}")

    assert response.status_code == 302
    assert EventPage.objects.filter(live=live).count() == 3
    assert agenda_purges(proxy) == 1, proxy.purged
