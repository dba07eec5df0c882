"""``<agenda>/embed/``: the agenda as a small page for an ``<iframe>`` on a centre's own website.

It reads the agenda's own filters (a centre's embed is usually ``?centre=<slug>``) and the host's
look (``embed_look``), and lists the next dates, or each activity once, compactly: no site header,
menu or footer, no cookie, no form, no JavaScript needed. Links open our event pages in a new tab.

This route alone may be framed by any site (``frame-ancestors *``, and no ``X-Frame-Options``);
every other page keeps Django's ``X-Frame-Options``. Both headers are part of what the page cache
stores, so a stored copy is framable exactly when the original was. With ``?generator=1`` the route
serves the public code generator instead (``embed_code``), an ordinary page of the site.
"""

import base64
import hashlib
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.clickjacking import xframe_options_exempt

from agenda_pages.models import AgendaIndexPage, Audience, CentrePage, Theme
from agenda_pages.models.selection import AgendaFilters
from agenda_pages.public import occurrences
from agenda_pages.public.embed import code as embed_code
from agenda_pages.public.embed.look import LOOK_PARAMETERS, read_look
from agenda_pages.public.filter_fields import MAX_REPEATED, clean_text
from agenda_pages.public.filters import AgendaFilterForm
from kankernl_site import registries
from kankernl_site.absolute_urls import page_full_url

TEMPLATE = "agenda_pages/embed/embed.html"
# Any site may frame the embed. The page itself needs nothing but its own style sheet and script,
# and the look's inline custom properties, allowed by their hash rather than 'unsafe-inline'.
# Set here rather than by django-csp's decorators: the page cache stores headers, not the
# response's attributes that those decorators set, so a stored copy keeps this policy only this way
# (the site's middleware leaves a response that has a policy alone).
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self' {style_hash}; script-src 'self'; img-src 'self'; "
    "base-uri 'none'; form-action 'none'; frame-ancestors *"
)


def content_security_policy(inline_style: str) -> str:
    """The embed's policy, allowing exactly its one inline ``<style>`` (the look) by its hash."""
    digest = base64.b64encode(hashlib.sha256(inline_style.encode()).digest()).decode()
    return CONTENT_SECURITY_POLICY.format(style_hash=f"'sha256-{digest}'")


class EmbedFilterForm(AgendaFilterForm):
    """The agenda's filters, knowing the look's parameters (not reported as unknown)."""

    other_parameters = LOOK_PARAMETERS


def known_choices(params) -> dict[str, dict[str, str]]:
    """The themes and live centres the address names that exist (slug to name), and the audiences:
    what the filter form checks the address against. Only the named ones are looked up, so an
    embed without a theme or centre in its address asks nothing here; the embed shows no form with
    every choice, as the agenda does."""
    theme_slugs, centre_slugs = _named(params, "theme"), _named(params, "centre")
    themes = Theme.objects.filter(slug__in=theme_slugs).only("slug", "label_nl", "label_en") if theme_slugs else ()
    centres = CentrePage.objects.live().filter(slug__in=centre_slugs).values_list("slug", "title")
    return {
        "themes": {theme.slug: theme.label for theme in themes},
        "centres": dict(centres) if centre_slugs else {},
        "audiences": {code: str(label) for code, label in Audience.Code.choices},
    }


def _named(params, name: str) -> list[str]:
    """The values of a repeatable parameter as the filter form reads them."""
    return [value for value in map(clean_text, params.getlist(name)[:MAX_REPEATED]) if value]


@dataclass(frozen=True)
class EmbedListing:
    items: list[occurrences.ListedOccurrence]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def embed_listing(filters: AgendaFilters, now: datetime, *, number: int, per_page: int) -> EmbedListing:
    """One page of the matching dates (or activities, each at its next date), soonest first.

    One row more than shown is read to know whether a next page exists, so nothing is counted: the
    embed offers "later" and "earlier" rather than page numbers. A fixed number of queries.
    """
    matches = occurrences.agenda_matches(filters, now)
    offset = (number - 1) * per_page
    if filters.per_activity:
        rows = list(occurrences.agenda_activities(matches)[offset : offset + per_page + 1])
        shown = occurrences.next_dates(rows[:per_page], matches)
    else:
        rows = list(occurrences.in_agenda_order(matches)[offset : offset + per_page + 1])
        shown = rows[:per_page]
    return EmbedListing(items=occurrences.with_details(shown), number=number, has_next=len(rows) > per_page)


def _query(*parts: list[tuple[str, str]]) -> str:
    return urlencode([pair for part in parts for pair in part])


def embed_context(page: AgendaIndexPage, request, *, now: datetime) -> dict:
    look = read_look(request.GET)
    choices = known_choices(request.GET)
    form = EmbedFilterForm(request.GET, today=timezone.localdate(now), **choices)
    filters = form.filters
    listing = embed_listing(filters, now, number=form.page_number, per_page=look.items)
    kept = [*filters.as_params(), *look.as_params()]  # what the embed's own page links keep
    agenda_url = page_full_url(page, request)
    centre_names = [choices["centres"][slug] for slug in filters.centres]
    return {
        "page": page,
        "look": look,
        "filters": filters,
        "filter_messages": form.messages,
        "listing": listing,
        "one_centre": len(filters.centres) == 1,
        "centre_names": centre_names,
        # "Meer activiteiten op <site>": the address a visitor will see in the new tab.
        "site_name": request.get_host().removeprefix("www."),
        "agenda_url": f"{agenda_url}?{filters.querystring()}" if filters.is_filtered else agenda_url,
        "previous_query": _query(kept, [("page", str(listing.number - 1))] if listing.number > 2 else []),
        "next_query": _query(kept, [("page", str(listing.number + 1))]),
        "first_query": _query(kept),
        "today": timezone.localdate(now),
    }


@xframe_options_exempt
def framable_embed(page: AgendaIndexPage, request):
    context = embed_context(page, request, now=timezone.now())
    response = render(request, TEMPLATE, context)
    response["Content-Security-Policy"] = content_security_policy(context["look"].style_sheet)
    return response


def embed_route(page: AgendaIndexPage, request):
    """The embed, or with ``?generator=1`` the code generator (a page of the site, not framable)."""
    if request.GET.get("generator"):
        return embed_code.generator_page(page, request)
    return framable_embed(page, request)


def register() -> None:
    """Called once from ``AgendaPagesConfig.ready``."""
    registries.register_responder(AgendaIndexPage, "embed", embed_route)
