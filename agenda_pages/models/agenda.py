from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from . import registries


class AgendaIndexPage(registries.PresentedPage, RoutablePageMixin, Page):
    """ "Agenda": the upcoming dates of all live events, filterable, 20 to a page.

    Lists occurrences rather than pages, so a weekly group shows on each day it meets. The
    re-distribution feeds hang off this page as sub-routes, reading the same filters.
    """

    PAGE_SIZE = 20

    intro = models.TextField(_("introduction"), blank=True, max_length=500)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    @classmethod
    def for_active_language(cls) -> "AgendaIndexPage | None":
        """The live agenda of the reader's language, else of the site's default language (one query).

        Centre pages and the "upcoming activities" block link to it.
        """
        active = get_supported_content_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        pages = cls.objects.live().filter(locale__language_code__in={active, default}).select_related("locale")
        by_language = {}
        for page in pages.order_by("path"):
            by_language.setdefault(page.locale.language_code, page)
        return by_language.get(active) or by_language.get(default)
