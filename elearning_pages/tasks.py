"""The e-learning's background tasks: thin wrappers over their service functions.

The scheduler (``manage.py run_scheduler``, see ``kankernl_site.scheduling``) enqueues
``delete_stale_learners`` every night; "Ga verder op een ander apparaat" enqueues
``send_continue_mail``.
"""

from django.utils import timezone
from django_tasks import task

from elearning_pages.learning import retention
from elearning_pages.learning.saving import service as saving


@task()
def delete_stale_learners() -> dict:
    """Forget the learners whose progress nobody touched for a year."""
    return {"deleted_learners": retention.delete_stale_learners(timezone.now())}


@task()
def send_continue_mail(index_id: int, learner_id: int) -> dict:
    """The "continue elsewhere" link, from the worker so the page answers alike for every address."""
    return {"sent": saving.send_continue_mail(index_id, learner_id)}
