"""Whether a learner has finished a course: every live lesson completed, every self-check answered.

Read only: the lessons record their own completion (``LessonProgress.completed_at``) and answers.
Three queries whatever the course's size: its lessons, the learner's completed lessons among them,
and the learner's answers in them. The questions are read from the lessons' bodies already fetched,
as raw block data: turning a body into blocks would load each video's document, a query a lesson.
"""

from dataclasses import dataclass

from elearning_pages.blocks import QUESTION_BLOCK_TYPES
from elearning_pages.models import CoursePage, Learner, LessonPage, LessonProgress, SelfCheckAnswer


@dataclass(frozen=True)
class OpenLesson:
    """A lesson the learner still has to do something in."""

    lesson: LessonPage
    completed: bool  # the lesson itself is marked done, only questions are left
    unanswered: int  # self-check questions without an answer


@dataclass(frozen=True)
class CourseStatus:
    lesson_count: int
    open_lessons: list[OpenLesson]

    @property
    def completed(self) -> bool:
        # A course without live lessons is never finished: it would hand out certificates for nothing.
        return self.lesson_count > 0 and not self.open_lessons


def question_keys(lesson: LessonPage) -> list[str]:
    """The ids of ``lesson.question_blocks()``, without loading the rest of the body."""
    return [item["id"] for item in lesson.body.raw_data if item["type"] in QUESTION_BLOCK_TYPES]


def course_status(learner: Learner | None, course: CoursePage) -> CourseStatus:
    """What is left of ``course`` for ``learner`` (None: a visitor who has done nothing yet)."""
    lessons = list(course.lessons())
    keys = [lesson.translation_key for lesson in lessons]
    if learner is None or not lessons:
        done, answered = set(), set()
    else:
        done = set(
            LessonProgress.objects.completed()
            .filter(learner=learner, lesson_key__in=keys)
            .values_list("lesson_key", flat=True)
        )
        answered = set(
            SelfCheckAnswer.objects.filter(learner=learner, lesson_key__in=keys).values_list("question_key", flat=True)
        )
    open_lessons = []
    for lesson in lessons:
        unanswered = sum(1 for key in question_keys(lesson) if key not in answered)
        completed = lesson.translation_key in done
        if unanswered or not completed:
            open_lessons.append(OpenLesson(lesson=lesson, completed=completed, unanswered=unanswered))
    return CourseStatus(lesson_count=len(lessons), open_lessons=open_lessons)


def has_completed(learner: Learner | None, course: CoursePage) -> bool:
    return course_status(learner, course).completed
