"""``<agenda>/ical/``: the selection as an iCalendar subscription (RFC 5545).

Built with the event page's own pieces (``public.ics``), so each entry has the UID of its "add to my
calendar": an activity whose matching dates have a rhythm is one repeating VEVENT, any other date a
VEVENT of its own. A cancelled date of a series is an override of that one instance (same UID,
RECURRENCE-ID, STATUS:CANCELLED) rather than an EXDATE: a guest must see that it is off, not find
it gone.
"""

from datetime import UTC, datetime, timedelta

from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header, http_date
from icalendar import Calendar, vDuration

from agenda_pages.public.ics import (
    amsterdam_vtimezone,
    cancelled_instance_vevent,
    new_calendar,
    occurrence_vevent,
    series_vevent,
)
from agenda_pages.vocabulary import OccurrenceStatus

from .content import FeedContent, load_feed
from .selection import read_selection

# How often a calendar app should fetch the subscription again. Cancellations are what a guest most
# needs in time; the page cache serves the repeats cheaply. (Google Calendar keeps its own pace.)
REFRESH_INTERVAL = timedelta(hours=4)
# SEQUENCE counts seconds since then: it must be a whole number that grows with each change.
SEQUENCE_EPOCH = datetime(2026, 1, 1, tzinfo=UTC)


def sequence_number(changed_at: datetime | None) -> int:
    """A date's SEQUENCE: the seconds from ``SEQUENCE_EPOCH`` to the last change of its page (see
    ``content``), so every published change and every import that cancels or withdraws a date raises
    it, without a counter to store. Fits RFC 5545's integer (32 bits) until 2094."""
    if changed_at is None:
        return 0
    return max(0, int((changed_at - SEQUENCE_EPOCH).total_seconds()))


def subscription_calendar(content: FeedContent, name: str) -> Calendar:
    """The calendar of ``content`` (pure: no queries, no clock). DTSTAMP is each page's last change,
    not the time of the request, so an unchanged selection gives the same bytes (and ETag)."""
    calendar = new_calendar(name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    # An X- property has no known type: written as a duration explicitly (Outlook reads this one).
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    vevents, repeating = [], False
    for event in content.events:
        stamp = event.changed_at or SEQUENCE_EPOCH
        options = {"url": event.url, "host": content.host, "now": stamp}
        series = series_vevent(
            event.page, event.occurrences, location=event.location or None, cancelled_as_exdates=False, **options
        )
        if series is not None:
            repeating = True
            cancelled = [date for date in event.occurrences if date.status == OccurrenceStatus.CANCELLED]
            entries = [series, *(cancelled_instance_vevent(date, event.page, **options) for date in cancelled)]
        else:
            location = event.location or None
            entries = [occurrence_vevent(date, event.page, location=location, **options) for date in event.occurrences]
        for vevent in entries:
            vevent.add("sequence", sequence_number(event.changed_at))
            if event.changed_at:
                vevent.add("last-modified", event.changed_at.astimezone(UTC))
        vevents += entries
    if repeating:
        calendar.add_component(amsterdam_vtimezone())
    for vevent in vevents:
        calendar.add_component(vevent)
    return calendar


def ical_feed(page, request) -> HttpResponse:
    """The responder of ``AgendaIndexPage``'s ``ical/`` route."""
    now = timezone.now()
    selection = read_selection(page.title, request.GET, now)
    content = load_feed(selection, page, request, now)
    response = HttpResponse(
        subscription_calendar(content, selection.name).to_ical(), content_type="text/calendar; charset=utf-8"
    )
    # Shown inline, not downloaded: this address is meant to be subscribed to. The name is for a
    # browser that saves it anyway.
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=f"{page.slug}.ics")
    response["Last-Modified"] = http_date(content.last_modified.timestamp())
    response["X-Robots-Tag"] = "noindex"
    return response
