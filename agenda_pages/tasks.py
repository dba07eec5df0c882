"""Background tasks of the agenda: thin wrappers that take ids and return JSON-able summaries.

The scheduler (``manage.py run_scheduler``) enqueues ``import_due_feeds`` every hour and
``send_review_reminders`` once a week.
"""

from django.utils import timezone
from django_tasks import task

from agenda_pages import conf
from agenda_pages.importing.service import import_due_sources, import_source
from agenda_pages.models import ImportRun
from agenda_pages.moderation import notifications


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
