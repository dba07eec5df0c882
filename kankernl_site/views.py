from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_safe
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from agenda_pages.models import AgendaIndexPage
from usage.recording import record_search

from . import health
from .search_results import described
from .search_suggestions import suggest, vocabulary
from .search_words import clean_query, search_words


@require_safe
def search(request):
    """Site search over the live pages of the current language; every query is logged.

    Each result says what it is; a search that finds nothing offers the agenda with the same words
    and, for a misspelt word, a suggestion from the words of the site's page titles.
    """
    query = clean_query(request.GET.get("q", ""))
    words = search_words(query)
    locale = Locale.get_active()
    results = Page.objects.none()
    if query and words:  # a query of only punctuation finds nothing
        # As their own types (one query per type), long page bodies left in the database.
        pages = Page.objects.live().public().filter(locale=locale).exclude(depth=1).defer_streamfields().specific()
        results = pages.search(words)
    paginator = Paginator(results, settings.SEARCH_RESULTS_PER_PAGE)
    results_page = paginator.get_page(request.GET.get("page"))
    result_count = paginator.count if query else 0
    # Logged with personal data taken out; the logged term is what promoted results hang on.
    logged_query = record_search(query, result_count, timezone.localdate()) if query else None
    promotions = _promotions(logged_query) if logged_query else []
    context = {
        "search_page": True,  # the header leaves out its own search box (one per page)
        "search_query": query,
        "search_results": results_page,
        "results": described(results_page.object_list, words.split(), timezone.now()) if result_count else [],
        "search_promotions": promotions,
        "result_count": result_count,
        "pagination_query": urlencode({"q": query}),
    }
    if query and not result_count:
        context.update(_nothing_found(words, locale))
    return render(request, "search/search.html", context)


def _promotions(logged_query: Query) -> list:
    return [
        promotion
        for promotion in logged_query.editors_picks.select_related("page")
        if promotion.page is None or promotion.page.live
    ]


def _nothing_found(words: str, locale: Locale) -> dict:
    """The agenda with the same words, and a spelling suggestion ("" when there is none)."""
    agenda = AgendaIndexPage.objects.live().filter(locale=locale).first()
    suggestion = suggest(words.split(), vocabulary(locale)) if words else ""
    return {
        "agenda_search_url": f"{agenda.url}?{urlencode({'q': words})}" if agenda and words else "",
        "suggestion": suggestion,
        "suggestion_query": urlencode({"q": suggestion}),
    }


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    # /r/ only counts a followed search result and redirects to a page the sitemap lists anyway.
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /r/",
        "Disallow: /usage/",
        f"Sitemap: {sitemap_url}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    # Browsers ask for /favicon.ico whatever the page says; hand them the hashed static file.
    return redirect(static("img/favicon.ico"), permanent=True)


@require_safe
@never_cache
def healthz(request):
    """Database and shared cache reachable (else 503), worker and import reported; see health.py."""
    code, body = health.report(timezone.now(), strict=request.GET.get("strict") == "1")
    return JsonResponse(body, status=code)


def csrf_failure(request, reason=""):
    """A form sent without a valid security token (``CSRF_FAILURE_VIEW``): often a form left open
    for a long time, or cookies cleared meanwhile. The site's own page, rendered with the request so
    it has the site's layout and styles under the Content-Security-Policy, and a way back to the
    form; Django's built-in page has inline styles, which the policy blocks."""
    back = request.headers.get("Referer", "")
    own_site = {request.get_host()}
    if not url_has_allowed_host_and_scheme(back, allowed_hosts=own_site, require_https=request.is_secure()):
        back = ""
    return render(request, "403_csrf.html", {"back": back}, status=403)
