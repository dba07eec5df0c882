"""The public agenda's filters, read from the query string.

Shared by the HTML agenda and the feeds built on it, so a link that works in one works in the other.
Parsing is lenient: a value it cannot use is dropped with a polite message and the rest still
applies, so a mistyped link never ends in an error page.
"""

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from django.utils.translation import gettext as _

from agenda_pages import geo
from agenda_pages.models.selection import DEFAULT_RADIUS_KM, AgendaFilters

RADIUS_CHOICES_KM = (5, 10, 25, 50, 100)
MAX_RADIUS_KM = 300
MAX_TEXT_LENGTH = 100
MAX_REPEATED = 20  # themes or centres; more than any real form sends
MODES = ("online", "in-person")

PARAMETERS = ("q", "theme", "audience", "centre", "province", "near", "radius", "from", "to", "mode", "page")
# Added by mail programs and social media to shared links; not worth a message.
IGNORED_PARAMETER = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|_ga)$")


def radius_choices(radius: int) -> list[int]:
    """The distances a form offers; a radius typed into the address stays selectable."""
    return sorted({*RADIUS_CHOICES_KM, radius})


@dataclass
class ParsedFilters:
    filters: AgendaFilters
    messages: list[str] = field(default_factory=list)
    page_number: int = 1


CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def _clean(value: str) -> str:
    """Without control characters (PostgreSQL refuses a NUL in a query), trimmed and cut short."""
    return CONTROL_CHARACTERS.sub("", value).strip()[:MAX_TEXT_LENGTH]


def _one(params, name: str) -> str:
    values = params.getlist(name)
    return _clean(values[-1]) if values else ""


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def parse_filters(
    params,
    *,
    today: date,
    themes: dict[str, str],
    centres: dict[str, str],
    audiences: dict[str, str],
) -> ParsedFilters:
    """Read ``params`` (a QueryDict) against the known themes, centres and audiences (slug to name)."""
    messages = []
    filters = AgendaFilters(q=" ".join(_one(params, "q").split()))

    unknown = sorted(name for name in params if name not in PARAMETERS and not IGNORED_PARAMETER.match(name))
    if unknown:
        messages.append(
            _("This page does not know the setting %(names)s; it was ignored.") % {"names": ", ".join(unknown)}
        )

    chosen_themes, skipped = _known(params.getlist("theme"), themes)
    if skipped:
        messages.append(_("There is no theme %(names)s; it was left out.") % {"names": ", ".join(skipped)})
    chosen_centres, skipped = _known(params.getlist("centre"), centres)
    if skipped:
        messages.append(_("There is no centre %(names)s; it was left out.") % {"names": ", ".join(skipped)})
    filters = replace(filters, themes=chosen_themes, centres=chosen_centres)

    audience = _one(params, "audience")
    if audience in audiences:
        filters = replace(filters, audience=audience)
    elif audience:
        messages.append(_("There is no group %(name)s; all groups are shown.") % {"name": audience})

    province = _one(params, "province")
    if province:
        match = next((name for name in geo.PROVINCES if name.casefold() == province.casefold()), None)
        if match:
            filters = replace(filters, province=match)
        else:
            messages.append(_("There is no province %(name)s; all provinces are shown.") % {"name": province})

    filters = _parse_near(params, filters, messages)
    filters = _parse_dates(params, filters, messages, today)

    mode = _one(params, "mode")
    if mode in MODES:
        filters = replace(filters, mode=mode)
    elif mode:
        messages.append(_("Choose online or in person; both are shown now."))

    page_number = 1
    page = _one(params, "page")
    if page:
        if page.isdigit() and int(page) >= 1:
            page_number = int(page)
        else:
            messages.append(_("There is no page %(page)s; this is the first page.") % {"page": page})
    return ParsedFilters(filters, messages, page_number)


def _known(values: list[str], known: dict[str, str]) -> tuple[tuple[str, ...], list[str]]:
    chosen, skipped = [], []
    for value in values[:MAX_REPEATED]:
        value = _clean(value)
        if not value:
            continue
        if value in known:
            if value not in chosen:
                chosen.append(value)
        else:
            skipped.append(value)
    return tuple(chosen), skipped


def _parse_near(params, filters: AgendaFilters, messages: list[str]) -> AgendaFilters:
    near = " ".join(_one(params, "near").split())
    if not near:
        return filters
    location = geo.find(near)
    if location is None:
        if geo.looks_like_postcode(near):
            if geo.postcode_digits(near):
                messages.append(
                    _("We do not know the postcode %(postcode)s. Check it, or enter a place name.")
                    % {"postcode": near}
                )
            else:
                messages.append(
                    _("%(text)s is not a Dutch postcode. A postcode has 4 digits, and may have 2 letters: 3511 AB.")
                    % {"text": near}
                )
        else:
            messages.append(
                _("We do not know the place %(place)s. Check the spelling, or enter a postcode.") % {"place": near}
            )
        return filters

    radius = DEFAULT_RADIUS_KM
    value = _one(params, "radius")
    if value:
        if value.isdigit() and 1 <= int(value) <= MAX_RADIUS_KM:
            radius = int(value)
        else:
            messages.append(
                _("The distance must be a whole number of kilometres from 1 to %(max)s; %(default)s km is used.")
                % {"max": MAX_RADIUS_KM, "default": DEFAULT_RADIUS_KM}
            )
    return replace(filters, near=location, near_text=near, radius=radius)


def _parse_dates(params, filters: AgendaFilters, messages: list[str], today: date) -> AgendaFilters:
    dates = {}
    for name in ("from", "to"):
        value = _one(params, name)
        if not value:
            continue
        parsed = _date(value)
        if parsed is None:
            messages.append(_("%(value)s is not a date we can read. Use the form 2026-12-31.") % {"value": value})
        else:
            dates[name] = parsed
    date_from, date_to = dates.get("from"), dates.get("to")
    if date_from and date_from < today:
        messages.append(_("The agenda only shows activities from today on."))
        date_from = None
    if date_to and date_to < (date_from or today):
        messages.append(_("The end date is before the start date, so it was ignored."))
        date_to = None
    if date_to and date_to > today + timedelta(days=3 * 366):
        date_to = None
    return replace(filters, date_from=date_from, date_to=date_to)
