"""What each agenda page shows: the context its template gets, and the event's calendar file.

The page models hand their requests here through ``kankernl_site.registries`` (see ``register()``), so
everything a page shows is decided in this one place and the models import none of it.
"""

import re
from dataclasses import dataclass, replace
from datetime import timedelta
from urllib.parse import quote, urlencode, urljoin, urlsplit

import nh3
from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from wagtail.rich_text import expand_db_html

from agenda_pages.models import AgendaIndexPage, CentreIndexPage, CentrePage, EventPage
from agenda_pages.models.events import AttendanceMode
from agenda_pages.opening_hours import parse_opening_hours
from agenda_pages.public import filters
from agenda_pages.public.centre_profile import centre_activities, opening_hours_rows
from agenda_pages.public.ics import (
    all_day_span,
    event_calendar,
    new_calendar,
    occurrence_vevent,
    plain_description,
    utc_stamp,
)
from agenda_pages.public.jsonld import centre_jsonld, event_jsonld, jsonld_script
from agenda_pages.public.listing import agenda_listing
from agenda_pages.public.occurrences import local_zone
from agenda_pages.public.rhythm_text import rhythm_text
from agenda_pages.rhythm import rhythm_of
from agenda_pages.sanitize import ALLOWED_TAGS, ALLOWED_URL_SCHEMES, DROPPED_WITH_CONTENT, plain_text
from kankernl_site import registries
from kankernl_site.absolute_urls import page_full_url
from kankernl_site.fragments import cached_fragment
from kankernl_site.language import interface_url

EVENT_DETAIL_TEMPLATE = "agenda_pages/includes/event_detail.html"
CENTRE_PHOTO_SPEC = "fill-960x540-c100"


# --- small helpers shared by the pages -------------------------------------------------------------


def phone_uri(phone: str) -> str:
    """``030 - 123 45 67`` -> ``tel:0301234567``; ``+31 (0)30 123 45 67`` -> ``tel:+31301234567``
    (the "(0)" is dialled only from within the country); "" when there are no digits."""
    number = re.sub(r"(?!^\+)[^0-9]", "", phone.replace("(0)", "").strip())
    return f"tel:{number}" if number.lstrip("+") else ""


def map_url(address: str) -> str:
    """A search on OpenStreetMap: a link, not an embedded third-party map."""
    return "https://www.openstreetmap.org/search?" + urlencode({"query": address}) if address else ""


def web_url(value: str) -> str:
    """``value`` when it is an http(s) address, else "": a feed or an old row may hold anything,
    and a ``javascript:`` link must never become a link."""
    value = value.strip()
    return value if urlsplit(value).scheme.lower() in ("http", "https") else ""


def share_links(title: str, url: str) -> dict[str, str]:
    return {
        "whatsapp": "https://wa.me/?text=" + quote(f"{title} {url}", safe=""),
        "email": f"mailto:?subject={quote(title, safe='')}&body={quote(url, safe='')}",
    }


def venue(event: EventPage, centre: CentrePage | None) -> tuple[str, str]:
    """The venue's name and address. When the event names neither and takes place (also) in
    person, it is the centre's own building, where most activities are held."""
    if event.venue_name or event.address or event.attendance_mode == AttendanceMode.ONLINE or centre is None:
        name, address = event.venue_name, event.address
        # An iCalendar LOCATION is one line, "Inloophuis De Boei, Oudegracht 12, Utrecht": its first
        # part is also the venue's name, which is then shown once.
        if name and address.startswith(f"{name},"):
            address = address[len(name) + 1 :].strip()
        return name, address
    return centre.title, centre.full_address


def description_html(event: EventPage) -> str:
    """The description as HTML, cleaned once more on the way out: rich text is shown as stored,
    and rows written outside the editor (imports, scripts) must not bring scripts or
    ``javascript:`` links onto the page."""
    html = nh3.clean(
        expand_db_html(event.description),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "rel"}},
        url_schemes=ALLOWED_URL_SCHEMES,
        clean_content_tags=DROPPED_WITH_CONTENT,
        link_rel=None,
    )
    return mark_safe(html)  # cleaned by nh3 above


# --- the pages -------------------------------------------------------------------------------------


def agenda_context(page: AgendaIndexPage, request, context: dict) -> dict:
    context["listing"] = agenda_listing(page, request, page_size=page.PAGE_SIZE)
    return context


def centre_index_context(page: CentreIndexPage, request, context: dict) -> dict:
    form = filters.CentreFilterForm(request.GET)
    chosen = form.filters  # province, near and radius only
    parent = page.centres_parent()
    centres = CentrePage.objects.live().matching(chosen).child_of(parent).order_by("title", "pk").within(chosen)
    nearest = None
    if chosen.near and not centres:  # "0 centres" helps nobody: name the nearest, however far
        nearest = CentrePage.objects.live().matching(replace(chosen, near=None)).child_of(parent).nearest(chosen.near)
    context.update(
        nearest=nearest,
        form=form.shown(),
        centres=centres,
        result_count=len(centres),
        filters=chosen,
        filter_messages=form.messages,
        near_value=form.typed_place,
    )
    return context


def centre_context(page: CentrePage, request, context: dict) -> dict:
    now = timezone.now()
    url = page_full_url(page, request) or request.build_absolute_uri()
    website = web_url(page.website)
    rendition = page.photo.get_rendition(CENTRE_PHOTO_SPEC) if page.photo else None
    opening_lines = parse_opening_hours(page.opening_hours)
    context.update(
        activities=centre_activities(page, now),
        this_year=timezone.localdate(now).year,
        agenda_page=AgendaIndexPage.for_active_language(),
        map_url=map_url(page.full_address),
        phone_uri=phone_uri(page.phone),
        website=website,
        opening_hours=opening_hours_rows(opening_lines),
        photo=rendition,
        structured_data=jsonld_script(
            centre_jsonld(
                page,
                url=url,
                website=website,
                image_url=urljoin(url, rendition.url) if rendition else "",
                opening_lines=opening_lines,
            )
        ),
    )
    return context


@dataclass(frozen=True)
class RenderedEvent:
    body: str  # safe HTML
    meta_description: str
    structured_data: str  # safe HTML: a <script type="application/ld+json"> element, or ""


def event_context(page: EventPage, request, context: dict) -> dict:
    """The page's body, description and structured data, rendered once per content version
    (``kankernl_site.fragments``): most of what a request for the page costs."""
    context["detail"] = cached_fragment(
        request, "event-detail", (page.pk,), lambda: _render_event(page, request, context)
    )
    return context


def _render_event(page: EventPage, request, context: dict) -> RenderedEvent:
    detail = event_detail(page, request)
    return RenderedEvent(
        body=mark_safe(render_to_string(EVENT_DETAIL_TEMPLATE, {**context, **detail}, request=request)),
        meta_description=detail["meta_description"],
        structured_data=detail["structured_data"],
    )


def event_detail(page: EventPage, request) -> dict:
    """What the event page shows, in the same number of queries however many dates, themes and
    audiences the event has: the centre, the dates, the themes and the audiences once each."""
    now = timezone.now()
    centre = page.centre()
    occurrences = page.upcoming_occurrences(now)
    url = page_full_url(page, request) or request.build_absolute_uri()
    venue_name, address = venue(page, centre)
    online_url = web_url(page.online_url) if page.attendance_mode != AttendanceMode.IN_PERSON else ""
    registration_url = web_url(page.registration_url)
    rendition = page.image.get_rendition("width-1200") if page.image_id else None
    centre_url = interface_url(centre.get_url(request)) if centre and centre.live else ""
    centre_website = web_url(centre.website) if centre else ""
    page_path = page.get_url(request)
    agenda = AgendaIndexPage.for_active_language()
    themes = sorted(page.themes.all(), key=lambda theme: theme.label)
    return {
        "agenda_url": agenda.get_url(request) if agenda else "",
        "agenda_title": agenda.title if agenda else "",
        "centre": centre,
        "centre_url": centre_url,
        "centre_website": centre_website,
        "centre_phone_url": phone_uri(centre.phone) if centre else "",
        # "Where" already gave the centre's address when the activity is held there.
        "centre_address_shown": bool(centre) and address == centre.full_address,
        **_date_lines(occurrences, now, page_path + page.reverse_subpage("calendar") if page_path else ""),
        "calendar_url": page_path + page.reverse_subpage("calendar") if page_path and occurrences else "",
        "description_html": description_html(page),
        "themes": themes,
        "audiences": [str(audience) for audience in page.audience.all()],
        "venue_name": venue_name,
        "venue_address": address,
        "map_url": map_url(address),
        "online_url": online_url,
        "registration_url": registration_url,
        "rendition": rendition,
        "page_url": url,
        "share_links": share_links(page.title, url),
        "meta_description": page.search_description or plain_text(plain_description(page.description), 160),
        "structured_data": jsonld_script(
            event_jsonld(
                page,
                occurrences,
                url=url,
                organizer_name=centre.title if centre else "",
                organizer_url=centre_website or (page_full_url(centre, request) if centre_url else ""),
                venue_name=venue_name,
                address=address,
                online_url=online_url,
                registration_url=registration_url,
                image_url=urljoin(url, rendition.url) if rendition else "",
                themes=tuple(theme.label for theme in themes),
            )
        )
        if occurrences
        else "",
    }


NEXT_DATES = 5  # the dates shown before "all dates"; a weekly group has 52 and "Where" comes after them


def _date_lines(occurrences, now, calendar_path: str) -> dict:
    """A series' rhythm in one line, its next dates, and the rest of its dates (behind a disclosure).
    Each line is (date, last day of an all-day date that spans several days, the calendar file of
    that date alone: offered when the whole is one repeating entry)."""
    several = len(occurrences) > 1 and calendar_path
    lines = [
        (occurrence, _last_day(occurrence), f"{calendar_path}{utc_stamp(occurrence.start)}/" if several else "")
        for occurrence in occurrences
    ]
    rhythm = rhythm_of(occurrences, local_zone())
    # A list of a few dates says it all; a rhythm, or a long list, gets its summary line.
    summarise = rhythm is not None and (rhythm.repeats or len(lines) > NEXT_DATES)
    return {
        "rhythm_line": rhythm_text(rhythm, now.astimezone(local_zone()).date()) if summarise else "",
        "date_lines": lines[:NEXT_DATES],
        "more_date_lines": lines[NEXT_DATES:],
        "date_count": len(lines),
    }


def _last_day(occurrence):
    if not occurrence.all_day:
        return None
    first_day, end_day = all_day_span(occurrence)
    last_day = end_day - timedelta(days=1)
    return last_day if last_day > first_day else None


def event_calendar_file(page: EventPage, request, start: str = "") -> HttpResponse:
    """The upcoming dates of the event as an iCalendar file, for "add to my calendar": the series as
    one repeating entry where it has a rhythm; with ``start`` (UTC, as in the date's UID) that date alone."""
    now = timezone.now()
    url = page_full_url(page, request)
    location = ", ".join(part for part in venue(page, page.centre()) if part)
    occurrences = page.upcoming_occurrences(now)
    # The UIDs keep the Site's host name, whatever address the visitor used: a calendar that
    # imports the file again must recognise the entries it has.
    host = urlsplit(page.get_full_url(request)).hostname
    filename = f"{page.slug}.ics"
    if start:
        occurrences = [occurrence for occurrence in occurrences if utc_stamp(occurrence.start) == start]
        if not occurrences:
            raise Http404("No upcoming date of this event starts then.")
        filename = f"{page.slug}-{start[:8]}.ics"
        calendar = new_calendar(page.title)
        only = occurrence_vevent(occurrences[0], page, url=url, host=host, now=now, location=location or None)
        calendar.add_component(only)
    else:
        calendar = event_calendar(page, occurrences, url=url, host=host, now=now, location=location or None)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["X-Robots-Tag"] = "noindex"
    return response


def register() -> None:
    """Called once from ``AgendaPagesConfig.ready``."""
    registries.register_presenter(AgendaIndexPage, agenda_context)
    registries.register_presenter(CentreIndexPage, centre_index_context)
    registries.register_presenter(CentrePage, centre_context)
    registries.register_presenter(EventPage, event_context)
    registries.register_responder(EventPage, "calendar", event_calendar_file)
