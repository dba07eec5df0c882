"""The figures the usage reports show, each over a period of days (both ends included).

Each is one query, however many days or terms: the database sums the daily totals. Rows are dicts
(``values()``), which the report tables and the CSV/XLSX export read alike.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import F, Func, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from wagtail.contrib.search_promotions.models import QueryDailyHits

from usage.models import DownloadDay, PageViewDay, ResultClickDay, SearchOutcomeDay, UsefulnessAnswer, UsefulnessDay

DEFAULT_DAYS = 30


@dataclass(frozen=True)
class Period:
    first: date
    last: date

    @classmethod
    def ending(cls, last: date, days: int = DEFAULT_DAYS) -> "Period":
        return cls(last - timedelta(days=days - 1), last)

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def _sum_in(queryset: QuerySet, field: str) -> Coalesce:
    """The sum of ``field`` over ``queryset`` (already narrowed to the outer row by an OuterRef), 0
    when it has no rows: a SUM without GROUP BY, so the subquery gives one row."""
    total = queryset.order_by().annotate(total=Func(F(field), function="SUM")).values("total")[:1]
    return Coalesce(Subquery(total), 0, output_field=IntegerField())


def top_searches(period: Period) -> QuerySet:
    """Search terms by their number of searches, with how many of those found nothing and how often
    a result was followed from them (the click-through)."""
    days = (period.first, period.last)
    zero = SearchOutcomeDay.objects.filter(query=OuterRef("query_id"), day__range=days)
    followed = ResultClickDay.objects.filter(term=OuterRef("query__query_string"), day__range=days)
    return (
        QueryDailyHits.objects.filter(date__range=days)
        .values("query_id", "query__query_string")
        .annotate(
            searches=Sum("hits"),
            zero_result_searches=_sum_in(zero, "zero_result_searches"),
            followed=_sum_in(followed, "clicks"),
        )
        .order_by("-searches", "query__query_string")
    )


def zero_result_searches(period: Period) -> QuerySet:
    """Search terms that found nothing, the most frequent first."""
    return (
        SearchOutcomeDay.objects.filter(day__range=(period.first, period.last), zero_result_searches__gt=0)
        .values("query_id", "query__query_string")
        .annotate(zero_result_searches=Sum("zero_result_searches"))
        .order_by("-zero_result_searches", "query__query_string")
    )


def result_clicks(period: Period) -> QuerySet:
    """Which page was followed how often from which search term, with that term's searches."""
    searches = QueryDailyHits.objects.filter(
        query__query_string=OuterRef("term"), date__range=(period.first, period.last)
    )
    return (
        ResultClickDay.objects.filter(day__range=(period.first, period.last))
        .values("term", "page_id", "page__title")
        .annotate(clicks=Sum("clicks"), searches=_sum_in(searches, "hits"))
        .order_by("-clicks", "term", "page__title")
    )


def most_viewed_pages(period: Period) -> QuerySet:
    return (
        PageViewDay.objects.filter(day__range=(period.first, period.last))
        .values("page_id", "page__title")
        .annotate(views=Sum("views"))
        .order_by("-views", "page__title")
    )


def views_per_day(period: Period) -> list[tuple[date, int]]:
    """Every day of the period with its views of all pages, days without views as 0."""
    totals = dict(
        PageViewDay.objects.filter(day__range=(period.first, period.last))
        .values("day")
        .annotate(views=Sum("views"))
        .values_list("day", "views")
    )
    return [(day, totals.get(day, 0)) for day in period.days()]


def most_downloaded_documents(period: Period) -> QuerySet:
    return (
        DownloadDay.objects.filter(day__range=(period.first, period.last))
        .values("document_id", "document__title")
        .annotate(downloads=Sum("downloads"))
        .order_by("-downloads", "document__title")
    )


def usefulness_per_page(period: Period) -> QuerySet:
    return (
        UsefulnessDay.objects.filter(day__range=(period.first, period.last))
        .values("page_id", "page__title")
        .annotate(useful=Sum("useful"), not_useful=Sum("not_useful"))
        .order_by("-not_useful", "-useful", "page__title")
    )


def comments(period: Period) -> QuerySet:
    """The answers with a comment, newest first (kept 12 months: older periods show none)."""
    return (
        UsefulnessAnswer.objects.filter(answered_at__date__range=(period.first, period.last))
        .exclude(comment="")
        .select_related("page")
        .order_by("-answered_at", "-pk")
    )
