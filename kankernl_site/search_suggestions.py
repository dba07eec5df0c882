""" "Bedoelde u: wandelen?": a spelling-tolerant suggestion for a search that found nothing.

The words come from the titles of the live pages in the visitor's language (activities, centres,
places and pages), so a suggestion always finds something. They are read once per content version
and language and kept in the cache; the comparison (``difflib``) is bounded by ``MAX_VOCABULARY``
words and ``MAX_SUGGESTED_WORDS`` query words.
"""

import difflib
import re

from django.core.cache import cache
from wagtail.models import Locale, Page

from kankernl_site import page_cache

MIN_WORD_LENGTH = 4  # shorter words ("de", "het", "en") make no useful suggestion
MAX_VOCABULARY = 5000
MAX_SUGGESTED_WORDS = 5
SIMILARITY = 0.75  # difflib's ratio: "wandelem" and "wandelen" are 0.875 alike
_WORD = re.compile(r"[^\W\d_]+")


def title_words(titles) -> list[str]:
    """The distinct words (lower case, at least ``MIN_WORD_LENGTH`` letters) of ``titles``, most
    frequent first, at most ``MAX_VOCABULARY``."""
    counts: dict[str, int] = {}
    for title in titles:
        for word in _WORD.findall(title.lower()):
            if len(word) >= MIN_WORD_LENGTH:
                counts[word] = counts.get(word, 0) + 1
    return sorted(counts, key=lambda word: (-counts[word], word))[:MAX_VOCABULARY]


def vocabulary(locale: Locale) -> list[str]:
    """The words of live page titles in ``locale``: one query, then cached until the content changes."""
    key = f"search-vocabulary:{locale.pk}:{page_cache.current_version()}"
    words = cache.get(key)
    if words is None:
        titles = Page.objects.live().public().filter(locale=locale).exclude(depth=1).values_list("title", flat=True)
        words = title_words(titles.iterator())
        cache.set(key, words, timeout=24 * 3600)
    return words


def suggest(query_words: list[str], known_words: list[str]) -> str:
    """``query_words`` with each unknown word replaced by the closest known one; "" when nothing
    changes (every word known, or nothing close enough)."""
    known = set(known_words)
    suggested, changed = [], False
    for number, word in enumerate(query_words):
        lowered = word.lower()
        close = []
        if number < MAX_SUGGESTED_WORDS and lowered not in known and len(lowered) >= MIN_WORD_LENGTH:
            close = difflib.get_close_matches(lowered, known_words, n=1, cutoff=SIMILARITY)
        suggested.append(close[0] if close else word)
        changed = changed or bool(close)
    return " ".join(suggested) if changed else ""
