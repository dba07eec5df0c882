"""``video/<id>/embed/``: one video as a small page for an ``<iframe>`` on a partner's website.

The player with its captions, the transcript and a link "Bekijk op <site>": no site header, menu or
footer, no cookie, no form. As with the agenda's embed (``agenda_pages.public.embed.responder``),
this route alone may be framed by any site (``frame-ancestors *`` and no ``X-Frame-Options``);
every other page keeps Django's ``X-Frame-Options: DENY``. Both headers are stored with the page
in the page cache, so a stored copy is framable exactly when the original was.
"""

from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt

from kankernl_site.absolute_urls import page_full_url

from .responders import video_or_404

TEMPLATE = "elearning_pages/videos/embed.html"
# The page needs its own style sheet, script, stills, the video file and caption tracks, the
# counter's beacon (connect-src), and after a click the privacy-enhanced YouTube or Vimeo player.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; media-src 'self'; "
    "connect-src 'self'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com; "
    "base-uri 'none'; form-action 'none'; frame-ancestors *"
)


def embed_url(page, request, block_id: str) -> str:
    """The embed's absolute address, on the origin the visitor used."""
    return page_full_url(page, request) + page.reverse_subpage("video_embed", kwargs={"block_id": block_id})


@xframe_options_exempt
def _framable(request, context: dict):
    response = render(request, TEMPLATE, context)
    response["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response


def video_embed(page, request, *, block_id: str):
    block = video_or_404(page, block_id)
    context = {
        "page": page,
        "block": block,
        "block_id": block.id,
        # "Bekijk op <site>": the address a visitor will see in the new tab.
        "site_name": request.get_host().removeprefix("www."),
        "watch_url": page_full_url(page, request) + f"#video-{block.id}",
    }
    return _framable(request, context)
