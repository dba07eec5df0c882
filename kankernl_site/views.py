from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

from .search_words import clean_query, search_words


@require_safe
def search(request):
    """Site search over the live pages of the current language; every query is logged."""
    query = clean_query(request.GET.get("q", ""))
    words = search_words(query)
    results = Page.objects.none()
    promotions = []
    if query:
        logged_query = Query.get(query)
        logged_query.add_hit()
        promotions = [
            promotion
            for promotion in logged_query.editors_picks.select_related("page")
            if promotion.page is None or promotion.page.live
        ]
        if words:  # a query of only punctuation finds nothing
            pages = Page.objects.live().public().filter(locale=Locale.get_active()).exclude(depth=1)
            results = pages.search(words)
    paginator = Paginator(results, settings.SEARCH_RESULTS_PER_PAGE)
    results_page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results_page,
            "search_promotions": promotions,
            "result_count": paginator.count if query else 0,
            "pagination_query": urlencode({"q": query}),
        },
    )


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /documents/", f"Sitemap: {sitemap_url}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    # Browsers ask for /favicon.ico whatever the page says; hand them the hashed static file.
    return redirect(static("img/favicon.ico"), permanent=True)
