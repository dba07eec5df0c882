"""What makes a followed activity's followers hear of a change: a page published or unpublished (by an
editor, or a reviewer approving an import), and an import run, which cancels and withdraws the dates
of live pages without publishing them. Each enqueues ``check_followed_events`` for the pages concerned;
the worker compares their public dates with what the followers knew. The daily ``send_alerts`` checks
every followed page too, so a change whose task was lost is told the next morning.

Enqueued inside the transaction that made the change: the database task queue writes the task in it,
so the worker sees it only once the change is committed.
"""

import logging

from wagtail.signals import page_published, page_unpublished

from agenda_pages.importing.signals import feed_imported
from agenda_pages.models import EventPage
from alerts.models import Follow
from alerts.tasks import check_followed_events

logger = logging.getLogger(__name__)


def _enqueue(follows) -> None:
    followed = list(follows.confirmed().values_list("page_id", flat=True).distinct())
    if not followed:
        return
    try:
        check_followed_events.enqueue(sorted(followed))
    except Exception:  # telling followers is not part of publishing: the daily run catches up
        logger.exception("The check of followed activities %s could not be enqueued.", followed)


def page_changed(sender, instance, **kwargs):
    _enqueue(Follow.objects.filter(page_id=instance.pk))


def import_finished(sender, source, report, **kwargs):
    if report.updated or report.cancelled or report.withdrawn:
        _enqueue(Follow.objects.filter(page__source=source))


def connect() -> None:
    page_published.connect(page_changed, sender=EventPage, dispatch_uid="alerts.page_published")
    page_unpublished.connect(page_changed, sender=EventPage, dispatch_uid="alerts.page_unpublished")
    feed_imported.connect(import_finished, dispatch_uid="alerts.feed_imported")
