from datetime import date

import pytest
from django.http import QueryDict
from django.utils import translation

from agenda_pages.public.filters import (
    DEFAULT_RADIUS_KM,
    AgendaFilterForm,
    AgendaFilters,
    CentreFilterForm,
    parse_filters,
)

TODAY = date(2026, 11, 23)
THEMES = {"wandelen": "Wandelen", "yoga": "Yoga"}
CENTRES = {"de-boei": "Inloophuis De Boei", "het-baken": "Centrum Het Baken"}
AUDIENCES = {"patients": "People with cancer", "relatives": "Relatives and friends"}


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def parse(query: str):
    return parse_filters(QueryDict(query), today=TODAY, themes=THEMES, centres=CENTRES, audiences=AUDIENCES)


def test_no_parameters_is_the_unfiltered_agenda():
    parsed = parse("")

    assert parsed.filters == AgendaFilters()
    assert not parsed.filters.is_filtered
    assert parsed.messages == []
    assert parsed.page_number == 1


def test_all_parameters_are_read():
    parsed = parse(
        "q=  wandelen   buiten &theme=wandelen&theme=yoga&audience=patients&centre=de-boei&centre=het-baken"
        "&province=utrecht&near=3512ab&radius=10&from=2026-12-01&to=2026-12-31&mode=online&page=3"
    )

    filters = parsed.filters
    assert parsed.messages == []
    assert filters.q == "wandelen buiten"
    assert filters.themes == ("wandelen", "yoga")
    assert filters.audience == "patients"
    assert filters.centres == ("de-boei", "het-baken")
    assert filters.province == "Utrecht"
    assert filters.near.label == "3512 Utrecht"
    assert filters.near_text == "3512ab"
    assert filters.radius == 10
    assert (filters.date_from, filters.date_to) == (date(2026, 12, 1), date(2026, 12, 31))
    assert filters.mode == "online"
    assert parsed.page_number == 3
    assert filters.filters_centres


def test_querystring_round_trips():
    parsed = parse("theme=yoga&theme=wandelen&near=Utrecht&radius=50&from=2026-12-01&mode=in-person&q=koffie")

    again = parse(parsed.filters.querystring())

    assert again.filters == parsed.filters
    assert parsed.filters.querystring() == (
        "q=koffie&theme=yoga&theme=wandelen&near=Utrecht&radius=50&from=2026-12-01&mode=in-person"
    )


def test_place_names_resolve_through_the_postcode_data():
    assert parse("near=den haag").filters.near.province == "Zuid-Holland"
    assert parse("near=Groningen").filters.near.place == "Groningen"


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("near=1099", "We do not know the postcode 1099"),
        ("near=12345", "12345 is not a Dutch postcode"),
        ("near=Atlantis", "We do not know the place Atlantis"),
        ("theme=breien", "There is no theme breien"),
        ("centre=elders", "There is no centre elders"),
        ("audience=kinderen", "There is no group kinderen"),
        ("province=Bretagne", "There is no province Bretagne"),
        ("mode=telepathie", "Choose online or in person"),
        ("from=morgen", "morgen is not a date we can read"),
        ("from=2020-01-01", "only shows activities from today on"),
        ("from=2026-12-10&to=2026-12-01", "The end date is before the start date"),
        ("near=3512&radius=-3", "whole number of kilometres"),
        ("near=3512&radius=99999", "whole number of kilometres"),
        ("page=zero", "There is no page zero"),
        ("page=0", "There is no page 0"),
        ("page=²", "There is no page ²"),
        ("near=3512&radius=²", "whole number of kilometres"),
        ("colour=blue", "does not know the setting colour"),
    ],
)
def test_bad_values_are_dropped_with_a_message(query, message):
    parsed = parse(query)

    assert len(parsed.messages) == 1
    assert message in parsed.messages[0]
    assert parsed.page_number == 1


def test_a_date_range_the_wrong_way_round_keeps_its_start():
    parsed = parse("from=2026-12-10&to=2026-12-01")

    assert (parsed.filters.date_from, parsed.filters.date_to) == (date(2026, 12, 10), None)


def test_a_bad_value_keeps_the_good_ones():
    parsed = parse("theme=wandelen&theme=breien&near=3512&radius=abc&mode=online")

    assert parsed.filters.themes == ("wandelen",)
    assert parsed.filters.near.label == "3512 Utrecht"
    assert parsed.filters.radius == DEFAULT_RADIUS_KM
    assert parsed.filters.mode == "online"
    assert len(parsed.messages) == 2


def test_tracking_parameters_are_ignored_silently():
    assert parse("utm_source=nieuwsbrief&fbclid=abc").messages == []


def test_radius_without_a_place_is_ignored():
    assert parse("radius=10").filters == AgendaFilters()


def test_repeated_values_are_capped_and_deduplicated():
    parsed = parse("&".join(["theme=yoga"] * 500))

    assert parsed.filters.themes == ("yoga",)


def test_long_text_is_cut():
    assert len(parse("q=" + "a" * 5000).filters.q) == 100


def test_messages_speak_dutch_on_the_dutch_site():
    with translation.override("nl"):
        parsed = parse("near=Atlantis")

    assert "Atlantis" in parsed.messages[0]
    assert "We do not know" not in parsed.messages[0]


def test_control_characters_are_removed():
    # PostgreSQL refuses a NUL byte in a query; a link must not turn that into an error page.
    parsed = parse("q=wan%00delen%0A&theme=yoga%00")

    assert parsed.filters.q == "wandelen"
    assert parsed.filters.themes == ("yoga",)


def test_both_dates_are_read_before_their_order_is_judged():
    messages = parse("from=2020-01-01&to=morgen").messages

    assert "morgen is not a date we can read" in messages[0]
    assert "only shows activities from today on" in messages[1]


def test_the_shown_agenda_form_holds_what_applies():
    form = AgendaFilterForm(
        QueryDict("near=Atlantis&theme=yoga&theme=breien&province=utrecht&mode=online"),
        today=TODAY,
        themes=THEMES,
        centres=CENTRES,
        audiences=AUDIENCES,
    ).shown()

    assert not form.is_bound
    assert 'name="near" maxlength="100" autocomplete="postal-code"' in str(form["near"])  # no value: dropped
    assert "<option selected>Utrecht</option>" in str(form["province"])
    assert 'value="yoga" checked id="agenda-theme-2"' in str(form["theme"])
    assert 'value="online" checked id="agenda-mode-online"' in str(form["mode"])
    assert 'min="2026-11-23"' in str(form["from"])


def test_the_centre_form_keeps_an_unknown_place_typed_and_ignores_the_agendas_parameters():
    form = CentreFilterForm(QueryDict("near=Atlantis&theme=yoga&page=2"))

    assert form.filters == AgendaFilters()
    assert len(form.messages) == 1
    assert 'name="near" value="Atlantis"' in str(form.shown()["near"])
    assert 'id="centre-near"' in str(form.shown()["near"])
