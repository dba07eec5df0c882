from datetime import timedelta

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from agenda_pages.vocabulary import FeedFormat

from .events import Audience
from .themes import Theme


class FeedFormatChoice(models.TextChoices):
    AUTO = FeedFormat.AUTO.value, _("Detect automatically")
    ICS = FeedFormat.ICS.value, _("iCalendar (.ics)")
    TEC_JSON = FeedFormat.TEC_JSON.value, _("The Events Calendar (WordPress REST API)")
    JSONLD = FeedFormat.JSONLD.value, _("Web page with schema.org events (JSON-LD)")


class ImportRunStatus(models.TextChoices):
    OK = "ok", _("Imported")
    NOT_MODIFIED = "not-modified", _("Not changed")
    ERROR = "error", _("Failed")


class FeedSourceQuerySet(models.QuerySet):
    def due(self, now):
        """Active sources whose back-off (if any) has passed."""
        return self.filter(is_active=True).filter(
            models.Q(next_attempt_at__isnull=True) | models.Q(next_attempt_at__lte=now)
        )

    def needing_attention(self):
        """Active sources whose last imports failed, or that a run flagged for a moderator's look;
        the longest failing first."""
        return (
            self.filter(is_active=True)
            .filter(models.Q(consecutive_failures__gt=0) | models.Q(needs_review=True))
            .order_by("-consecutive_failures", "centre__title", "url")
        )


class FeedSource(ClusterableModel):
    """A calendar feed on a centre's own website, imported into event pages under that centre."""

    centre = models.ForeignKey(
        "agenda_pages.CentrePage", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="feed_sources"
    )
    url = models.URLField(_("feed address"), max_length=1000)
    format = models.CharField(
        _("format"), max_length=16, choices=FeedFormatChoice.choices, default=FeedFormatChoice.AUTO
    )
    is_active = models.BooleanField(_("active"), default=True)
    default_themes = models.ManyToManyField(
        Theme,
        verbose_name=_("default themes"),
        related_name="+",
        blank=True,
        help_text=_("Given to every imported event."),
    )
    default_audience = models.ManyToManyField(Audience, verbose_name=_("default audience"), blank=True)
    trusted = models.BooleanField(
        _("trusted"),
        default=False,
        help_text=_("Changes to events that are already live are published at once instead of waiting for review."),
    )

    last_run_status = models.CharField(_("last run"), max_length=16, choices=ImportRunStatus.choices, blank=True)
    last_run_at = models.DateTimeField(_("last run at"), null=True, blank=True)
    last_success_at = models.DateTimeField(_("last success"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    consecutive_failures = models.PositiveIntegerField(_("failures in a row"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    etag = models.CharField(max_length=255, blank=True)
    last_modified_header = models.CharField(max_length=64, blank=True)
    content_hash = models.CharField(max_length=64, blank=True)
    needs_review = models.BooleanField(
        _("needs review"),
        default=False,
        help_text=_("Set when an import would have withdrawn more than half of the upcoming events."),
    )
    review_reason = models.TextField(_("reason for review"), blank=True)

    objects = FeedSourceQuerySet.as_manager()

    panels = [
        FieldPanel("centre"),
        FieldPanel("url"),
        FieldPanel("format"),
        FieldPanel("is_active"),
        FieldPanel("trusted"),
        MultiFieldPanel(
            [
                FieldPanel("default_themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("default_audience", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Defaults"),
        ),
        InlinePanel(
            "category_themes",
            heading=_("The feed's categories as our themes"),
            label=_("category"),
            help_text=_(
                "The feed's own category names and the theme each one means here, for example "
                "'Wandelen' as 'Bewegen en sport'. Categories that are already the name of a theme need no row."
            ),
        ),
        FieldPanel("needs_review"),
    ]

    class Meta:
        verbose_name = _("feed source")
        verbose_name_plural = _("feed sources")
        ordering = ["centre__title", "url"]

    def __str__(self):
        return f"{self.centre.title}: {self.url}"

    def backoff_delay(self) -> timedelta:
        """Exponential back-off after failures: 1 h, 2 h, 4 h ... capped at a day, never giving up."""
        if not self.consecutive_failures:
            return timedelta(0)
        return min(timedelta(hours=2 ** (self.consecutive_failures - 1)), timedelta(days=1))

    def record_run(
        self,
        *,
        started_at,
        status: str,
        error: str = "",
        warnings: list[str] | None = None,
        validators: tuple[str, str, str] | None = None,
        review_reason: str = "",
        **counts: int,
    ) -> "ImportRun":
        """Keep an import run in the history and bring this source's run fields up to date.

        ``counts`` are the run's created, updated, unchanged, cancelled and withdrawn events.
        ``validators`` (content hash, ETag, Last-Modified) are given only after a complete import,
        so a failed run is retried in full. A ``review_reason`` flags the source for a moderator.
        """
        run = ImportRun.objects.create(
            source=self,
            started_at=started_at,
            finished_at=timezone.now(),
            status=status,
            error_message=error,
            warnings=[] if warnings is None else warnings,
            **counts,
        )
        self.last_run_status = status
        self.last_run_at = started_at
        # Only the fields a run owns: this instance was loaded before the fetch (or the sync), and a
        # moderator may have switched it off, changed its address or cleared "needs review" since.
        fields = ["last_run_status", "last_run_at", "consecutive_failures", "last_error", "next_attempt_at"]
        if status == ImportRunStatus.ERROR:
            self.consecutive_failures += 1
            self.last_error = error
            self.next_attempt_at = started_at + self.backoff_delay()
        else:
            self.consecutive_failures = 0
            self.last_error = ""
            self.last_success_at = started_at
            self.next_attempt_at = None
            fields.append("last_success_at")
        if validators is not None:
            self.content_hash, self.etag, self.last_modified_header = validators
            fields += ["content_hash", "etag", "last_modified_header"]
        if review_reason:
            self.needs_review = True
            self.review_reason = review_reason
            fields += ["needs_review", "review_reason"]
        self.save(update_fields=fields)
        return run


class FeedCategoryTheme(Orderable):
    """One of a feed's own categories and the theme it means on our site (``importing.themes``)."""

    source = ParentalKey(FeedSource, on_delete=models.CASCADE, related_name="category_themes")
    category = models.CharField(
        _("category in the feed"),
        max_length=100,
        help_text=_("As the feed writes it; case and accents do not matter."),
    )
    theme = models.ForeignKey(Theme, verbose_name=_("theme"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("category"), FieldPanel("theme")]

    class Meta(Orderable.Meta):
        verbose_name = _("category mapping")
        verbose_name_plural = _("category mappings")

    def __str__(self):
        return f"{self.category} → {self.theme}"


class ImportRunQuerySet(models.QuerySet):
    def expired(self, now=None, days: int = 90):
        return self.filter(started_at__lt=(now or timezone.now()) - timedelta(days=days))


class ImportRun(models.Model):
    """One import of one source: what happened, for the admin's run history (kept 90 days)."""

    source = models.ForeignKey(
        FeedSource, verbose_name=_("feed source"), on_delete=models.CASCADE, related_name="runs"
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=ImportRunStatus.choices, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    created = models.PositiveIntegerField(_("created"), default=0)
    updated = models.PositiveIntegerField(_("updated"), default=0)
    unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    cancelled = models.PositiveIntegerField(_("cancelled"), default=0)
    withdrawn = models.PositiveIntegerField(_("withdrawn"), default=0)
    error_message = models.TextField(_("error"), blank=True)
    warnings = models.JSONField(_("warnings"), default=list, blank=True)

    objects = ImportRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["source", "-started_at"], name="importrun_source_started")]

    def __str__(self):
        return f"{self.source} @ {self.started_at:%Y-%m-%d %H:%M}"
