"""The toolbox search's filters (facets): what the address asks for, what each choice would give,
and the addresses that add or remove one. Pure functions of values and counts: no queries, no
request, so each rule is tested without pages.

A search is its words ``q`` and, per facet, any number of chosen values (``?topic=a&topic=b``).
Values within one facet widen (an item about a *or* b), facets narrow each other (topic *and*
kind). Values that are not in the vocabulary are dropped, not refused: an old bookmark or a
hand-made address still answers.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.http import urlencode

TOPIC, KIND, AUDIENCE, REGION = "topic", "kind", "audience", "region"
FACETS = (TOPIC, KIND, AUDIENCE, REGION)  # the order of the filter blocks and of the address
QUERY, PAGE = "q", "page"
MAX_VALUES_PER_FACET = 50  # more than any vocabulary holds; bounds the work of a made-up address


@dataclass(frozen=True)
class Selection:
    """What a visitor asked for: the query as typed (cleaned), its words, and the chosen values."""

    query: str = ""
    words: str = ""
    chosen: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def values(self, facet: str) -> tuple[str, ...]:
        return self.chosen.get(facet, ())

    @property
    def has_filters(self) -> bool:
        return any(self.chosen.values())

    @property
    def is_empty(self) -> bool:
        return not self.words and not self.has_filters

    def without(self, facet: str, value: str | None = None) -> "Selection":
        """This selection with ``value`` (or every value of ``facet``) taken out."""
        kept = () if value is None else tuple(v for v in self.values(facet) if v != value)
        return Selection(self.query, self.words, {**self.chosen, facet: kept})

    def others(self, facet: str) -> dict[str, tuple[str, ...]]:
        """The chosen values of every facet but ``facet``: what that facet's counts are taken under."""
        return {name: values for name, values in self.chosen.items() if name != facet and values}


def read_selection(query: str, words: str, params, known: Mapping[str, Iterable[str]]) -> Selection:
    """The selection from the address's ``params`` (a QueryDict): per facet the values it knows, in
    the vocabulary's order and each once, whatever order or repeats the address has."""
    chosen = {}
    for facet in FACETS:
        asked = set(params.getlist(facet)[:MAX_VALUES_PER_FACET])
        chosen[facet] = tuple(value for value in known.get(facet, ()) if value in asked)
    return Selection(query, words, chosen)


def address(selection: Selection, page: int | None = None) -> str:
    """The query string (with its "?") of ``selection``; the first page unless ``page`` is given."""
    pairs = [(QUERY, selection.query)] if selection.query else []
    for facet in FACETS:
        pairs.extend((facet, value) for value in selection.values(facet))
    if page and page > 1:
        pairs.append((PAGE, str(page)))
    return "?" + urlencode(pairs) if pairs else "?"


@dataclass(frozen=True)
class Option:
    """One value of a facet, as a checkbox: its label, how many results choosing it would give."""

    facet: str
    value: str
    label: str
    count: int
    selected: bool

    @property
    def input_id(self) -> str:
        return f"filter-{self.facet}-{self.value}"


@dataclass(frozen=True)
class Facet:
    name: str
    options: tuple[Option, ...]


def facet_options(
    selection: Selection, labels: Mapping[str, Mapping[str, str]], counts: Mapping[str, Mapping[str, int]]
) -> list[Facet]:
    """Per facet its values in vocabulary order: those that would give results, and the chosen ones
    whatever they give (so a choice can always be undone where it was made). A facet with nothing
    to offer is left out."""
    facets = []
    for name in FACETS:
        options = tuple(
            Option(name, value, label, counts.get(name, {}).get(value, 0), value in selection.values(name))
            for value, label in labels.get(name, {}).items()
            if counts.get(name, {}).get(value, 0) or value in selection.values(name)
        )
        if options:
            facets.append(Facet(name, options))
    return facets


@dataclass(frozen=True)
class ActiveFilter:
    """A chosen value, with the address of the same search without it."""

    facet: str
    value: str
    label: str
    remove_address: str
    count_without: int | None = None  # the results without it, where that was worked out


def active_filters(selection: Selection, labels: Mapping[str, Mapping[str, str]]) -> list[ActiveFilter]:
    return [
        ActiveFilter(facet, value, labels.get(facet, {}).get(value, value), address(selection.without(facet, value)))
        for facet in FACETS
        for value in selection.values(facet)
    ]


def count_without(selection: Selection, facet: str, value: str, counts: Mapping[str, Mapping[str, int]]) -> int | None:
    """How many results the search gives without ``value``, read from the facet counts where they
    tell it exactly, else None.

    A facet's counts are taken under the other facets, so for a facet whose items have exactly one
    value (kind, region) the results for a set of its values are the sum of their counts, and with
    no value left, the sum of all. An item has any number of topics and audiences: there only one
    remaining value is exact.
    """
    remaining = [other for other in selection.values(facet) if other != value]
    facet_counts = counts.get(facet, {})
    if facet in (KIND, REGION):
        return sum(facet_counts.get(other, 0) for other in remaining) if remaining else sum(facet_counts.values())
    if len(remaining) == 1:
        return facet_counts.get(remaining[0], 0)
    return None
