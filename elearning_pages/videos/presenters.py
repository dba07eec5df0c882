"""What the library and a video page show (their ``get_context``), and the code to embed a video."""

from django.utils.html import format_html
from django.utils.translation import gettext as _

from .embed import embed_url
from .library import library, related_videos

EMBED_HEIGHT_PX = 560  # the 16:9 player at 560 px wide, its title, duration and the transcript's button


def iframe_code(url: str, title: str) -> str:
    """What a partner pastes on their site. The inline style is for their page, not ours. HTML, so
    the template escapes it to show it as text (``force_escape``)."""
    return str(
        format_html(
            '<iframe src="{}" title="{}" loading="lazy" allow="fullscreen; picture-in-picture" allowfullscreen '
            'style="width: 100%; max-width: 640px; height: {}px; border: 0;"></iframe>',
            url,
            title,
            EMBED_HEIGHT_PX,
        )
    )


def present_library(page, request, context: dict) -> dict:
    groups = library(page.locale_id, request)
    context.update(groups=groups, video_count=sum(len(group.videos) for group in groups))
    return context


def present_video_page(page, request, context: dict) -> dict:
    blocks = page.video_blocks()
    block = blocks[0] if blocks else None
    code = ""
    if block is not None:
        title = _("Video: %(title)s") % {"title": block.value.get("title") or page.title}
        code = iframe_code(embed_url(page, request, block.id), title)
    context.update(video=block, embed_code=code, related=related_videos(page, request))
    return context
