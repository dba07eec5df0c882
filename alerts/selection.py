"""A subscription's selection: the agenda's own filter parameters, read and named.

Stored as the query string ``AgendaFilters.as_params()`` writes (without ``show``, which is how the
list reads, not what it holds), so "yoga within 20 km of 3512" is the same selection in the agenda,
its feeds and an alert. Read again with the agenda's lenient form: a theme or centre that has since
gone is dropped, the rest still applies.
"""

from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils.translation import gettext as _

from agenda_pages.models import Audience, CentrePage, Theme
from agenda_pages.models.selection import AgendaFilters
from agenda_pages.public.filters import parse_filters
from agenda_pages.public.selection_name import selection_parts


@dataclass(frozen=True)
class SelectionChoices:
    """Every theme, live centre and audience by slug, with its name in the active language."""

    themes: dict[str, str]
    centres: dict[str, str]
    audiences: dict[str, str]

    @classmethod
    def load(cls) -> "SelectionChoices":
        themes = {theme.slug: theme.label for theme in Theme.objects.all()}
        centres = dict(CentrePage.objects.live().order_by("title").values_list("slug", "title"))
        return cls(themes, centres, {code: str(label) for code, label in Audience.Code.choices})


def read_selection(params: QueryDict | str, *, today: date, choices: SelectionChoices) -> AgendaFilters:
    if isinstance(params, str):
        params = QueryDict(params)
    parsed = parse_filters(
        params, today=today, themes=choices.themes, centres=choices.centres, audiences=choices.audiences
    )
    return replace(parsed.filters, per_activity=False)


def selection_string(filters: AgendaFilters) -> str:
    return urlencode(replace(filters, per_activity=False).as_params())


def describe_selection(filters: AgendaFilters, choices: SelectionChoices) -> str:
    """The selection in a few words, for the page and the mail: "Bewegen en sport, Utrecht", worded
    as the calendar subscription and the feed name it (``public.selection_name``)."""
    parts = selection_parts(filters, themes=choices.themes, centres=choices.centres, audiences=choices.audiences)
    return ", ".join(parts) if parts else _("all activities")
