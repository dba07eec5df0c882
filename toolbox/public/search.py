"""``<toolbox>/zoeken/``: the search through the toolbox's items, with filters (facets) that show
how many results each would give.

The toolbox's items in the visitor's language, and under /en/ also the Dutch items without a
translation, as the overview lists them. A search with words is logged (personal data scrubbed)
once, on its first page: paging through the results is not another search. Each result links
through the counted redirect, so the usage report sees which result a term led to.
"""

from dataclasses import replace

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
from .facets import PAGE, Selection, active_filters, address, count_without, facet_options, read_selection
from .most_used import most_used
from .presenters import items_under, listed, search_address
from .search_results import described

# Working out what removing a filter would give costs a count query for some filters: only in the
# zero-result state, and for this many filters at most.
MAX_COUNTED_REMOVALS = 6


def search(page: ToolboxIndexPage, request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    query = clean_query(request.GET.get("q", ""))
    labels = finding.vocabulary()
    selection = read_selection(query, search_words(query), request.GET, labels)
    scope = items_under(page, "descendant_of").live().public()
    if selection.query and not selection.words:
        scope = scope.none()  # only punctuation: nothing to look for, and no error either
    matches = finding.matching(scope, selection)
    counts = finding.facet_counts(matches, selection)
    total = finding.result_count(counts, selection)

    paginator = Paginator(finding.results(scope, selection), settings.SEARCH_RESULTS_PER_PAGE)
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
        "facets": facet_options(selection, labels, counts),
        "active_filters": filters,
        "clear_address": address(Selection(selection.query, selection.words)),
        "pagination_query": address(selection)[1:],
        "search_url": search_address(page, request),
    }
    if total == 0 and not selection.is_empty:
        context["active_filters"] = _with_counts_without(filters, selection, matches, counts)
        if selection.words and selection.has_filters:
            # The filters alone, without the words: one count.
            without_words = Selection(chosen=selection.chosen)
            context["without_words_address"] = address(without_words)
            context["without_words_count"] = finding.filtered(scope, selection.chosen).count()
        context["most_used_items"] = most_used(listed(items_under(page, "descendant_of")), timezone.localdate())
    response = TemplateResponse(request, "toolbox/toolbox_search.html", context)
    if logged:
        # Each such search must reach this view to be counted: not stored by the site's page cache
        # (kankernl_site.page_cache) nor a shared cache. Filters and later pages may be stored.
        patch_cache_control(response, private=True)
    return response


def _with_counts_without(filters, selection: Selection, matches, counts) -> list:
    """The active filters, each with the number of results the search would give without it: read
    from the facet counts where they tell it, else counted (a few filters at most)."""
    shown = []
    for position, active in enumerate(filters):
        number = count_without(selection, active.facet, active.value, counts)
        if number is None and position < MAX_COUNTED_REMOVALS:
            number = finding.filtered(matches, selection.without(active.facet, active.value).chosen).count()
        shown.append(replace(active, count_without=number))
    return shown
