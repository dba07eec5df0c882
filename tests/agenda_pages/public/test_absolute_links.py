"""Absolute links on an event page, a centre page and in the calendar file use the host and port the visitor came to,
not the port stored on the Site (8000 in the demo): copy link, share links, JSON-LD, canonical, .ics."""

import json
import re
from html import unescape

import pytest
from icalendar import Calendar
from wagtail.models import Site

from tests.agenda_pages.public.test_event_detail import add_date, at, clock, event  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("route_cache_on_and_off")]

PATH = "/centra/inloophuis-de-boei/wandelgroep/"


def links_of(body: str) -> dict[str, str]:
    body = unescape(body)
    [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    return {
        "copy": re.search(r'<input id="event-link" type="text" value="([^"]+)"', body).group(1),
        "canonical": re.search(r'<link rel="canonical" href="([^"]+)"', body).group(1),
        "og": re.search(r'<meta property="og:url" content="([^"]+)"', body).group(1),
        "whatsapp": re.search(r'href="(https://wa.me/[^"]+)"', body).group(1),
        "jsonld": json.loads(data)[0]["url"],
    }


def site_at(hostname: str, port: int) -> Site:
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = hostname, port
    site.save()
    return site


def test_a_request_to_another_port_than_the_sites_gets_links_to_that_port(client, event):  # noqa: F811
    site_at("127.0.0.1", 8000)  # as the demo stores it
    add_date(event, at(1, 14), at(1, 16))

    links = links_of(client.get(PATH, HTTP_HOST="127.0.0.1:8023").content.decode())

    page_url = f"http://127.0.0.1:8023{PATH}"
    assert {name: link for name, link in links.items() if name != "whatsapp"} == dict.fromkeys(
        ["copy", "canonical", "og", "jsonld"], page_url
    )
    assert links["whatsapp"].endswith("http%3A%2F%2F127.0.0.1%3A8023%2Fcentra%2Finloophuis-de-boei%2Fwandelgroep%2F")
    assert "8000" not in client.get(PATH, HTTP_HOST="127.0.0.1:8023").content.decode()


def test_a_site_on_another_host_and_port_gets_links_there(client, event):  # noqa: F811
    site_at("agenda.example.org", 8443)
    add_date(event, at(1, 14), at(1, 16))

    links = links_of(client.get(PATH, HTTP_HOST="agenda.example.org:8443").content.decode())

    assert set(links.values()) - {links["whatsapp"]} == {f"http://agenda.example.org:8443{PATH}"}


def test_the_calendar_file_links_to_the_port_of_the_request(client, event):  # noqa: F811
    site_at("127.0.0.1", 8000)
    add_date(event, at(1, 14), at(1, 16))

    response = client.get(PATH + "calendar/", HTTP_HOST="127.0.0.1:8023")

    [vevent] = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["URL"]) == f"http://127.0.0.1:8023{PATH}"
    assert str(vevent["DESCRIPTION"]).endswith(f"http://127.0.0.1:8023{PATH}")
    assert str(vevent["UID"]).endswith("@127.0.0.1")  # the Site's host: stable whatever address was used


def test_a_centre_page_links_to_the_port_of_the_request(client, event):  # noqa: F811
    site_at("127.0.0.1", 8000)
    centre_path = PATH.removesuffix("wandelgroep/")

    body = unescape(client.get(centre_path, HTTP_HOST="127.0.0.1:8023").content.decode())

    [data] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert json.loads(data)["url"] == f"http://127.0.0.1:8023{centre_path}"
    assert "8000" not in body
