"""The toolbox's managed vocabulary: topics and audiences, the terms its facets count.

Each term is one row with its Dutch and English name side by side (as the agenda's ``Theme``), not a
wagtail-localize ``TranslatableMixin`` snippet with a row per language: a facet then counts one
term whatever the language of the page, an item's topics need no translation of their own, and an
editor adds a term in one form instead of syncing a translation.
"""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index


class VocabularyTerm(index.Indexed, models.Model):
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Used in the toolbox's filter addresses. Do not change it once links use it."),
    )
    label_nl = models.CharField(_("name (Dutch)"), max_length=80)
    label_en = models.CharField(_("name (English)"), max_length=80)

    panels = [FieldPanel("slug"), FieldRowPanel([FieldPanel("label_nl"), FieldPanel("label_en")])]
    search_fields = [index.SearchField("label_nl"), index.SearchField("label_en")]

    class Meta:
        abstract = True
        ordering = ["label_nl"]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the visitor's language (Dutch unless the page is in English)."""
        english = (get_language() or "nl").split("-")[0] == "en"
        return self.label_en if english and self.label_en else self.label_nl


class ToolboxTopic(VocabularyTerm):
    """A theme of the toolbox, such as financing forms or privacy; a topic page presents one."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("toolbox topic")
        verbose_name_plural = _("toolbox topics")


class ToolboxAudience(VocabularyTerm):
    """Who an item is written for: board members, programme managers, coordinators, clinicians."""

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("toolbox audience")
        verbose_name_plural = _("toolbox audiences")
