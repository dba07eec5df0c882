"""How far a learner is: which lessons are done, where to go on, and marking activity and completion.

A lesson is "started" once the learner did something in it (answered a self-check) and "done" once
they said so and every self-check it has now is answered: a question an editor adds later opens the
lesson again. A course is complete when every lesson it has live is done. This is the one definition
the course page, the overview, ``CourseProgress.completed_at`` and the certificate all read.

Rows are made on the first activity, never on a plain page view. Lessons and courses are named by
their ``translation_key`` and questions by their block id, so the Dutch and the English course show
the same progress.
"""

import enum
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from elearning_pages.models import (
    CourseIndexPage,
    CoursePage,
    CourseProgress,
    Learner,
    LessonPage,
    LessonProgress,
    SelfCheckAnswer,
)

from .answers import question_keys


class Status(enum.StrEnum):
    NOT_STARTED = "not-started"
    STARTED = "started"
    DONE = "done"


@dataclass(frozen=True)
class LearnerProgress:
    """Everything one learner has done, read in two queries (a learner has a few dozen rows at most)."""

    lessons: dict[UUID, LessonProgress] = field(default_factory=dict)  # by lesson key
    answers: dict[str, SelfCheckAnswer] = field(default_factory=dict)  # by question key

    def answers_in(self, lesson: LessonPage) -> dict[str, SelfCheckAnswer]:
        return {key: row for key, row in self.answers.items() if row.lesson_key == lesson.translation_key}


def progress_of(learner: Learner | None) -> LearnerProgress:
    """The learner's lesson rows and answers; nothing, and no query, without a learner."""
    if learner is None:
        return LearnerProgress()
    return LearnerProgress(
        lessons={row.lesson_key: row for row in LessonProgress.objects.filter(learner=learner)},
        answers={row.question_key: row for row in SelfCheckAnswer.objects.filter(learner=learner)},
    )


@dataclass(frozen=True)
class LessonState:
    lesson: LessonPage
    number: int
    started: bool
    marked_done: bool  # the learner clicked "Ik heb deze les afgerond"
    unanswered: int  # self-checks the lesson has now without an answer (0 for a visitor)

    @property
    def done(self) -> bool:
        return self.marked_done and not self.unanswered

    @property
    def status(self) -> Status:
        if self.done:
            return Status.DONE
        return Status.STARTED if self.started else Status.NOT_STARTED


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
        # A course without live lessons is never complete: it would hand out certificates for nothing.
        return bool(self.lessons) and self.done == self.total

    @property
    def open_lessons(self) -> list[LessonState]:
        return [state for state in self.lessons if not state.done]


def course_state(course: CoursePage, lessons: list[LessonPage], progress: LearnerProgress) -> CourseState:
    """The state of each lesson and where to go on, from what was read beforehand: no queries.

    With any progress the lessons' bodies must be loaded (not deferred): their questions are read
    from the stored block data, without turning the bodies into blocks (which would load each
    video's document, a query per lesson). A visitor's state needs no bodies.
    """
    states = []
    for number, lesson in enumerate(lessons, start=1):
        row = progress.lessons.get(lesson.translation_key)
        unanswered = [key for key in question_keys(lesson) if key not in progress.answers] if progress.lessons else []
        states.append(LessonState(lesson, number, row is not None, bool(row and row.completed_at), len(unanswered)))
    touched = [
        (progress.lessons[state.lesson.translation_key].updated_at, index)
        for index, state in enumerate(states)
        if state.started
    ]
    unfinished = [state for state in states if not state.done]
    resume = None
    if unfinished:
        last = max(touched)[1] if touched else 0
        resume = next((state for state in states[last:] if not state.done), unfinished[0])
    return CourseState(course=course, lessons=states, resume=resume, started=bool(touched))


def lessons_for_state(lessons, progress: LearnerProgress) -> list[LessonPage]:
    """``lessons`` with their bodies when ``course_state`` will read them; a visitor's need none."""
    return list(lessons if progress.lessons else lessons.defer_streamfields())


def course_state_of(learner: Learner | None, course: CoursePage) -> CourseState:
    """Three queries however many lessons: the learner's rows, their answers, the course's lessons."""
    progress = progress_of(learner)
    return course_state(course, lessons_for_state(course.lessons(), progress), progress)


def courses_of(index: CourseIndexPage, learner: Learner | None) -> list[CourseState]:
    """Every live course of the overview with the learner's state: four queries however many."""
    progress = progress_of(learner)
    courses = list(CoursePage.objects.child_of(index).live().order_by("path"))
    lessons = lessons_for_state(LessonPage.objects.descendant_of(index).live().order_by("path"), progress)
    return [
        course_state(course, [lesson for lesson in lessons if lesson.path.startswith(course.path)], progress)
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


def complete_lesson(learner: Learner, course: CoursePage, lesson: LessonPage, now: datetime) -> CourseState:
    """Mark the lesson done (its first completion is kept), and the course when that completes it."""
    note_activity(learner, course, lesson, now)
    LessonProgress.objects.filter(
        learner=learner, lesson_key=lesson.translation_key, completed_at__isnull=True
    ).update(completed_at=now)
    return note_course_completion(learner, course, now)


def note_course_completion(learner: Learner, course: CoursePage, now: datetime) -> CourseState:
    """Keep the moment the course first became complete, for the reports. Called after finishing a
    lesson and after an answer: a question added to a finished lesson completes the course once
    answered. The course's state as it is now."""
    state = course_state_of(learner, course)
    if state.complete:
        CourseProgress.objects.filter(
            learner=learner, course_key=course.translation_key, completed_at__isnull=True
        ).update(completed_at=now)
    return state
