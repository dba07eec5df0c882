"""Background tasks of the site itself (the scheduler enqueues them, see ``kankernl_site.scheduling``)."""

from django.utils import timezone
from django_tasks import task

from kankernl_site import task_recovery


@task()
def requeue_stale_tasks() -> dict:
    """Queue again the tasks whose worker died while running them."""
    return task_recovery.requeue_stale_tasks(timezone.now()).as_json()
