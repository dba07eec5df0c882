"""What a visitor types into a search box, read as words and never as query syntax.

The full-text backends read some characters as operators: on SQLite (FTS5) an unbalanced double
quote, a bare ``*``, brackets or a ``NEAR`` group make the query itself invalid, and Wagtail's
SQLite backend quotes each term without escaping the quotes inside it. PostgreSQL's parser is more
forgiving but still reads ``!``, ``&`` and ``|``. So every search takes only the words: letters and
digits in any script, split on everything else, as both backends' tokenizers split the indexed
text. A query without words finds nothing instead of failing.
"""

import re

MAX_QUERY_LENGTH = 200
MAX_WORDS = 20  # each word is one more condition in the database's query

_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# Lone surrogates (from a broken UTF-16 client) cannot be encoded for the database.
_UNENCODABLE = re.compile(r"[\ud800-\udfff]")
_WORD = re.compile(r"[^\W_]+")


def clean_query(raw: str) -> str:
    """The query as the visitor typed it, made safe to show, log and store: no control characters,
    single spaces, at most ``MAX_QUERY_LENGTH`` characters."""
    text = _UNENCODABLE.sub("", _CONTROL_CHARACTERS.sub("", raw))
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def search_words(query: str) -> str:
    """The words of ``query`` (at most ``MAX_WORDS``), joined by spaces; empty when it has none."""
    return " ".join(_WORD.findall(clean_query(query))[:MAX_WORDS])
