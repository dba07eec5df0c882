"""``{% agenda_subscription page listing as links %}``: the calendar and feed addresses of the
selection the agenda page shows (``public.feeds.links``). No queries: the selection and its name
come with the rendered listing."""

from dataclasses import replace

from django import template

from agenda_pages.public.feeds.links import SubscriptionLinks, subscription_links
from kankernl_site.language import interface_url

register = template.Library()


@register.simple_tag(takes_context=True)
def agenda_subscription(context, page, listing) -> SubscriptionLinks | None:
    request = context.get("request")
    path = page.get_url(request) if request else None
    if not path:
        return None
    base = request.build_absolute_uri(interface_url(path))
    # Not the list's own settings: the calendar has every date (a series as one entry) and the feed
    # each activity once.
    query = replace(listing.filters, per_activity=False).querystring()
    suffix = f"?{query}" if query else ""
    return subscription_links(
        f"{base}{page.reverse_subpage('ical')}{suffix}",
        f"{base}{page.reverse_subpage('rss')}{suffix}",
        listing.selection_name,
    )
