"""A counted link from a page under another language's prefix leads to the page with that
language's interface around it; the language cannot lead anywhere else."""

import pytest

from kankernl_site.language import interface_url
from tests.home.factories import StandardPageFactory
from usage.links import click_url

pytestmark = pytest.mark.django_db


def test_a_link_from_an_english_page_keeps_the_english_interface(browser, site_home):
    page = StandardPageFactory(parent=site_home, title="Financiering van het MDO", slug="mdo")

    assert browser.get(click_url(page.pk, "mdo", "en"))["Location"] == "/en/mdo/"
    assert browser.get(click_url(page.pk, "mdo", "nl"))["Location"] == "/mdo/"
    assert "lang=" not in click_url(page.pk, "mdo", "nl")


@pytest.mark.parametrize(
    ("url", "language", "expected"),
    [
        ("/mdo/", "en", "/en/mdo/"),
        ("/en/mdo/", "en", "/en/mdo/"),  # an English page has its prefix already
        ("/mdo/", "nl", "/mdo/"),
        ("/mdo/", "xx", "/mdo/"),  # not one of the site's languages
        ("/mdo/", "//evil.example", "/mdo/"),
        ("/mdo/", None, "/mdo/"),
        ("https://other.example/mdo/", "en", "https://other.example/mdo/"),  # another site's page
    ],
)
def test_the_language_only_chooses_among_the_sites_prefixes(url, language, expected):
    assert interface_url(url, language) == expected
