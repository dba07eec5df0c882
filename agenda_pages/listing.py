"""The agenda page's list: filters read, dates fetched, the list and form rendered, and cached.

Rendering twenty dates with their form is most of what an agenda request costs. The result is kept
per filter set, page, language, day and content version (bumped by every publish and import, see
``kankernl_site.page_cache``) for ``FRAGMENT_CACHE_SECONDS``, so a visitor the page cache does not
serve (a logged-in editor, a link with a new combination of filters on a later request) mostly
skips both the queries and the rendering.
"""

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import caches
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from taggit.models import Tag

from kankernl_site import page_cache

from . import geo, selectors
from .filters import RADIUS_CHOICES_KM, parse_filters
from .models import Audience, CentrePage, EventThemeTag

TEMPLATE = "agenda_pages/includes/agenda_listing.html"


@dataclass(frozen=True)
class RenderedListing:
    html: SafeString
    result_count: int
    page_number: int
    is_filtered: bool


class FilterChoices:
    """What the filter form offers: themes of live events, live centres, audiences (slug to name)."""

    def __init__(self):
        used = EventThemeTag.objects.filter(content_object__live=True).values("tag_id")
        self.themes = dict(Tag.objects.filter(id__in=used).order_by("name").values_list("slug", "name"))
        self.centres = dict(CentrePage.objects.live().order_by("title").values_list("slug", "title"))
        self.audiences = {code: str(label) for code, label in Audience.Code.choices}


def _cache_key(page, request, today: date) -> str:
    query = urlencode(sorted((name, value) for name, values in request.GET.lists() for value in values))
    parts = (page.pk, translation.get_language(), page_cache.current_version(), today, request.get_host(), query)
    return "agenda-listing:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def agenda_listing(page, request, *, page_size: int) -> RenderedListing:
    seconds = settings.FRAGMENT_CACHE_SECONDS
    now = timezone.now()
    today = timezone.localdate(now)
    key = _cache_key(page, request, today) if seconds > 0 else None
    fragments = caches["template_fragments"]
    if key and (cached := fragments.get(key)) is not None:
        return cached
    context = listing_context(page, request, now=now, today=today, page_size=page_size)
    listing = RenderedListing(
        html=mark_safe(render_to_string(TEMPLATE, context, request=request)),  # a template's output
        result_count=context["result_count"],
        page_number=context["page_obj"].number,
        is_filtered=context["filters"].is_filtered,
    )
    if key:
        fragments.set(key, listing, seconds)
    return listing


def listing_context(page, request, *, now: datetime, today: date, page_size: int) -> dict:
    choices = FilterChoices()
    parsed = parse_filters(
        request.GET, today=today, themes=choices.themes, centres=choices.centres, audiences=choices.audiences
    )
    paginator = Paginator(selectors.agenda_occurrences(parsed.filters, now), page_size)
    messages = parsed.messages
    number = parsed.page_number
    if number > paginator.num_pages:
        messages.append(_("There is no page %(page)s; this is the last page.") % {"page": number})
        number = paginator.num_pages
    page_obj = paginator.page(number)
    filters = parsed.filters
    return {
        "page": page,
        "filters": filters,
        "filter_messages": messages,
        "choices": choices,
        "today": today,
        "provinces": geo.PROVINCES,
        "radius_choices": sorted({*RADIUS_CHOICES_KM, filters.radius}),
        "chosen_centres": [(slug, choices.centres[slug]) for slug in filters.centres],
        "page_obj": page_obj,
        "items": selectors.with_details(page_obj.object_list),
        "result_count": paginator.count,
        "pagination_query": filters.querystring(),
    }
