"""Drop-out per lesson: per course in course order, who started and finished each lesson, and the
share that went on to the next one."""

from datetime import date

import pytest

from elearning_pages.reports.dropout import lesson_steps
from elearning_pages.reports.period import Period
from tests.elearning_pages.factories import make_course
from tests.elearning_pages.reports.conftest import at, learner, open_lesson

pytestmark = pytest.mark.django_db

DEFAULT = Period(date(2025, 12, 1), date(2026, 11, 1))


def test_each_lesson_with_its_starts_finishes_and_who_went_on(lessons):
    first, second, third = lessons
    walked = [[first], [first, second], [first, second, third], [second]]  # the last one skipped ahead
    for path in walked:
        person = learner()
        for lesson in path:
            open_lesson(person, lesson, at(2026, 6), completed=lesson is not path[-1] or len(path) == 3)

    rows = [
        (row.number, row.lesson, row.started, row.finished, row.went_on, row.went_on_share)
        for row in lesson_steps(DEFAULT)
    ]

    assert rows == [
        (1, "Les 1", 3, 2, 2, 67),
        (2, "Les 2", 3, 1, 1, 33),
        (3, "Les 3", 1, 1, None, None),
    ]


def test_learners_who_opened_the_lesson_before_the_period_do_not_count(lessons):
    person = learner()
    open_lesson(person, lessons[0], at(2025, 11, 1), completed=True)
    open_lesson(person, lessons[1], at(2026, 1, 1))

    rows = [(row.started, row.went_on) for row in lesson_steps(DEFAULT)]

    assert rows == [(0, 0), (1, 0), (0, None)]


def test_only_live_lessons_in_tree_order(lessons, course_index):
    lessons[1].unpublish()
    make_course(course_index, lessons=2, title="Tweede cursus", slug="tweede")
    rows = [(row.course, row.number, row.lesson) for row in lesson_steps(DEFAULT)]
    assert rows == [
        ("Kanker.nl gebruiken met uw gasten", 1, "Les 1"),
        ("Kanker.nl gebruiken met uw gasten", 2, "Les 3"),
        ("Tweede cursus", 1, "Les 1"),
        ("Tweede cursus", 2, "Les 2"),
    ]


@pytest.mark.parametrize("lesson_count", [3, 30])
def test_three_queries_however_many_lessons(course_index, django_assert_num_queries, lesson_count):
    course = make_course(course_index, lessons=lesson_count)
    person = learner()
    for lesson in course.lessons():
        open_lesson(person, lesson, at(2026, 6), completed=True)
    with django_assert_num_queries(3):
        assert len(lesson_steps(DEFAULT)) == lesson_count


def test_one_chart_per_course(moderator_client, lessons, course_index):
    make_course(course_index, lessons=2, title="Tweede cursus", slug="tweede")
    html = moderator_client.get("/admin/reports/e-learning/uitval/").content.decode()
    assert html.count('role="img"') == 2
    assert '<h2 id="dropout-2-heading" class="w-h3">Tweede cursus</h2>' in html
