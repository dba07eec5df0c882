"""Handouts: a lesson's one-page guide for guests (``<lesson>/handout/<block id>/``), printed from the
browser, with a QR code to the page it is about and that page's address written out to type.

The lesson shows the handout in a box with a link here (``blocks/handout_block.html``). The printed
page is the same for everyone, so the page cache may keep it.
"""

from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse

from elearning_pages.models import LessonPage
from kankernl_site.qr import qr_svg, short_address
from kankernl_site.registries import register_responder


def find_handout(lesson: LessonPage, block_id: str):
    return next((block for block in lesson.body if block.block_type == "handout" and block.id == block_id), None)


def handout(page: LessonPage, request, block_id: str) -> HttpResponse:
    block = find_handout(page, block_id)
    if block is None:
        raise Http404("This lesson has no handout with this id.")
    # A page of this site gives its own address (in the reader's language); build_absolute_uri makes
    # it whole and leaves another website's address as it is.
    href = block.value["link"].href() or ""
    url = request.build_absolute_uri(href) if href else ""
    context = {
        "page": page,
        "handout": block.value,
        "url": url,
        "short_url": short_address(url) if url else "",
        "qr": qr_svg(url, css_class="qr handout__qr") if url else "",
    }
    return TemplateResponse(request, "elearning_pages/handouts/handout.html", context)


def register() -> None:
    """Called once from ``ElearningPagesConfig.ready``."""
    register_responder(LessonPage, "handout", handout)
