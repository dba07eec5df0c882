"""Forgetting learners: progress nobody has touched for the retention period (a year) is deleted.

Deleting a learner deletes their course and lesson rows and answers (``on_delete=CASCADE``); their
certificates stay checkable by code but lose the link to the learner (``SET_NULL``).
"""

from datetime import datetime

from elearning_pages.models import Learner


def delete_stale_learners(now: datetime) -> int:
    """Delete the learners not seen for the retention period; how many went."""
    _total, per_model = Learner.objects.stale(now).delete()
    return per_model.get(Learner._meta.label, 0)
