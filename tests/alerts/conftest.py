import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from agenda_pages.models import AgendaIndexPage, EventOccurrence
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory, themes

# Sunday 22 November 2026, 12:00 UTC: the tests' "now".
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
DAY = timedelta(days=1)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def centre(site_home):
    index = CentreIndexPageFactory(parent=site_home)
    return CentrePageFactory(parent=index, title="Inloophuis De Boei", slug="de-boei", city="Utrecht")


@pytest.fixture
def agenda(site_home):
    page = AgendaIndexPage(title="Agenda", slug="agenda")
    site_home.add_child(instance=page)
    return page


def make_event(centre, title, starts, *, published_at, theme=(), status="scheduled", hours=2, **fields):
    """A live event first published at ``published_at``, with a date at each of ``starts``."""
    event = EventPageFactory(parent=centre, title=title, first_published_at=published_at, **fields)
    if theme:
        event.themes.add(*themes(*theme))
        event.save()  # a ParentalManyToManyField is written on save
    for start in starts:
        EventOccurrence.objects.create(page=event, start=start, end=start + timedelta(hours=hours), status=status)
    return event


def links_in(text: str) -> list[str]:
    return re.findall(r"https?://[^\s<>\"]+", text)


def link_to(text: str, part: str) -> str:
    """The path of the first link in ``text`` containing ``part``."""
    [link] = [link for link in links_in(text) if part in link][:1]
    return re.sub(r"^https?://[^/]+", "", link)
