"""Links that count which result was followed for which search: ``/r/?to=<signed>``.

The signed value holds a page id and the (scrubbed) search term, nothing else: the redirect looks
the page up and sends the visitor to that page's own address, so it can never lead off the site,
and the signature keeps anyone from writing terms or pages into the counts with links of their own.

A link from a page under another language's prefix carries that language (``lang``, unsigned: it
only chooses among the site's own prefixes), so a Dutch page listed on an English page opens with
the English interface around it, as its direct link would (``kankernl_site.language.interface_url``,
which the redirect uses).
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils.http import urlencode

from usage.scrub import scrub

SALT = "usage.click"


def click_url(page_id: int, term: str = "", language: str = "") -> str:
    """The counted link to a page, for a search result (``term``) or a list of pages (no term), from
    a page in ``language`` (the default language when not given)."""
    token = signing.dumps([page_id, scrub(term) or ""], salt=SALT, compress=True)
    params = {"to": token}
    if language and language != settings.LANGUAGE_CODE:
        params["lang"] = language
    return f"{reverse('usage_click')}?{urlencode(params)}"


def read_click(token: str) -> tuple[int, str] | None:
    """The page id and term of a signed link; None when the value was not signed by us."""
    try:
        page_id, term = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(page_id, int) or not isinstance(term, str):
        return None
    return page_id, term
