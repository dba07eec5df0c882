"""Events as iCalendar (RFC 5545): "add to my calendar" on an event page, and the agenda feeds.

Pure: builds from the attributes of pages and occurrences the caller has already loaded (no queries,
no request, no clock), so a feed of many events reuses :func:`occurrence_vevent` per date. Times are
written in UTC, which every calendar app reads without a VTIMEZONE; all-day dates are local dates in
Europe/Amsterdam with an exclusive DTEND, as RFC 5545 asks.

A series with a rhythm (:mod:`agenda_pages.rhythm`) is one VEVENT with a repeat rule instead: 52
separate entries are 52 things to remove again from a phone's calendar. Its times are local, with
the Europe/Amsterdam VTIMEZONE, so "every Tuesday at 10:00" stays at 10:00 across daylight saving.
"""

import functools
import re
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vRecur

from agenda_pages.rhythm import Rhythm, RhythmKind, rhythm_of
from agenda_pages.sanitize import plain_text
from agenda_pages.vocabulary import AMSTERDAM, AttendanceMode, OccurrenceStatus

PRODID = "-//Centra voor leven met en na kanker//Agenda//NL"
MAX_DESCRIPTION_CHARS = 10_000

# RFC 5545 TEXT holds no control characters but the tab (a line break is written as "\\n"); a feed
# or a script may still have put one in a title, and some calendar apps then drop the whole file.
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")

# Where one line of rich text ends and the next begins.
_LINE_BREAK = re.compile(r"<br\s*/?>|</(?:p|li|ol|ul|h[1-6])>", re.IGNORECASE)


# A feed writes one event's description once for each of its dates, one event after the other.
@functools.lru_cache(maxsize=64)
def plain_description(html: str, max_length: int = MAX_DESCRIPTION_CHARS) -> str:
    """Rich text as plain text: no tags or entities, one line per paragraph or list item."""
    lines = (plain_text(line, max_length) for line in _LINE_BREAK.split(html or ""))
    return "\n".join(line for line in lines if line)[:max_length]


def ical_text(value: str) -> str:
    """``value`` without the control characters iCalendar text may not hold (newlines stay)."""
    return _CONTROL_CHARACTERS.sub("", (value or "").replace("\r\n", "\n"))


def all_day_span(occurrence) -> tuple[date, date]:
    """The first day and the day after the last day (exclusive) of an all-day occurrence, in Amsterdam."""
    first_day = occurrence.start.astimezone(AMSTERDAM).date()
    end_day = occurrence.end.astimezone(AMSTERDAM).date() if occurrence.end else first_day
    if end_day <= first_day:
        end_day = first_day + timedelta(days=1)
    return first_day, end_day


def _is_web_url(value: str) -> bool:
    return value.startswith(("https://", "http://"))


def event_location(page) -> str:
    """The venue and address on one line; the meeting link for an online-only event."""
    location = ", ".join(part for part in (page.venue_name, page.address) if part)
    if not location and page.attendance_mode == AttendanceMode.ONLINE and _is_web_url(page.online_url):
        return page.online_url
    return location


def utc_stamp(moment: datetime) -> str:
    return f"{moment.astimezone(UTC):%Y%m%dT%H%M%SZ}"


def occurrence_uid(occurrence, host: str) -> str:
    """Stable per date, so importing the file again updates the date instead of adding it twice.

    Built from the event and the date's start rather than the row's id: an import rewrites an event's
    date rows whenever any of its dates change, and the untouched dates must keep their UIDs.
    """
    return f"event-{occurrence.page_id}-{utc_stamp(occurrence.start)}@{host}"


def series_uid(page, host: str) -> str:
    return f"event-{page.pk}-series@{host}"


def occurrence_vevent(occurrence, page, *, url: str, host: str, now: datetime, location: str | None = None) -> Event:
    """One VEVENT for one date of ``page`` (an EventPage or anything with its attributes).

    ``url`` is the event page's full URL, ``host`` the site's host name (for the UID), ``now`` the
    DTSTAMP. ``location`` replaces the page's own venue and address when given.
    """
    vevent = Event()
    vevent.add("uid", occurrence_uid(occurrence, host))
    vevent.add("dtstamp", now.astimezone(UTC))
    vevent.add("summary", ical_text(occurrence.title_override or page.title))
    if occurrence.all_day:
        first_day, end_day = all_day_span(occurrence)
        vevent.add("dtstart", first_day)
        vevent.add("dtend", end_day)
    else:
        vevent.add("dtstart", occurrence.start.astimezone(UTC))
        if occurrence.end:
            vevent.add("dtend", occurrence.end.astimezone(UTC))
    _describe(vevent, page, url=url, location=location)
    vevent.add("status", "CANCELLED" if occurrence.status == OccurrenceStatus.CANCELLED else "CONFIRMED")
    return vevent


def series_vevent(
    page,
    occurrences,
    *,
    url: str,
    host: str,
    now: datetime,
    location: str | None = None,
    cancelled_as_exdates: bool = True,
):
    """One VEVENT with a repeat rule for all of ``occurrences``, with the dates left out or cancelled as
    EXDATEs; None when the dates have no rhythm, no shared time of day, or a date with its own title.

    With ``cancelled_as_exdates=False`` only the missing dates are EXDATEs: a cancelled date stays an
    instance of the rule, for the caller to override with :func:`cancelled_instance_vevent` (a
    subscription must tell a guest the date is off, not just make it vanish)."""
    occurrences = list(occurrences)
    rhythm = rhythm_of(occurrences, AMSTERDAM)
    all_day = all(occurrence.all_day for occurrence in occurrences)
    if (
        rhythm is None
        or not rhythm.repeats
        or not (all_day or rhythm.start_time)
        or any(occurrence.title_override for occurrence in occurrences)
    ):
        return None
    first, last = occurrences[0], occurrences[-1]
    vevent = Event()
    vevent.add("uid", series_uid(page, host))
    vevent.add("dtstamp", now.astimezone(UTC))
    vevent.add("summary", ical_text(page.title))
    if all_day:
        first_day, end_day = all_day_span(first)
        vevent.add("dtstart", first_day)
        vevent.add("dtend", end_day)
        until = all_day_span(last)[0]
        exdates = list(_excluded_days(rhythm, occurrences, cancelled_as_exdates))
    else:
        start = first.start.astimezone(AMSTERDAM)
        vevent.add("dtstart", start)
        if first.end:
            vevent.add("dtend", first.end.astimezone(AMSTERDAM))
        until = last.start.astimezone(UTC)  # UTC, as RFC 5545 asks when DTSTART has a time zone
        excluded = _excluded_days(rhythm, occurrences, cancelled_as_exdates)
        exdates = [datetime.combine(day, start.timetz()) for day in excluded]
    vevent.add("rrule", _rule(rhythm, until))
    if exdates:
        vevent.add("exdate", exdates)
    _describe(vevent, page, url=url, location=location)
    vevent.add("status", "CONFIRMED")
    return vevent


def _excluded_days(rhythm: Rhythm, occurrences, cancelled_too: bool) -> list[date]:
    if cancelled_too:
        return list(rhythm.exceptions)
    cancelled = {
        occurrence.start.astimezone(AMSTERDAM).date()
        for occurrence in occurrences
        if occurrence.status == OccurrenceStatus.CANCELLED
    }
    return [day for day in rhythm.exceptions if day not in cancelled]


def cancelled_instance_vevent(occurrence, page, *, url: str, host: str, now: datetime) -> Event:
    """The cancelled date of a repeating VEVENT (:func:`series_vevent` with ``cancelled_as_exdates=False``)
    as an override of that one instance: the series' UID, the instance's start as RECURRENCE-ID (in the
    same form as the series' DTSTART) and STATUS:CANCELLED, so a calendar app shows it as called off."""
    vevent = Event()
    vevent.add("uid", series_uid(page, host))
    vevent.add("dtstamp", now.astimezone(UTC))
    if occurrence.all_day:
        first_day, end_day = all_day_span(occurrence)
        vevent.add("recurrence-id", first_day)
        vevent.add("dtstart", first_day)
        vevent.add("dtend", end_day)
    else:
        start = occurrence.start.astimezone(AMSTERDAM)
        vevent.add("recurrence-id", start)
        vevent.add("dtstart", start)
        if occurrence.end:
            vevent.add("dtend", occurrence.end.astimezone(AMSTERDAM))
    vevent.add("summary", ical_text(page.title))
    vevent.add("url", url)
    vevent.add("status", "CANCELLED")
    return vevent


_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def _rule(rhythm: Rhythm, until) -> vRecur:
    if rhythm.kind == RhythmKind.DAILY:
        return vRecur(freq="DAILY", until=until)
    if rhythm.kind == RhythmKind.WEEKLY:
        return vRecur(freq="WEEKLY", interval=rhythm.interval, byday=_WEEKDAYS[rhythm.weekday], until=until)
    if rhythm.kind == RhythmKind.MONTHLY_WEEKDAY:
        return vRecur(freq="MONTHLY", byday=f"{rhythm.ordinal}{_WEEKDAYS[rhythm.weekday]}", until=until)
    return vRecur(freq="MONTHLY", bymonthday=rhythm.day, until=until)


def _describe(vevent: Event, page, *, url: str, location: str | None) -> None:
    location = event_location(page) if location is None else location
    if location:
        vevent.add("location", ical_text(location))
    vevent.add("url", url)
    # The meeting link of an online event, then the event page, after the text: where to go next.
    links = (
        [page.online_url] if page.attendance_mode != AttendanceMode.IN_PERSON and _is_web_url(page.online_url) else []
    )
    paragraphs = [plain_description(page.description), "\n".join([*links, url])]
    vevent.add("description", ical_text("\n\n".join(paragraph for paragraph in paragraphs if paragraph)))


def amsterdam_vtimezone() -> Timezone:
    """Europe/Amsterdam as the yearly rule of the EU (since 1996: summer time from the last Sunday of
    March to the last Sunday of October). icalendar can write the zone as a list of every change
    instead, which ical.js, and so calendar apps built on it, read wrongly after the first change."""
    zone = Timezone()
    zone.add("tzid", "Europe/Amsterdam")
    for kind, name, start, offsets, month in (
        (TimezoneDaylight, "CEST", datetime(1996, 3, 31, 2), (1, 2), 3),
        (TimezoneStandard, "CET", datetime(1996, 10, 27, 3), (2, 1), 10),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("dtstart", start)
        part.add("tzoffsetfrom", timedelta(hours=offsets[0]))
        part.add("tzoffsetto", timedelta(hours=offsets[1]))
        part.add("rrule", {"freq": "YEARLY", "bymonth": month, "byday": "-1SU"})
        zone.add_component(part)
    return zone


def new_calendar(name: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def event_calendar(page, occurrences, *, url: str, host: str, now: datetime, location: str | None = None) -> Calendar:
    """A calendar with ``occurrences``, which the caller selects (upcoming and not withdrawn:
    :meth:`EventPage.upcoming_occurrences`): one repeating VEVENT for a series with a rhythm, else
    one VEVENT per date."""
    calendar = new_calendar(page.title)
    series = series_vevent(page, occurrences, url=url, host=host, now=now, location=location)
    if series is not None:
        calendar.add_component(amsterdam_vtimezone())
        calendar.add_component(series)
        return calendar
    for occurrence in occurrences:
        calendar.add_component(occurrence_vevent(occurrence, page, url=url, host=host, now=now, location=location))
    return calendar
