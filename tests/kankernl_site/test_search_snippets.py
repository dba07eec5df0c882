"""The snippet under a search result: the words marked, cut around the first one, always escaped."""

from kankernl_site.search_snippets import marked, plain_text, snippet


def test_the_searched_words_are_marked_in_any_case_and_inside_longer_words():
    assert marked("Wandelgroep in het park", ["wandel", "PARK"]) == (
        "<mark>Wandel</mark>groep in het <mark>park</mark>"
    )


def test_the_text_is_escaped_and_so_are_the_marked_words():
    assert marked("<b>Koffie & thee</b>", ["&"]) == "&lt;b&gt;Koffie <mark>&amp;</mark> thee&lt;/b&gt;"


def test_a_short_text_is_shown_whole():
    assert snippet("Samen wandelen.", ["wandelen"]) == "Samen <mark>wandelen</mark>."


def test_a_long_text_is_cut_at_a_space_around_the_first_word_found():
    text = " ".join(["woord"] * 60) + " vermoeidheid " + " ".join(["slot"] * 60)

    piece = snippet(text, ["vermoeidheid"], length=80)

    assert piece.startswith("… woord")
    assert piece.endswith("slot …")
    assert "<mark>vermoeidheid</mark>" in piece
    assert len(piece.replace("<mark>", "").replace("</mark>", "")) <= 80 + 4


def test_without_a_match_the_text_starts_from_the_beginning():
    assert snippet("Een huiskamer voor iedereen " * 20, ["xyz"], length=40) == "Een huiskamer voor iedereen Een …"


def test_rich_text_is_read_as_plain_text():
    assert plain_text("<p>Koffie &amp; thee</p><p>Daarna</p>") == "Koffie & thee Daarna"
