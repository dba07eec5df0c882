"""Keeping items current ("borging"): when an item falls due for its next review.

An item is *due* on the day of its next review and after; *overdue* from the day after. Reminders
and the review report (later) select with these, so the rule lives in one place.
"""

import calendar
from datetime import date

from wagtail.models import PageManager, PageQuerySet


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


class ToolboxItemQuerySet(PageQuerySet):
    def due(self, today: date):
        """Items whose next review is today or earlier."""
        return self.filter(next_review_on__lte=today)

    def overdue(self, today: date):
        """Items whose next review day has passed."""
        return self.filter(next_review_on__lt=today)

    def overdue_by_months(self, today: date, months: int):
        """Items whose next review passed more than ``months`` months ago: readers see a notice."""
        return self.filter(next_review_on__lt=add_months(today, -months))


ToolboxItemManager = PageManager.from_queryset(ToolboxItemQuerySet)
