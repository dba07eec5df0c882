"""Background tasks of the toolbox: thin wrappers that return JSON-able summaries.

The scheduler (``manage.py run_scheduler``) enqueues ``send_review_mails`` every morning.
"""

from django.utils import timezone
from django_tasks import task

from toolbox.review import reminders


@task()
def send_review_mails() -> dict:
    """Remind owners of the items that fell due; on Mondays, tell the moderators what is overdue."""
    return reminders.send_review_mails(timezone.localdate()).as_json()
