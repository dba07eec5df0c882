"""Events as iCalendar (RFC 5545): "add to my calendar" on an event page, and the agenda feeds.

Pure: builds from the attributes of pages and occurrences the caller has already loaded (no queries,
no request, no clock), so a feed of many events reuses :func:`occurrence_vevent` per date. Times are
written in UTC, which every calendar app reads without a VTIMEZONE; all-day dates are local dates in
Europe/Amsterdam with an exclusive DTEND, as RFC 5545 asks.
"""

import re
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from agenda_pages.sanitize import plain_text
from agenda_pages.vocabulary import AMSTERDAM, AttendanceMode, OccurrenceStatus

PRODID = "-//Centra voor leven met en na kanker//Agenda//NL"
MAX_DESCRIPTION_CHARS = 10_000

# Where one line of rich text ends and the next begins.
_LINE_BREAK = re.compile(r"<br\s*/?>|</(?:p|li|ol|ul|h[1-6])>", re.IGNORECASE)


def plain_description(html: str, max_length: int = MAX_DESCRIPTION_CHARS) -> str:
    """Rich text as plain text: no tags or entities, one line per paragraph or list item."""
    lines = (plain_text(line, max_length) for line in _LINE_BREAK.split(html or ""))
    return "\n".join(line for line in lines if line)[:max_length]


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


def occurrence_uid(occurrence, host: str) -> str:
    """Stable per date, so importing the file again updates the date instead of adding it twice.

    Built from the event and the date's start rather than the row's id: an import rewrites an event's
    date rows whenever any of its dates change, and the untouched dates must keep their UIDs.
    """
    start = occurrence.start.astimezone(UTC)
    return f"event-{occurrence.page_id}-{start:%Y%m%dT%H%M%SZ}@{host}"


def occurrence_vevent(occurrence, page, *, url: str, host: str, now: datetime, location: str | None = None) -> Event:
    """One VEVENT for one date of ``page`` (an EventPage or anything with its attributes).

    ``url`` is the event page's full URL, ``host`` the site's host name (for the UID), ``now`` the
    DTSTAMP. ``location`` replaces the page's own venue and address when given.
    """
    vevent = Event()
    vevent.add("uid", occurrence_uid(occurrence, host))
    vevent.add("dtstamp", now.astimezone(UTC))
    vevent.add("summary", occurrence.title_override or page.title)
    if occurrence.all_day:
        first_day, end_day = all_day_span(occurrence)
        vevent.add("dtstart", first_day)
        vevent.add("dtend", end_day)
    else:
        vevent.add("dtstart", occurrence.start.astimezone(UTC))
        if occurrence.end:
            vevent.add("dtend", occurrence.end.astimezone(UTC))
    location = event_location(page) if location is None else location
    if location:
        vevent.add("location", location)
    vevent.add("url", url)
    # The meeting link of an online event, then the event page, after the text: where to go next.
    links = (
        [page.online_url] if page.attendance_mode != AttendanceMode.IN_PERSON and _is_web_url(page.online_url) else []
    )
    paragraphs = [plain_description(page.description), "\n".join([*links, url])]
    vevent.add("description", "\n\n".join(paragraph for paragraph in paragraphs if paragraph))
    vevent.add("status", "CANCELLED" if occurrence.status == OccurrenceStatus.CANCELLED else "CONFIRMED")
    return vevent


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
    """A calendar with one VEVENT per date in ``occurrences``, which the caller selects (upcoming and
    not withdrawn: :meth:`EventPage.upcoming_occurrences`)."""
    calendar = new_calendar(page.title)
    for occurrence in occurrences:
        calendar.add_component(occurrence_vevent(occurrence, page, url=url, host=host, now=now, location=location))
    return calendar
