"""What a search result shows of its text: a short piece around the first word searched for, with
the words marked (``<mark>``). Pure functions of text and words, so they are tested without pages.
"""

import html
import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

SNIPPET_LENGTH = 180  # characters: two or three lines on a phone


def plain_text(rich_text: str) -> str:
    """Rich text as one line of plain text (tags dropped, entities read, spaces collapsed)."""
    from_html = strip_tags(rich_text.replace("<", " <"))
    return " ".join(html.unescape(from_html).split())


def word_pattern(words: list[str]) -> re.Pattern | None:
    """Any of ``words``, in any case, anywhere in a word ("wandel" in "Wandelgroep"); longest first
    so that a longer word is marked whole where a shorter one is part of it."""
    words = sorted({word for word in words if word}, key=len, reverse=True)
    return re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE) if words else None


def contains_any(text: str, words: list[str]) -> bool:
    pattern = word_pattern(words)
    return bool(pattern and pattern.search(text))


def marked(text: str, words: list[str]) -> SafeString:
    """``text`` escaped, with every occurrence of ``words`` in ``<mark>``."""
    pattern = word_pattern(words)
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for match in pattern.finditer(text):
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # every piece escaped above


def snippet(text: str, words: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """At most ``length`` characters of ``text``, cut at spaces, starting a little before the first
    word searched for (from the start when none is found), with the words marked and "…" where
    text was left out."""
    text = " ".join(text.split())
    if not text:
        return mark_safe("")
    pattern = word_pattern(words)
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.end() > length * 2 // 3:
        # Some words of context before the match, so it does not open the snippet mid-sentence.
        start = text.rfind(" ", 0, max(0, match.start() - length // 3)) + 1
    end = len(text)
    if end - start > length:
        cut = text.rfind(" ", start, start + length)
        end = cut if cut > start else start + length
    piece = marked(text[start:end], words)
    return mark_safe(("… " if start else "") + piece + (" …" if end < len(text) else ""))
