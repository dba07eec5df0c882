"""Site search results say what they are, with an activity's next date and centre and a marked
snippet; centres and places are found; a search without results offers the agenda and a suggestion."""

import re

import pytest
from django.core.cache import cache

from tests.agenda_pages.conftest import agenda, english_agenda  # noqa: F401 (fixtures)
from tests.agenda_pages.public.test_agenda_page import (  # noqa: F401 (fixtures)
    NOW,
    at,
    centres,
    clock,
    make_event,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(agenda, centres):  # noqa: F811
    make_event(
        centres["utrecht"],
        "Wandelgroep",
        [at(20), at(24), at(1, month=12)],  # the 20th has passed: the next date is the 24th
        description="<p>Elke week samen een uur <strong>wandelen</strong> in het park.</p>",
        venue_name="Park Lepelenburg",
    )
    make_event(centres["zwolle"], "Yoga", [at(25)], address="Thorbeckegracht 1, Zwolle")


def results(html: str) -> list[str]:
    """Each result as its text, on one line."""
    items = re.findall(r'<li class="search-result[^"]*">(.*?)</li>', html, re.S)
    return [" ".join(re.sub(r"<[^>]+>", " ", item).split()) for item in items]


def test_an_activity_says_what_it_is_with_its_next_date_centre_and_a_marked_snippet(client, events):
    html = client.get("/zoeken/", {"q": "wandelen"}).content.decode()

    assert results(html) == [
        "Activiteit Wandelgroep Volgende datum: dinsdag 24 november 2026, 10:00 Inloophuis De Boei, Utrecht "
        "Elke week samen een uur wandelen in het park."
    ]
    assert "samen een uur <mark>wandelen</mark> in het park" in html


def test_in_english_a_result_says_what_it_is_in_english(client, english_agenda):  # noqa: F811
    html = client.get("/en/search/", {"q": "agenda"}).content.decode()

    assert results(html) == ["Page Agenda All activities."]
    assert "<mark>Agenda</mark>" in html


def test_centres_are_found_by_name_and_place_and_activities_by_their_address(client, events):
    by_place = results(client.get("/zoeken/", {"q": "Zwolle"}).content.decode())
    by_name = results(client.get("/zoeken/", {"q": "Boei"}).content.decode())

    assert sorted(item.split()[0] for item in by_place) == ["Activiteit", "Centrum"]
    assert any(item.startswith("Centrum Centrum Het Baken Zwolle") for item in by_place)
    assert any(item.startswith("Activiteit Yoga") for item in by_place)  # its address is in Zwolle
    assert by_name == ["Centrum Inloophuis De Boei Utrecht"]


@pytest.mark.parametrize(("word", "title"), [("lepelenburg", "Wandelgroep"), ("thorbeckegracht", "Yoga")])
def test_an_activity_is_found_by_its_venue_and_address(client, events, word, title):
    assert results(client.get("/zoeken/", {"q": word}).content.decode())[0].startswith(f"Activiteit {title}")


def test_nothing_found_offers_the_agenda_with_the_words_and_a_suggestion(client, events):
    cache.clear()

    html = client.get("/zoeken/", {"q": "wandelgroeb"}).content.decode()

    assert "Niets gevonden" in html
    assert 'Bedoelde u: <a href="?q=wandelgroep">wandelgroep</a>?' in html
    assert 'href="/agenda/?q=wandelgroeb"' in html


def test_the_search_page_has_one_search_box(client, events):
    html = client.get("/zoeken/", {"q": "wandelen"}).content.decode()
    other = client.get("/agenda/").content.decode()

    assert html.count('role="search"') == 1
    assert 'id="site-search-q"' not in html
    assert 'id="site-search-q"' in other  # elsewhere the header's box is there


def test_the_search_works_as_a_plain_form(client, events):
    html = client.get("/zoeken/").content.decode()

    assert re.search(r'<form class="search-form" action="/zoeken/" method="get"', html)


@pytest.mark.parametrize("activities", [2, 6])
def test_queries_do_not_grow_with_the_results(client, agenda, centres, activities, django_assert_num_queries):  # noqa: F811
    for number in range(activities):
        make_event(centres["utrecht" if number % 2 else "zwolle"], f"Wandelgroep {number}", [at(24 + number % 5)])
    client.get("/zoeken/", {"q": "wandelgroep"})  # routes and sites cached, as after the first visitor

    # The search and its log (9: locale, query, its daily hits read and raised, its result count
    # (usage.recording.record_search), promotions, view restrictions, count, the page of results),
    # the results described (3: the events as their own
    # type, their next dates, their centres) and the site frame (6).
    with django_assert_num_queries(QUERIES_WITH_RESULTS):
        response = client.get("/zoeken/", {"q": "wandelgroep"})

    assert len(response.context["results"]) == activities


def test_queries_of_a_search_without_results(client, events, django_assert_num_queries):
    client.get("/zoeken/", {"q": "wandelgroeb"})  # the words of the titles now cached

    # The search and its log (8: no page of results to read), the agenda to offer (1) and the site frame (6).

    with django_assert_num_queries(QUERIES_WITHOUT_RESULTS):
        client.get("/zoeken/", {"q": "wandelgroeb"})


QUERIES_WITH_RESULTS = 18
QUERIES_WITHOUT_RESULTS = 15
