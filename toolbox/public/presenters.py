"""The context of the toolbox's overview, topic pages and items.

Each listing is a fixed number of queries whatever the number of items: the newest items are
limited, and audiences and topics come in one prefetch per listing.
"""

from datetime import date

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from kankernl_site.registries import register_presenter
from toolbox.models import (
    ToolboxAudience,
    ToolboxIndexPage,
    ToolboxItemDocument,
    ToolboxItemPage,
    ToolboxTopicPage,
    add_months,
)

NEWEST_ITEMS = 6


def stale_notice_months() -> int:
    return getattr(settings, "TOOLBOX_STALE_NOTICE_MONTHS", 3)


def _listed(items):
    """Live items with what a card shows: their audiences, in one prefetch."""
    return items.live().public().prefetch_related(Prefetch("audiences", queryset=ToolboxAudience.objects.all()))


def index_context(page: ToolboxIndexPage, request, context: dict) -> dict:
    context["topic_pages"] = list(
        ToolboxTopicPage.objects.child_of(page).live().public().select_related("topic").order_by("path")
    )
    context["newest_items"] = list(
        _listed(ToolboxItemPage.objects.descendant_of(page)).order_by("-first_published_at", "-pk")[:NEWEST_ITEMS]
    )
    return context


def topic_context(page: ToolboxTopicPage, request, context: dict) -> dict:
    context["items"] = list(_listed(ToolboxItemPage.objects.child_of(page)).order_by("title"))
    return context


def is_stale(item: ToolboxItemPage, today: date) -> bool:
    """Overdue by more than the set number of months: readers are told the item may be out of date."""
    return item.next_review_on is not None and item.next_review_on < add_months(today, -stale_notice_months())


def item_context(page: ToolboxItemPage, request, context: dict) -> dict:
    context["documents"] = [
        link.document for link in ToolboxItemDocument.objects.filter(page=page).select_related("document")
    ]
    related_ids = page.related_items.values_list("item_id", flat=True)
    context["related_items"] = list(ToolboxItemPage.objects.filter(pk__in=related_ids).live().public())
    context["audiences"] = list(page.audiences.all())
    context["tags"] = list(page.tags.all())
    context["is_stale"] = is_stale(page, timezone.localdate())
    return context


def register() -> None:
    register_presenter(ToolboxIndexPage, index_context)
    register_presenter(ToolboxTopicPage, topic_context)
    register_presenter(ToolboxItemPage, item_context)
