"""How far a learner is: which lessons are done, where to go on, and marking activity and completion.

A lesson is "started" once the learner did something in it (answered a self-check) and "done" once
they said so with every self-check answered. Rows are made on the first activity, never on a plain
page view. Lessons and courses are named by their ``translation_key``, so the Dutch and the English
course show the same progress.
"""

import enum
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from elearning_pages.models import CourseIndexPage, CoursePage, CourseProgress, Learner, LessonPage, LessonProgress


class Status(enum.StrEnum):
    NOT_STARTED = "not-started"
    STARTED = "started"
    DONE = "done"


@dataclass(frozen=True)
class LessonState:
    lesson: LessonPage
    number: int
    status: Status

    @property
    def done(self) -> bool:
        return self.status == Status.DONE


@dataclass(frozen=True)
class CourseState:
    course: CoursePage
    lessons: list[LessonState]
    # The first unfinished lesson at or after the one worked on last; None when all are done.
    resume: LessonState | None
    started: bool

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done(self) -> int:
        return sum(state.done for state in self.lessons)

    @property
    def complete(self) -> bool:
        return bool(self.lessons) and self.done == self.total


def lesson_rows(learner: Learner | None) -> dict[UUID, LessonProgress]:
    """All the learner's lesson rows by lesson key, in one query (a learner has a few dozen at most)."""
    if learner is None:
        return {}
    return {row.lesson_key: row for row in LessonProgress.objects.filter(learner=learner)}


def course_state(course: CoursePage, lessons: list[LessonPage], rows: dict[UUID, LessonProgress]) -> CourseState:
    """The state of each lesson and where to go on, from rows read beforehand: no queries."""
    states = [
        LessonState(lesson, number, _status(rows.get(lesson.translation_key)))
        for number, lesson in enumerate(lessons, start=1)
    ]
    touched = [
        (rows[state.lesson.translation_key].updated_at, index)
        for index, state in enumerate(states)
        if state.lesson.translation_key in rows
    ]
    unfinished = [state for state in states if not state.done]
    resume = None
    if unfinished:
        last = max(touched)[1] if touched else 0
        resume = next((state for state in states[last:] if not state.done), unfinished[0])
    return CourseState(course=course, lessons=states, resume=resume, started=bool(touched))


def _status(row: LessonProgress | None) -> Status:
    if row is None:
        return Status.NOT_STARTED
    return Status.DONE if row.completed_at else Status.STARTED


def courses_of(index: CourseIndexPage, learner: Learner | None) -> list[CourseState]:
    """Every live course of the overview with the learner's state: three queries however many."""
    courses = list(CoursePage.objects.child_of(index).live().order_by("path"))
    lessons = list(LessonPage.objects.descendant_of(index).live().order_by("path").defer_streamfields())
    rows = lesson_rows(learner)
    return [
        course_state(course, [lesson for lesson in lessons if lesson.path.startswith(course.path)], rows)
        for course in courses
    ]


def note_activity(learner: Learner, course: CoursePage, lesson: LessonPage, now: datetime) -> None:
    """The learner did something in ``lesson``: start the course and the lesson if new, and note when."""
    CourseProgress.objects.bulk_create(
        [CourseProgress(learner=learner, course_key=course.translation_key, started_at=now)], ignore_conflicts=True
    )
    LessonProgress.objects.bulk_create(
        [
            LessonProgress(
                learner=learner,
                course_key=course.translation_key,
                lesson_key=lesson.translation_key,
                visited_at=now,
                updated_at=now,
            )
        ],
        ignore_conflicts=True,
    )
    LessonProgress.objects.filter(learner=learner, lesson_key=lesson.translation_key).update(updated_at=now)


def complete_lesson(learner: Learner, course: CoursePage, lesson: LessonPage, now: datetime) -> bool:
    """Mark the lesson done (its first completion is kept); when it was the course's last live lesson
    not yet done, the course too. True when the course is complete."""
    note_activity(learner, course, lesson, now)
    LessonProgress.objects.filter(
        learner=learner, lesson_key=lesson.translation_key, completed_at__isnull=True
    ).update(completed_at=now)
    if not course_is_complete(learner, course):
        return False
    CourseProgress.objects.filter(
        learner=learner, course_key=course.translation_key, completed_at__isnull=True
    ).update(completed_at=now)
    return True


def course_is_complete(learner: Learner | None, course: CoursePage) -> bool:
    """Whether the learner has done every lesson the course has live now."""
    keys = course.lesson_keys()
    if learner is None or not keys:
        return False
    done = LessonProgress.objects.completed().filter(learner=learner, lesson_key__in=keys).count()
    return done == len(keys)
