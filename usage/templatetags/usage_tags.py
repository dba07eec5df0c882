"""What a page template places to be counted and asked: ``{% view_counter page %}`` (the base
template does this for every page type that opts in, see ``usage.pages``), ``{% usefulness_form page %}``
and ``{% click_url page term %}`` for a counted link to a search result. None of them queries the
database, so a page renders with them as fast as without."""

from django import template
from django.utils import translation

from usage.forms import UsefulnessForm
from usage.links import click_url as signed_click_url
from usage.views import FEEDBACK_PARAMETER

register = template.Library()


@register.inclusion_tag("usage/view_counter.html", takes_context=True)
def view_counter(context, page):
    """The beacon for a page type that opts in; never in an editor's preview."""
    request = context.get("request")
    counted = getattr(page, "count_views", False) and not getattr(request, "is_preview", False)
    return {"page_id": page.pk if counted else None}


@register.inclusion_tag("usage/usefulness_form.html", takes_context=True)
def usefulness_form(context, page):
    request = context.get("request")
    outcome = request.GET.get(FEEDBACK_PARAMETER, "") if request is not None else ""
    return {"page": page, "form": UsefulnessForm(), "outcome": outcome}


@register.simple_tag
def click_url(page, term=""):
    return signed_click_url(page.pk, term, translation.get_language())
