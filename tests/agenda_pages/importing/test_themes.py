"""A feed's categories and an event's words as our themes: the pure rules of ``importing.themes``
and the mapping stage that applies them."""

from datetime import datetime

import pytest

from agenda_pages.importing.mapping import map_event
from agenda_pages.importing.themes import ThemeRule, ThemeRules, normalise, read_categories, suggest_themes
from agenda_pages.importing.types import AMSTERDAM, ParsedEvent, ParsedOccurrence
from agenda_pages.vocabulary import AttendanceMode

THEMES = (
    ThemeRule(
        "bewegen", ("bewegen", "Bewegen en sport", "Exercise and sport"), ("wandel", "yoga", "fiets", "tai chi")
    ),
    ThemeRule("creatief", ("creatief", "Creatief", "Creative"), ("schilder", "koor")),
    ThemeRule("lotgenotencontact", ("lotgenotencontact", "Lotgenotencontact", "Peer support"), ("lotgeno",)),
    ThemeRule("vermoeidheid", ("vermoeidheid", "Vermoeidheid", "Fatigue"), ("vermoeid", "moe")),
)
RULES = ThemeRules(THEMES)


def event(**fields) -> ParsedEvent:
    start = datetime(2026, 12, 8, 10, tzinfo=AMSTERDAM)
    return ParsedEvent(
        uid="x@example",
        title=fields.pop("title", "Activiteit"),
        occurrences=(ParsedOccurrence(start, None),),
        **fields,
    )


def test_text_is_compared_without_case_accents_or_punctuation():
    assert normalise("  Crëatief -Atelier!") == "creatief atelier"
    assert normalise("ZWEMMEN") == "zwemmen"


@pytest.mark.parametrize(
    ("category", "themes"),
    [
        ("Bewegen", ("bewegen",)),  # the slug
        ("bewegen en sport", ("bewegen",)),  # the Dutch name
        ("Exercise and sport", ("bewegen",)),  # the English name
        ("Wandelen", ("bewegen",)),  # a keyword at the start of a word
        ("Nordic wandeling", ("bewegen",)),
        ("Tai Chi", ("bewegen",)),
        ("Breien", ()),  # unknown: dropped
        ("", ()),
    ],
)
def test_a_category_is_a_theme_by_its_name_or_a_keyword(category, themes):
    assert RULES.for_category(category) == themes


def test_a_keyword_matches_only_at_the_start_of_a_word():
    assert RULES.matching("Samen wandelen") == ("bewegen",)
    assert RULES.matching("Overwandelen") == ()  # "wandel" inside a word is not a match
    assert RULES.matching("Moestuin") == ("vermoeidheid",)  # a keyword is a word start: choose them with care


def test_the_sources_own_mapping_comes_first():
    rules = ThemeRules(THEMES, category_map={"beweging": ("bewegen",), "wandelen": ("lotgenotencontact",)})
    assert rules.for_category("Beweging") == ("bewegen",)
    assert rules.for_category("WANDELEN") == ("lotgenotencontact",)  # the centre's meaning, not the keyword's


def test_online_and_relatives_are_not_themes_but_mode_and_audience():
    read = read_categories(("Online", "Naasten", "Lotgenotencontact", "Nabestaanden"), RULES)
    assert read.themes == ("lotgenotencontact",)
    assert read.online is True
    assert read.audience == ("bereaved", "relatives")


def test_default_themes_are_added_to_the_categories():
    rules = ThemeRules(THEMES, default_themes=("creatief",))
    assert read_categories(("Wandelen",), rules).themes == ("bewegen", "creatief")


def test_themes_are_suggested_from_title_and_description():
    assert suggest_themes("Yoga en fietsen", "", RULES) == ("bewegen",)
    assert suggest_themes("Avond", "Voor wie moe is: praten met lotgenoten", RULES) == (
        "lotgenotencontact",
        "vermoeidheid",
    )
    assert suggest_themes("Koffie", "", RULES) == ()


def test_mapping_applies_categories_and_suggests_only_without_them():
    mapped = map_event(event(title="Wandelgroep", categories=("Creatief", "online")), rules=RULES)
    assert mapped.themes == ("creatief",)
    assert mapped.suggested_themes == ()
    assert mapped.attendance_mode == AttendanceMode.ONLINE  # "online" is how to take part

    suggested = map_event(event(title="Wandelgroep", description="<p>Daarna <b>schilderen</b></p>"), rules=RULES)
    assert suggested.themes == ()
    assert suggested.suggested_themes == ("bewegen", "creatief")
    assert "themes" in suggested.snapshot() and "suggested_themes" not in suggested.snapshot()


def test_the_category_online_with_a_place_is_in_person_and_online():
    mapped = map_event(event(categories=("Online",), venue_name="Inloophuis De Boei"), rules=RULES)
    assert mapped.attendance_mode == AttendanceMode.MIXED


def test_an_audience_from_the_categories_is_part_of_the_snapshot_only_when_there_is_one():
    with_audience = map_event(event(categories=("Naasten",)), rules=RULES)
    without = map_event(event(), rules=RULES)
    assert with_audience.audience == ("relatives",)
    assert with_audience.snapshot()["audience"] == ["relatives"]
    assert "audience" not in without.snapshot()  # the hash of every other event stays as it was
