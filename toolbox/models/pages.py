"""The toolbox's overview and its topic pages. What they show is decided in ``toolbox.public``,
which registers its presenters in ``kankernl_site.registries``; the models import none of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from kankernl_site.registries import PresentedPage, responder_for


class ToolboxIndexPage(RoutablePageMixin, PresentedPage, Page):
    """ "Toolbox oncologienetwerken": the topics, the newest and most read items, and the search
    through its items (``zoeken/``, in every language's tree)."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["toolbox.ToolboxTopicPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("toolbox overview")
        verbose_name_plural = _("toolbox overviews")

    @path("zoeken/", name="search")
    def search_items(self, request):
        return responder_for(ToolboxIndexPage, "search")(self, request)


class ToolboxTopicPage(PresentedPage, Page):
    """A theme of the toolbox with an introduction and its items."""

    topic = models.ForeignKey(
        "toolbox.ToolboxTopic",
        verbose_name=_("topic"),
        on_delete=models.PROTECT,
        related_name="topic_pages",
        help_text=_(
            "The term of the toolbox's vocabulary this page is about. The page lists the items placed under it."
        ),
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=1200)

    content_panels = [*Page.content_panels, FieldPanel("topic"), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["toolbox.ToolboxIndexPage"]
    subpage_types = ["toolbox.ToolboxItemPage"]

    class Meta:
        verbose_name = _("toolbox topic page")
        verbose_name_plural = _("toolbox topic pages")
