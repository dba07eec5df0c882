"""What the site counts about its own use: daily totals, and the one kind of event with more in it.

Counts are kept per day from the start (a search term's searches, a page's views, a document's
downloads, the clicks from a search term to a page, a page's yes/no answers): a daily total holds no
time of day, so it cannot be matched with a web server's log to find who it was. The one raw event
is a "Was dit nuttig?" answer, because it may carry a comment; answers are deleted after 12 months
(``usage.recording.forget_old_events``), their daily totals stay.

The searches themselves are Wagtail's (``search_promotions``' ``Query`` and ``QueryDailyHits``,
on which promoted results hang); ``SearchOutcomeDay`` adds what they lack: how many results.
"""

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.documents import get_document_model_string


def add_to_day(model: type[models.Model], key: dict, values: dict | None = None, **amounts: int) -> None:
    """Add ``amounts`` to the daily row ``key`` (and set ``values``), creating it when it is the day's first.

    One UPDATE on every event but the day's first. Two workers creating the same row at once: the
    second one's INSERT fails on the unique constraint and it adds with an UPDATE after all.
    """
    values = values or {}
    changes = {**{field: F(field) + amount for field, amount in amounts.items()}, **values}
    if model.objects.filter(**key).update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, **amounts, **values)
    except IntegrityError:
        model.objects.filter(**key).update(**changes)


class SearchOutcomeDay(models.Model):
    """Per search term and day: the searches that found nothing, and how many results the day's last
    search found (the number of searches is Wagtail's ``QueryDailyHits``)."""

    query = models.ForeignKey(Query, on_delete=models.CASCADE, related_name="outcome_days")
    day = models.DateField()
    zero_result_searches = models.PositiveIntegerField(default=0)
    results = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["query", "day"], name="usage_search_outcome_per_day")]

    def __str__(self):
        return f"{self.query} {self.day}"


class ResultClickDay(models.Model):
    """Per day: how often a search term led to a page. ``term`` is empty for a link outside a search
    (a list of the most used pages)."""

    term = models.CharField(max_length=255, blank=True)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["term", "page", "day"], name="usage_click_per_day")]

    def __str__(self):
        return f"{self.term} -> {self.page_id} {self.day}"


class PageViewDay(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="usage_view_per_day")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views}"


class DownloadDay(models.Model):
    document = models.ForeignKey(get_document_model_string(), on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    downloads = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "day"], name="usage_download_per_day")]

    def __str__(self):
        return f"{self.document_id} {self.day}: {self.downloads}"


class UsefulnessDay(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    useful = models.PositiveIntegerField(default=0)
    not_useful = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="usage_usefulness_per_day")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.useful}/{self.not_useful}"


class UsefulnessAnswer(models.Model):
    """One "Was dit nuttig?" answer, kept 12 months for its comment (personal data removed)."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    answered_at = models.DateTimeField(db_index=True)
    useful = models.BooleanField()
    comment = models.TextField(blank=True)

    class Meta:
        verbose_name = _("usefulness answer")
        indexes = [models.Index(fields=["page", "answered_at"])]

    def __str__(self):
        return f"{self.page_id} {self.answered_at:%Y-%m-%d}: {self.useful}"
