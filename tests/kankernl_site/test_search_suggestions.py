"""'Bedoelde u: ...?': the words a suggestion is made from, and the suggestion itself."""

from kankernl_site.search_suggestions import suggest, title_words


def test_title_words_are_distinct_lower_case_words_of_four_letters_or_more_most_frequent_first():
    words = title_words(["Wandelen in Utrecht", "Wandelen in Zwolle", "Yoga", "Lotgenoten 2027"])

    assert words == ["wandelen", "lotgenoten", "utrecht", "yoga", "zwolle"]


def test_an_unknown_word_is_replaced_by_the_closest_known_one():
    known = ["wandelen", "wandelgroep", "vermoeidheid", "utrecht"]

    assert suggest(["wandelem"], known) == "wandelen"
    assert suggest(["vermoeidhied", "utrecht"], known) == "vermoeidheid utrecht"


def test_no_suggestion_when_every_word_is_known_or_nothing_is_close():
    known = ["wandelen", "utrecht"]

    assert suggest(["wandelen"], known) == ""
    assert suggest(["xylofoon"], known) == ""
    assert suggest(["de"], known) == ""  # too short to guess at
