"""Report "Self-checks: right the first time": per question, how many learners answered it and which
share got it right at the first go, the lowest share first, to find the questions that are unclear.

Counted and ordered by the database (one query); the lessons, their courses and the question texts
are looked up in two more, however many questions there are.
"""

from dataclasses import dataclass

from django.db.models import Count, F, FloatField, Q
from django.db.models.functions import Cast
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn

from elearning_pages.blocks.questions import question_text as text_of_question
from elearning_pages.blocks.stored import stored_value
from elearning_pages.models import LessonPage, SelfCheckAnswer

from .common import ElearningReportView, menu_item, percentage, share_label
from .pages import courses_of, name_of, pages_by_key
from .period import Period

URL_NAME = "elearning_self_check_report"


@dataclass(frozen=True)
class QuestionScore:
    course: str
    lesson: str
    lesson_url: str
    question: str
    answered: int
    right_first_time: int

    @property
    def share(self) -> int | None:
        return percentage(self.right_first_time, self.answered)

    @property
    def share_label(self) -> str:
        return share_label(self.share)


def question_text(lesson: LessonPage | None, block_id: str) -> str:
    """The question as the lesson asks it now; a question since removed is named as such."""
    value = stored_value(lesson.body, block_id) if lesson else None
    if value is None:
        return gettext("(question removed)")
    return text_of_question(value)


def question_scores(period: Period) -> list[QuestionScore]:
    counts = (
        SelfCheckAnswer.objects.filter(answered_at__gte=period.starts, answered_at__lt=period.ends)
        .values("lesson_key", "question_key")
        .annotate(answered=Count("pk"), right=Count("pk", filter=Q(first_attempt_correct=True)))
        .annotate(share=Cast(F("right"), FloatField()) / F("answered"))
        .order_by("share", "-answered", "question_key")
    )
    counts = list(counts)
    lessons = pages_by_key(LessonPage, {row["lesson_key"] for row in counts})
    courses = courses_of(lessons.values())
    rows = []
    for row in counts:
        lesson = lessons.get(row["lesson_key"])
        lesson_name = name_of(lesson)
        rows.append(
            QuestionScore(
                course=name_of(courses.get(lesson.path)).title if lesson else "",
                lesson=lesson_name.title,
                lesson_url=lesson_name.edit_url,
                question=question_text(lesson, row["question_key"]),
                answered=row["answered"],
                right_first_time=row["right"],
            )
        )
    return rows


class SelfCheckReportView(ElearningReportView):
    page_title = _("Self-checks: right the first time")
    header_icon = "help"
    index_url_name = URL_NAME
    results_template_name = "elearning_pages/admin/reports/self_checks_results.html"
    export_filename = "e-learning-self-checks"
    list_export = ["course", "lesson", "question", "answered", "right_first_time", "share"]
    export_headings = {
        "course": _("Course"),
        "lesson": _("Lesson"),
        "question": _("Question"),
        "answered": _("Learners who answered"),
        "right_first_time": _("Right the first time"),
        "share": _("Right the first time (%)"),
    }

    def get_queryset(self):
        return question_scores(self.period)

    @cached_property
    def columns(self):
        return [
            Column("question", label=_("Question")),
            Column("course", label=_("Course")),
            TitleColumn("lesson", label=_("Lesson"), get_url=lambda row: row.lesson_url or None),
            NumberColumn("answered", label=_("Learners who answered")),
            Column("share_label", label=_("Right the first time")),
        ]


def menu():
    return menu_item(_("Self-checks: right the first time"), URL_NAME, "help", 1510)


urlpatterns = [path("reports/e-learning/zelftoetsen/", SelfCheckReportView.as_view(), name=URL_NAME)]
