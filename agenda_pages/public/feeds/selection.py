"""The selection a feed serves, read from its address with the agenda's own filter form.

So a link that works on the agenda works as a calendar or a feed: the same parameters, the same
lenient reading (a value the form cannot use is dropped; a feed has nowhere to show the message, so
the rest simply applies). Two queries: the themes' and the live centres' names.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.utils import timezone

from agenda_pages.models import Audience, CentrePage, Theme
from agenda_pages.models.selection import AgendaFilters
from agenda_pages.public.filters import AgendaFilterForm
from agenda_pages.public.selection_name import selection_name

# rss/ lists each activity once unless asked for every date; the agenda's own form knows no such
# value for ``show`` (its default is every date), so it is read here and not handed to the form.
SHOW_DATES = "dates"
# Without ``to``, a feed reaches this far: what the centres plan, without a calendar full of next year.
WINDOW_MONTHS = 12


@dataclass(frozen=True)
class FeedSelection:
    filters: AgendaFilters  # as asked for: what the name and the links to the agenda carry
    window: AgendaFilters  # with the default end date: what is listed
    name: str  # "Agenda: Bewegen en sport, Utrecht", in the visitor's language
    per_date: bool  # rss/: one item per date rather than per activity


def window_end(today: date) -> date:
    """The last day of the default window: the day before the same date ``WINDOW_MONTHS`` on."""
    year, month = divmod(today.month - 1 + WINDOW_MONTHS, 12)
    year, month = today.year + year, month + 1
    day = today.day
    while True:
        try:
            return date(year, month, day) - timedelta(days=1)
        except ValueError:  # 29 February, or the 31st in a shorter month
            day -= 1


def filter_labels() -> dict[str, dict[str, str]]:
    """The names of the themes, live centres and audiences (slug to name), in the active language."""
    return {
        "themes": {theme.slug: theme.label for theme in Theme.objects.all()},
        "centres": dict(CentrePage.objects.live().order_by("title").values_list("slug", "title")),
        "audiences": {code: str(label) for code, label in Audience.Code.choices},
    }


def read_selection(title: str, params, now) -> FeedSelection:
    """The selection asked for in ``params`` (a QueryDict), named after ``title`` (the agenda's)."""
    today = timezone.localdate(now)
    params = params.copy()
    per_date = params.get("show") == SHOW_DATES
    if per_date:
        params.pop("show")
    params.pop("page", None)  # a feed has no pages
    labels = filter_labels()
    filters = AgendaFilterForm(params, today=today, **labels).filters
    window = filters if filters.date_to else replace(filters, date_to=window_end(today))
    return FeedSelection(
        filters=filters, window=window, name=selection_name(title, filters, **labels), per_date=per_date
    )
