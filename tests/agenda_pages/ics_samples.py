"""Small iCalendar feeds for the importer's tests: three events of one centre, in Dutch time."""

from datetime import UTC, datetime

# The moment the tests import at: the samples' dates lie in the weeks after it.
NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def vevent(uid, summary, start, *, end=None, rrule="", status="", description="", url="", dtstamp="20261101T000000Z"):
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{dtstamp}",
        f"SUMMARY:{summary}",
        f"DTSTART;TZID=Europe/Amsterdam:{start}",
        f"DTEND;TZID=Europe/Amsterdam:{end or start[:9] + '235900'}",
    ]
    if rrule:
        lines.append(f"RRULE:{rrule}")
    if status:
        lines.append(f"STATUS:{status}")
    if description:
        lines.append(f"DESCRIPTION:{description}")
    if url:
        lines.append(f"URL:{url}")
    return "\r\n".join([*lines, "END:VEVENT"])


def cancelled(event: str) -> str:
    """The same event, now with ``STATUS:CANCELLED``: what a centre's feed says when it calls it off."""
    return event.replace("\r\nEND:VEVENT", "\r\nSTATUS:CANCELLED\r\nEND:VEVENT")


def calendar(*events: str) -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Inloophuis//NL", *events, "END:VCALENDAR", ""]
    return "\r\n".join(lines).encode()


WALK = vevent("walk@inloophuis.example", "Wandelgroep", "20261201T100000", end="20261201T113000")
YOGA = vevent("yoga@inloophuis.example", "Yoga", "20261203T140000", end="20261203T150000", rrule="FREQ=WEEKLY;COUNT=4")
TALK = vevent("talk@inloophuis.example", "Lotgenotencontact", "20261205T190000", end="20261205T210000")
