"""Self-checks: per question, the learners who answered and the share right the first time, the
lowest share first."""

from datetime import date

import pytest

from elearning_pages.models import LessonPage
from elearning_pages.reports.period import Period
from elearning_pages.reports.self_checks import question_scores
from tests.elearning_pages.factories import lesson_body, make_course, multiple_choice_block
from tests.elearning_pages.reports.conftest import answer, at, learner

pytestmark = pytest.mark.django_db

DEFAULT = Period(date(2025, 12, 1), date(2026, 11, 1))


def questions(lesson):
    return lesson.question_blocks()


def test_the_least_understood_question_comes_first(lessons):
    multiple_choice, true_false = questions(lessons[0])
    people = [learner() for _n in range(4)]
    for person, right in zip(people, [True, True, True, False], strict=True):
        answer(person, lessons[0], multiple_choice, right)
    for person, right in zip(people[:2], [False, True], strict=True):
        answer(person, lessons[0], true_false, right)

    rows = question_scores(DEFAULT)

    assert [(row.question, row.answered, row.right_first_time, row.share) for row in rows] == [
        ("U heeft een verwijzing nodig voor een centrum.", 2, 1, 50),
        ("Waar vindt u betrouwbare informatie?", 4, 3, 75),
    ]
    assert {row.lesson for row in rows} == {"Les 1"}
    assert {row.course for row in rows} == {"Kanker.nl gebruiken met uw gasten"}


def test_answers_outside_the_period_do_not_count(lessons):
    [multiple_choice, _true_false] = questions(lessons[1])
    answer(learner(), lessons[1], multiple_choice, False, answered_at=at(2025, 11, 30))
    answer(learner(), lessons[1], multiple_choice, True, answered_at=at(2026, 1, 2))

    [row] = question_scores(DEFAULT)
    assert (row.answered, row.share) == (1, 100)
    [row] = question_scores(Period(date(2025, 11, 1), date(2025, 11, 1)))
    assert (row.answered, row.share) == (1, 0)


def test_a_removed_question_is_named_as_such(lessons):
    [multiple_choice, true_false] = questions(lessons[2])
    answer(learner(), lessons[2], true_false, True)
    page = LessonPage.objects.get(pk=lessons[2].pk)
    page.body = [block for block in page.body.raw_data if block["id"] != true_false.id]
    page.save_revision().publish()

    [row] = question_scores(DEFAULT)
    assert row.question == "(vraag verwijderd)" or row.question == "(question removed)"
    assert multiple_choice.id != true_false.id


@pytest.mark.parametrize("lesson_count", [3, 30])
def test_lessons_courses_and_questions_cost_three_queries(course_index, django_assert_num_queries, lesson_count):
    """One query counts, one finds the lessons, one their courses; the questions are read from them."""
    course = make_course(course_index, lessons=0)
    person = learner()
    for number in range(lesson_count):
        lesson = LessonPage(
            title=f"Les {number}",
            slug=f"les-{number}",
            intro="Intro.",
            duration_minutes=5,
            body=[*lesson_body(), multiple_choice_block(f"Vraag {number}?")],
        )
        course.add_child(instance=lesson)
        # The lesson's video is not read: its document would cost a query per lesson.
        answer(person, lesson, lesson.question_blocks()[-1], number % 2 == 0)

    with django_assert_num_queries(3):
        rows = question_scores(DEFAULT)

    assert len(rows) == lesson_count
    assert rows[0].share == 0 and rows[-1].share == 100
