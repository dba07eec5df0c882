"""A CDN or caching proxy in front of the site is told what changed (agenda_pages/public/purging.py,
with Wagtail's frontend_cache): a local HTTP server stands in for Varnish or nginx and records each
PURGE it receives (tests/purge_recorder.py)."""

import pytest
from django.apps import apps
from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purging
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from agenda_pages.importing.service import ImportReport
from agenda_pages.importing.signals import feed_imported
from agenda_pages.public import purging
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory, FeedSourceFactory
from tests.purge_recorder import PurgeRecorder

pytestmark = pytest.mark.django_db

AGENDA_ADDRESSES = {"/agenda/", "/agenda/ical/", "/agenda/rss/", "/agenda/json/", "/agenda/embed/", "/agenda/print/"}


@pytest.fixture
def proxy(settings):
    """The recorder configured as the site's purge backend, with Wagtail's own publish handlers
    connected as the frontend_cache app connects them where a backend is configured."""
    with PurgeRecorder() as recorder:
        settings.WAGTAILFRONTENDCACHE = {
            "proxy": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": recorder.url,
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
