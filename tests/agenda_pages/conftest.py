import pytest
import time_machine

from agenda_pages.models import AgendaIndexPage
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, FeedSourceFactory
from tests.agenda_pages.ics_samples import NOW


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
def source(centre, feed_server):
    """An iCalendar source of the centre, at /agenda.ics on the test feed server."""
    return FeedSourceFactory(centre=centre, url=feed_server.url("/agenda.ics"), format="ics")


@pytest.fixture
def frozen_now():
    """The clock at NOW (ticking), so the sample feeds' December dates are upcoming."""
    with time_machine.travel(NOW, tick=True):
        yield
