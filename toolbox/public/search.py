"""``<toolbox>/zoeken/``: the search through the toolbox's items, with filters (facets) that show
how many results each would give.

The toolbox's items in the visitor's language, and under /en/ also the Dutch items without a
translation, as the overview lists them. A search with words is logged (personal data scrubbed)
once, on its first page: paging through the results is not another search. Each result links
through the counted redirect, so the usage report sees which result a term led to.
"""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control

from kankernl_site.search_words import clean_query, search_words
from toolbox.models import ToolboxIndexPage
from usage.links import click_url
from usage.recording import record_search

from . import finding
from .facets import PAGE, Selection, active_filters, address, facet_options, read_selection
from .most_used import most_used
from .presenters import items_under, listed, search_address
from .search_results import described


def search(page: ToolboxIndexPage, request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    query = clean_query(request.GET.get("q", ""))
    labels = finding.vocabulary()
    selection = read_selection(query, search_words(query), request.GET, labels)
    scope = items_under(page, "descendant_of").live().public()
    found = finding.find(scope, selection)
    total = found.total

    paginator = Paginator(found.results, settings.SEARCH_RESULTS_PER_PAGE)
    paginator.count = total  # known from the counts: no query of its own
    results_page = paginator.get_page(request.GET.get(PAGE))
    logged = bool(selection.query) and request.GET.get(PAGE, "1") == "1"
    if logged:
        record_search(selection.query, total, timezone.localdate())

    words = selection.words.split()
    language = translation.get_language()
    filters = active_filters(selection, labels)
    context = {
        "page": page,
        "selection": selection,
        "result_count": total,
        "results_page": results_page,
        "results": described(
            results_page.object_list, words, lambda item: click_url(item.pk, selection.query, language)
        ),
        "facets": facet_options(selection, labels, found.counts),
        "active_filters": filters,
        "clear_address": address(Selection(selection.query, selection.words)),
        "pagination_query": address(selection)[1:],
        "search_url": search_address(page, request),
    }
    if total == 0 and not selection.is_empty:
        context.update(_nothing_found(page, scope, selection, found, filters))
    response = TemplateResponse(request, "toolbox/toolbox_search.html", context)
    if logged:
        # Each such search must reach this view to be counted: not stored by the site's page cache
        # (kankernl_site.page_cache) nor a shared cache. Filters and later pages may be stored.
        patch_cache_control(response, private=True)
    return response


def _nothing_found(page: ToolboxIndexPage, scope, selection: Selection, found: finding.Found, filters) -> dict:
    """Ways to widen a search that found nothing: each filter to remove with the results that
    gives, the filters without the words, and the most read items."""
    context = {"active_filters": finding.with_counts_without(filters, selection, found)}
    if selection.words and selection.has_filters:
        context["without_words_address"] = address(Selection(chosen=selection.chosen))
        context["without_words_count"] = finding.filtered(scope, selection.chosen).count()
    context["most_used_items"] = most_used(listed(items_under(page, "descendant_of")), timezone.localdate())
    return context
