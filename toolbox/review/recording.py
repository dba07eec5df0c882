"""Recording a review: the day an item was last checked, on the page and in its revisions.

An item's check date lives in three places: the page row (what the public page, the report and the
reminders read), its latest revision (what the edit form shows and saves again) and its live
revision. A review changes all three in place, without a new revision: "Still correct" then starts
no workflow and leaves no draft behind, and the edit form does not offer the old date to be saved
again. Publishing counts as a review in any case, so a draft saved before the review cannot move the
date back either.
"""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import PageLogEntry, Revision

from toolbox.models import ToolboxItemPage

STILL_CORRECT = "toolbox.still_correct"
PUBLISHED = ("wagtail.publish", "wagtail.publish.scheduled")


def set_last_reviewed(item: ToolboxItemPage, day: date) -> None:
    """Record that ``item`` was checked on ``day``; its next check follows from its interval."""
    item.last_reviewed_at = day
    item.next_review_on = item.compute_next_review_on()
    # An UPDATE, not ``save()``: saving a page could publish nothing, but would send the signals
    # (search index, cache) and, from the publish handler, run inside Wagtail's own publication.
    ToolboxItemPage.objects.filter(pk=item.pk).update(last_reviewed_at=day, next_review_on=item.next_review_on)
    stored = {"last_reviewed_at": day.isoformat(), "next_review_on": item.next_review_on.isoformat()}
    revision_ids = {item.latest_revision_id, item.live_revision_id} - {None}
    for revision in Revision.objects.filter(pk__in=revision_ids):
        revision.content.update(stored)
        revision.save(update_fields=["content"])


def record_still_correct(item: ToolboxItemPage, user: AbstractBaseUser | None, today: date) -> None:
    """ "Still correct": checked today without a change. Written to the page's history."""
    set_last_reviewed(item, today)
    log(
        instance=item,
        action=STILL_CORRECT,
        user=user,
        data={"last_reviewed_at": today.isoformat(), "next_review_on": item.next_review_on.isoformat()},
    )


def count_publication_as_review(sender, instance: ToolboxItemPage, revision=None, **kwargs) -> None:
    """``page_published``: whoever publishes a change has checked the item, so it is reviewed today.

    Except the first publication of an item that already carries a check date: its content was
    checked before it came to this site (moved from elsewhere, or the demo), and that date stands.
    """
    if instance.last_reviewed_at is not None and _is_first_publication(instance):
        return
    set_last_reviewed(instance, timezone.localdate())


def _is_first_publication(item: ToolboxItemPage) -> bool:
    # The publication's own log entry is written after the signal. The dates alone do not tell:
    # publishing a copy of the page held in memory since before its first publication (as a script
    # does) sets ``first_published_at`` again.
    return item.first_published_at == item.last_published_at and not (
        PageLogEntry.objects.filter(page_id=item.pk, action__in=PUBLISHED).exists()
    )
