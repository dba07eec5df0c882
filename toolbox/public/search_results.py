"""What a toolbox search result shows: its title and a snippet with the searched words marked, taken
from the text in which a word occurs, so the reader sees why the item was found.

No queries: the items come with their audiences and tags prefetched (``finding.results``).
"""

from dataclasses import dataclass

from django.utils.safestring import SafeString
from django.utils.translation import gettext

from kankernl_site.search_snippets import contains_any, marked, plain_text, snippet
from toolbox.models import ToolboxItemPage


@dataclass(frozen=True)
class ToolboxResult:
    item: ToolboxItemPage
    title: SafeString  # with the searched words marked
    snippet: SafeString
    audiences: tuple[str, ...]
    url: str  # the counted link (``usage.links.click_url``)


def body_text(item: ToolboxItemPage) -> str:
    """The item's body as one line of plain text: what the search index holds of it."""
    field = ToolboxItemPage._meta.get_field("body")
    return plain_text(" ".join(field.get_searchable_content(item.body)))


def texts(item: ToolboxItemPage) -> list[str]:
    """The item's texts in the order a snippet is taken from them."""
    names = sorted(tag.name for tag in item.tags.all())
    tags = gettext("Tags: %(names)s") % {"names": ", ".join(names)} if names else ""
    return [
        item.intro,
        item.network,
        item.situation,
        item.approach,
        item.result,
        item.lessons,
        body_text(item),
        tags,
    ]


def word_starts(words: list[str]) -> list[str]:
    """The words, and of each long word its start: PostgreSQL finds a word by its stem
    ("financiering" also finds "financieren"), which no text contains as typed. A rough stem that
    only decides where the snippet is taken and what is marked; the database decided the match."""
    return [*words, *(word[: max(5, len(word) - 4)] for word in words if len(word) >= 7)]


def matched_text(item: ToolboxItemPage, words: list[str]) -> str:
    """The first of the item's texts in which a searched word occurs, else its summary. The summary
    too when the title has the word: the marked title already says why the item was found."""
    if contains_any(item.title, words):
        return item.intro
    candidates = [text for text in texts(item) if text]
    return next((text for text in candidates if contains_any(text, words)), item.intro)


def described(items, words: list[str], url_for) -> list[ToolboxResult]:
    """``items`` (one page of results) as results, in their order; ``url_for(item)`` gives the link."""
    words = word_starts(words)
    return [
        ToolboxResult(
            item=item,
            title=marked(item.title, words),
            snippet=snippet(matched_text(item, words) if words else item.intro, words),
            audiences=tuple(audience.label for audience in item.audiences.all()),
            url=url_for(item),
        )
        for item in items
    ]
