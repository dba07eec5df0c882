"""Self-check answers are checked on the server, whatever the browser sends."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils.translation import gettext as _

from elearning_pages.learning.identity import COOKIE
from elearning_pages.models import CourseProgress, Learner, LessonProgress, SelfCheckAnswer
from tests.elearning_pages.learning.conftest import answer, answer_url, choice_keys, question_ids

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_a_right_answer_is_stored_with_a_new_learner_and_leads_back_to_the_question(client, lessons):
    lesson = lessons[0]
    question = question_ids(lesson)[0]
    response = answer(client, lesson, question, right=True)
    assert response.status_code == 303
    assert response["Location"] == f"{lesson.url}#vraag-{question}"
    learner = Learner.objects.get()
    assert response.cookies[COOKIE]["httponly"]
    stored = SelfCheckAnswer.objects.get()
    assert (stored.learner, stored.question_key, stored.lesson_key) == (learner, question, lesson.translation_key)
    assert (stored.correct, stored.first_attempt_correct, stored.attempts) == (True, True, 1)
    assert stored.choice_key == choice_keys(lesson, question)[True]
    course_row = CourseProgress.objects.get()
    lesson_row = LessonProgress.objects.get()
    assert course_row.course_key == lesson.get_parent().translation_key and course_row.started_at == NOW
    assert (lesson_row.lesson_key, lesson_row.visited_at, lesson_row.completed_at) == (
        lesson.translation_key,
        NOW,
        None,
    )


def test_the_first_attempt_is_kept_and_each_retry_counted(client, lessons):
    lesson = lessons[0]
    question = question_ids(lesson)[0]
    answer(client, lesson, question, right=False)
    with time_machine.travel(NOW + timedelta(minutes=2), tick=False):
        answer(client, lesson, question, right=True)
        answer(client, lesson, question, right=True)
    stored = SelfCheckAnswer.objects.get()
    assert (stored.correct, stored.first_attempt_correct, stored.attempts) == (True, False, 3)
    assert stored.answered_at == NOW + timedelta(minutes=2)
    assert Learner.objects.count() == 1
    assert LessonProgress.objects.get().updated_at == NOW + timedelta(minutes=2)


def test_right_and_wrong_come_from_the_lesson_not_from_the_form(client, lessons):
    lesson = lessons[0]
    question = question_ids(lesson)[1]  # the true/false statement, which is not true
    client.post(answer_url(lesson), {"question": question, "choice": "true", "correct": "1"})
    assert SelfCheckAnswer.objects.get().correct is False


@pytest.mark.parametrize(
    "data",
    [
        {"question": "no-such-question", "choice": "true"},
        {"question": "QUESTION", "choice": "no-such-choice"},
        {"choice": "true"},
        {},
    ],
    ids=["unknown question", "unknown choice", "no question", "nothing"],
)
def test_a_forged_answer_is_refused_with_a_clear_page_and_stores_nothing(client, lessons, data):
    lesson = lessons[0]
    data = {key: question_ids(lesson)[0] if value == "QUESTION" else value for key, value in data.items()}
    response = client.post(answer_url(lesson), data)
    assert response.status_code == 400
    assert _("We could not check this answer") in response.text
    assert lesson.url in response.text
    assert not Learner.objects.exists() and not SelfCheckAnswer.objects.exists()
    assert COOKIE not in response.cookies


def test_a_question_of_another_lesson_is_refused(client, lessons):
    other = question_ids(lessons[1])[0]
    response = client.post(answer_url(lessons[0]), {"question": other, "choice": choice_keys(lessons[1], other)[True]})
    assert response.status_code == 400
    assert not SelfCheckAnswer.objects.exists()


def test_the_button_without_a_choice_asks_for_one_at_the_question(client, lessons):
    lesson = lessons[0]
    question = question_ids(lesson)[0]
    response = client.post(answer_url(lesson), {"question": question})
    assert response.status_code == 303
    assert response["Location"] == f"{lesson.url}?kies={question}#vraag-{question}"
    page = client.get(response["Location"])
    assert _("Choose an answer first.") in page.text
    assert not Learner.objects.exists()


def test_the_answer_route_takes_only_posts(client, lessons):
    response = client.get(answer_url(lessons[0]))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
