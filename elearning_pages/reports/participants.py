"""Report "E-learning: participants per month": per course and month, how many learners started it
and how many finished it. Counted by the database (two queries), titles looked up in one more."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, DateField
from django.db.models.functions import TruncMonth
from django.urls import path
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn

from elearning_pages.models import CoursePage, CourseProgress
from kankernl_site.reports.charts import bar_chart

from .common import ElearningReportView, menu_item
from .pages import name_of, pages_by_key
from .period import Period

URL_NAME = "elearning_participants_report"


@dataclass(frozen=True)
class CourseMonth:
    course: str
    course_url: str
    month: date
    started: int
    completed: int

    @property
    def month_label(self) -> str:
        return date_format(self.month, "F Y")

    @property
    def month_code(self) -> str:
        return f"{self.month:%Y-%m}"


def _per_course_and_month(field: str, period: Period):
    in_period = {f"{field}__gte": period.starts, f"{field}__lt": period.ends}
    return (
        CourseProgress.objects.filter(**in_period)
        .annotate(month=TruncMonth(field, output_field=DateField()))
        .values("course_key", "month")
        .annotate(count=Count("pk"))
        .order_by()
    )


def participants_per_month(period: Period) -> list[CourseMonth]:
    """One row per course and month with a start or a finish in ``period``, by course title and month.

    A learner who started in March and finished in May counts as started in March and finished in
    May: each month says what happened in it.
    """
    counts = defaultdict(lambda: [0, 0])
    for column, field in enumerate(("started_at", "completed_at")):
        for row in _per_course_and_month(field, period):
            counts[row["course_key"], row["month"]][column] = row["count"]
    courses = pages_by_key(CoursePage, {key for key, _month in counts})
    rows = []
    for (key, month), (started, completed) in counts.items():
        name = name_of(courses.get(key))
        rows.append(CourseMonth(name.title, name.edit_url, month, started, completed))
    return sorted(rows, key=lambda row: (row.course.casefold(), row.month))


def _month_label(month: date, first: bool) -> str:
    """The month's short name, with the year below it for January and for the first month shown."""
    name = date_format(month, "M")
    return f"{name}\n{month.year}" if first or month.month == 1 else name


def monthly_chart(rows: list[CourseMonth], period: Period):
    """All courses together, one pair of bars per month of the period (empty months included)."""
    totals = {month: [0, 0] for month in period.months()}
    for row in rows:
        totals[row.month][0] += row.started
        totals[row.month][1] += row.completed
    return bar_chart(
        "participants-chart",
        _("Learners per month, all courses"),
        _(
            "Bar chart of the learners who started and who finished a course, per month. "
            "The numbers are in the table below."
        ),
        [_("Started"), _("Finished")],
        [(_month_label(month, first=index == 0), values) for index, (month, values) in enumerate(totals.items())],
    )


class ParticipantsReportView(ElearningReportView):
    page_title = _("E-learning: participants per month")
    header_icon = "group"
    index_url_name = URL_NAME
    results_template_name = "elearning_pages/admin/reports/participants_results.html"
    export_filename = "e-learning-participants"
    list_export = ["course", "month_code", "started", "completed"]
    export_headings = {
        "course": _("Course"),
        "month_code": _("Month"),
        "started": _("Started"),
        "completed": _("Finished"),
    }

    def get_queryset(self):
        return participants_per_month(self.period)

    @cached_property
    def columns(self):
        return [
            TitleColumn("course", label=_("Course"), get_url=lambda row: row.course_url or None),
            Column("month_label", label=_("Month")),
            NumberColumn("started", label=_("Started")),
            NumberColumn("completed", label=_("Finished")),
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        rows = context["object_list"]
        context["chart"] = monthly_chart(rows, self.period)
        context["totals"] = {"started": sum(r.started for r in rows), "completed": sum(r.completed for r in rows)}
        return context


def menu():
    return menu_item(_("E-learning: participants per month"), URL_NAME, "group", 1500)


urlpatterns = [path("reports/e-learning/deelnemers/", ParticipantsReportView.as_view(), name=URL_NAME)]
