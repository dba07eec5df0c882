"""The toolbox's most read items: the live items with the most page views over the last 90 days.

One query (and the audiences' prefetch) whatever the number of items or days: the views are summed
in a subquery per item from the daily totals that ``usage`` keeps.
"""

from datetime import date, timedelta

from django.db.models import IntegerField, OuterRef, QuerySet, Subquery, Sum

from usage.models import PageViewDay

MOST_USED_DAYS = 90
MOST_USED_ITEMS = 5


def most_used(items: QuerySet, today: date, limit: int = MOST_USED_ITEMS) -> list:
    """Of ``items``, the ``limit`` with the most views in the 90 days up to and including ``today``,
    most viewed first, equal counts by title. Items nobody read in that time are left out."""
    since = today - timedelta(days=MOST_USED_DAYS - 1)
    views = (
        PageViewDay.objects.filter(page_id=OuterRef("pk"), day__range=(since, today))
        .order_by()
        .values("page_id")
        .annotate(total=Sum("views"))
        .values("total")
    )
    read = items.annotate(recent_views=Subquery(views, output_field=IntegerField())).filter(recent_views__gt=0)
    return list(read.order_by("-recent_views", "title", "pk")[:limit])
