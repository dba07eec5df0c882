"""Two learners brought together keep, of every row they share, the most advanced one."""

import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from elearning_pages.learning.saving.merge import merge_learner
from elearning_pages.models import Certificate, CourseProgress, Learner, LessonProgress, SelfCheckAnswer

pytestmark = pytest.mark.django_db
T = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
COURSE, LESSON_A, LESSON_B, LESSON_C = (uuid.uuid4() for _ in range(4))


def lesson(learner, key, *, visited, updated, completed=None):
    return LessonProgress.objects.create(
        learner=learner,
        course_key=COURSE,
        lesson_key=key,
        visited_at=visited,
        updated_at=updated,
        completed_at=completed,
    )


def answer_row(learner, question, *, correct, first, attempts, at):
    return SelfCheckAnswer.objects.create(
        learner=learner,
        lesson_key=LESSON_A,
        question_key=question,
        choice_key="a" if correct else "b",
        correct=correct,
        first_attempt_correct=first,
        attempts=attempts,
        answered_at=at,
    )


def test_the_most_advanced_rows_of_both_are_kept_and_the_other_learner_goes():
    target, source = Learner.objects.create(), Learner.objects.create()
    CourseProgress.objects.create(learner=target, course_key=COURSE, started_at=T + timedelta(days=2))
    CourseProgress.objects.create(learner=source, course_key=COURSE, started_at=T, completed_at=T + timedelta(days=3))
    lesson(target, LESSON_A, visited=T + timedelta(days=2), updated=T + timedelta(days=2))
    lesson(source, LESSON_A, visited=T, updated=T + timedelta(days=1), completed=T + timedelta(days=1))
    lesson(target, LESSON_B, visited=T, updated=T, completed=T)
    lesson(source, LESSON_B, visited=T + timedelta(days=1), updated=T + timedelta(days=4))
    lesson(source, LESSON_C, visited=T, updated=T)
    answer_row(target, "q1", correct=False, first=False, attempts=1, at=T + timedelta(days=2))
    answer_row(source, "q1", correct=True, first=True, attempts=2, at=T)
    answer_row(target, "q2", correct=True, first=False, attempts=3, at=T)
    answer_row(source, "q2", correct=False, first=False, attempts=1, at=T + timedelta(days=1))
    answer_row(source, "q3", correct=True, first=True, attempts=1, at=T)
    certificate = Certificate.objects.create(
        code="ABCD-1234",
        name="Anna",
        course_key=COURSE,
        course_title="Cursus",
        issued_on=date(2026, 12, 4),
        learner=source,
    )

    merge_learner(target, source)

    assert list(Learner.objects.all()) == [target]
    course = CourseProgress.objects.get(learner=target)
    assert (course.started_at, course.completed_at) == (T, T + timedelta(days=3))
    rows = {row.lesson_key: row for row in LessonProgress.objects.filter(learner=target)}
    assert set(rows) == {LESSON_A, LESSON_B, LESSON_C}
    a, b = rows[LESSON_A], rows[LESSON_B]
    assert (a.visited_at, a.updated_at, a.completed_at) == (T, T + timedelta(days=2), T + timedelta(days=1))
    assert (b.visited_at, b.updated_at, b.completed_at) == (T, T + timedelta(days=4), T)
    answers = {row.question_key: row for row in SelfCheckAnswer.objects.filter(learner=target)}
    assert (answers["q1"].correct, answers["q1"].choice_key, answers["q1"].attempts) == (True, "a", 3)
    assert (answers["q2"].correct, answers["q2"].attempts) == (True, 4)  # a right answer beats a later wrong one
    assert answers["q3"].correct
    certificate.refresh_from_db()
    assert certificate.learner == target
