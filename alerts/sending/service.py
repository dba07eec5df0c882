"""Sending the alerts: confirmation, the digests, a followed activity's changes, and retention.

Each function takes ``now`` and does one job for the task or view that calls it. Mail goes out in
the alert's own language (``translation.override``).
"""

import logging
from dataclasses import asdict, dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone, translation

from agenda_pages.models import EventOccurrence, EventPage
from alerts import conf
from alerts.models import Follow, Subscription
from alerts.selection import SelectionChoices, describe_selection, read_selection
from alerts.sending import mails
from alerts.sending.changes import KnownDate, changes_between, snapshot
from alerts.sending.digest import digest_content

logger = logging.getLogger(__name__)


# Confirming


def describe(alert: Subscription | Follow, now: datetime) -> str:
    """What the alert is about, in the active language."""
    if isinstance(alert, Follow):
        return alert.page.title
    choices = SelectionChoices.load()
    return describe_selection(read_selection(alert.selection, today=timezone.localdate(now), choices=choices), choices)


def send_confirmation(alert: Subscription | Follow, now: datetime) -> None:
    with translation.override(alert.language):
        mails.confirmation_mail(alert, description=describe(alert, now)).send()


def public_dates(page: EventPage, now: datetime) -> list[KnownDate]:
    """The dates of ``page`` the public sees now (none when it is not live, or private)."""
    rows = EventOccurrence.objects.public().upcoming(now).filter(page_id=page.pk).only("start", "end", "status")
    return [KnownDate(row.start, row.end, row.status) for row in rows]


def is_public(page: EventPage) -> bool:
    return page.live and not page.get_view_restrictions().exists()


def confirm(alert: Subscription | Follow, now: datetime) -> None:
    """Start sending: a digest lists what is new from now on; a follower knows the dates of now."""
    if alert.confirmed_at is not None:
        return
    alert.confirmed_at = now
    if isinstance(alert, Follow):
        alert.known_dates = snapshot(public_dates(alert.page, now))
    alert.save()


# Digests


@dataclass
class DigestReport:
    sent: int = 0
    nothing_new: int = 0
    failed: int = 0

    def as_json(self) -> dict:
        return asdict(self)


def send_digests(now: datetime) -> DigestReport:
    """Send each due subscriber the activities new since their last digest; nothing when nothing is new.

    A subscriber is claimed by moving their last-digest time with one conditional UPDATE before the
    mail goes, so two runs at once (two workers) never send the same digest twice; a mail that fails
    gives the claim back, and the next run tries again with the same activities.
    """
    report = DigestReport()
    choices_by_language: dict[str, SelectionChoices] = {}
    for subscription in Subscription.objects.due(now):
        since = subscription.digest_since
        claimed = Subscription.objects.filter(pk=subscription.pk, last_digest_at=subscription.last_digest_at)
        if not claimed.update(last_digest_at=now):
            continue
        with translation.override(subscription.language):
            if subscription.language not in choices_by_language:
                choices_by_language[subscription.language] = SelectionChoices.load()
            choices = choices_by_language[subscription.language]
            filters = read_selection(subscription.selection, today=timezone.localdate(now), choices=choices)
            content = digest_content(filters, since, now, limit=conf.digest_max_activities())
            if not content.listed:
                report.nothing_new += 1
                continue
            try:
                description = describe_selection(filters, choices)
                mails.digest_mail(subscription, content, description=description).send()
            except Exception:  # one address refused or the server away: the others still get theirs
                logger.exception("The digest for alert %s could not be sent.", subscription.pk)
                Subscription.objects.filter(pk=subscription.pk, last_digest_at=now).update(
                    last_digest_at=subscription.last_digest_at
                )
                report.failed += 1
            else:
                report.sent += 1
    return report


# Followed activities


@dataclass
class FollowReport:
    told: int = 0
    unchanged: int = 0
    failed: int = 0

    def as_json(self) -> dict:
        return asdict(self)


def check_follows(now: datetime, page_ids=None) -> FollowReport:
    """Tell each follower of the pages ``page_ids`` (all followed pages: None) what changed in their dates.

    What a follower knows moves on to the dates of now, mailed or not, so one change is told once.
    A page that became private tells nothing (its dates are nobody's business now) and keeps what the
    follower knew, in case it comes back.
    """
    report = FollowReport()
    follows = Follow.objects.confirmed().select_related("page").order_by("pk")
    if page_ids is not None:
        follows = follows.filter(page_id__in=list(page_ids))
    for follow in follows:
        page = follow.page
        if page.live and not is_public(page):
            report.unchanged += 1
            continue
        current = public_dates(page, now)
        changes = changes_between(follow.known_dates, current, now)
        with transaction.atomic():
            # The row locked (PostgreSQL): of two checks at once, the second finds the dates moved on.
            locked = Follow.objects.select_for_update().filter(pk=follow.pk).first()
            if locked is None or locked.known_dates != follow.known_dates:
                continue
            locked.known_dates = snapshot(current)
            locked.save(update_fields=["known_dates"])
        if not changes:
            report.unchanged += 1
            continue
        try:
            with translation.override(follow.language):
                mails.change_mail(follow, changes, withdrawn_whole=not current).send()
        except Exception:
            logger.exception("The change mail for followed activity %s could not be sent.", follow.pk)
            Follow.objects.filter(pk=follow.pk).update(known_dates=follow.known_dates)
            report.failed += 1
        else:
            report.told += 1
    return report


# Retention


def delete_unconfirmed(now: datetime) -> int:
    """Delete alerts not confirmed within the confirmation period; their links have expired."""
    before = now - conf.confirmation_age()
    deleted, _ = Subscription.objects.unconfirmed_before(before).delete()
    follows, _ = Follow.objects.unconfirmed_before(before).delete()
    return deleted + follows
