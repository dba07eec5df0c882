"""The queries of the toolbox search: which items match the words and the chosen filters, how many
each filter value would give, and one page of results.

A search is a fixed number of queries however many items the toolbox holds: the words are matched
in the database (a subquery, never a list of ids), each facet is counted in one grouped query, and
a page of results is one query plus one prefetch each for its audiences and tags.

The words go through Wagtail's search backend (the database backend: PostgreSQL's full-text search
with the Dutch configuration, SQLite's FTS5 in development and tests). Every word must occur
(``operator="and"``): each word narrows, as each filter does, and the counts beside the filters
would otherwise grow with every word typed.
"""

from collections.abc import Mapping
from dataclasses import dataclass, replace

from django.db.models import Count, Prefetch, Q, QuerySet

from toolbox.models import ItemKind, Region, ToolboxAudience, ToolboxItemPage, ToolboxTopic

from .facets import AUDIENCE, KIND, REGION, TOPIC, ActiveFilter, Selection, count_without

TOPIC_LINKS = ToolboxItemPage.topics.through
AUDIENCE_LINKS = ToolboxItemPage.audiences.through


def vocabulary() -> dict[str, dict[str, str]]:
    """Per facet its values and labels in the visitor's language, in the order the filters show
    them (two queries: the topics and the audiences)."""
    return {
        TOPIC: {topic.slug: topic.label for topic in ToolboxTopic.objects.order_by("label_nl")},
        KIND: {kind.value: str(kind.label) for kind in ItemKind},
        AUDIENCE: {audience.slug: audience.label for audience in ToolboxAudience.objects.order_by("label_nl")},
        REGION: {region.value: str(region.label) for region in Region},
    }


def text_matches(words: str) -> QuerySet:
    """The ids of the items in which every word occurs, as a subquery.

    Wagtail's database backend answers a search with a queryset filtered on the index
    (``get_queryset``), so the match stays in the database for every count and the results page.
    """
    found = ToolboxItemPage.objects.search(words, operator="and", order_by_relevance=False)
    return found.get_queryset().order_by().values("pk")


def _facet_filter(facet: str, values: tuple[str, ...]) -> Q:
    # Topics and audiences through their link tables, in a subquery: a join would repeat an item
    # once for each of its topics.
    if facet == TOPIC:
        return Q(pk__in=TOPIC_LINKS.objects.filter(toolboxtopic__slug__in=values).values("toolboxitempage_id"))
    if facet == AUDIENCE:
        return Q(pk__in=AUDIENCE_LINKS.objects.filter(toolboxaudience__slug__in=values).values("toolboxitempage_id"))
    return Q(**{f"{facet}__in": values})


def filtered(items: QuerySet, chosen: Mapping[str, tuple[str, ...]]) -> QuerySet:
    """``items`` narrowed by each facet with chosen values (values of one facet widen each other)."""
    for facet, values in chosen.items():
        if values:
            items = items.filter(_facet_filter(facet, values))
    return items


def matching(scope: QuerySet, selection: Selection) -> QuerySet:
    """The items of ``scope`` that contain the words (all of ``scope`` without words); no filters."""
    return scope.filter(pk__in=text_matches(selection.words)) if selection.words else scope


def facet_counts(matches: QuerySet, selection: Selection) -> dict[str, dict[str, int]]:
    """Per facet, per value: how many of ``matches`` have that value and pass the other facets'
    filters, i.e. how many results ticking it would give (four queries)."""
    counts = {}
    for facet in (KIND, REGION):
        rows = filtered(matches, selection.others(facet)).order_by().values(facet).annotate(n=Count("pk"))
        counts[facet] = {row[facet]: row["n"] for row in rows}
    for facet, links, column in (
        (TOPIC, TOPIC_LINKS, "toolboxtopic__slug"),
        (AUDIENCE, AUDIENCE_LINKS, "toolboxaudience__slug"),
    ):
        items = filtered(matches, selection.others(facet)).order_by().values("pk")
        rows = links.objects.filter(toolboxitempage_id__in=items).values(column).annotate(n=Count("pk")).order_by()
        counts[facet] = {row[column]: row["n"] for row in rows}
    return counts


def result_count(counts: Mapping[str, Mapping[str, int]], selection: Selection) -> int:
    """The number of results, read from the kind counts (no query): every item has one kind, and
    the kind counts are taken under all the other filters."""
    kinds = counts.get(KIND, {})
    chosen = selection.values(KIND)
    return sum(kinds.get(kind, 0) for kind in chosen) if chosen else sum(kinds.values())


def _shown(items: QuerySet) -> QuerySet:
    """With what a result shows: its language, audiences and tags (one prefetch each)."""
    return items.select_related("locale").prefetch_related(
        Prefetch("audiences", queryset=ToolboxAudience.objects.all()),
        "tags",  # taggit takes no queryset of its own here
    )


def results(scope: QuerySet, selection: Selection):
    """The results in the order they are shown: by relevance with words, by title without. Sliced
    by the paginator; with words a Wagtail search result, else a queryset."""
    chosen = filtered(scope, selection.chosen)
    if not selection.words:
        return _shown(chosen).order_by("title", "pk")
    # Searched again over the filtered items, not filtered after the search: the backend ranks
    # only what it is given, and checks that it is filtered on indexed fields (``id``) only.
    candidates = _shown(ToolboxItemPage.objects.filter(id__in=chosen.order_by().values("pk")))
    return candidates.search(selection.words, operator="and")


@dataclass(frozen=True)
class Found:
    """A search's outcome before paging: the counts beside the filters, the number of results, and
    the results in their order (sliced by the paginator: only one page is read)."""

    matches: QuerySet  # the items with the words, before the filters
    counts: dict[str, dict[str, int]]
    total: int
    results: object  # a queryset, or a Wagtail search result


def find(scope: QuerySet, selection: Selection) -> Found:
    """The search of ``selection`` through the items of ``scope``; a query of only punctuation
    finds nothing (and fails nothing)."""
    if selection.query and not selection.words:
        scope = scope.none()
    matches = matching(scope, selection)
    counts = facet_counts(matches, selection)
    return Found(matches, counts, result_count(counts, selection), results(scope, selection))


# Working out what removing a filter would give costs a count query where the facet counts do not
# tell it: only in the zero-result state, and for this many filters at most.
MAX_COUNTED_REMOVALS = 6


def with_counts_without(filters: list[ActiveFilter], selection: Selection, found: Found) -> list[ActiveFilter]:
    """The active filters, each with the number of results the search would give without it."""
    shown = []
    for position, active in enumerate(filters):
        number = count_without(selection, active.facet, active.value, found.counts)
        if number is None and position < MAX_COUNTED_REMOVALS:
            number = filtered(found.matches, selection.without(active.facet, active.value).chosen).count()
        shown.append(replace(active, count_without=number))
    return shown
