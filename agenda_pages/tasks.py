"""Background tasks of the agenda: thin wrappers that take ids and return JSON-able summaries.

The scheduler (``manage.py run_scheduler``) enqueues ``import_due_feeds`` every hour and
``send_review_reminders`` once a week.
"""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django_tasks import task

from agenda_pages import conf
from agenda_pages.importing.service import import_due_sources, import_source
from agenda_pages.models import ImportRun
from agenda_pages.moderation import notifications, review
from agenda_pages.public import purging


@task()
def import_feed_source(source_id: int) -> dict:
    """Import one source now, whatever its back-off (an editor asked for it)."""
    return import_source(source_id).as_json()


@task()
def import_due_feeds() -> dict:
    """Import every source that is due, then forget runs older than the retention period."""
    now = timezone.now()
    reports = import_due_sources(now)
    pruned, _ = ImportRun.objects.expired(now, days=conf.import_run_retention_days()).delete()
    return {
        "sources": [report.as_json() for report in reports],
        "failed": sum(1 for report in reports if report.status == "error"),
        "pruned_runs": pruned,
    }


@task()
def send_review_reminders() -> dict:
    """E-mail each centre's reviewers about the events that have waited more than a week."""
    return notifications.send_review_reminders(timezone.now()).as_json()


@task()
def review_all_waiting(user_id: int, action: str, comment: str) -> dict:
    """Approve, or send back with ``comment``, every event waiting for the user's review ("select
    all" in the review list). A task because publishing costs about a tenth of a second an event:
    thousands take minutes, longer than a request may."""
    user = get_user_model().objects.get(pk=user_id)
    act = review.approve_all if action == review.APPROVE else review.reject_all
    with purging.batched():  # a CDN in front hears once, at the end, of the agenda and the centres
        outcome = act(user, comment)
    return {
        "done": len(outcome.done),
        "refused": len(outcome.refused),
        "failed": [[page.pk, error] for page, error in outcome.failed],
    }
