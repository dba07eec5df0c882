"""The public code generator "Zet onze agenda op uw website" at /agenda/embed/?generator=1."""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
import time_machine

from tests.agenda_pages.factories import CentreIndexPageFactory
from tests.agenda_pages.public.test_agenda_page import NOW, at, make_centre, make_event

pytestmark = pytest.mark.django_db
GENERATOR = "/agenda/embed/?generator=1"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def centre(site_home):
    index = CentreIndexPageFactory(parent=site_home)
    return make_centre(index, "Inloophuis De Boei", "3511 AB", slug="de-boei", city="Utrecht")


def code_of(response) -> str:
    return unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", response.content.decode(), re.S).group(1))


def iframe_src(code: str) -> str:
    return unescape(re.search(r"<iframe src=\"([^\"]+)\"", code).group(1))  # &amp; in an attribute


def notices(response) -> list[str]:
    html = response.content.decode()
    return [
        unescape(item)
        for item in re.findall(r"<li>([^<]*)</li>", html.split('role="status"', 1)[-1].split("</div>", 1)[0])
    ]


def test_writes_the_iframe_code_for_a_centre_with_a_preview_and_the_feeds(client, agenda, centre):
    make_event(centre, "Wandelen", [at(24)])

    response = client.get(f"{GENERATOR}&centre=de-boei")

    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"  # an ordinary page of the site
    assert "<h1>Zet onze agenda op uw website</h1>" in html
    assert code_of(response) == (
        '<iframe src="http://testserver/agenda/embed/?centre=de-boei" title="Agenda van Inloophuis De Boei" '
        'loading="lazy" style="width: 100%; height: 600px; border: 0;"></iframe>\n'
        '<script src="http://testserver/static/agenda_pages/js/embed-resize.js" defer></script>'
    )
    assert (
        '<iframe src="http://testserver/agenda/embed/?centre=de-boei" title="Voorbeeld: Agenda van Inloophuis De Boei"'
        in html
    )
    assert '<input type="hidden" name="generator" value="1">' in html
    assert '<option value="de-boei" selected>Inloophuis De Boei</option>' in html
    assert 'href="http://testserver/agenda/ical/?centre=de-boei"' in html
    assert 'href="http://testserver/agenda/json/?centre=de-boei"' in html
    assert "Aangepaste HTML" in html  # the WordPress steps
    assert "data-copy-link-input" in html and "js/copy-link.js" in html


def test_the_code_carries_the_choices_and_its_embed_needs_no_corrections(client, agenda, centre):
    make_event(centre, "Wandelen", [at(24)], themes=["Bewegen"])
    choices = "centre=de-boei&theme=bewegen&show=activities&items=5&accent=%231a6b4f&size=large&height=fixed"

    response = client.get(f"{GENERATOR}&{choices}")

    code = code_of(response)
    src = iframe_src(code)
    assert src == (
        "http://testserver/agenda/embed/?centre=de-boei&theme=bewegen&show=activities&accent=1a6b4f&size=large&items=5"
    )
    assert "<script" not in code  # a fixed height needs no script
    assert 'title="Agenda van Inloophuis De Boei: Bewegen en sport"' in code
    assert notices(response) == []
    embed = client.get(urlsplit(src).path + "?" + urlsplit(src).query)
    assert embed.status_code == 200
    assert "embed-notice" not in embed.content.decode()
    assert "--embed-accent: #1a6b4f; --embed-font-size: 21px;" in embed.content.decode()


def test_a_light_colour_or_an_unknown_value_is_named_and_replaced(client, agenda, centre):
    response = client.get(f"{GENERATOR}&centre=<script>&accent=ffff00&items=7&size=huge")

    html = response.content.decode()
    assert "<script>" not in html
    assert notices(response) == [
        "Er is geen centrum <script>; we gebruiken alle centra.",
        "Selecteer een geldige keuze. 7 is geen beschikbare keuze.",
        "De kleur #ffff00 is te licht. Tekst in deze kleur, of witte tekst erop, is dan slecht te lezen "
        "(contrast 1,0 op 1; nodig is minstens 4,5 op 1). We gebruiken onze eigen kleur.",
        "Selecteer een geldige keuze. huge is geen beschikbare keuze.",
    ]
    assert iframe_src(code_of(response)) == "http://testserver/agenda/embed/"
    assert 'title="Agenda"' in code_of(response)
    assert 'value="#6a1b5d"' in html  # the colour field shows the colour that is used


def test_the_centre_page_links_to_its_generator(client, agenda, centre):
    html = client.get(centre.url).content.decode()

    assert 'href="/agenda/embed/?generator=1&amp;centre=de-boei">Zet deze agenda op uw website</a>' in html
