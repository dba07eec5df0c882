"""Opening hours typed by an editor, read where they can be and kept as written where not."""

from datetime import time

import pytest

from agenda_pages.opening_hours import OpeningLine, parse_opening_hours


@pytest.mark.parametrize(
    ("line", "days", "hours"),
    [
        ("dinsdag 10:00-16:00", (1,), ((time(10), time(16)),)),
        ("Maandag 10-16 uur", (0,), ((time(10), time(16)),)),
        ("woensdag en donderdag 10.00 - 12.30 uur", (2, 3), ((time(10), time(12, 30)),)),
        ("maandag t/m vrijdag 9:30-17:00", (0, 1, 2, 3, 4), ((time(9, 30), time(17)),)),
        ("Ma, wo en vr: 10:00-12:00 en 13:00-16:00", (0, 2, 4), ((time(10), time(12)), (time(13), time(16)))),
        ("zaterdag tot en met zondag 11:00 tot 15:00", (5, 6), ((time(11), time(15)),)),
        ("Tuesday 10:00-24:00", (1,), ((time(10), time(23, 59)),)),
    ],
)
def test_lines_in_the_usual_forms_are_read(line, days, hours):
    assert parse_opening_hours(line) == [OpeningLine(line, days, hours)]


def test_a_closed_day_is_read_as_closed():
    assert parse_opening_hours("Zaterdag: gesloten") == [OpeningLine("Zaterdag: gesloten", (5,), closed=True)]


@pytest.mark.parametrize(
    "line",
    [
        "In de schoolvakanties op afspraak",
        "dinsdag",  # no hours
        "dinsdag 16:00-10:00",  # closes before it opens
        "dinsdag 25:00-26:00",
        "vrijdag t/m maandag 9-17",  # a range over the weekend: said in words, not guessed
        "maart 10-12",
    ],
)
def test_other_lines_are_kept_as_written(line):
    (read,) = parse_opening_hours(line)
    assert not read.understood
    assert read.text == line


def test_blank_lines_are_skipped_and_the_order_kept():
    lines = parse_opening_hours("\n  dinsdag 10-16\n\nOp afspraak ook 's avonds \n")
    assert [line.text for line in lines] == ["dinsdag 10-16", "Op afspraak ook 's avonds"]
    assert [line.understood for line in lines] == [True, False]
