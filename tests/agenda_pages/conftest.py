from datetime import timedelta

import pytest
import time_machine
from wagtail.models import Locale, Page

from agenda_pages.models import AgendaIndexPage, EventPage, ImportRun
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, FeedSourceFactory
from tests.agenda_pages.ics_samples import NOW, TALK, WALK, calendar, vevent
from tests.home.factories import HomePageFactory


@pytest.fixture
def centre(site_home):
    return CentrePageFactory(parent=CentreIndexPageFactory(parent=site_home), title="Inloophuis De Boei")


@pytest.fixture
def agenda(site_home):
    """The Dutch agenda page, at /agenda/."""
    page = AgendaIndexPage(title="Agenda", slug="agenda", intro="Alle activiteiten bij u in de buurt.")
    site_home.add_child(instance=page)
    return page


@pytest.fixture
def english_agenda(agenda, site_home, root_page):
    """The English agenda, at /en/agenda/: a translation of ``agenda`` under an English home page."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    home_en = HomePageFactory(
        parent=root_page, title="Welcome", slug="home-en", locale=english, translation_key=site_home.translation_key
    )
    page = AgendaIndexPage(
        title="Agenda", slug="agenda", locale=english, translation_key=agenda.translation_key, intro="All activities."
    )
    home_en.add_child(instance=page)
    return page


@pytest.fixture
def source(centre, feed_server):
    """An iCalendar source of the centre, at /agenda.ics on the test feed server."""
    return FeedSourceFactory(centre=centre, url=feed_server.url("/agenda.ics"), format="ics")


@pytest.fixture
def frozen_now():
    """The clock at NOW (ticking), so the sample feeds' December dates are upcoming."""
    with time_machine.travel(NOW, tick=True):
        yield


CRASH_TITLE = "Kapot"


@pytest.fixture
def importer_bug(monkeypatch):
    """A bug in the importer, for the events titled CRASH_TITLE: the mapping stage raises a RuntimeError.

    Stands in for an error nobody foresaw; every one the parsers were known to raise is now a warning.
    """
    from agenda_pages.importing import service

    real_map_events = service.map_events

    def map_events(events, **options):
        if any(event.title == CRASH_TITLE for event in events):
            raise RuntimeError("simulated bug in the importer")
        return real_map_events(events, **options)

    monkeypatch.setattr(service, "map_events", map_events)


@pytest.fixture
def crash_between_good_sources(site_home, feed_server, importer_bug):
    """Three sources, imported in this order (by centre name): a good one, one that hits the bug, a good one."""
    index = CentreIndexPageFactory(parent=site_home)
    crash = vevent("crash@inloophuis.example", CRASH_TITLE, "20261202T100000", end="20261202T110000")
    sources = []
    for name, path, feed in (
        ("Inloophuis Anker", "/anker.ics", calendar(WALK)),
        ("Inloophuis Boei", "/boei.ics", calendar(crash)),
        ("Inloophuis Cirkel", "/cirkel.ics", calendar(TALK)),
    ):
        feed_server.add(path, feed, Content_Type="text/calendar")
        centre = CentrePageFactory(parent=index, title=name)
        sources.append(FeedSourceFactory(centre=centre, url=feed_server.url(path), format="ics"))
    return tuple(sources)


@pytest.fixture
def assert_unexpected_failure(caplog):
    """Checks that the bug is the source's failed run in one plain sentence, with back-off, and that
    its traceback is in the log."""
    from agenda_pages.importing.service import UNEXPECTED_ERROR  # here, so the tests are collected without it

    def check(source):
        source.refresh_from_db()
        run = ImportRun.objects.get(source=source)
        assert (run.status, run.error_message) == ("error", UNEXPECTED_ERROR)
        assert source.last_error == UNEXPECTED_ERROR
        assert "Traceback" not in UNEXPECTED_ERROR and "Error" not in UNEXPECTED_ERROR
        assert source.consecutive_failures == 1
        assert source.next_attempt_at == run.started_at + timedelta(hours=1)
        assert not EventPage.objects.filter(source=source).exists()
        [logged] = [record for record in caplog.records if record.name == "agenda_pages.importing.service"]
        assert logged.levelname == "ERROR" and str(source.pk) in logged.getMessage()
        assert "RuntimeError: simulated bug in the importer" in caplog.text
        assert "Traceback" in caplog.text

    return check


@pytest.fixture
def plain_page_as_site_root(root_page, empty_page_tree):
    """Wagtail's plain welcome page as the default site's root, where no centres index may go: what
    a database still has when it had content before the migration that replaces the welcome page
    (home/migrations/0004) ran, so that migration left it alone."""
    page = root_page.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    empty_page_tree.root_page = page
    empty_page_tree.save()
    return page
