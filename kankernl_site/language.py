"""Addresses that keep the reader in their interface language."""

from django.conf import settings
from django.utils import translation


def interface_url(url: str, language: str | None = None) -> str:
    """``url`` (a page's own, relative URL) under the prefix of ``language`` (the current language
    when not given).

    A page without a translation in this language (an imported event, a centre) lives only in the
    default language's tree, and is served under the other languages' prefixes too (see
    ``HomePage.route``), so a reader of the English agenda stays in English. No queries: the prefix
    tells the language. A language that is not one of the site's (from a link's query string) and an
    address with a host of its own are left alone.
    """
    language = language or translation.get_language()
    prefixed = {code for code, _name in settings.LANGUAGES} - {settings.LANGUAGE_CODE}
    if language not in prefixed or not url.startswith("/") or url.startswith(("//", f"/{language}/")):
        return url
    return f"/{language}{url}"
