"""What a self-check block's template needs from the lesson page around it."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def self_check_state(context, block_id):
    """The learner's state of this question (``learning.presenters.SelfCheckState``), or None: no
    answer yet, no learner, or a block rendered outside a lesson (the editor's preview)."""
    return (context.get("self_checks") or {}).get(block_id)
