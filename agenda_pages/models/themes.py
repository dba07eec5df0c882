"""The agenda's themes: one managed vocabulary that visitors filter by and moderators look after.

A theme has a fixed slug (the agenda's ``theme=<slug>`` parameter is a public contract: links in
newsletters and on the centres' sites use it), a Dutch and an English label and description, an
icon from the small set the site ships (``agenda_pages/includes/theme_icon.html``), and the
keywords the importer suggests it by (``importing.themes``).
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


class ThemeIcon(models.TextChoices):
    """The icons drawn in ``agenda_pages/includes/theme_icon.html``; a new one needs its drawing there."""

    WALK = "walk", _("Walking figure")
    PALETTE = "palette", _("Paint palette")
    LEAF = "leaf", _("Leaf")
    PEOPLE = "people", _("Two people")
    INFO = "info", _("Information")
    APPLE = "apple", _("Apple")
    BATTERY = "battery", _("Low battery")
    BRIEFCASE = "briefcase", _("Briefcase")
    HEART = "heart", _("Heart")
    MIRROR = "mirror", _("Hand mirror")


class ThemeQuerySet(models.QuerySet):
    def with_activity_counts(self, event_ids):
        """Every theme, with ``activity_count``: how many of the events ``event_ids`` (a values
        subquery of page ids) carry it. One query, however many events."""
        return self.annotate(activity_count=models.Count("events", filter=models.Q(events__in=event_ids)))


class Theme(index.Indexed, models.Model):
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Used in the agenda's address (theme=...). Do not change it once links use it."),
    )
    label_nl = models.CharField(_("name (Dutch)"), max_length=80)
    label_en = models.CharField(_("name (English)"), max_length=80)
    description_nl = models.CharField(_("short description (Dutch)"), max_length=255, blank=True)
    description_en = models.CharField(_("short description (English)"), max_length=255, blank=True)
    icon = models.CharField(_("icon"), max_length=20, choices=ThemeIcon.choices)
    keywords = models.TextField(
        _("keywords"),
        blank=True,
        help_text=_(
            "One per line. An imported event without a theme gets this theme suggested when a word in its "
            "title or description starts with one of these (upper or lower case and accents do not matter): "
            "'wandel' finds 'Wandelgroep' and 'wandelen'."
        ),
    )

    objects = ThemeQuerySet.as_manager()

    panels = [
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("label_nl"), FieldPanel("label_en")]),
        MultiFieldPanel([FieldPanel("description_nl"), FieldPanel("description_en")], heading=_("Description")),
        FieldPanel("icon"),
        FieldPanel("keywords"),
    ]
    search_fields = [index.SearchField("label_nl"), index.SearchField("label_en"), index.SearchField("keywords")]

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["label_nl"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the visitor's language (Dutch unless the page is in English)."""
        return self.label_en if _in_english() and self.label_en else self.label_nl

    @property
    def description(self) -> str:
        return self.description_en if _in_english() and self.description_en else self.description_nl

    def keyword_list(self) -> list[str]:
        return [line.strip() for line in self.keywords.splitlines() if line.strip()]


def _in_english() -> bool:
    return (get_language() or "nl").split("-")[0] == "en"
