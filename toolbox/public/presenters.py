"""The context of the toolbox's overview, topic pages and items.

Each listing is a fixed number of queries whatever the number of items: the newest items are
limited, and audiences and topics come in one prefetch per listing.

Items are written in Dutch first. A translated overview or topic page also lists the Dutch items
that have no translation in its language yet, as the agenda does with its Dutch-only events: under
/en/ they are served from the Dutch tree (``HomePage.route``) with the English interface around them.
"""

from django.conf import settings
from django.db.models import OuterRef, Prefetch, Subquery
from django.utils import timezone, translation
from wagtail.models import Page

from kankernl_site.language import interface_url
from kankernl_site.registries import register_presenter
from toolbox.models import (
    ToolboxAudience,
    ToolboxIndexPage,
    ToolboxItemDocument,
    ToolboxItemPage,
    ToolboxRelatedItem,
    ToolboxTopicPage,
)

from .most_used import most_used

NEWEST_ITEMS = 6


def stale_notice_months() -> int:
    return getattr(settings, "TOOLBOX_STALE_NOTICE_MONTHS", 3)


def listed(items):
    """Live items with what a card shows: their language and audiences, in one prefetch."""
    return (
        items.live()
        .public()
        .select_related("locale")
        .prefetch_related(Prefetch("audiences", queryset=ToolboxAudience.objects.all()))
    )


def items_under(page: Page, within: str):
    """The items ``within`` ("child_of" or "descendant_of") ``page`` and, on a translation, those of
    its Dutch original that are not translated yet. No extra query in the default language: the
    address's language prefix tells it."""
    own = getattr(ToolboxItemPage.objects, within)(page)
    if translation.get_language() == settings.LANGUAGE_CODE:
        return own
    original = Page.objects.filter(translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE)
    original = original.first()
    if original is None:
        return own
    untranslated = getattr(ToolboxItemPage.objects, within)(original).exclude(
        translation_key__in=own.values("translation_key")
    )
    return own | untranslated


def search_address(index: ToolboxIndexPage, request=None) -> str:
    """The address of the search through the toolbox of ``index`` (without a query), under the
    reader's language prefix also where the overview has no translation yet."""
    return interface_url(index.get_url(request) + index.reverse_subpage("search"))


def index_context(page: ToolboxIndexPage, request, context: dict) -> dict:
    context["topic_pages"] = list(ToolboxTopicPage.objects.child_of(page).live().public().order_by("path"))
    items = listed(items_under(page, "descendant_of"))
    context["newest_items"] = list(items.order_by("-first_published_at", "-pk")[:NEWEST_ITEMS])
    context["most_used_items"] = most_used(items, timezone.localdate())
    context["search_url"] = search_address(page, request)
    return context


def topic_context(page: ToolboxTopicPage, request, context: dict) -> dict:
    context["items"] = list(listed(items_under(page, "child_of")).order_by("title"))
    # The search box searches the whole toolbox with this topic chosen, which the results page
    # shows as a filter to remove.
    context["index_page"] = index = ToolboxIndexPage.objects.parent_of(page).first()
    context["search_url"] = search_address(index, request)
    return context


def _in_reader_language(page: Page) -> Page:
    """``page``'s translation in the reader's language, or ``page`` itself: the way back from a Dutch
    item read under /en/ leads to the English topic page."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE:
        return page
    translated = Page.objects.filter(translation_key=page.translation_key, locale__language_code=language).first()
    return translated or page


def item_context(page: ToolboxItemPage, request, context: dict) -> dict:
    context["back_page"] = _in_reader_language(page.get_parent())
    context["documents"] = [
        link.document for link in ToolboxItemDocument.objects.filter(page=page).select_related("document")
    ]
    # In the order the editor gave the links, in one query.
    links = ToolboxRelatedItem.objects.filter(page=page)
    position = links.filter(item=OuterRef("pk")).values("sort_order")[:1]
    related = ToolboxItemPage.objects.filter(pk__in=links.values("item_id")).live().public()
    context["related_items"] = list(related.annotate(position=Subquery(position)).order_by("position"))
    context["audiences"] = list(page.audiences.all())
    context["tags"] = list(page.tags.all())
    # Overdue by more than the set number of months: readers are told the item may be out of date.
    context["is_stale"] = page.is_overdue_by_months(timezone.localdate(), stale_notice_months())
    return context


def register() -> None:
    register_presenter(ToolboxIndexPage, index_context)
    register_presenter(ToolboxTopicPage, topic_context)
    register_presenter(ToolboxItemPage, item_context)
