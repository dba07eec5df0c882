from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page
from wagtail.search import index

from usage.pages import CountedPage

from .blocks import ContentStreamBlock, HomeStreamBlock


class HomePage(Page):
    """The root of each language's page tree."""

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("Content"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        """Serve a page that has no translation in this language from the default language's tree.

        Events and centres come from the centres' own feeds in Dutch and have no English
        translation; under /en/ they are shown as they are, with the English interface around
        them, instead of a "page not found".
        """
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components or self.locale_id == Locale.get_default().pk:
                raise
            source = self.get_translation_or_none(Locale.get_default())
            if source is None:
                raise
            return source.specific.route(request, path_components)

    @property
    def hero_is_first(self) -> bool:
        return bool(self.body) and self.body[0].block_type == "hero"


class StandardPage(CountedPage, Page):
    """A general content page: about us, privacy statement, accessibility statement, credits."""

    intro = models.TextField(_("introduction"), blank=True, max_length=500)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("content"))
    show_in_footer = models.BooleanField(
        _("show in footer"), default=False, help_text=_("For service pages such as the privacy statement.")
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, FieldPanel("show_in_footer")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
