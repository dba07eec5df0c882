"""E-mail to the people who review imported events: one digest per import run, a weekly reminder.

Mail goes to the centre's own staff: the active members of its staff group with an e-mail address who
have not switched off "submitted" notifications in their Wagtail account. A centre without any staff
with an e-mail address would never hear of its events, so its mail goes to the moderators instead.

Mails are written in the site's language (Dutch): they are sent from background tasks and imports,
where no request says which language the reader prefers.
"""

import logging
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, ngettext

from agenda_pages.models import CentrePage, CentreStaffGroup, EventPage
from agenda_pages.models.moderation import pending_event_reviews
from agenda_pages.models.revisions import RevisionDate, first_upcoming, revision_dates, table_dates
from agenda_pages.moderation import roles
from kankernl_site.absolute_urls import mail_url
from kankernl_site.mails import send_templated

logger = logging.getLogger(__name__)

REMINDER_AFTER = timedelta(days=7)
TEMPLATES = "agenda_pages/mail/"
DIGEST_EVENTS_LISTED = 50
REMINDER_EVENTS_LISTED = 50


# Who reviews


@dataclass(frozen=True)
class Recipients:
    addresses: list[str]
    moderators: bool  # True when the centre has no staff with an e-mail address


def _addresses(users) -> tuple[bool, list[str]]:
    """Whether any of ``users`` has an e-mail address, and the addresses of those who want the mail."""
    rows = (
        users.filter(is_active=True)
        .exclude(email="")
        .values_list("email", "wagtail_userprofile__submitted_notifications")
    )
    rows = list(rows.distinct())
    # No profile (None) means Wagtail's default: notifications on.
    return bool(rows), sorted({email for email, wanted in rows if wanted is not False})


def review_recipients(centre: CentrePage) -> Recipients:
    users = get_user_model().objects
    has_staff, addresses = _addresses(
        users.filter(groups__centre_link__in=CentreStaffGroup.objects.for_centre(centre))
    )
    if has_staff:
        return Recipients(addresses, moderators=False)
    _has_moderators, addresses = _addresses(users.filter(groups__name=roles.MODERATORS))
    return Recipients(addresses, moderators=True)


# What waits


@dataclass(frozen=True)
class ReviewItem:
    """One event in a mail, as its version waiting for review has it."""

    title: str
    start: datetime | None
    all_day: bool
    is_new: bool
    edit_url: str
    waiting_since: datetime | None = None
    waiting_days: int = 0


def _pending_version(page: EventPage) -> tuple[str, list[RevisionDate]]:
    """The title and dates of the version waiting for review: the page's latest revision."""
    if page.latest_revision is None:  # never saved as a revision: the table is all there is
        return page.title, table_dates(page.occurrences.all())
    content = page.latest_revision.content
    return content.get("title", page.title), revision_dates(content)


def waiting_days(since: datetime, now: datetime) -> int:
    """Calendar days in Dutch time: waiting since Monday is "7 days" all next Monday."""
    return (timezone.localdate(now) - timezone.localdate(since)).days


def review_list_url() -> str:
    return mail_url(reverse("agenda_review"))


def _review_items(pages, now: datetime, waiting_since: dict[int, datetime] | None = None) -> list[ReviewItem]:
    """What the reviewers will see: title and dates come from each page's latest revision, not the
    live version, because that is what waits for their approval. Sorted here by that first date,
    which only the revision knows."""
    items = []
    for page in pages:
        title, dates = _pending_version(page)
        first = first_upcoming(dates, now)
        since = (waiting_since or {}).get(page.pk)
        items.append(
            ReviewItem(
                title=title,
                start=first.start if first else None,
                all_day=first.all_day if first else False,
                is_new=not page.live,
                edit_url=mail_url(reverse("wagtailadmin_pages:edit", args=(page.pk,))),
                waiting_since=since,
                waiting_days=waiting_days(since, now) if since else 0,
            )
        )
    return sorted(items, key=lambda item: (item.start is None, item.start or now, item.title))


def _send(subject: str, template: str, context: dict, recipients: Recipients) -> int:
    context = {**context, "to_moderators": recipients.moderators}
    return send_templated(f"{TEMPLATES}{template}", subject, context, recipients.addresses)


# The digest after an import run


def _digest_subject(centre: str, new: int, changed: int) -> str:
    names = {"centre": centre, "count": new + changed, "new": new, "changed": changed}
    if new and changed:
        return gettext("%(new)s new and %(changed)s changed events from %(centre)s are waiting for review") % names
    if new:
        return (
            ngettext(
                "%(count)s new event from %(centre)s is waiting for review",
                "%(count)s new events from %(centre)s are waiting for review",
                new,
            )
            % names
        )
    return (
        ngettext(
            "%(count)s changed event from %(centre)s is waiting for review",
            "%(count)s changed events from %(centre)s are waiting for review",
            changed,
        )
        % names
    )


def _nobody_to_mail(total: int, centre: CentrePage, waiting: str) -> str:
    """Said when no mail goes out: what waits and why nobody was mailed, not as a failure (a new
    site, the demo, or a centre whose reviewers all switched the mails off)."""
    events, are = ("1 event", "is") if total == 1 else (f"{total} events", "are")
    return (
        f"{events} from {centre.title} {are} {waiting} under 'To review' in the admin; no e-mail was sent, because "
        "nobody who reviews this centre's events has an e-mail address with notifications switched on."
    )


def send_review_digest(source, page_ids, run=None) -> int:
    """One e-mail to the centre's reviewers listing the events an import run put into review.

    Events approved (or rejected and published) since the run are left out. Returns the number of
    e-mails sent: 0 or 1.
    """
    centre = source.centre
    # Read from the pages rather than ``pending_event_reviews()``: a centre whose events wait in
    # another kind of workflow (or in none) still hears of what its feed brought in.
    waiting = EventPage.objects.filter(pk__in=page_ids, path__startswith=centre.path).filter(
        Q(live=False) | Q(has_unpublished_changes=True)
    )
    total, new_total = waiting.count(), waiting.filter(live=False).count()
    if not total:
        return 0
    # A centre's first import can bring thousands of events: the mail names the soonest few and
    # counts the rest, so neither the mail nor the memory it takes to write grows with the feed.
    pages = list(
        waiting.annotate(first_start=Min("occurrences__start"))
        .order_by("first_start", "pk")
        .select_related("latest_revision")[:DIGEST_EVENTS_LISTED]
    )
    recipients = review_recipients(centre)
    if not recipients.addresses:
        logger.info(_nobody_to_mail(total, centre, "waiting for review"))
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        items = _review_items(pages, timezone.now())
        new = [item for item in items if item.is_new]
        changed = [item for item in items if not item.is_new]
        context = {
            "centre": centre.title,
            "new_events": new,
            "changed_events": changed,
            "review_url": review_list_url(),
            "not_listed": total - len(items),
        }
        subject = _digest_subject(centre.title, new_total, total - new_total)
        sent = _send(subject, "review_digest", context, recipients)
    logger.info(
        "Told %s reviewers of %s about %s events waiting for review (import run %s).",
        len(recipients.addresses),
        centre.title,
        total,
        run.pk if run else "-",
    )
    return sent


# The weekly reminder


@dataclass
class ReminderReport:
    centres: int = 0  # centres with events waiting more than a week
    events: int = 0
    sent: int = 0
    failed: int = 0

    def as_json(self) -> dict:
        return asdict(self)


def send_review_reminders(now: datetime) -> ReminderReport:
    """One e-mail per centre listing its events that have waited for review for more than a week.

    Each mail names the ``REMINDER_EVENTS_LISTED`` longest waiting and counts the rest, and the
    events are counted per centre by the database, so a backlog of thousands costs the same queries
    and memory as a few. A centre whose mail cannot be sent is logged and counted; the other centres
    still get theirs.
    """
    overdue = pending_event_reviews().filter(started_at__lt=now - REMINDER_AFTER)
    per_centre = list(overdue.per_centre())
    centres = CentrePage.objects.in_bulk([row["centre_path"] for row in per_centre], field_name="path")
    report = ReminderReport()
    for row in per_centre:
        centre = centres.get(row["centre_path"])
        if centre is None:
            continue
        report.centres += 1
        report.events += row["pending"]
        # By the path of each state's page (a key lookup per state), not "page in (pages under the
        # centre)": with LIMIT, PostgreSQL chose to scan the pages once per state, 20 s at 10,000.
        since = dict(
            overdue.with_centre_path()
            .filter(centre_path=centre.path)
            .order_by("started_at", "event_id")
            .values_list("event_id", "started_at")[:REMINDER_EVENTS_LISTED]
        )
        pages = EventPage.objects.select_related("latest_revision").in_bulk(list(since))
        try:
            report.sent += _send_reminder(centre, list(pages.values()), since, row["pending"], now)
        except Exception:
            # One centre's mail failing (a refused address, the mail server away) must not keep the
            # reminder from the others; the command reports the failures.
            logger.exception("The review reminder for %s could not be sent.", centre.title)
            report.failed += 1
    return report


def _send_reminder(centre: CentrePage, pages: list[EventPage], since: dict[int, datetime], total: int, now) -> int:
    recipients = review_recipients(centre)
    if not recipients.addresses:
        logger.info(_nobody_to_mail(total, centre, "waiting for review for more than a week"))
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        items = _review_items(pages, now, since)
        subject = ngettext(
            "%(count)s event from %(centre)s has been waiting for review for more than a week",
            "%(count)s events from %(centre)s have been waiting for review for more than a week",
            total,
        ) % {"count": total, "centre": centre.title}
        context = {
            "centre": centre.title,
            "events": items,
            "review_url": review_list_url(),
            "not_listed": total - len(items),
        }
        return _send(subject, "review_reminder", context, recipients)
