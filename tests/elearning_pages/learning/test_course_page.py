"""The course page and the overview: each lesson's status, "x of y lessons done", where to go on."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils.translation import gettext as _

from tests.elearning_pages.factories import make_course
from tests.elearning_pages.learning.conftest import answer, answer_all, complete_url, question_ids

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=True):
        yield


def finish(client, lesson):
    answer_all(client, lesson)
    client.post(complete_url(lesson))


def done_of(done: int, total: int) -> str:
    return _("%(done)s of %(total)s lessons done") % {"done": done, "total": total}


def resume_link(html: str) -> str:
    marker = _("Continue where you left off")
    before = html[: html.index(marker)]
    return before[before.rindex('href="') + 6 :].split('"')[0]


def test_a_visitor_sees_the_course_and_a_start_button_without_any_status(client, course, lessons):
    html = client.get(course.url).text
    assert _("Start the course") in html
    assert f'<a class="button" href="{lessons[0].url}">' in html
    for heading in ("What you learn", "For whom", "How long it takes", "What you get at the end"):
        assert _(heading) in html
    assert "lesson-status" not in html and _("Continue where you left off") not in html
    assert "voortgang/ga-verder/" in html and "voortgang/bewaren/" not in html


def test_each_lesson_shows_its_status_and_the_count_of_lessons_done(client, course, lessons):
    finish(client, lessons[0])
    answer(client, lessons[1], question_ids(lessons[1])[0])
    response = client.get(course.url)
    html = response.text
    assert "private" in response["Cache-Control"]
    assert done_of(1, 3) in html
    assert html.index("lesson-list__item--done") < html.index("lesson-list__item--started")
    assert html.index("lesson-list__item--started") < html.index("lesson-list__item--not-started")
    for status in ("Done", "Started", "Not started"):
        assert _(status) in html
    assert resume_link(html) == lessons[1].url
    assert "voortgang/bewaren/" in html  # "Bewaar mijn voortgang"


def test_go_on_leads_to_the_first_unfinished_lesson_after_the_last_activity(client, course, lessons):
    finish(client, lessons[2])
    assert resume_link(client.get(course.url).text) == lessons[0].url  # nothing after it: from the start
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        finish(client, lessons[0])
    assert resume_link(client.get(course.url).text) == lessons[1].url
    with time_machine.travel(NOW + timedelta(hours=2), tick=False):
        answer(client, lessons[1], question_ids(lessons[1])[0])
    assert resume_link(client.get(course.url).text) == lessons[1].url


def test_go_on_skips_finished_lessons_after_the_one_worked_on_last(client, course, lessons):
    finish(client, lessons[1])
    with time_machine.travel(NOW + timedelta(hours=1), tick=False):
        answer(client, lessons[0], question_ids(lessons[0])[0])
    assert resume_link(client.get(course.url).text) == lessons[0].url
    with time_machine.travel(NOW + timedelta(hours=2), tick=False):
        finish(client, lessons[0])
    assert resume_link(client.get(course.url).text) == lessons[2].url


def test_a_finished_course_offers_the_certificate_instead(client, course, lessons):
    for lesson in lessons:
        finish(client, lesson)
    html = client.get(course.url).text
    assert done_of(3, 3) in html
    assert f'href="{course.url}certificaat/"' in html
    assert _("Continue where you left off") not in html


def test_the_overview_lists_the_courses_with_the_learners_status(client, course_index, course, lessons):
    other = make_course(course_index, lessons=2, title="Lotgenotencontact", slug="lotgenoten")
    finish(client, lessons[0])
    response = client.get(course_index.url)
    html = response.text
    assert "private" in response["Cache-Control"]
    assert html.index(course.title) < html.index(other.title)
    assert done_of(1, 3) in html
    assert html.count("course-card__status") == 1  # the other course is not started


def test_the_overview_for_a_visitor_has_no_status(client, course_index, course):
    response = client.get(course_index.url)
    assert "course-card__status" not in response.text
    assert "private" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("lesson_count", [5, 20])
def test_the_course_page_costs_the_same_queries_however_many_lessons(
    client, course_index, lesson_count, django_assert_num_queries
):
    course = make_course(course_index, lessons=lesson_count, slug=f"cursus-{lesson_count}")
    lessons = list(course.lessons())
    finish(client, lessons[0])
    answer(client, lessons[1], question_ids(lessons[1])[0])
    client.get(course.url)  # Wagtail's site root paths, cached for the next requests
    # Wagtail's routing and the site's frame take 15; the page 5: the learner, the learner's lesson
    # rows and answers (a lesson is done only with every question answered), the lessons and the
    # overview (for its "Bewaar mijn voortgang" address).
    with django_assert_num_queries(20):
        response = client.get(course.url)
    assert done_of(1, lesson_count) in response.text
