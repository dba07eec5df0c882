"""The e-learning's background tasks: thin wrappers over their service functions.

The scheduler (``manage.py run_scheduler``, see ``kankernl_site.scheduling``) enqueues
``delete_stale_learners`` every night.
"""

from django.utils import timezone
from django_tasks import task

from elearning_pages.learning import retention


@task()
def delete_stale_learners() -> dict:
    """Forget the learners whose progress nobody touched for a year."""
    return {"deleted_learners": retention.delete_stale_learners(timezone.now())}
