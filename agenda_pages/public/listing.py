"""The agenda page's list: filters read, dates fetched, the list and form rendered, and cached.

Rendering twenty dates with their form is most of what an agenda request costs. The result is kept
per filter set and page (``kankernl_site.fragments``), so a visitor the page cache does not serve
(a logged-in editor, a visitor with cookies) mostly skips both the queries and the rendering.
"""

from dataclasses import dataclass, replace
from datetime import date, datetime
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from agenda_pages.models import Audience, CentrePage, EventOccurrence, Theme
from agenda_pages.models.selection import AgendaFilters
from agenda_pages.public import occurrences
from agenda_pages.public.filters import AgendaFilterForm
from agenda_pages.public.selection_name import selection_name
from agenda_pages.vocabulary import AttendanceMode
from kankernl_site.fragments import cached_fragment

TEMPLATE = "agenda_pages/includes/agenda_listing.html"


@dataclass(frozen=True)
class RenderedListing:
    html: SafeString
    result_count: int  # activities
    page_number: int
    is_filtered: bool
    # The selection as applied and in words ("Agenda: Bewegen en sport"), for what the page offers
    # to take it along (a calendar subscription, a feed).
    filters: AgendaFilters
    selection_name: str


class FilterChoices:
    """What the filter form offers: the themes (with how many upcoming activities carry each), live
    centres, audiences (slug to name)."""

    def __init__(self, now: datetime):
        upcoming = EventOccurrence.objects.public().upcoming(now).values("page_id")
        themes = sorted(Theme.objects.with_activity_counts(upcoming), key=lambda theme: theme.label)
        self.themes = {theme.slug: theme.label for theme in themes}
        self.theme_counts = {theme.slug: theme.activity_count for theme in themes}
        self.centres = dict(CentrePage.objects.live().order_by("title").values_list("slug", "title"))
        self.audiences = {code: str(label) for code, label in Audience.Code.choices}


def agenda_listing(page, request, *, page_size: int) -> RenderedListing:
    query = urlencode(sorted((name, value) for name, values in request.GET.lists() for value in values))
    return cached_fragment(request, "agenda-listing", (page.pk, query), lambda: _render(page, request, page_size))


def _render(page, request, page_size: int) -> RenderedListing:
    now = timezone.now()
    context = listing_context(page, request, now=now, today=timezone.localdate(now), page_size=page_size)
    return RenderedListing(
        html=mark_safe(render_to_string(TEMPLATE, context, request=request)),  # a template's output
        result_count=context["result_count"],
        page_number=context["page_obj"].number,
        is_filtered=context["filters"].is_filtered,
        filters=context["filters"],
        selection_name=selection_name(
            page.title,
            context["filters"],
            themes=context["choices"].themes,
            centres=context["choices"].centres,
            audiences=context["choices"].audiences,
        ),
    )


def listing_context(page, request, *, now: datetime, today: date, page_size: int) -> dict:
    choices = FilterChoices(now)
    form = AgendaFilterForm(
        request.GET,
        today=today,
        themes=choices.themes,
        theme_counts=choices.theme_counts,
        centres=choices.centres,
        audiences=choices.audiences,
    )
    filters = form.filters
    # Near a place, the list is what happens there (with its distance); online activities, which
    # anyone can follow from anywhere, get a group of their own instead of being left out.
    online_apart = filters.distance_applies and not filters.mode
    nearby = replace(filters, mode="in-person") if online_apart else filters
    matches = occurrences.agenda_matches(nearby, now)
    counts = occurrences.agenda_counts(matches)
    page_obj, messages = _page(matches, counts, filters, form, page_size)
    items = _listed(page_obj.object_list, matches, filters)
    if filters.distance_applies:
        with_distances(items, filters.near)
    return {
        "page": page,
        "form": form.shown(),
        "filters": filters,
        "filter_messages": messages,
        "choices": choices,
        "page_obj": page_obj,
        "items": items,
        "result_count": counts.activities,
        "date_count": counts.dates,
        "pagination_query": filters.querystring(),
        "other_view_query": replace(filters, per_activity=not filters.per_activity).querystring(),
        "online": online_group(filters, now) if online_apart and page_obj.number == 1 else None,
    }


def _page(matches, counts, filters, form, page_size: int):
    if filters.per_activity:
        paginator = CountedPaginator(occurrences.agenda_activities(matches), page_size, counts.activities)
    else:
        paginator = CountedPaginator(occurrences.in_agenda_order(matches), page_size, counts.dates)
    messages = form.messages
    number = form.page_number
    if number > paginator.num_pages:
        messages.append(_("There is no page %(page)s; this is the last page.") % {"page": number})
        number = paginator.num_pages
    return paginator.page(number), messages


def _listed(rows, matches, filters) -> list[occurrences.ListedOccurrence]:
    return occurrences.with_details(occurrences.next_dates(rows, matches) if filters.per_activity else rows)


@dataclass(frozen=True)
class OnlineGroup:
    items: list
    counts: occurrences.AgendaCounts
    query: str  # the agenda with only the online activities


ONLINE_GROUP_SIZE = 5


def online_group(filters: AgendaFilters, now: datetime) -> OnlineGroup | None:
    """The first online-only activities matching the other filters, wherever their centre is, each
    once with its next date."""
    online = replace(filters, mode="online")
    matches = occurrences.agenda_matches(online, now).filter(page__attendance_mode=AttendanceMode.ONLINE)
    counts = occurrences.agenda_counts(matches)
    if not counts.dates:
        return None
    # Each activity once: a weekly online group would otherwise fill the five places on its own.
    rows = occurrences.agenda_activities(matches)[:ONLINE_GROUP_SIZE]
    items = occurrences.with_details(occurrences.next_dates(rows, matches))
    return OnlineGroup(items=items, counts=counts, query=online.querystring())


def with_distances(items, near) -> None:
    """Each date's distance from ``near``, to its centre (None where the centre has no place)."""
    for item in items:
        item.distance_km = item.centre.distance_from(near) if item.centre else None


class CountedPaginator(Paginator):
    """A paginator told its count: the agenda counts dates and activities together in one query."""

    def __init__(self, object_list, per_page, count: int):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count
