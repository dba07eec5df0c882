"""``<agenda>/json/``: the agenda's selection as JSON, for partners and the centres' web builders.

Reads the agenda's own filter parameters with the agenda's own form (``public.filters``), so a
link that works on the page works here, plus ``page`` and ``page_size``. Like the page, it never
answers a bad value with an error: what it could not use is named in ``warnings``, in the agenda's
language. Readable from any site's script (CORS ``*``; no cookies, no credentials), and a plain
200 that the page cache stores; the response's ``Last-Modified`` (with the ETag that Django's
ConditionalGetMiddleware adds) lets a partner poll cheaply.

A fixed number of queries, however many dates match: the choices (2), the count (1), the page (1,
and 1 more with ``show=activities``), centres, themes and series (3), audiences (1) and when the
content last changed (3).
"""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.db.models import Max, Q
from django.http import HttpResponse, HttpResponseNotAllowed
from django.templatetags.static import static
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.utils.http import http_date
from django.utils.translation import gettext as _
from wagtail.models import ModelLogEntry, PageLogEntry

from agenda_pages.models import AgendaIndexPage, Audience, CentrePage, EventOccurrence, EventPage, Theme
from agenda_pages.models.events import start_of_local_day
from agenda_pages.public import occurrences
from agenda_pages.public.filters import AgendaFilterForm
from agenda_pages.public.json_api import mapping as json_api
from agenda_pages.public.listing import CountedPaginator
from kankernl_site import registries
from kankernl_site.language import interface_url

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
SCHEMA_PATH = "agenda_pages/agenda.schema.json"  # a static file
ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
PREFLIGHT_MAX_AGE = 86_400


@dataclass(frozen=True)
class JsonPage:
    data: dict
    last_modified: datetime


def agenda_json(page: AgendaIndexPage, request) -> HttpResponse:
    """The responder of ``<agenda>/json/``."""
    if request.method not in ("GET", "HEAD"):
        return _with_cors(HttpResponseNotAllowed(ALLOWED_METHODS))
    result = json_page(page, request, now=timezone.now())
    response = HttpResponse(json_api.encode(result.data), content_type="application/json")
    response["Last-Modified"] = http_date(result.last_modified.timestamp())
    response["X-Robots-Tag"] = "noindex"
    response["Link"] = f'<{request.build_absolute_uri(static(SCHEMA_PATH))}>; rel="describedby"'
    return _with_cors(response)


def _with_cors(response: HttpResponse) -> HttpResponse:
    response["Access-Control-Allow-Origin"] = "*"
    # Last-Modified a script may always read; the ETag only when named.
    response["Access-Control-Expose-Headers"] = "ETag, Link"
    return response


def answer_preflight(page, request, args, kwargs) -> HttpResponse | None:
    """``before_serve_page`` hook: the CORS preflight of ``<agenda>/json/``, which a browser sends
    before a script's request with headers of its own (If-None-Match, to poll). Wagtail answers every
    OPTIONS request itself, with the page's ``Allow``, before a sub-route is served; this hook runs
    before Wagtail's own."""
    match = getattr(request, "routable_resolver_match", None)
    if request.method != "OPTIONS" or not isinstance(page, AgendaIndexPage) or match is None:
        return None
    return _preflight() if match.url_name == "json" else None


def _preflight() -> HttpResponse:
    response = HttpResponse(status=204)
    del response["Content-Type"]  # no body
    response["Allow"] = response["Access-Control-Allow-Methods"] = ", ".join(ALLOWED_METHODS)
    response["Access-Control-Allow-Headers"] = "Accept, Accept-Language, If-Modified-Since, If-None-Match"
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    return _with_cors(response)


def json_page(page: AgendaIndexPage, request, *, now: datetime) -> JsonPage:
    """One page of the selection the query string asks for, with its neighbours' addresses."""
    params = request.GET.copy()
    page_size, warnings = _page_size(params.pop("page_size", []))
    form = _filter_form(params, now)
    filters = form.filters
    warnings = [*form.messages, *warnings]
    matches = occurrences.agenda_matches(filters, now)
    counts = occurrences.agenda_counts(matches)
    count = counts.activities if filters.per_activity else counts.dates
    ordered = occurrences.agenda_activities(matches) if filters.per_activity else occurrences.in_agenda_order(matches)
    paginator = CountedPaginator(ordered, page_size, count)
    number = form.page_number
    if number > paginator.num_pages:
        # An empty page, not the last one again: a script that reads on until nothing comes stops.
        message = _("There is no page %(page)s; the last page is %(last)s.")
        warnings.append(message % {"page": number, "last": paginator.num_pages})
        rows = []
    else:
        rows = list(paginator.page(number).object_list)
    listed = occurrences.with_details(occurrences.next_dates(rows, matches) if filters.per_activity else rows)
    audiences = _audiences({item.event.pk for item in listed})
    base = request.build_absolute_uri(request.path)
    own = [("page_size", str(page_size))] if page_size != DEFAULT_PAGE_SIZE else []

    def page_url(number: int) -> str:
        return f"{base}?{urlencode([*filters.as_params(), *own, ('page', str(number))])}"

    results = [
        json_api.date_entry(item, links=_links(item, request), audiences=audiences.get(item.event.pk, []))
        for item in listed
    ]
    last_page = paginator.num_pages
    data = json_api.document(
        count=count,
        next_url=page_url(number + 1) if number < last_page else None,
        previous_url=page_url(min(number - 1, last_page)) if number > 1 else None,
        results=results,
        warnings=warnings,
    )
    return JsonPage(data=data, last_modified=content_changed_at(now))


def _page_size(values: list[str]) -> tuple[int, list[str]]:
    typed = values[-1].strip() if values else ""
    if not typed:
        return DEFAULT_PAGE_SIZE, []
    if typed.isdecimal() and len(typed) <= 3 and 1 <= int(typed) <= MAX_PAGE_SIZE:  # no 5,000-digit int()
        return int(typed), []
    message = _("The page size must be a whole number from 1 to %(max)s; %(default)s is used.") % {
        "max": MAX_PAGE_SIZE,
        "default": DEFAULT_PAGE_SIZE,
    }
    return DEFAULT_PAGE_SIZE, [message]


def _filter_form(params, now: datetime) -> AgendaFilterForm:
    """The agenda's form with every theme and live centre (two queries); theme names in the active
    language, as the agenda's form lists them."""
    themes = {theme.slug: theme.label for theme in Theme.objects.only("slug", "label_nl", "label_en")}
    centres = dict(CentrePage.objects.live().order_by("title").values_list("slug", "title"))
    audiences = {code: str(label) for code, label in Audience.Code.choices}
    return AgendaFilterForm(params, today=timezone.localdate(now), themes=themes, centres=centres, audiences=audiences)


def _audiences(event_ids) -> dict[int, list[tuple[str, str]]]:
    """Each event's audiences as (code, label in the active language), in the fixed order: one query."""
    found: dict[int, list[tuple[str, str]]] = {}
    if not event_ids:
        return found
    through = EventPage.audience.through.objects.filter(eventpage_id__in=event_ids).select_related("audience")
    for row in through.order_by("audience_id"):
        found.setdefault(row.eventpage_id, []).append((row.audience.code, str(row.audience)))
    return found


def _links(item: occurrences.ListedOccurrence, request) -> json_api.Links:
    """Our pages, on the host the partner asked, in the agenda's language (an English agenda links to
    the events under /en/, as its page does)."""

    def absolute(page) -> str:
        url = page.get_url(request)
        return iri_to_uri(request.build_absolute_uri(interface_url(url))) if url else ""

    centre = item.centre
    return json_api.Links(event=absolute(item.event), centre=absolute(centre) if centre and centre.live else None)


def content_changed_at(now: datetime) -> datetime:
    """When what the JSON says last changed, at the latest: the newest logged change to a page or a
    snippet (publishing, unpublishing, moving, an import's revisions, a theme's name), and the
    moment the last date that has passed left the upcoming dates. Never later than ``now``.

    Later than the true change at worst (a draft's edit is logged too), which costs a partner one
    download, never an old answer to If-Modified-Since. Three queries, on indexed columns.
    """
    logged = [
        PageLogEntry.objects.aggregate(at=Max("timestamp"))["at"],
        ModelLogEntry.objects.aggregate(at=Max("timestamp"))["at"],
    ]
    today = start_of_local_day(now)
    passed = EventOccurrence.objects.public().aggregate(
        ended=Max("end", filter=Q(end__lt=now)),
        started=Max("start", filter=Q(end__isnull=True, all_day=False, start__lt=now)),
        # An all-day date without an end leaves at the midnight after its day: at the latest today's.
        all_day=Max("start", filter=Q(end__isnull=True, all_day=True, start__lt=today)),
    )
    if passed["all_day"] is not None:
        passed["all_day"] = today
    moments = [moment for moment in (*logged, *passed.values()) if moment is not None]
    return min(max(moments, default=now), now)


def register() -> None:
    """Called once from ``AgendaPagesConfig.ready``."""
    registries.register_responder(AgendaIndexPage, "json", agenda_json)
