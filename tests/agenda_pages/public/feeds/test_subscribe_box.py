"""The agenda page's "Abonneer in uw agenda-app": the selection shown, as a subscription and a feed."""

import html
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from .conftest import at, make_event

pytestmark = pytest.mark.django_db


def box(response) -> str:
    text = response.content.decode()
    start = text.index('<details class="agenda-subscribe">')
    return html.unescape(text[start : text.index("</details>", start)])


def test_the_box_offers_the_selection_shown(client, agenda, centres):
    make_event(centres["utrecht"], "Yoga", [at(10, 8)], themes=["ontspanning"])

    response = client.get("/agenda/?theme=ontspanning&near=3512&radius=25&show=activities&page=1")

    assert response.status_code == 200 and not response.cookies
    shown = box(response)
    ical = "http://testserver/agenda/ical/?theme=ontspanning&near=3512&radius=25"
    assert "Abonneer in uw agenda-app" in shown
    assert "Uw agenda-app haalt nieuwe en gewijzigde activiteiten zelf op. U hoeft niets bij te houden." in shown
    assert 'href="webcal://testserver/agenda/ical/?theme=ontspanning&near=3512&radius=25"' in shown
    assert f'href="https://calendar.google.com/calendar/r?cid={quote("webcal" + ical[4:], safe="")}"' in shown
    [outlook] = [part.split('"')[0] for part in shown.split('href="') if part.startswith("https://outlook.live.com")]
    assert outlook.startswith("https://outlook.live.com/calendar/0/addfromweb?")
    name = "Agenda: Ontspanning en mindfulness, binnen 25 km van 3512 Utrecht"
    assert parse_qs(urlsplit(outlook).query) == {"url": [ical], "name": [name]}
    assert f'value="{ical}"' in shown
    assert name in shown
    head = response.content.decode().split("</head>")[0]
    rss = "http://testserver/agenda/rss/?theme=ontspanning&amp;near=3512&amp;radius=25"
    assert f'<link rel="alternate" type="application/rss+xml" title="{name}" href="{rss}">' in head


def test_without_filters_the_whole_agenda_is_offered(client, agenda, centres):
    shown = box(client.get("/agenda/?theme=bestaat-niet"))

    assert 'href="webcal://testserver/agenda/ical/"' in shown
    assert "U abonneert zich op de hele agenda" in shown


def test_the_links_lead_to_the_calendar_and_the_feed(client, agenda, centres):
    make_event(centres["utrecht"], "Yoga", [at(10, 8)], themes=["ontspanning"])
    shown = box(client.get("/agenda/?theme=ontspanning"))

    address = shown.split('id="agenda-subscribe-address" type="text" value="')[1].split('"')[0]
    assert client.get(address).content.startswith(b"BEGIN:VCALENDAR")
    rss = shown.split('<p class="agenda-subscribe__hint"><a href="')[1].split('"')[0]
    assert b"<title>Yoga</title>" in client.get(rss).content


def test_the_english_agenda_offers_its_own_addresses(client, english_agenda, centres):
    shown = box(client.get("/en/agenda/?mode=online"))

    assert "Subscribe in your calendar app" in shown
    assert 'href="webcal://testserver/en/agenda/ical/?mode=online"' in shown
    assert "Agenda: Online" in shown
