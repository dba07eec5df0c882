"""What a visitor asked to be told about, and nothing more: an address, what to watch, the language
of the mail and the dates the alerts need. A row is deleted when its owner unsubscribes, and an
unconfirmed one after the confirmation period (``alerts.tasks``)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agenda_pages.models import EventPage

EMAIL_MAX_LENGTH = 254  # RFC 5321's limit on a forward path
SELECTION_MAX_LENGTH = 1000

# The daily run may start a little earlier than the day or week before (a scheduler's timer, a slow
# run before): a subscriber is due when their period has passed but for this much.
DUE_LEEWAY = timedelta(hours=1)


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Once a week")
    DAILY = "daily", _("Every day")


PERIODS = {Frequency.WEEKLY: timedelta(days=7), Frequency.DAILY: timedelta(days=1)}


def language_choices():
    return settings.LANGUAGES


class AlertQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_before(self, moment: datetime):
        """Not confirmed, and asked for before ``moment``: what the retention deletes."""
        return self.filter(confirmed_at__isnull=True, created_at__lt=moment)

    def for_email(self, email: str):
        return self.filter(email__iexact=email)


class SubscriptionQuerySet(AlertQuerySet):
    def due(self, now: datetime):
        """Confirmed subscriptions whose period since their last digest (or confirmation) has passed."""
        since = Coalesce("last_digest_at", "confirmed_at")
        due = Q()
        for frequency, period in PERIODS.items():
            due |= Q(frequency=frequency, digest_since__lte=now - period + DUE_LEEWAY)
        return self.confirmed().alias(digest_since=since).filter(due).order_by("pk")


class Subscription(models.Model):
    """ "Houd mij op de hoogte": the agenda's selection, as its query string, mailed as a digest."""

    email = models.EmailField(_("e-mail address"), max_length=EMAIL_MAX_LENGTH)
    selection = models.CharField(_("selection"), max_length=SELECTION_MAX_LENGTH, blank=True)
    frequency = models.CharField(_("frequency"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY)
    language = models.CharField(_("language"), max_length=10, choices=language_choices, default="nl")
    created_at = models.DateTimeField(_("asked for"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last digest"), null=True, blank=True)

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda alert")
        verbose_name_plural = _("agenda alerts")
        constraints = [models.UniqueConstraint(fields=["email", "selection"], name="alerts_one_per_selection")]

    def __str__(self):
        return f"{self.email}: {self.selection or '-'}"

    @property
    def digest_since(self) -> datetime | None:
        """New means: first published after this moment."""
        return self.last_digest_at or self.confirmed_at


class Follow(models.Model):
    """ "Mail mij als deze activiteit verandert of vervalt": one event page, and what its follower
    last knew of its dates (``known_dates``: start, end and status of each upcoming public date), to
    tell a cancelled, moved or withdrawn date from one they were already told about."""

    email = models.EmailField(_("e-mail address"), max_length=EMAIL_MAX_LENGTH)
    page = models.ForeignKey(EventPage, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=10, choices=language_choices, default="nl")
    created_at = models.DateTimeField(_("asked for"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    known_dates = models.JSONField(_("dates as last told"), default=list, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        verbose_name = _("followed activity")
        verbose_name_plural = _("followed activities")
        constraints = [models.UniqueConstraint(fields=["email", "page"], name="alerts_one_follow_per_page")]

    def __str__(self):
        return f"{self.email}: {self.page_id}"
