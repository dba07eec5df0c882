"""The usage counts' background task: a thin wrapper over ``usage.recording``."""

from django.utils import timezone
from django_tasks import task

from usage.recording import forget_old_events


@task()
def forget_old_usage_events() -> dict:
    """The daily round: raw events older than 12 months go, their daily totals stay."""
    return {"deleted": forget_old_events(timezone.now())}
