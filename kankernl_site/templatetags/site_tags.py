"""Template tags for the site frame: navigation, footer and the language switcher."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page, Site
from wagtail.templatetags.wagtailcore_tags import pageurl

from home.models import StandardPage
from kankernl_site.absolute_urls import page_full_url
from kankernl_site.language import interface_url

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    is_translation: bool


def _language_home_url(code: str) -> str:
    with translation.override(code):
        return reverse("wagtail_serve", args=[""])


def _localized_root(request):
    """This language's home page, looked up once per request (menu and footer both need it)."""
    if not hasattr(request, "_localized_root"):
        site = Site.find_for_request(request)
        request._localized_root = site.root_page.localized if site else None
    return request._localized_root


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    """One link per site language: to the translation of this page or view when one exists,
    otherwise to that language's home page."""
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    if request is not None and getattr(request, "_language_links", None) is not None:
        return request._language_links  # the <head> and the header both ask
    targets = {}
    if isinstance(page, Page) and page.id:
        for translated in page.get_translations(inclusive=True).live().select_related("locale"):
            targets[translated.locale.language_code] = translated.get_url(request)
    elif request is not None and request.resolver_match and request.resolver_match.url_name != "wagtail_serve":
        # A view of our own (search): its URL pattern is translated. A wagtail_serve request with
        # no page is a 404, which has no translation.
        for code, _name in settings.LANGUAGES:
            targets[code] = translate_url(request.get_full_path(), code)

    links = []
    for code, name in settings.LANGUAGES:
        url = targets.get(code)
        href = url or _language_home_url(code)
        links.append(
            LanguageLink(
                code=code,
                name=name,
                url=href,
                absolute_url=request.build_absolute_uri(href) if request is not None else href,
                is_current=code == current,
                is_translation=bool(url),
            )
        )
    if request is not None:
        request._language_links = links
    return links


@register.simple_tag(takes_context=True)
def menu_pages(context) -> list[Page]:
    """The main menu: live children of this language's home page marked "show in menus".

    Each item gets ``section`` ("page" for the current page, "true" for an ancestor of it), used
    for ``aria-current``.
    """
    root = _localized_root(context["request"])
    if root is None:
        return []
    current = context.get("page")
    items = list(root.get_children().live().public().in_menu())
    # A page type may name the menu item it belongs to (``menu_section``, "app_label.model"): an
    # event sits under its centre in the tree but belongs to the agenda. Other pages belong to the
    # item above them.
    section = getattr(current, "menu_section", "")
    for item in items:
        item.section = ""
        if not isinstance(current, Page):
            continue
        if current.path == item.path:
            item.section = "page"
        elif section:
            page_type = item.specific_class  # from the cached content types: no query
            item.section = "true" if page_type and page_type._meta.label_lower == section else ""
        elif current.path.startswith(item.path):
            item.section = "true"
    return items


@register.simple_tag(takes_context=True)
def footer_pages(context):
    root = _localized_root(context["request"])
    if root is None:
        return StandardPage.objects.none()
    return StandardPage.objects.descendant_of(root).live().public().filter(show_in_footer=True).order_by("path")


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    return _language_home_url(translation.get_language())


@register.simple_tag(takes_context=True)
def interface_pageurl(context, page) -> str:
    """The page's URL with the interface in the current language (see ``interface_url``)."""
    return interface_url(pageurl(context, page))


@register.simple_tag(takes_context=True)
def full_url(context, page) -> str:
    """The page's absolute URL on the host and port the visitor used (canonical link, og:url)."""
    return page_full_url(page, context.get("request")) if isinstance(page, Page) else ""
