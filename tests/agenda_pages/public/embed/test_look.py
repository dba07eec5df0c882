"""The host's look for the embed, read within bounds (pure: no database)."""

import pytest
from django.http import QueryDict

from agenda_pages.public.embed.look import (
    DEFAULT_ACCENT,
    EmbedLook,
    contrast_ratio,
    is_readable_accent,
    parse_accent,
    read_look,
)


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#ffffff", 1.0),
        ("#767676", "#ffffff", 4.54),
        ("#6a1b5d", "#ffffff", 10.89),
    ],
)
def test_contrast_ratio_as_wcag_computes_it(first, second, ratio):
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)
    assert contrast_ratio(second, first) == contrast_ratio(first, second)


@pytest.mark.parametrize(
    ("text", "colour"),
    [
        ("1a6b4f", "#1a6b4f"),
        ("#1A6B4F", "#1a6b4f"),
        (" 1a6b4f ", "#1a6b4f"),
        ("1a6b4", None),
        ("1a6b4f0", None),
        ("red", None),
        ("1a6b4f;}body{display:none", None),
        ("#1a6b4f\n}", None),
        ("\uff11a6b4f", None),  # a full-width digit one is not hex
        ("", None),
    ],
)
def test_only_six_hex_digits_are_a_colour(text, colour):
    assert parse_accent(text) == colour


def test_a_colour_needs_aa_contrast_with_white_both_ways():
    assert is_readable_accent("#767676")
    assert not is_readable_accent("#777777")
    assert not is_readable_accent("#ffff00")
    assert is_readable_accent(DEFAULT_ACCENT)


def test_read_look_falls_back_to_ours_for_each_value_on_its_own():
    look = read_look(QueryDict("accent=ffff00&size=large&items=5"))
    assert look == EmbedLook(accent=DEFAULT_ACCENT, size="large", items=5)
    assert look.font_size_px == 21
    assert look.as_params() == [("size", "large"), ("items", "5")]
    assert read_look(QueryDict("")) == EmbedLook()
    assert EmbedLook().as_params() == []
    assert read_look(QueryDict("accent=%23123456&items=20")).as_params() == [("accent", "123456"), ("items", "20")]
