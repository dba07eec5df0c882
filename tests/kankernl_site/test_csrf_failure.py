"""A form sent without a valid security token gets the site's own page: in the site's layout and
language, under the same strict Content-Security-Policy, with a way back to the form when the form
was on this site. Django's own page styles itself inline, which that policy blocks."""

import pytest
from django.test import Client

from tests.kankernl_site.test_security_headers import EVENT_HANDLER, INLINE_SCRIPT, STYLE_ATTRIBUTE

pytestmark = pytest.mark.django_db


@pytest.fixture
def browser(site_home):
    return Client(enforce_csrf_checks=True)


def test_a_form_without_its_token_gets_the_sites_page_in_dutch(browser):
    response = browser.post("/", {"email": "iemand@example.org"}, HTTP_REFERER="http://testserver/agenda/")

    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Het formulier kon niet worden verstuurd</h1>" in html
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html  # the site's own layout
    assert 'href="http://testserver/agenda/">Terug naar het formulier</a>' in html
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert not INLINE_SCRIPT.search(html) and not STYLE_ATTRIBUTE.search(html) and not EVENT_HANDLER.search(html)
    assert "<style" not in html


@pytest.mark.parametrize("referer", ["https://elders.example/formulier/", "javascript:alert(1)", ""])
def test_a_referer_from_elsewhere_is_not_offered_as_the_way_back(browser, referer):
    response = browser.post("/", {}, HTTP_REFERER=referer)

    assert response.status_code == 403
    html = response.content.decode()
    assert "Terug naar het formulier" not in html
    assert "elders.example" not in html and "javascript:" not in html
    assert '<a href="/">Naar de homepage</a>' in html


def test_a_form_on_the_english_site_gets_the_page_in_english(browser):
    response = browser.post("/en/alerts/", {}, HTTP_REFERER="http://testserver/en/alerts/")

    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "<h1>The form could not be sent</h1>" in html
    assert 'href="http://testserver/en/alerts/">Back to the form</a>' in html
