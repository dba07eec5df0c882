"""The printed programme in a real browser: a centre with 15 activities (weekly groups and single
dates, long titles) prints on at most two A4 pages with nothing cut off, and every QR code on the
paper decodes to the right address. The screen view passes axe at 360 and 1280 px."""

from datetime import UTC, datetime, time, timedelta

import pypdfium2
import pytest
import time_machine
import zxingcpp
from django.utils import timezone

from agenda_pages.models import EventOccurrence
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory
from tests.browser.test_accessibility import describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LONG_TITLES = [
    "Informatiebijeenkomst over voeding, beweging en vermoeidheid tijdens en na de behandeling",
    "Lezing: leven met onzekerheid, wat helpt u en uw naasten door de eerste maanden heen",
    "Schrijfworkshop voor nabestaanden: herinneringen op papier zetten in een veilige groep",
    "Kookworkshop",
    "Massage voor patiënten en mantelzorgers (aanmelden verplicht, vol is vol)",
    "Mindfulness-introductie",
    "Fotowandeling door het Wilhelminapark met een professionele fotograaf als gids",
    "Muziekmiddag",
    "Gesprek met een oncologieverpleegkundige over werk, geld en regelzaken na kanker",
]
WEEKLY = ["Wandelgroep", "Yoga bij en na kanker", "Creatief atelier", "Koffieochtend", "Lotgenotengroep", "Tai chi"]


def at(day, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)), timezone.get_default_timezone()).astimezone(UTC)


# A Sunday after the October clock change: the coming month (1 to 30 November) holds all four weeks
# of every weekly group, whatever day the suite runs.
TODAY = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(TODAY, tick=True):
        yield


@pytest.fixture
def centre(site_home):
    """A centre with 6 weekly groups (4 dates each in the coming month, one called off) and 9 single dates."""
    from agenda_pages.models import AgendaIndexPage

    site_home.add_child(instance=AgendaIndexPage(title="Agenda", slug="agenda"))
    centre = CentrePageFactory(
        parent=CentreIndexPageFactory(parent=site_home),
        title="Inloophuis De Boei",
        street_address="Oudegracht 12",
        postcode="3511 AB",
        city="Utrecht",
        phone="030 - 231 45 67",
        opening_hours="dinsdag t/m donderdag 10:00-16:00\nvrijdag 10:00-12:30\nIn de schoolvakanties op afspraak",
    )
    today = timezone.localdate()
    monday = today + timedelta(days=7 - today.weekday())  # next week's, so four weeks fit in the month
    for number, title in enumerate(WEEKLY):
        event = EventPageFactory(parent=centre, title=title)
        for week in range(4):
            status = "cancelled" if (number, week) == (0, 2) else "scheduled"
            start = at(monday + timedelta(days=number % 5, weeks=week), 10 + number % 3 * 3)
            EventOccurrence.objects.create(page=event, start=start, end=start + timedelta(hours=2), status=status)
    for number, title in enumerate(LONG_TITLES):
        event = EventPageFactory(parent=centre, title=title, venue_name="Bibliotheek" if number == 2 else "")
        start = at(monday + timedelta(days=number * 2 + 1), 14)
        EventOccurrence.objects.create(page=event, start=start, end=start + timedelta(hours=2))
    return centre


def pdf_of(page) -> pypdfium2.PdfDocument:
    page.emulate_media(media="print")
    return pypdfium2.PdfDocument(page.pdf(format="A4"))


def test_fifteen_activities_print_on_two_pages_and_every_code_scans(new_page, live_server, centre, screenshot_path):
    page = new_page()
    response = page.goto(f"{live_server.url}{centre.url}programma/")
    assert response is not None and response.status == 200

    document = pdf_of(page)
    images = [pdf_page.render(scale=200 / 72).to_pil() for pdf_page in document]
    for number, image in enumerate(images):
        image.save(screenshot_path(f"programme-pdf-{number + 1}.png"))

    assert len(document) <= 2
    text = " ".join(" ".join(pdf_page.get_textpage().get_text_range().split()) for pdf_page in document)
    for title in [*WEEKLY, *LONG_TITLES]:
        assert title in text, f"{title!r} is not on the paper"
    assert "Oudegracht 12" in text and "3511 AB Utrecht" in text and "030 - 231 45 67" in text
    assert "vervalt op" in text.lower()  # the badge is in capitals on paper
    found = set()
    for image in images:
        found |= {result.text for result in zxingcpp.read_barcodes(image)}
    events = [child.specific for child in centre.get_children()]
    assert found == {
        f"{live_server.url}/agenda/?centre={centre.slug}",
        *(f"{live_server.url}{event.url}" for event in events),
    }


@pytest.mark.parametrize("width", [360, 1280])
def test_the_screen_view_has_no_axe_violations_and_a_print_button(
    new_page, live_server, centre, width, axe_script, screenshot_path
):
    page = new_page(viewport={"width": width, "height": 800})
    page.goto(f"{live_server.url}{centre.url}programma/")

    assert page.get_by_role("button", name="Print dit programma").is_visible()
    violations = run_axe(page, axe_script)
    assert not violations, describe_violations(violations)
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width
    page.screenshot(path=screenshot_path(f"programme-{width}.png"), full_page=True)


def test_without_javascript_the_page_says_how_to_print(new_page, live_server, centre):
    page = new_page(java_script_enabled=False)
    page.goto(f"{live_server.url}{centre.url}programma/")

    assert not page.get_by_role("button", name="Print dit programma").is_visible()
    assert page.get_by_text("Kies Afdrukken in het menu van uw browser").is_visible()
