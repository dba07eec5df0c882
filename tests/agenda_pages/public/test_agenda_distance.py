"""Near a postcode or place: each date on location says how far it is, and online activities, which
anyone can follow from anywhere, are shown in a group of their own instead of being left out."""

import re

import pytest

from tests.agenda_pages.public.test_agenda_page import (  # noqa: F401 (fixtures)
    at,
    centres,
    clock,
    listed_titles,
    make_event,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(agenda, centres):  # noqa: F811
    make_event(centres["utrecht"], "Wandelen", [at(24)])
    make_event(centres["zwolle"], "Schilderen", [at(25)], mode="mixed")
    make_event(centres["maastricht"], "Online lotgenotengroep", [at(26, 19), at(3, 19, month=12)], mode="online")
    make_event(centres["zwolle"], "Online yoga", [at(27)], mode="online")
    return agenda


def online_group(html: str) -> str:
    found = re.search(r'<section class="agenda-online".*?</section>', html, re.S)
    return found.group(0) if found else ""


def distances(html: str) -> list[str]:
    return re.findall(r'<span class="occurrence__distance">([^<]+)</span>', html)


def test_online_activities_get_their_own_group_near_a_place(client, events):
    response = client.get("/agenda/?near=3512&radius=25")

    html = response.content.decode()
    main, _, _ = html.partition('<section class="agenda-online"')
    assert listed_titles(response) == ["Wandelen", "Online lotgenotengroep", "Online yoga"]  # each once
    assert "Online lotgenotengroep" not in main
    group = online_group(html)
    assert "Online, overal te volgen" in group
    assert "2 online activiteiten, 3 data." in group
    assert 'Binnen 25 km van 3512 Utrecht. <a href="#agenda-online-heading">Naar de 2 online activiteiten</a>' in html


def test_each_date_on_location_says_how_far_it_is(client, events):
    html = client.get("/agenda/?near=3512&radius=150").content.decode()

    main = html.partition('<section class="agenda-online"')[0]
    assert distances(main) == [
        "op minder dan 1 km afstand",
        "op 81 km afstand",
    ]  # Utrecht, Zwolle (mixed counts as on location)
    assert distances(online_group(html)) == []  # online: no distance
    assert distances(client.get("/agenda/").content.decode()) == []  # no place asked: no distance


def test_near_amsterdam_online_finds_the_online_activities(client, events):
    response = client.get("/agenda/?near=Amsterdam&mode=online")

    html = response.content.decode()
    assert listed_titles(response) == ["Schilderen", "Online lotgenotengroep", "Online yoga", "Online lotgenotengroep"]
    assert "Online activiteiten zijn overal te volgen; de afstand telt daarvoor niet." in html
    assert online_group(html) == ""
    assert distances(html) == []


def test_in_person_only_near_a_place_has_no_online_group(client, events):
    response = client.get("/agenda/?near=3512&radius=25&mode=in-person")

    assert listed_titles(response) == ["Wandelen"]
    assert online_group(response.content.decode()) == ""


def test_the_online_group_keeps_the_other_filters_and_links_to_all_of_them(client, agenda, centres):  # noqa: F811
    for day in range(24, 31):
        make_event(centres["maastricht"], f"Online groep {day}", [at(day, 20)], mode="online", themes=["praten"])
    make_event(centres["zwolle"], "Online yoga", [at(24, 21)], mode="online", themes=["bewegen"])

    html = client.get("/agenda/?near=3512&theme=praten").content.decode()

    group = online_group(html)
    assert re.findall(r"Online groep \d+", group) == [f"Online groep {day}" for day in range(24, 29)]  # the first 5
    assert "Online yoga" not in group
    assert "7 online activiteiten." in group
    assert (
        'href="/agenda/?theme=praten&amp;near=3512&amp;radius=25&amp;mode=online">Toon alle online activiteiten</a>'
        in group
    )
    assert "Geen activiteiten op locatie binnen 25 km van 3512 Utrecht. Kies een grotere afstand" in html


def test_the_online_group_is_on_the_first_page_only(client, agenda, centres):  # noqa: F811
    for hour in range(25):
        make_event(centres["utrecht"], f"Inloop {hour}", [at(24, 0) + (at(24, 1) - at(24, 0)) * hour])
    make_event(centres["zwolle"], "Online yoga", [at(27)], mode="online")

    assert "Online yoga" in online_group(client.get("/agenda/?near=3512").content.decode())
    assert online_group(client.get("/agenda/?near=3512&page=2").content.decode()) == ""


def test_the_online_group_costs_the_same_queries_for_few_or_many_online_dates(
    client,
    agenda,
    centres,  # noqa: F811
    django_assert_num_queries,
):
    def add_online(count, first=0):
        for number in range(first, first + count):
            make_event(centres["zwolle"], f"Online {number}", [at(24, 20), at(25, 20)], mode="online")

    make_event(centres["utrecht"], "Wandelen", [at(24)])
    add_online(3)
    client.get("/agenda/?near=3512")  # warm Wagtail's per-process caches
    # 20 of the plain agenda, the centres in range, and for the group its counts, activities, their
    # next dates, themes, centres and series.
    with django_assert_num_queries(27):
        client.get("/agenda/?near=3512")
    add_online(40, first=3)
    with django_assert_num_queries(27):
        response = client.get("/agenda/?near=3512")
    assert "43 online activiteiten, 86 data." in online_group(response.content.decode())
