"""The reminder mails: owners hear when their items fall due, moderators weekly of what is overdue.

One job a day (``toolbox.tasks.send_review_mails``, 08:15 Dutch time) sends the owners' reminders
and, on Mondays, the moderators' summary: one schedule entry, and the summary goes out the same
morning as the agenda's weekly reminder.

An owner gets one reminder per due cycle: an item remembers the ``next_review_on`` it was reminded
of (``review_reminder_sent_for``), and a review gives it a new one. Each person gets one mail
listing all their items that fell due, not a mail per item. A mail that cannot be sent is logged
and counted; the others still go, and its items are tried again the next day.

Mails are written in the site's language (Dutch): they are sent by a background task, where no
request says which language the reader prefers.
"""

import logging
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import date

from django.conf import settings
from django.db.models import F
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from kankernl_site.absolute_urls import mail_url
from kankernl_site.mails import send_templated
from toolbox.models import ToolboxItemPage

from .recipients import addresses_per_item, moderator_addresses
from .worklist import days_overdue, overdue, owner_name

logger = logging.getLogger(__name__)

TEMPLATES = "toolbox/mail/"
SUMMARY_WEEKDAY = 0  # Monday
ITEMS_LISTED = 50


@dataclass
class ReviewMailReport:
    due_items: int = 0  # items that fell due and were not yet reminded of
    reminded_items: int = 0
    owner_mails: int = 0
    summary_mails: int = 0
    failed: int = 0

    def as_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class MailItem:
    title: str
    edit_url: str
    next_review_on: date
    days_overdue: int
    owner: str
    has_owner: bool


def _mail_item(item: ToolboxItemPage, today: date) -> MailItem:
    return MailItem(
        title=item.title,
        edit_url=mail_url(reverse("wagtailadmin_pages:edit", args=(item.pk,))),
        next_review_on=item.next_review_on,
        days_overdue=days_overdue(item, today),
        owner=owner_name(item),
        has_owner=item.owner_user_id is not None or item.owner_group_id is not None,
    )


def _send(address: str, subject: str, template: str, context: dict) -> int:
    return send_templated(f"{TEMPLATES}{template}", subject, context, [address])


def send_review_mails(today: date) -> ReviewMailReport:
    """The daily job: the owners' reminders, and on Mondays the moderators' summary."""
    report = ReviewMailReport()
    send_owner_reminders(today, report)
    if today.weekday() == SUMMARY_WEEKDAY:
        send_overdue_summary(today, report)
    return report


def send_owner_reminders(today: date, report: ReviewMailReport | None = None) -> ReviewMailReport:
    """One mail to each person with items that fell due and that they were not yet reminded of."""
    report = report or ReviewMailReport()
    due = list(
        ToolboxItemPage.objects.live()
        .due(today)
        .exclude(review_reminder_sent_for=F("next_review_on"))
        .select_related("owner_user", "owner_group")
        .order_by("next_review_on", "title", "pk")
    )
    report.due_items += len(due)
    addresses = addresses_per_item(due)
    per_person = defaultdict(list)
    for item in due:
        for address in addresses[item.pk]:
            per_person[address].append(item)
        if not addresses[item.pk]:
            logger.info("Nobody to remind of '%s': no owner and no moderator with an e-mail address.", item.title)
    reminded = set()
    for address, items in sorted(per_person.items()):
        try:
            report.owner_mails += _send_owner_reminder(address, items, today)
        except Exception:
            # One address refused, or the mail server away for a moment: the others still get theirs.
            logger.exception("The toolbox review reminder to %s could not be sent.", address)
            report.failed += 1
            continue
        reminded.update(item.pk for item in items)
    report.reminded_items += ToolboxItemPage.objects.filter(pk__in=reminded).update(
        review_reminder_sent_for=F("next_review_on")
    )
    return report


def _send_owner_reminder(address: str, items: list[ToolboxItemPage], today: date) -> int:
    with translation.override(settings.LANGUAGE_CODE):
        listed = [_mail_item(item, today) for item in items[:ITEMS_LISTED]]
        subject = ngettext(
            "%(count)s toolbox item is due for a check",
            "%(count)s toolbox items are due for a check",
            len(items),
        ) % {"count": len(items)}
        context = {"items": listed, "not_listed": len(items) - len(listed)}
        return _send(address, subject, "owner_reminder", context)


def send_overdue_summary(today: date, report: ReviewMailReport | None = None) -> ReviewMailReport:
    """To each moderator, a mail listing the items overdue for a check; nothing overdue, no mail."""
    report = report or ReviewMailReport()
    items = overdue(today)
    total = items.count()
    if not total:
        return report
    with translation.override(settings.LANGUAGE_CODE):
        listed = [_mail_item(item, today) for item in items[:ITEMS_LISTED]]
        subject = ngettext(
            "Toolbox: %(count)s item is overdue for a check",
            "Toolbox: %(count)s items are overdue for a check",
            total,
        ) % {"count": total}
        context = {
            "items": listed,
            "total": total,
            "not_listed": total - len(listed),
            "report_url": mail_url(reverse("toolbox_review_report")),
        }
        for address in moderator_addresses():
            try:
                report.summary_mails += _send(address, subject, "overdue_summary", context)
            except Exception:
                logger.exception("The toolbox overdue summary to %s could not be sent.", address)
                report.failed += 1
    return report
