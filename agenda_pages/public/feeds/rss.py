"""``<agenda>/rss/``: the selection for feed readers (RSS 2.0, Django's syndication framework).

Each activity once, with how often it comes back and its next matching date, as the agenda's "each
activity once" reads: a weekly group is one item, not 52. ``show=dates`` gives an item per date
instead. At most ``MAX_ITEMS`` items, the soonest first. Read with the agenda's own functions
(``public.occurrences``), so an item says what the agenda says.
"""

import re
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlencode

from django.contrib.syndication.views import Feed
from django.utils import timezone, translation
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.formats import date_format
from django.utils.html import escape, format_html_join
from django.utils.http import http_date
from django.utils.translation import gettext as _

from agenda_pages.public import occurrences
from agenda_pages.public.ics import occurrence_uid, series_uid
from agenda_pages.public.occurrences import ListedOccurrence
from kankernl_site.absolute_urls import page_full_url
from kankernl_site.language import interface_url

from .content import changing_runs, page_changed_at, site_changed_at, site_host
from .selection import SHOW_DATES, FeedSelection, read_selection

MAX_ITEMS = 200
# XML 1.0 cannot hold these at all (not even escaped); a feed reader refuses the whole feed.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: str) -> str:
    return _NOT_XML.sub("", value or "")


def when_text(item: ListedOccurrence) -> str:
    """ "dinsdag 8 december 2026, 10:00-11:30" (an en dash), as the event page writes a date."""
    start, end = item.local_start, item.local_end
    if item.occurrence.all_day:
        return f"{date_format(start, 'l j F Y')}, {_('all day')}"
    if end and end.date() != start.date():
        return f"{date_format(start, 'l j F Y, H:i')} \N{EN DASH} {date_format(end, 'l j F Y, H:i')}"
    return date_format(start, "l j F Y, H:i") + (f"\N{EN DASH}{date_format(end, 'H:i')}" if end else "")


@dataclass(frozen=True)
class FeedItem:
    listed: ListedOccurrence
    url: str
    guid: str
    published: datetime | None


@dataclass(frozen=True)
class AgendaFeedContent:
    selection: FeedSelection
    title: str
    agenda_url: str  # the agenda with this selection
    feed_url: str
    items: list[FeedItem]
    last_modified: datetime


def load_items(selection: FeedSelection, agenda, request, now: datetime) -> AgendaFeedContent:
    """The feed's items in a fixed number of queries (the agenda's listing, without pages)."""
    matches = occurrences.agenda_matches(replace(selection.window, per_activity=False), now)
    if selection.per_date:
        rows = occurrences.in_agenda_order(matches)[:MAX_ITEMS]
    else:
        rows = occurrences.next_dates(occurrences.agenda_activities(matches)[:MAX_ITEMS], matches)
    listed = occurrences.with_details(rows)
    runs = changing_runs()
    fallback_url = page_full_url(agenda, request)  # an event without a URL of its own links to the agenda
    agenda_url = request.build_absolute_uri(interface_url(agenda.get_url(request)))
    uid_host = site_host(agenda, request)
    items = []
    for item in listed:
        url = item.event.get_url(request)
        guid = occurrence_uid(item.occurrence, uid_host) if selection.per_date else series_uid(item.event, uid_host)
        items.append(
            FeedItem(
                listed=item,
                url=request.build_absolute_uri(interface_url(url)) if url else fallback_url,
                guid=guid,
                published=page_changed_at(item.event, runs),
            )
        )
    query = selection.filters.querystring()
    feed_query = urlencode([*selection.filters.as_params(), *([("show", SHOW_DATES)] if selection.per_date else [])])
    return AgendaFeedContent(
        selection=selection,
        title=selection.name,
        agenda_url=f"{agenda_url}?{query}" if query else agenda_url,
        feed_url=f"{agenda_url}{agenda.reverse_subpage('rss')}" + (f"?{feed_query}" if feed_query else ""),
        items=items,
        last_modified=site_changed_at(runs, now),
    )


class AgendaFeed(Feed):
    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    def __init__(self, language: str):
        super().__init__()
        self.language = language  # the framework reads it as an attribute, not per feed

    def get_object(self, request, content: AgendaFeedContent):
        return content

    def title(self, content: AgendaFeedContent) -> str:
        return xml_text(content.title)

    def link(self, content: AgendaFeedContent) -> str:
        return content.agenda_url

    def feed_url(self, content: AgendaFeedContent) -> str:
        return content.feed_url

    def description(self, content: AgendaFeedContent) -> str:
        return _("Activities at the walk-in centres for people living with and after cancer.")

    def items(self, content: AgendaFeedContent) -> list[FeedItem]:
        return content.items

    def item_title(self, item: FeedItem) -> str:
        # Escaped as Django's own default does: feed readers show a title as HTML.
        title = item.listed.title
        if item.listed.is_cancelled:
            title = f"{_('Cancelled')}: {title}"
        return escape(xml_text(title))

    def item_link(self, item: FeedItem) -> str:
        return item.url

    def item_guid(self, item: FeedItem) -> str:
        return item.guid

    def item_pubdate(self, item: FeedItem) -> datetime | None:
        return item.published

    def item_description(self, item: FeedItem) -> str:
        listed = item.listed
        lines = [listed.series] if listed.series else []
        if listed.series:
            lines.append(_("Next time: %(when)s") % {"when": when_text(listed)})
        else:
            lines.append(when_text(listed))
        if listed.is_cancelled:
            lines.append(_("This date is cancelled."))
        place = ", ".join(part for part in (listed.centre.title, listed.centre.city) if part) if listed.centre else ""
        if place:
            lines.append(place)
        if listed.themes:
            lines.append(", ".join(theme.label for theme in listed.themes))
        return format_html_join("", "<p>{}</p>", ((xml_text(line),) for line in lines))

    def item_categories(self, item: FeedItem) -> list[str]:
        return [xml_text(theme.label) for theme in item.listed.themes]


def rss_feed(page, request):
    """The responder of ``AgendaIndexPage``'s ``rss/`` route."""
    now = timezone.now()
    selection = read_selection(page.title, request.GET, now)
    content = load_items(selection, page, request, now)
    response = AgendaFeed(translation.get_language())(request, content=content)
    # Not the newest item's date, which the framework sends: taking an activity out of the feed
    # (unpublished, withdrawn) must change it too (see ``content``).
    response["Last-Modified"] = http_date(content.last_modified.timestamp())
    response["X-Robots-Tag"] = "noindex"
    return response
