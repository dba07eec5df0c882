import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page

from tests.home.factories import StandardPageFactory


def test_search_urls_are_translated():
    assert reverse("search") == "/zoeken/"
    with translation.override("en"):
        assert reverse("search") == "/en/search/"


def test_search_finds_pages_in_the_current_language_only(demo_site, client):
    html_nl = client.get("/zoeken/", {"q": "agenda"}).content.decode()
    html_en = client.get("/en/search/", {"q": "agenda"}).content.decode()
    assert 'href="/agenda/"' in html_nl
    assert "/en/agenda/" not in html_nl
    assert 'href="/en/agenda/"' in html_en
    assert 'href="/agenda/"' not in html_en


def test_search_counts_results_and_logs_the_query(demo_site, client):
    response = client.get("/zoeken/", {"q": "  Cookies  "})
    assert response.status_code == 200
    assert response.context["search_query"] == "Cookies"
    assert response.context["result_count"] == 1
    assert "1 resultaat voor “Cookies”" in response.content.decode()
    client.get("/zoeken/", {"q": "cookies"})
    logged = Query.objects.get(query_string="cookies")
    assert logged.hits == 2


def test_a_search_is_logged_without_the_personal_data_typed_into_it(demo_site, client):
    response = client.get("/zoeken/", {"q": "spreekuur bellen 06-12345678"})
    assert response.context["search_query"] == "spreekuur bellen 06-12345678"  # shown as typed
    assert list(Query.objects.values_list("query_string", flat=True)) == ["spreekuur bellen [phone]"]


def test_empty_search_shows_the_form_and_logs_nothing(demo_site, client):
    response = client.get("/zoeken/")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()
    assert not Query.objects.exists()


def test_search_without_results_says_so(demo_site, client):
    response = client.get("/zoeken/", {"q": "xylofoonbouwers"})
    assert response.status_code == 200
    assert response.context["result_count"] == 0
    assert "Niets gevonden" in response.content.decode()


def test_search_leaves_out_drafts_and_private_pages(site_home, client):
    StandardPageFactory(parent=site_home, title="Lotgenotencontact open")
    draft = StandardPageFactory(parent=site_home, title="Lotgenotencontact concept")
    draft.unpublish()
    response = client.get("/zoeken/", {"q": "Lotgenotencontact"})
    titles = [page.title for page in response.context["search_results"]]
    assert titles == ["Lotgenotencontact open"]


@pytest.mark.parametrize("page_number", ["abc", "-1", "9999", ""])
def test_bad_page_numbers_fall_back_to_a_valid_page(demo_site, client, page_number):
    response = client.get("/zoeken/", {"q": "kanker", "page": page_number})
    assert response.status_code == 200


def test_overlong_query_is_cut_not_refused(demo_site, client):
    response = client.get("/zoeken/", {"q": "kanker " * 200})
    assert response.status_code == 200
    assert len(response.context["search_query"]) <= 200


def test_search_results_are_paginated(site_home, client, settings):
    settings.SEARCH_RESULTS_PER_PAGE = 2
    for number in range(5):
        StandardPageFactory(parent=site_home, title=f"Wandelgroep {number}")
    first = client.get("/zoeken/", {"q": "Wandelgroep"})
    last = client.get("/zoeken/", {"q": "Wandelgroep", "page": 3})
    assert len(first.context["search_results"]) == 2
    assert len(last.context["search_results"]) == 1
    assert "q=Wandelgroep&amp;page=2" in first.content.decode()


def test_editors_promotions_come_first(demo_site, client):
    page = Page.objects.get(slug="toegankelijkheidsverklaring")
    SearchPromotion.objects.create(query=Query.get("voorlezen"), page=page, description="Zo is de site te gebruiken.")
    html = client.get("/zoeken/", {"q": "voorlezen"}).content.decode()
    assert "Aanbevolen" in html
    assert "Zo is de site te gebruiken." in html


def test_search_rejects_post(demo_site, client):
    assert client.post("/zoeken/", {"q": "agenda"}).status_code == 405


@pytest.mark.postgres
def test_postgresql_search_stems_dutch_words(site_home, client, settings):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("Dutch stemming needs PostgreSQL's full-text search")
    StandardPageFactory(parent=site_home, title="Wandelingen door het bos")
    titles = [page.title for page in client.get("/zoeken/", {"q": "wandeling"}).context["search_results"]]
    assert titles == ["Wandelingen door het bos"]


def test_a_nul_byte_in_the_query_is_dropped(demo_site, client):
    # PostgreSQL refuses a NUL byte in a query; the search must not turn that into an error page.
    response = client.get("/zoeken/", {"q": "agen\x00da"})

    assert response.status_code == 200
    assert 'href="/agenda/"' in response.content.decode()
