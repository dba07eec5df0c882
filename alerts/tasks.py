"""The alerts' background tasks: thin wrappers over ``alerts.sending.service``.

The scheduler (``manage.py run_scheduler``) enqueues ``send_alerts`` every morning; a publish, an
unpublish or an import enqueues ``check_followed_events`` for the pages concerned.
"""

from django.utils import timezone
from django_tasks import task

from alerts.sending import service


@task()
def send_alerts() -> dict:
    """The daily round: forget unconfirmed alerts, tell followers what changed, send the due digests."""
    now = timezone.now()
    deleted = service.delete_unconfirmed(now)
    follows = service.check_follows(now)  # catches any change whose own task did not run
    digests = service.send_digests(now)
    return {"deleted_unconfirmed": deleted, "follows": follows.as_json(), "digests": digests.as_json()}


@task()
def check_followed_events(page_ids: list[int]) -> dict:
    """Tell the followers of these pages about cancelled, moved or withdrawn dates."""
    return service.check_follows(timezone.now(), page_ids).as_json()
