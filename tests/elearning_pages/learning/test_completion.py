"""One definition of a finished course, shared by the course page, the overview, the progress rows
and the certificate: every live lesson marked done and every self-check in it answered."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils.translation import gettext as _

from elearning_pages.models import CourseProgress
from tests.elearning_pages.factories import true_false_block
from tests.elearning_pages.learning.conftest import answer, answer_all, complete_url

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
LATER = NOW + timedelta(days=3)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def finish_all(client, lessons) -> None:
    for lesson in lessons:
        answer_all(client, lesson)
        client.post(complete_url(lesson))


def add_question(lesson) -> str:
    """An editor adds a self-check to a lesson the learner already finished; its block id."""
    block = true_false_block("Een gast mag altijd binnenlopen.", is_true=True)
    lesson.body = [*lesson.body.raw_data, block]
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return block["id"]


def test_a_question_added_after_finishing_reopens_the_lesson_everywhere(client, course, course_index, lessons):
    finish_all(client, lessons)
    assert CourseProgress.objects.get().completed_at == NOW
    certificate_url = f"{course.url}certificaat/"
    new_question = add_question(lessons[1])

    course_page = client.get(course.url).text
    assert f'href="{certificate_url}"' not in course_page
    assert course_page.count("lesson-list__item--done") == 2
    assert "lesson-list__item--started" in course_page
    assert _("Continue where you left off") in course_page
    overview = client.get(course_index.url).text
    assert _("%(done)s of %(total)s lessons done") % {"done": 2, "total": 3} in overview
    lesson_page = client.get(lessons[1].url).text
    assert _("You have finished this lesson.") not in lesson_page
    assert f'action="{complete_url(lessons[1])}"' in lesson_page
    still_open = client.get(certificate_url).text
    assert f'href="{lessons[1].url}"' in still_open and 'name="name"' not in still_open

    with time_machine.travel(LATER, tick=False):
        answer(client, lessons[1], new_question)

    assert f'href="{certificate_url}"' in client.get(course.url).text
    assert 'name="name"' in client.get(certificate_url).text
    assert CourseProgress.objects.get().completed_at == NOW  # the first completion is kept


def test_the_moment_of_completion_is_when_the_last_open_question_is_answered(client, course, lessons):
    finish_all(client, lessons[:2])
    new_question = add_question(lessons[0])
    answer_all(client, lessons[2])
    client.post(complete_url(lessons[2]))
    assert CourseProgress.objects.get().completed_at is None

    with time_machine.travel(LATER, tick=False):
        answer(client, lessons[0], new_question)

    assert CourseProgress.objects.get().completed_at == LATER
    assert f'href="{course.url}certificaat/"' in client.get(course.url).text
