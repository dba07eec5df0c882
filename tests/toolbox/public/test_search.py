"""The toolbox search (``/toolbox/zoeken/``): filters with counts that combine, words that find the
good-practice facts and tags, marked snippets, counted result links, one log entry per search, the
zero-result state, the English tree and hostile input."""

import re
from datetime import date

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query

from home.demo import ensure_translation
from home.models import HomePage
from kankernl_site.page_cache import local_pages
from tests.toolbox.factories import make_index, make_item, make_topic_page
from tests.usage.conftest import BROWSER
from toolbox.models import ToolboxIndexPage, ToolboxTopicPage
from usage.models import PageViewDay, ResultClickDay

pytestmark = pytest.mark.django_db

SEARCH = "/toolbox/zoeken/"


def titles(response) -> list[str]:
    return [result.item.title for result in response.context["results"]]


def counts(response) -> dict[str, dict[str, int]]:
    return {facet.name: {o.value: o.count for o in facet.options} for facet in response.context["facets"]}


def test_filters_alone_list_the_matching_items_with_counts_for_each_value(client, searchable):
    response = client.get(SEARCH, {"topic": "financiering"})

    assert response.status_code == 200
    assert titles(response) == ["MDO bekostigen", "Subsidie aanvragen", "Verdeelsleutel ziekenhuizen"]
    assert response.context["result_count"] == 3
    assert counts(response) == {
        "topic": {"financiering": 3, "mdo": 2},  # a facet's own counts leave its own choice out
        "kind": {"good_practice": 1, "tip": 1, "tool": 1},
        "audience": {"bestuurder": 2, "coordinator": 1},
        "region": {"landelijk": 1, "gelderland": 1, "limburg": 1},
    }


def test_values_of_one_filter_widen_and_filters_narrow_each_other(client, searchable):
    either = client.get(SEARCH, {"topic": ["financiering", "mdo"]})
    both = client.get(SEARCH, {"topic": "mdo", "kind": ["tip", "background"], "audience": "bestuurder"})

    assert len(titles(either)) == 4
    assert titles(both) == ["MDO bekostigen"]
    assert counts(both)["kind"] == {"tip": 1, "background": 0}  # under topic mdo and the board; chosen stays
    assert counts(both)["audience"] == {"bestuurder": 1, "coordinator": 2}
    assert counts(both)["topic"] == {"financiering": 1, "mdo": 1}


def test_each_chosen_filter_can_be_removed_by_a_link(client, searchable):
    html = client.get(SEARCH, {"q": "overleg", "topic": "mdo", "kind": "tip"}).content.decode()

    chosen = html[html.index('class="toolbox-chosen"') :]
    assert 'href="?q=overleg&amp;kind=tip"' in chosen  # without the topic
    assert 'href="?q=overleg&amp;topic=mdo"' in chosen  # without the kind
    assert f'href="{SEARCH}?q=overleg"' in html  # clear all filters, keep the words
    assert 'name="topic" value="mdo" checked' in html


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("verdeelsleutel", ["Verdeelsleutel ziekenhuizen"]),  # the title
        ("ziekenhuizen kosten", ["Verdeelsleutel ziekenhuizen"]),  # every word, here in title and summary
        ("klein", ["Verdeelsleutel ziekenhuizen"]),  # the lessons of a good practice
        ("oost", ["Verdeelsleutel ziekenhuizen"]),  # its network
        ("begroting", ["Verdeelsleutel ziekenhuizen"]),  # a tag
        ("vergoeding", ["MDO bekostigen"]),
        ("vergoeding sjabloon", []),
    ],
)
def test_words_are_found_in_titles_summaries_good_practice_facts_and_tags(client, searchable, query, found):
    assert titles(client.get(SEARCH, {"q": query})) == found


def test_words_and_filters_combine(client, searchable):
    response = client.get(SEARCH, {"q": "overleg", "kind": "tip"})

    assert titles(response) == ["MDO bekostigen"]
    assert counts(response)["kind"] == {"good_practice": 1, "tip": 1}  # "overleg" in both


def test_a_result_shows_why_it_was_found(client, searchable):
    html = client.get(SEARCH, {"q": "klein"}).content.decode()

    assert "Begin <mark>klein</mark> met financieren van het overleg." in html
    assert "Goed voorbeeld" in html and "Voor: Bestuurder" in html and "Gelderland" in html

    by_title = client.get(SEARCH, {"q": "verdeelsleutel"}).content.decode()
    assert "<mark>Verdeelsleutel</mark> ziekenhuizen</a>" in by_title
    assert "Hoe vier ziekenhuizen de kosten delen." in by_title  # the summary says what it is

    by_tag = client.get(SEARCH, {"q": "begroting"}).content.decode()
    assert re.search(r"(Tags|Trefwoorden): <mark>begroting</mark>", by_tag)  # "Trefwoorden" once translated


@pytest.mark.postgres
def test_on_postgresql_dutch_words_are_found_by_their_stem(client, searchable):
    if connection.vendor != "postgresql":
        pytest.skip("Dutch stemming needs PostgreSQL's full-text search")
    # The Dutch snowball stemmer makes "financier" of both "financiering" and "financieren".
    response = client.get(SEARCH, {"q": "financiering"})

    assert titles(response) == ["Verdeelsleutel ziekenhuizen"]
    assert "<mark>financie</mark>ren" in response.content.decode()  # the snippet shows where


@pytest.mark.parametrize(
    "params",
    [
        {"q": '"'},
        {"q": "*"},
        {"q": 'mdo" OR *'},
        {"q": "(verdeel NEAR sleutel"},
        {"q": "mdo " * 2000},
        {"q": "mdo", "topic": "bestaat-niet", "kind": "<script>", "page": "abc"},
        {"page": "99999"},
        {"topic": ["mdo"] * 500},
    ],
)
def test_hostile_input_answers_as_a_search(client, searchable, params):
    response = client.get(SEARCH, params)

    assert response.status_code == 200
    assert "<script>" not in response.content.decode()


def test_unknown_filter_values_are_ignored(client, searchable):
    plain = client.get(SEARCH, {"q": "overleg"})
    odd = client.get(SEARCH, {"q": "overleg", "topic": "bestaat-niet", "region": "mars"})

    assert titles(odd) == titles(plain) == ["MDO bekostigen", "Verdeelsleutel ziekenhuizen"]
    assert odd.context["active_filters"] == []


def test_a_search_without_words_but_with_punctuation_finds_nothing_and_fails_nothing(client, searchable):
    response = client.get(SEARCH, {"q": "*** ???"})
    assert response.status_code == 200
    assert response.context["result_count"] == 0


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_a_search_is_logged_once_not_once_per_page(client, topic_page):
    for n in range(12):
        make_item(topic_page, f"Overleg {n}", intro="Over het regionaal overleg.")

    client.get(SEARCH, {"q": "Overleg", "kind": "tip"})
    client.get(SEARCH, {"q": "Overleg", "kind": "tip", "page": "2"})  # paging on: the same search

    logged = Query.objects.get()
    assert logged.query_string == "overleg"
    assert logged.hits == 1
    assert logged.outcome_days.get().results == 12


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_a_search_is_logged_without_personal_data(client, searchable):
    response = client.get(SEARCH, {"q": "overleg jan@example.org 06-12345678"})

    assert response.context["selection"].query == "overleg jan@example.org 06-12345678"  # shown as typed
    assert list(Query.objects.values_list("query_string", flat=True)) == ["overleg [email] [phone]"]
    assert "example" not in response.context["results"][0].url if response.context["results"] else True


def test_the_page_cache_stores_no_logged_search(client, searchable, settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    local_pages.clear()
    responses = [client.get(SEARCH, {"q": "overleg"}) for _ in range(2)]
    assert Query.objects.get().hits == 2  # the second one reached the view and was counted too
    assert all("private" in response["Cache-Control"] for response in responses)
    # Filters alone log nothing: such a page may be stored like the overview.
    assert "private" not in client.get(SEARCH, {"topic": "mdo"}).get("Cache-Control", "")
    local_pages.clear()


def test_a_search_without_words_is_not_logged(client, searchable):
    client.get(SEARCH, {"topic": "mdo"})
    assert not Query.objects.exists()


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_following_a_result_counts_a_click_for_the_term(client, searchable):
    client.defaults["HTTP_USER_AGENT"] = BROWSER  # a visitor's browser, not a robot
    result = client.get(SEARCH, {"q": "Verdeelsleutel"}).context["results"][0]

    assert result.url.startswith("/r/?to=")
    response = client.get(result.url)

    assert response.status_code == 302 and response["Location"] == searchable["key"].url
    click = ResultClickDay.objects.get()
    assert (click.term, click.page_id, click.day) == ("verdeelsleutel", searchable["key"].pk, date(2026, 3, 2))


def test_paging_keeps_the_words_and_filters(client, topic_page):
    for n in range(12):
        make_item(topic_page, f"Overleg {n:02}", intro="Over het regionaal overleg.")

    first = client.get(SEARCH, {"q": "overleg", "topic": "financiering"})
    second = client.get(SEARCH, {"q": "overleg", "topic": "financiering", "page": "2"})

    assert len(titles(first)) == 10 and len(titles(second)) == 2
    assert 'href="?q=overleg&amp;topic=financiering&amp;page=2"' in first.content.decode()
    assert set(titles(first)).isdisjoint(titles(second))


@time_machine.travel("2026-03-02 10:00 +01:00", tick=False)
def test_nothing_found_offers_to_remove_each_filter_with_its_results_and_the_most_read(client, searchable):
    PageViewDay.objects.create(page=searchable["privacy"], day=date(2026, 3, 1), views=7)
    PageViewDay.objects.create(page=searchable["grant"], day=date(2026, 2, 1), views=3)

    response = client.get(SEARCH, {"q": "overleg", "topic": "mdo", "kind": "background"})
    html = response.content.decode()

    assert response.context["result_count"] == 0
    assert "Niets gevonden met deze woorden en filters." in html or "Nothing found" in html
    widen = html[html.index('class="toolbox-widen"') :]
    widen = " ".join(re.sub(r"<[^>]+>", " ", widen[: widen.index("</ul>")]).split())
    # Without the topic: "overleg" in a background item? none. Without the kind: the tip about the MDO.
    assert re.search(r"“MDO en expertpanels”\s*: 0", widen)
    assert re.search(r"“Achtergrond”\s*: 1", widen)
    assert re.search(r"“overleg”\s*: 1", widen)  # the filters without the words: the privacy item
    most_read = html[html.index('id="toolbox-most-used"') :]
    assert most_read.index("Privacy bij het MDO") < most_read.index("Subsidie aanvragen")
    assert "/r/?to=" in most_read


def test_words_that_find_nothing_show_the_most_read(client, searchable):
    PageViewDay.objects.create(page=searchable["grant"], day=timezone.localdate(), views=1)
    html = client.get(SEARCH, {"q": "xylofoon"}).content.decode()
    assert 'id="toolbox-most-used"' in html and "Subsidie aanvragen" in html


@pytest.fixture
def english_toolbox(demo_site, locales):
    home = HomePage.objects.get(depth=2, locale=locales["nl"])
    index = make_index(home)
    topic_page = make_topic_page(index)
    en = locales["en"]
    index_en = ensure_translation(
        index, home.get_translation(en), ToolboxIndexPage(title="Network toolbox", slug="toolbox"), en
    )[0]
    topic_en = ToolboxTopicPage(title="Financing forms", slug="financing-forms", topic=topic_page.topic)
    ensure_translation(topic_page, index_en, topic_en, en)
    return topic_page, index_en


def test_the_english_search_finds_the_dutch_items(client, english_toolbox):
    topic_page, index_en = english_toolbox
    item = make_item(topic_page, "MDO bekostigen", intro="Zo regelt u de vergoeding.")

    response = client.get(f"{index_en.url}zoeken/", {"q": "vergoeding", "topic": "financiering"})
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="en"' in html and "Search the toolbox" in html
    assert titles(response) == ["MDO bekostigen"]
    assert re.search(r'<a href="/r/\?to=[^"]+" lang="nl">MDO bekostigen</a>', html)
    # The counted link leads to the Dutch item with the English interface around it.
    assert client.get(response.context["results"][0].url)["Location"] == f"/en{item.url}"


def test_the_overview_and_topic_pages_have_a_search_box(client, toolbox_index, topic_page):
    overview = client.get(toolbox_index.url).content.decode()
    topic = client.get(topic_page.url).content.decode()

    assert f'action="{SEARCH}"' in overview and f'href="{SEARCH}"' in overview
    assert f'action="{SEARCH}"' in topic
    assert '<input type="hidden" name="topic" value="financiering">' in topic


def test_search_results_set_no_cookie(client, searchable):
    for params in ({"q": "overleg", "topic": "mdo"}, {"q": "xylofoon"}, {}):
        response = client.get(SEARCH, params)
        assert response.status_code == 200
        assert "Set-Cookie" not in response.headers and not response.cookies


def test_the_search_only_answers_reading(client, searchable):
    assert client.post(SEARCH, {"q": "mdo"}).status_code == 405
