from django import template

from elearning_pages.videos.player import block_id_on_page, build_player

register = template.Library()


@register.simple_tag(takes_context=True)
def video_player(context, value):
    """The ``Player`` for a video block's value. The page's template should pass the block's id
    (``{% include_block block with block_id=block.id %}``); without it the page's stream is searched."""
    page = context.get("page")
    block_id = context.get("block_id") or block_id_on_page(page, value)
    return build_player(value, page=page, block_id=block_id, request=context.get("request"))
