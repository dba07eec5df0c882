"""Opening hours as an editor types them, one line per day or group of days:

    dinsdag 10:00-16:00
    woensdag en donderdag 10.00 - 12.30 uur
    maandag t/m vrijdag 9-17
    zaterdag gesloten

A text field is what an editor (and a CSV cell) finds easiest; this module reads it so the page can
show days and hours in words and give search engines schema.org opening hours. A line it cannot
read ("in de schoolvakanties op afspraak") is kept as written and shown as such, never dropped.
Pure: text in, frozen dataclasses out; the words are the public pages' business.
"""

import re
from dataclasses import dataclass
from datetime import time

_DAYS = {
    name: number
    for number, names in enumerate(
        (
            ("maandag", "ma", "monday", "mon"),
            ("dinsdag", "di", "tuesday", "tue"),
            ("woensdag", "wo", "wednesday", "wed"),
            ("donderdag", "do", "thursday", "thu"),
            ("vrijdag", "vr", "friday", "fri"),
            ("zaterdag", "za", "saturday", "sat"),
            ("zondag", "zo", "sunday", "sun"),
        )
    )
    for name in names
}
_DAY = r"(?:" + "|".join(sorted(_DAYS, key=len, reverse=True)) + r")\.?"
_THROUGH = r"\s*(?:t/m|tot\s+en\s+met|through|to|-|\u2013)\s*"
_AND = r"\s*(?:,|\ben\b|\band\b|&)\s*"
_DAYS_PART = rf"(?P<days>{_DAY}(?:{_THROUGH}{_DAY}|(?:{_AND}{_DAY})*))"
_TIME = r"\d{1,2}(?:[:.]\d{2})?"
_RANGE = rf"{_TIME}\s*(?:-|\u2013|tot|to)\s*{_TIME}"
_HOURS_PART = rf"(?P<hours>{_RANGE}(?:{_AND}{_RANGE})*)\s*(?:uur|u\.?)?|(?P<closed>gesloten|closed)"
_LINE = re.compile(rf"^{_DAYS_PART}\s*:?\s*(?:{_HOURS_PART})\s*\.?$", re.IGNORECASE)


@dataclass(frozen=True)
class OpeningLine:
    """One line of opening hours. ``days`` (Monday is 0) and ``hours`` are empty when the line could
    not be read; ``hours`` is also empty on a day the centre is closed (``closed``)."""

    text: str
    days: tuple[int, ...] = ()
    hours: tuple[tuple[time, time], ...] = ()
    closed: bool = False

    @property
    def understood(self) -> bool:
        return bool(self.days)


def _time(value: str) -> time | None:
    hour, _, minute = value.replace(".", ":").partition(":")
    hour, minute = int(hour), int(minute or 0)
    if hour == 24 and minute == 0:
        return time(23, 59)
    return time(hour, minute) if hour < 24 and minute < 60 else None


def _days(text: str) -> tuple[int, ...]:
    names = [_DAYS[name.lower()] for name in re.findall(_DAY.removesuffix(r"\.?"), text, re.IGNORECASE)]
    if re.search(_THROUGH + _DAY, text, re.IGNORECASE) and len(names) == 2:
        first, last = names
        return tuple(range(first, last + 1)) if first <= last else ()
    return tuple(dict.fromkeys(names))


def _hours(text: str) -> tuple[tuple[time, time], ...] | None:
    ranges = []
    for opens, closes in re.findall(rf"({_TIME})\s*(?:-|\u2013|tot|to)\s*({_TIME})", text, re.IGNORECASE):
        start, end = _time(opens), _time(closes)
        if start is None or end is None or end <= start:
            return None
        ranges.append((start, end))
    return tuple(ranges)


def parse_line(line: str) -> OpeningLine:
    text = " ".join(line.split())
    match = _LINE.match(text)
    if not match:
        return OpeningLine(text)
    days = _days(match["days"])
    if match["closed"]:
        return OpeningLine(text, days, closed=True) if days else OpeningLine(text)
    hours = _hours(match["hours"])
    return OpeningLine(text, days, hours) if days and hours else OpeningLine(text)


def parse_opening_hours(text: str) -> list[OpeningLine]:
    """Every non-blank line of ``text``, read where it can be."""
    return [parse_line(line) for line in text.splitlines() if line.strip()]
