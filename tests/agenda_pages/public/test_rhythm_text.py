from datetime import date, time

import pytest
from django.utils import translation

from agenda_pages.public.rhythm_text import rhythm_text
from agenda_pages.rhythm import Rhythm, RhythmKind

TODAY = date(2026, 12, 6)


def weekly(**fields) -> Rhythm:
    values = {
        "kind": RhythmKind.WEEKLY,
        "first": date(2026, 12, 8),
        "last": date(2027, 11, 30),
        "count": 52,
        "weekday": 1,
        "start_time": time(10),
        "end_time": time(11, 30),
    }
    return Rhythm(**{**values, **fields})


@pytest.mark.parametrize(
    "rhythm, dutch, english",
    [
        (
            weekly(),
            "Elke dinsdag, 10:00\N{EN DASH}11:30 (vanaf 8 december)",
            "Every Tuesday, 10:00\N{EN DASH}11:30 (from 8 December)",
        ),
        (
            weekly(exceptions=(date(2026, 12, 29),)),
            "Elke dinsdag, 10:00\N{EN DASH}11:30 (vanaf 8 december, niet op 29 december)",
            "Every Tuesday, 10:00\N{EN DASH}11:30 (from 8 December, not on 29 December)",
        ),
        (
            weekly(interval=2, start_time=None, end_time=None, last=date(2027, 2, 2), count=5),
            "Om de week op dinsdag (8 december tot en met 2 februari 2027)",
            "Every other week on Tuesday (8 December to 2 February 2027)",
        ),
        (
            weekly(exceptions=tuple(date(2027, 1, day) for day in (5, 12, 19, 26)), end_time=None),
            "Elke dinsdag, 10:00 (vanaf 8 december, niet op 5 januari 2027, 12 januari 2027, 19 januari 2027 "
            "en 1 andere datum)",
            "Every Tuesday, 10:00 (from 8 December, not on 5 January 2027, 12 January 2027, 19 January 2027 "
            "and 1 other date)",
        ),
        (
            weekly(kind=RhythmKind.MONTHLY_WEEKDAY, weekday=0, ordinal=1, start_time=None, end_time=None),
            "Elke eerste maandag van de maand (vanaf 8 december)",
            "Every first Monday of the month (from 8 December)",
        ),
        (
            weekly(kind=RhythmKind.MONTHLY_WEEKDAY, weekday=4, ordinal=-1, start_time=None, end_time=None),
            "Elke laatste vrijdag van de maand (vanaf 8 december)",
            "Every last Friday of the month (from 8 December)",
        ),
        (
            Rhythm(RhythmKind.DATES, date(2027, 1, 5), date(2027, 1, 26), 3),
            "Op 3 data in januari 2027",
            "On 3 dates in January 2027",
        ),
        (
            Rhythm(RhythmKind.DATES, date(2026, 12, 10), date(2027, 3, 2), 4, start_time=time(19, 30)),
            "Op 4 data van 10 december tot en met 2 maart 2027, 19:30",
            "On 4 dates from 10 December to 2 March 2027, 19:30",
        ),
    ],
)
def test_the_rhythm_in_one_line(rhythm, dutch, english):
    with translation.override("nl"):
        assert rhythm_text(rhythm, TODAY) == dutch
    with translation.override("en"):
        assert rhythm_text(rhythm, TODAY) == english
