from django import forms
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

EVENT_DESCRIPTION_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class Audience(models.Model):
    """Who an activity is for. A fixed list (see AUDIENCES), kept as rows so pages can link to it."""

    class Code(models.TextChoices):
        PATIENTS = "patients", _("People with cancer")
        RELATIVES = "relatives", _("Relatives and friends")
        BEREAVED = "bereaved", _("Bereaved")
        PROFESSIONALS = "professionals", _("Professionals and volunteers")

    code = models.CharField(_("code"), max_length=20, choices=Code.choices, unique=True)

    class Meta:
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        ordering = ["id"]

    def __str__(self):
        return str(self.get_code_display())


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")


class OccurrenceStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class EventThemeTag(TaggedItemBase):
    content_object = ParentalKey("agenda_pages.EventPage", related_name="theme_items", on_delete=models.CASCADE)


class EventPage(Page):
    """One activity (a single event or a recurring series), made by hand or imported from a feed.

    An imported page is identified by (``source``, ``source_uid``); ``source_hash`` is the hash of
    the mapped fields at the last import, so an unchanged item costs no write.
    """

    description = RichTextField(_("description"), blank=True, features=EVENT_DESCRIPTION_FEATURES)
    attendance_mode = models.CharField(
        _("how to take part"), max_length=16, choices=AttendanceMode.choices, default=AttendanceMode.IN_PERSON
    )
    venue_name = models.CharField(_("venue"), max_length=255, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    online_url = models.URLField(_("online meeting link"), max_length=1000, blank=True)
    themes = ClusterTaggableManager(verbose_name=_("themes"), through=EventThemeTag, blank=True)
    audience = ParentalManyToManyField(Audience, verbose_name=_("audience"), blank=True)
    cost = models.CharField(_("cost"), max_length=100, blank=True)
    registration_url = models.URLField(_("registration link"), max_length=1000, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    source = models.ForeignKey(
        "agenda_pages.FeedSource",
        verbose_name=_("feed source"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Empty for events made by hand."),
    )
    source_uid = models.CharField(_("identifier in the feed"), max_length=255, blank=True)
    source_url = models.URLField(_("address on the centre's website"), max_length=1000, blank=True)
    source_post_id = models.CharField(_("post id in the feed"), max_length=64, blank=True)
    source_last_seen_at = models.DateTimeField(_("last seen in the feed"), null=True, blank=True)
    source_hash = models.CharField(_("hash of the imported fields"), max_length=64, blank=True)
    # What the last import wrote, to tell an editor's own change from a change in the feed.
    source_snapshot = models.JSONField(_("fields as last imported"), default=dict, blank=True, editable=False)
    source_conflicts = models.JSONField(
        _("feed changes not applied"),
        default=list,
        blank=True,
        help_text=_("Fields an editor changed here that the feed has since changed too; review and clear."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        InlinePanel("occurrences", heading=_("Dates"), label=_("date"), min_num=1),
        MultiFieldPanel(
            [FieldPanel("attendance_mode"), FieldPanel("venue_name"), FieldPanel("address"), FieldPanel("online_url")],
            heading=_("Location"),
        ),
        FieldPanel("themes"),
        FieldPanel("audience", widget=forms.CheckboxSelectMultiple),
        FieldPanel("cost"),
        FieldPanel("registration_url"),
        FieldPanel("image"),
    ]
    settings_panels = [
        *Page.settings_panels,
        MultiFieldPanel(
            [
                FieldPanel("source", read_only=True),
                FieldPanel("source_uid", read_only=True),
                FieldPanel("source_url", read_only=True),
                FieldPanel("source_last_seen_at", read_only=True),
                FieldPanel("source_conflicts", read_only=True),
            ],
            heading=_("Imported from"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.FilterField("attendance_mode"),
    ]

    parent_page_types = ["agenda_pages.CentrePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [
            # Two imports of the same source at once must not create the same series twice.
            models.UniqueConstraint(
                fields=["source", "source_uid"],
                condition=Q(source__isnull=False) & ~Q(source_uid=""),
                name="unique_event_per_source_uid",
            )
        ]


class EventOccurrenceQuerySet(models.QuerySet):
    def public(self):
        """Dates the public may see: of live pages, and not withdrawn from the feed."""
        return self.filter(page__live=True).exclude(status=OccurrenceStatus.WITHDRAWN)

    def upcoming(self, now):
        return self.filter(models.Q(end__gte=now) | models.Q(end__isnull=True, start__gte=now))


class EventOccurrence(Orderable):
    """One date of an event. Part of the page's revisions, so the rows in the table are the live version."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"), null=True, blank=True)
    all_day = models.BooleanField(_("all day"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=OccurrenceStatus.choices, default=OccurrenceStatus.SCHEDULED
    )
    title_override = models.CharField(
        _("title on this date"), max_length=255, blank=True, help_text=_("Only when this date has its own title.")
    )

    objects = EventOccurrenceQuerySet.as_manager()

    panels = [FieldPanel("start"), FieldPanel("end"), FieldPanel("all_day"), FieldPanel("status")]

    class Meta(Orderable.Meta):
        verbose_name = _("date")
        verbose_name_plural = _("dates")
        indexes = [
            models.Index(fields=["start"], name="occurrence_start"),
            models.Index(fields=["page", "start"], name="occurrence_page_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="occurrence_end_after_start"
            )
        ]

    def __str__(self):
        return f"{self.page.title} ({self.start:%Y-%m-%d %H:%M})"
