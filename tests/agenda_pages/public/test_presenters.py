import pytest

from agenda_pages.public.presenters import map_url, phone_uri, web_url
from tests.agenda_pages.factories import EventPageFactory
from tests.agenda_pages.public.test_event_detail import add_date, at


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("030 - 123 45 67", "tel:0301234567"),
        ("+31 (0)30 123 45 67", "tel:+31301234567"),
        ("+31 30 123 45 67", "tel:+31301234567"),
        ("(030) 123 45 67", "tel:0301234567"),
        ("bel ons", ""),
        ("", ""),
    ],
)
def test_one_phone_link_for_every_page(phone, uri):
    assert phone_uri(phone) == uri


def test_an_international_number_links_the_same_on_the_centre_and_the_event_page(client, centre):
    """Once "+31 (0)30 ..." became tel:+310301234567 on the event page: a number nobody answers."""
    centre.phone = "+31 (0)30 123 45 67"
    centre.save()
    event = EventPageFactory(parent=centre, title="Wandelgroep")
    add_date(event, at(1, 14), at(1, 16))

    for url in (centre.url, event.url):
        body = client.get(url).content.decode()
        assert 'href="tel:+31301234567"' in body, url
        assert "tel:+310" not in body, url


def test_map_and_web_links():
    assert map_url("") == ""
    assert map_url("Oudegracht 1, 3511 AB Utrecht") == (
        "https://www.openstreetmap.org/search?query=Oudegracht+1%2C+3511+AB+Utrecht"
    )
    assert web_url(" https://example.nl/x ") == "https://example.nl/x"
    assert web_url("javascript:alert(1)") == ""
