"""Report "Drop-out per lesson": per course, lesson by lesson in course order, how many learners
started the lesson, how many finished it, and which share went on to the next lesson.

"Went on" means the learner also opened the next lesson (at any time): the database answers it for
all lessons at once with one counting query, the "next lesson" of each lesson written into it as a
CASE. The live courses and lessons come from two more queries.
"""

from dataclasses import dataclass
from itertools import pairwise

from django.db.models import Case, Count, Exists, OuterRef, Q, UUIDField, Value, When
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn, Table, TitleColumn

from elearning_pages.models import LessonProgress
from kankernl_site.reports.charts import bar_chart

from .common import ElearningReportView, menu_item, percentage, share_label
from .pages import live_courses_with_lessons, name_of
from .period import Period

URL_NAME = "elearning_dropout_report"


@dataclass(frozen=True)
class LessonStep:
    course: str
    course_key: str
    number: int
    lesson: str
    lesson_url: str
    started: int
    finished: int
    went_on: int | None  # None for a course's last lesson

    @property
    def finished_share(self) -> int | None:
        return percentage(self.finished, self.started)

    @property
    def went_on_share(self) -> int | None:
        return None if self.went_on is None else percentage(self.went_on, self.started)

    @property
    def finished_label(self) -> str:
        return share_label(self.finished_share)

    @property
    def went_on_label(self) -> str:
        return share_label(self.went_on_share)


def _lesson_counts(next_lesson: dict, lesson_keys: list, period: Period) -> dict:
    next_key = Case(
        *(When(lesson_key=key, then=Value(following)) for key, following in next_lesson.items()),
        default=None,
        output_field=UUIDField(),
    )
    opened_next = LessonProgress.objects.filter(learner=OuterRef("learner"), lesson_key=OuterRef("next_key"))
    rows = (
        LessonProgress.objects.filter(lesson_key__in=lesson_keys)
        .filter(visited_at__gte=period.starts, visited_at__lt=period.ends)
        .annotate(next_key=next_key)
        .values("lesson_key")
        .annotate(
            started=Count("pk"),
            finished=Count("pk", filter=Q(completed_at__isnull=False)),
            went_on=Count("pk", filter=Q(Exists(opened_next))),
        )
        .order_by()
    )
    return {row["lesson_key"]: row for row in rows}


def lesson_steps(period: Period) -> list[LessonStep]:
    """Every lesson of every live course, in course order, with its counts for ``period``."""
    courses = live_courses_with_lessons()
    next_lesson = {
        lesson.translation_key: following.translation_key
        for _course, lessons in courses
        for lesson, following in pairwise(lessons)
    }
    lesson_keys = [lesson.translation_key for _course, lessons in courses for lesson in lessons]
    counts = _lesson_counts(next_lesson, lesson_keys, period)
    steps = []
    for course, lessons in courses:
        for number, lesson in enumerate(lessons, start=1):
            row = counts.get(lesson.translation_key, {"started": 0, "finished": 0, "went_on": 0})
            steps.append(
                LessonStep(
                    course=course.title,
                    course_key=str(course.translation_key),
                    number=number,
                    lesson=lesson.title,
                    lesson_url=name_of(lesson).edit_url,
                    started=row["started"],
                    finished=row["finished"],
                    went_on=row["went_on"] if lesson.translation_key in next_lesson else None,
                )
            )
    return steps


def per_course(steps: list[LessonStep]) -> list[dict]:
    """The steps grouped by course, each course with its chart and its table."""
    courses = {}
    for step in steps:
        courses.setdefault(step.course_key, []).append(step)
    return [
        {
            "title": rows[0].course,
            "chart": bar_chart(
                f"dropout-{index}",
                _("Learners per lesson: %(course)s") % {"course": rows[0].course},
                _(
                    "Bar chart of the learners who started and who finished each lesson, in course order. "
                    "The numbers are in the table below."
                ),
                [_("Started"), _("Finished")],
                [(f"{row.number}. {row.lesson}", [row.started, row.finished]) for row in rows],
            ),
            "table": Table(_columns(), rows, attrs={"aria-labelledby": f"dropout-{index}-heading"}),
            "id": f"dropout-{index}",
        }
        for index, rows in enumerate(courses.values(), start=1)
    ]


def _columns():
    return [
        NumberColumn("number", label=_("No.")),
        TitleColumn("lesson", label=_("Lesson"), get_url=lambda row: row.lesson_url),
        NumberColumn("started", label=_("Started")),
        NumberColumn("finished", label=_("Finished")),
        Column("finished_label", label=_("Share finished")),
        Column("went_on_label", label=_("Share that went on to the next lesson")),
    ]


class DropoutReportView(ElearningReportView):
    page_title = _("Drop-out per lesson")
    header_icon = "list-ol"
    index_url_name = URL_NAME
    results_template_name = "elearning_pages/admin/reports/dropout_results.html"
    export_filename = "e-learning-drop-out"
    list_export = ["course", "number", "lesson", "started", "finished", "went_on", "went_on_share"]
    export_headings = {
        "course": _("Course"),
        "number": _("No."),
        "lesson": _("Lesson"),
        "started": _("Started"),
        "finished": _("Finished"),
        "went_on": _("Went on to the next lesson"),
        "went_on_share": _("Went on to the next lesson (%)"),
    }

    def get_queryset(self):
        return lesson_steps(self.period)

    @cached_property
    def columns(self):
        return _columns()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["courses"] = per_course(context["object_list"])
        return context


def menu():
    return menu_item(_("Drop-out per lesson"), URL_NAME, "list-ol", 1520)


urlpatterns = [path("reports/e-learning/uitval/", DropoutReportView.as_view(), name=URL_NAME)]
