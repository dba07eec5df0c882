from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from kankernl_site.registries import PresentedPage, responder_for


class AgendaIndexPage(PresentedPage, RoutablePageMixin, Page):
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

    def get_cached_paths(self):
        """What a CDN in front of the site must forget when this page changes (wagtail.contrib.frontend_cache):
        the agenda and each of its unfiltered sub-routes. Filtered addresses expire on their own."""
        return ["/", "ical/", "rss/", "json/", "embed/", "print/"]

    # The agenda re-distributed (issue 13), each reading the agenda's own filter parameters. Paths
    # without a dot: Wagtail serves only letters, digits, "-" and "_" between slashes. What each
    # serves is decided above the models (``registries``).
    @route(r"^ical/$", name="ical")
    def ical_feed(self, request):
        """The selection as an iCalendar subscription."""
        return responder_for(AgendaIndexPage, "ical")(self, request)

    @route(r"^rss/$", name="rss")
    def rss_feed(self, request):
        """The selection for feed readers."""
        return responder_for(AgendaIndexPage, "rss")(self, request)

    @route(r"^json/$", name="json")
    def json_feed(self, request):
        """The selection as JSON, for partners and the centres' web builders."""
        return responder_for(AgendaIndexPage, "json")(self, request)

    @route(r"^embed/$", name="embed")
    def embed(self, request):
        """The selection as a page to put in an iframe on another site."""
        return responder_for(AgendaIndexPage, "embed")(self, request)

    @route(r"^print/$", name="print")
    def print_programme(self, request):
        """The selection as a printable programme with QR codes."""
        return responder_for(AgendaIndexPage, "print")(self, request)

    @route(r"^a/(\d+)/$", name="short")
    def short_link(self, request, event_id):
        """An event's short address, for people who type it from a printed programme."""
        return responder_for(AgendaIndexPage, "short")(self, request, int(event_id))
