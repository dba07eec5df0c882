"""What is due for a check: the selection behind the review report and the reminder mails.

Only published items: a draft has no readers yet to mislead, and it is checked when it is published.
"""

from datetime import date, timedelta

from django.utils.translation import gettext

from toolbox.models import ToolboxItemPage

DEFAULT_HORIZON_DAYS = 30


def due_within(today: date, horizon_days: int = DEFAULT_HORIZON_DAYS):
    """Items overdue or due within ``horizon_days``: the longest overdue first."""
    return (
        ToolboxItemPage.objects.live()
        .filter(next_review_on__lte=today + timedelta(days=horizon_days))
        .select_related("owner_user", "owner_group")
        .prefetch_related("topics")
        .order_by("next_review_on", "title", "pk")
    )


def overdue(today: date):
    return due_within(today, 0).overdue(today)


def days_overdue(item: ToolboxItemPage, today: date) -> int:
    """Days since the check fell due; 0 on the day itself, negative while it is still to come."""
    return (today - item.next_review_on).days


def owner_name(item: ToolboxItemPage) -> str:
    """The owner as the report and the summary name it: the person, else the group, else nobody."""
    if item.owner_user is not None:
        return item.owner_user.get_full_name() or item.owner_user.get_username()
    if item.owner_group is not None:
        return item.owner_group.name
    return gettext("No owner (moderators)")


def topic_names(item: ToolboxItemPage) -> str:
    return ", ".join(sorted(topic.label for topic in item.topics.all()))
