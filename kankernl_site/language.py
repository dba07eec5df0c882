"""Addresses that keep the reader in their interface language."""

from django.conf import settings
from django.utils import translation


def interface_url(url: str) -> str:
    """``url`` (a page's own, relative URL) under the current language's prefix.

    A page without a translation in this language (an imported event, a centre) lives only in the
    default language's tree, and is served under the other languages' prefixes too (see
    ``HomePage.route``), so a reader of the English agenda stays in English. No queries: the prefix
    tells the language.
    """
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE or not url.startswith("/") or url.startswith(f"/{language}/"):
        return url
    return f"/{language}{url}"
