"""Links that count which result was followed for which search: ``/r/?to=<signed>``.

The signed value holds a page id and the (scrubbed) search term, nothing else: the redirect looks
the page up and sends the visitor to that page's own address, so it can never lead off the site,
and the signature keeps anyone from writing terms or pages into the counts with links of their own.
"""

from django.core import signing
from django.urls import reverse
from django.utils.http import urlencode

from usage.scrub import scrub

SALT = "usage.click"


def click_url(page_id: int, term: str = "") -> str:
    """The counted link to a page, for a search result (``term``) or a list of pages (no term)."""
    token = signing.dumps([page_id, scrub(term) or ""], salt=SALT, compress=True)
    return f"{reverse('usage_click')}?{urlencode({'to': token})}"


def read_click(token: str) -> tuple[int, str] | None:
    """The page id and term of a signed link; None when the value was not signed by us."""
    try:
        page_id, term = signing.loads(token, salt=SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(page_id, int) or not isinstance(term, str):
        return None
    return page_id, term
