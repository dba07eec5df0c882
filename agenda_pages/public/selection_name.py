"""A selection of the agenda in words, in the visitor's language: "Agenda: Bewegen en sport, Utrecht".

What a calendar app shows as the subscribed calendar's name, a feed reader as the feed's title, and
the agenda page offers to Outlook. Pure: the labels of the themes, centres and audiences come in.
"""

from django.utils.formats import date_format
from django.utils.translation import gettext

from agenda_pages.models.selection import AgendaFilters


def selection_parts(filters: AgendaFilters, *, themes: dict, centres: dict, audiences: dict) -> list[str]:
    """What the selection narrows to, each in a few words, in the order of the agenda's form."""
    parts = [f"\N{LEFT DOUBLE QUOTATION MARK}{filters.q}\N{RIGHT DOUBLE QUOTATION MARK}"] if filters.q else []
    parts += [themes.get(slug, slug) for slug in filters.themes]
    parts += [audiences.get(filters.audience, filters.audience)] if filters.audience else []
    parts += [centres.get(slug, slug) for slug in filters.centres]
    parts += [filters.province] if filters.province else []
    if filters.near and filters.distance_applies:
        place = filters.near.label or filters.near_text
        parts.append(gettext("within %(km)s km of %(place)s") % {"km": filters.radius, "place": place})
    if filters.mode:
        parts.append(gettext("Online") if filters.mode == "online" else gettext("In person"))
    if filters.date_from:
        parts.append(gettext("from %(date)s") % {"date": date_format(filters.date_from, "j F Y")})
    if filters.date_to:
        parts.append(gettext("up to and including %(date)s") % {"date": date_format(filters.date_to, "j F Y")})
    return parts


def selection_name(title: str, filters: AgendaFilters, **labels) -> str:
    """``title`` ("Agenda"), followed by the selection when there is one."""
    parts = selection_parts(filters, **labels)
    return f"{title}: {', '.join(parts)}" if parts else title
