"""A toolbox item: a good practice, a tip, a tool or template, or background knowledge.

The facts of a good practice (network, situation, approach ...) are plain fields in their own panel
rather than a block in the body: an editor sees at once what a case needs, the page shows them as
one list in a fixed order, and the search and its facets read them as columns.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from kankernl_site.registries import PresentedPage
from usage.pages import CountedPage

from ..blocks import ToolboxStreamBlock
from .reviews import ToolboxItemManager, add_months


class ItemKind(models.TextChoices):
    GOOD_PRACTICE = "good_practice", _("Good practice")
    TIP = "tip", _("Tip or advice")
    TOOL = "tool", _("Tool or template")
    BACKGROUND = "background", _("Background")


class Region(models.TextChoices):
    NATIONAL = "landelijk", _("Nationwide")
    DRENTHE = "drenthe", "Drenthe"
    FLEVOLAND = "flevoland", "Flevoland"
    FRIESLAND = "friesland", "Fryslân"
    GELDERLAND = "gelderland", "Gelderland"
    GRONINGEN = "groningen", "Groningen"
    LIMBURG = "limburg", "Limburg"
    NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
    NOORD_HOLLAND = "noord-holland", "Noord-Holland"
    OVERIJSSEL = "overijssel", "Overijssel"
    UTRECHT = "utrecht", "Utrecht"
    ZEELAND = "zeeland", "Zeeland"
    ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"


class ToolboxItemTag(TaggedItemBase):
    content_object = ParentalKey("toolbox.ToolboxItemPage", related_name="tagged_items", on_delete=models.CASCADE)


class ToolboxItemPage(CountedPage, PresentedPage, Page):
    kind = models.CharField(_("kind"), max_length=20, choices=ItemKind.choices, default=ItemKind.TIP)
    intro = models.TextField(
        _("summary"), max_length=600, help_text=_("Two or three sentences: what the reader gets.")
    )
    body = StreamField(ToolboxStreamBlock(), blank=True, verbose_name=_("content"))
    is_example = models.BooleanField(
        _("example content"),
        default=False,
        help_text=_("Invented content (for the demo): the page says so with the label 'Example'."),
    )

    # Good practice: shown only for that kind.
    network = models.CharField(_("network"), max_length=200, blank=True)
    situation = models.TextField(_("situation"), blank=True)
    approach = models.TextField(_("approach"), blank=True)
    result = models.TextField(_("result"), blank=True)
    lessons = models.TextField(_("lessons learned"), blank=True)
    contact = models.CharField(
        _("contact"), max_length=255, blank=True, help_text=_("A role and an address, such as a shared mailbox.")
    )

    topics = ParentalManyToManyField(
        "toolbox.ToolboxTopic", verbose_name=_("topics"), related_name="items", blank=True
    )
    audiences = ParentalManyToManyField(
        "toolbox.ToolboxAudience", verbose_name=_("audiences"), related_name="items", blank=True
    )
    region = models.CharField(_("region"), max_length=20, choices=Region.choices, default=Region.NATIONAL)
    tags = ClusterTaggableManager(through=ToolboxItemTag, blank=True, verbose_name=_("tags"))

    # Keeping it current ("borging").
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who checks that this item is still correct."),
    )
    owner_group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("owner group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_interval_months = models.PositiveSmallIntegerField(_("review every (months)"), default=12)
    last_reviewed_at = models.DateField(_("last checked on"), null=True, blank=True)
    next_review_on = models.DateField(_("next check on"), null=True, blank=True, editable=False, db_index=True)
    # The ``next_review_on`` its owners were last reminded of: one reminder per due cycle, and a new
    # review (a new ``next_review_on``) starts the next cycle by itself.
    review_reminder_sent_for = models.DateField(null=True, blank=True, editable=False)

    objects = ToolboxItemManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldPanel("intro"),
        FieldPanel("is_example"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("network"),
                FieldPanel("situation"),
                FieldPanel("approach"),
                FieldPanel("result"),
                FieldPanel("lessons"),
                FieldPanel("contact"),
            ],
            heading=_("Good practice"),
            help_text=_("Fill in for a good practice only; the page shows these as the facts of the case."),
        ),
        InlinePanel("documents", label=_("Documents")),
        InlinePanel("related_items", label=_("Related items")),
        MultiFieldPanel(
            [FieldPanel("topics"), FieldPanel("audiences"), FieldPanel("region"), FieldPanel("tags")],
            heading=_("Classification"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("owner_user"), FieldPanel("owner_group")]),
                FieldRowPanel([FieldPanel("review_interval_months"), FieldPanel("last_reviewed_at")]),
            ],
            heading=_("Keeping it current"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("network"),
        index.SearchField("situation"),
        index.SearchField("approach"),
        index.SearchField("result"),
        index.SearchField("lessons"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("region"),
    ]
    parent_page_types = ["toolbox.ToolboxTopicPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("toolbox item")
        verbose_name_plural = _("toolbox items")

    def save(self, *args, **kwargs):
        self.next_review_on = self.compute_next_review_on()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"last_reviewed_at", "review_interval_months"} & set(update_fields):
            kwargs["update_fields"] = {*kwargs["update_fields"], "next_review_on"}
        return super().save(*args, **kwargs)

    def compute_next_review_on(self) -> date | None:
        if self.last_reviewed_at is None:
            return None
        return add_months(self.last_reviewed_at, self.review_interval_months)

    def is_overdue_by_months(self, today: date, months: int) -> bool:
        """Whether ``objects.overdue_by_months(today, months)`` would select this item, without a query."""
        return self.next_review_on is not None and self.next_review_on < add_months(today, -months)

    @property
    def is_good_practice(self) -> bool:
        return self.kind == ItemKind.GOOD_PRACTICE


class ToolboxItemDocument(Orderable):
    """A downloadable file of an item: a template, a model contract, a checklist."""

    page = ParentalKey(ToolboxItemPage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]


class ToolboxRelatedItem(Orderable):
    page = ParentalKey(ToolboxItemPage, related_name="related_items", on_delete=models.CASCADE)
    item = models.ForeignKey(ToolboxItemPage, verbose_name=_("item"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("item")]
