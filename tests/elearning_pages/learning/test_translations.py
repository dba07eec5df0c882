"""Progress belongs to the lesson, not to its language: nl and en share it."""

import pytest
from django.utils.translation import gettext as _
from django.utils.translation import override

from elearning_pages.models import LessonProgress, SelfCheckAnswer
from tests.elearning_pages.learning.conftest import answer, answer_all, complete_url, question_ids

pytestmark = pytest.mark.django_db


def test_switching_from_dutch_to_english_keeps_answers_and_progress(client, course, lessons, english_course):
    english_lessons = list(english_course.lessons())
    assert english_lessons[0].url.startswith("/en/")
    assert [lesson.translation_key for lesson in english_lessons] == [lesson.translation_key for lesson in lessons]
    answer_all(client, lessons[0])
    client.post(complete_url(lessons[0]))
    question = question_ids(lessons[1])[0]
    answer(client, lessons[1], question, right=False)

    page = client.get(english_lessons[1].url).text
    assert f'id="vraag-{question}"' in page and "self-check__result--wrong" in page
    course_page = client.get(english_course.url).text
    with override("en"):
        assert _("%(done)s of %(total)s lessons done") % {"done": 1, "total": 3} in course_page
    assert course_page.count("lesson-list__item--done") == 1
    assert f'href="{english_lessons[1].url}"' in course_page


def test_answering_in_english_counts_for_the_dutch_lesson(client, course, lessons, english_course):
    english_lesson = english_course.lessons().first()
    question = question_ids(english_lesson)[0]
    response = answer(client, english_lesson, question)
    assert response["Location"] == f"{english_lesson.url}#vraag-{question}"
    answer(client, english_lesson, question_ids(english_lesson)[1])
    response = client.post(complete_url(english_lesson))
    assert response["Location"] == list(english_course.lessons())[1].url  # on in English
    stored = SelfCheckAnswer.objects.get(question_key=question)
    assert stored.lesson_key == lessons[0].translation_key
    assert LessonProgress.objects.get().completed_at is not None
    dutch = client.get(course.url).text
    assert _("%(done)s of %(total)s lessons done") % {"done": 1, "total": 3} in dutch
