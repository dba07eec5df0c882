"""Who has finished a course, and may have a certificate: every live lesson completed and every
self-check answered (``learning.progress``, the definition the course page uses too)."""

import pytest

from elearning_pages.learning.answers import question_keys
from elearning_pages.learning.progress import course_state_of
from elearning_pages.models import Learner
from tests.elearning_pages.certificates.conftest import finish_course, finish_lesson
from tests.elearning_pages.factories import lesson_body, make_course, video_block, video_file

pytestmark = pytest.mark.django_db


def has_completed(learner, course) -> bool:
    return course_state_of(learner, course).complete


def test_a_learner_who_did_everything_has_completed(graduate, course):
    assert has_completed(graduate, course)


def test_nobody_and_a_new_learner_have_not(learner, course):
    assert not has_completed(None, course)
    assert not has_completed(learner, course)
    assert [item.lesson.title for item in course_state_of(learner, course).open_lessons] == ["Les 1", "Les 2", "Les 3"]


def test_a_lesson_not_marked_finished_stays_open_even_with_every_answer_given(learner, course):
    first, second, third = course.lessons()
    finish_lesson(learner, first)
    finish_lesson(learner, second)
    finish_lesson(learner, third, complete=False)

    status = course_state_of(learner, course)

    assert not status.complete
    assert [(item.lesson.title, item.marked_done, item.unanswered) for item in status.open_lessons] == [
        ("Les 3", False, 0)
    ]


def test_a_finished_lesson_with_an_unanswered_question_stays_open(learner, course):
    first, second, third = course.lessons()
    finish_lesson(learner, first)
    finish_lesson(learner, second)
    finish_lesson(learner, third, answers=False)

    status = course_state_of(learner, course)

    assert [(item.lesson.title, item.marked_done, item.unanswered) for item in status.open_lessons] == [
        ("Les 3", True, 2)
    ]


def test_another_learners_progress_does_not_count(graduate, course):
    assert not has_completed(Learner.objects.create(), course)


def test_a_lesson_added_later_must_be_done_too_and_an_unpublished_one_need_not(graduate, course, course_index):
    extra = make_course(course_index, lessons=1, slug="andere-cursus").lessons().first()
    extra.slug = "les-4"
    extra.save()
    extra.move(course, pos="last-child")
    assert not has_completed(graduate, course)

    extra.refresh_from_db()
    extra.unpublish()
    assert has_completed(graduate, course)


def test_progress_in_dutch_counts_for_the_english_course(graduate, english_course, english_lessons):
    assert has_completed(graduate, english_course)


def test_a_course_without_lessons_is_never_finished(learner, course_index):
    empty = make_course(course_index, lessons=0, slug="leeg")

    assert not has_completed(learner, empty)


def test_the_questions_are_those_the_lesson_names(course):
    for lesson in course.lessons():
        assert question_keys(lesson) == [block.id for block in lesson.question_blocks()]


@pytest.mark.parametrize("lessons", [3, 12])
def test_three_queries_however_many_lessons(learner, course_index, lessons, django_assert_num_queries):
    course = make_course(course_index, lessons=lessons, slug=f"cursus-{lessons}")
    for lesson in course.lessons():  # a video in every lesson: its document is not loaded
        lesson.body = [video_block(video_file()), *lesson_body(with_video=False)]
        lesson.save_revision().publish()
    finish_course(learner, course)

    with django_assert_num_queries(3):
        assert has_completed(learner, course)
