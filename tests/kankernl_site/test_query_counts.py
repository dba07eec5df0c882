"""Every page costs a fixed number of queries, however many pages the menu and footer list."""

import pytest

from tests.home.factories import StandardPageFactory

EXPECTED_QUERIES = {
    # The "coming up" block (its dates, themes, centres, series and the agenda page), the search near a
    # place (the agenda and the centres index) and each card's page in the reader's language.
    "/": 19,
    "/over-dit-platform/": 13,
    "/en/about/": 15,
    "/agenda/": 16,  # no events here; tests/agenda_pages/public/test_agenda_page.py counts with 30 and 500
    # The four queries that log the search term (Wagtail's query and its daily hits, then the
    # result count: usage.recording.record_search), and one per page type among the results
    # (three types here) to say what each result is.
    "/zoeken/?q=agenda": 18,
}


def add_menu_and_footer_pages(home, count: int) -> None:
    for number in range(count):
        StandardPageFactory(parent=home, title=f"Menupagina {number}", show_in_menus=True)
        StandardPageFactory(parent=home, title=f"Voetpagina {number}", show_in_footer=True)


@pytest.mark.parametrize("extra_pages", [0, 25])
@pytest.mark.parametrize("url", list(EXPECTED_QUERIES))
def test_query_count_is_constant(demo_site, client, django_assert_num_queries, url, extra_pages):
    add_menu_and_footer_pages(demo_site.root_page, extra_pages)
    client.get(url)  # warm Wagtail's site-root cache, as on a running server
    with django_assert_num_queries(EXPECTED_QUERIES[url]):
        assert client.get(url).status_code == 200
