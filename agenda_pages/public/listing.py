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
from taggit.models import Tag

from agenda_pages.models import Audience, CentrePage, EventThemeTag
from agenda_pages.public import occurrences
from agenda_pages.public.filters import AgendaFilterForm
from kankernl_site.fragments import cached_fragment

TEMPLATE = "agenda_pages/includes/agenda_listing.html"


@dataclass(frozen=True)
class RenderedListing:
    html: SafeString
    result_count: int  # activities
    page_number: int
    is_filtered: bool


class FilterChoices:
    """What the filter form offers: themes of live events, live centres, audiences (slug to name)."""

    def __init__(self):
        used = EventThemeTag.objects.filter(content_object__live=True).values("tag_id")
        self.themes = dict(Tag.objects.filter(id__in=used).order_by("name").values_list("slug", "name"))
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
    )


def listing_context(page, request, *, now: datetime, today: date, page_size: int) -> dict:
    choices = FilterChoices()
    form = AgendaFilterForm(
        request.GET, today=today, themes=choices.themes, centres=choices.centres, audiences=choices.audiences
    )
    filters = form.filters
    matches = occurrences.agenda_matches(filters, now)
    counts = occurrences.agenda_counts(matches)
    if filters.per_activity:
        paginator = CountedPaginator(occurrences.agenda_activities(matches), page_size, counts.activities)
    else:
        paginator = CountedPaginator(occurrences.in_agenda_order(matches), page_size, counts.dates)
    messages = form.messages
    number = form.page_number
    if number > paginator.num_pages:
        messages.append(_("There is no page %(page)s; this is the last page.") % {"page": number})
        number = paginator.num_pages
    page_obj = paginator.page(number)
    listed = page_obj.object_list
    if filters.per_activity:
        listed = occurrences.next_dates(listed, matches)
    return {
        "page": page,
        "form": form.shown(),
        "filters": filters,
        "filter_messages": messages,
        "choices": choices,
        "page_obj": page_obj,
        "items": occurrences.with_details(listed),
        "result_count": counts.activities,
        "date_count": counts.dates,
        "pagination_query": filters.querystring(),
        "other_view_query": replace(filters, per_activity=not filters.per_activity).querystring(),
    }


class CountedPaginator(Paginator):
    """A paginator told its count: the agenda counts dates and activities together in one query."""

    def __init__(self, object_list, per_page, count: int):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self) -> int:
        return self.known_count
