"""Reading JSON and text values from a feed that may be hostile or broken, for the parsers.

``json.loads`` raises more than ``JSONDecodeError`` on odd input: ``RecursionError`` for deep
nesting, ``ValueError`` for an integer of thousands of digits, ``UnicodeDecodeError`` for bytes that
are not UTF-8. Any of those escaping a parser would stop the whole import with a Python error, so
:func:`load_json` turns each into a :class:`FeedParseError` with a sentence a moderator can act on.
"""

import json
import re

from .types import FeedParseError

# Deeper than any real feed nests (an Events Calendar event is 3 levels deep, a schema.org @graph
# about 6), and far below where our own recursive readers (@graph, lists of types) would hit
# Python's recursion limit.
MAX_DEPTH = 64
# Longer integers are kept as their digits: Python refuses to convert past 4,300 digits, and no id,
# price or count in a feed needs more.
MAX_INTEGER_DIGITS = 64

# NUL (which PostgreSQL refuses in text), the other control characters but tab and newlines, and
# lone surrogates (from JSON escapes such as "\ud800", which cannot be encoded as UTF-8).
_UNSAFE_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def load_json(data: bytes | str, *, what: str = "The response", position: bool = True) -> object:
    """The JSON value in ``data``, or :class:`FeedParseError` saying, about ``what``, why not (with the
    line and column of a syntax error when ``position``)."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise FeedParseError(f"{what} is not text in UTF-8, so it cannot be read as JSON.") from None
    try:
        value = json.loads(data, strict=False, parse_int=_integer)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}: " if position else ""
        raise FeedParseError(f"{what} is not valid JSON ({where}{error.msg}).") from None
    except RecursionError:
        raise FeedParseError(_too_deep(what)) from None
    except ValueError as error:  # what JSONDecodeError does not cover, e.g. a number Python refuses
        raise FeedParseError(f"{what} could not be read as JSON ({error}).") from None
    if _depth_exceeds(value, MAX_DEPTH):
        raise FeedParseError(_too_deep(what))
    return value


def clean_text(value) -> str:
    """``value`` stripped when it is a string (without characters no database or encoder takes), else ""."""
    if not isinstance(value, str):
        return ""
    return _UNSAFE_CHARACTERS.sub("", value).strip()


def _integer(digits: str) -> int | str:
    return int(digits) if len(digits.lstrip("-")) <= MAX_INTEGER_DIGITS else digits


def _too_deep(what: str) -> str:
    return f"{what} is JSON nested more than {MAX_DEPTH} levels deep, deeper than any calendar feed needs."


def _depth_exceeds(value: object, limit: int) -> bool:
    """Whether lists and objects nest deeper than ``limit``; a loop, not recursion, so depth cannot break it."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            children = node.values()
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False
