"""The lesson page: the self-check forms, the learner's answers with right or wrong and why, and
finishing the lesson; all of it with plain form posts, without JavaScript."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django.utils.translation import gettext as _

from elearning_pages.models import CourseProgress, Learner, LessonProgress
from tests.elearning_pages.learning.conftest import answer, answer_all, complete_url, question_ids

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def section(html: str, question: str) -> str:
    match = re.search(rf'<section class="self-check[^"]*" id="vraag-{question}".*?</section>', html, re.S)
    assert match, question
    return match.group(0)


def test_a_visitor_sees_each_self_check_as_a_form_and_gets_no_cookie(client, lessons):
    lesson = lessons[1]
    response = client.get(lesson.url)
    assert response.status_code == 200
    assert not response.cookies.get("leerling")
    assert "private" not in response.get("Cache-Control", "")
    html = response.text
    for question in question_ids(lesson):
        form = section(html, question)
        assert f'action="{lesson.url}antwoord/"' in form
        assert f'name="question" value="{question}"' in form
        assert "<fieldset" in form and "<legend" in form
        assert form.count('type="radio" name="choice"') in (2, 3)
        assert _("Check my answer") in form
        assert "self-check__result" not in form
    assert _("Lesson %(number)s of %(total)s") % {"number": 2, "total": 3} in html
    assert f'href="{lessons[0].url}"' in html and f'href="{lessons[2].url}"' in html  # previous and next
    assert f'action="{complete_url(lesson)}"' in html


def test_after_an_answer_the_lesson_shows_it_right_or_wrong_in_words_with_the_reason(client, lessons):
    lesson = lessons[1]
    multiple_choice, true_false = question_ids(lesson)
    response = answer(client, lesson, multiple_choice, right=False, follow=True)
    assert response.redirect_chain[-1] == (f"{lesson.url}#vraag-{multiple_choice}", 303)
    assert "private" in response["Cache-Control"]
    wrong = section(response.text, multiple_choice)
    assert "self-check__result--wrong" in wrong and _("Not right.") in wrong
    assert "Op een forum delen mensen ervaringen" in wrong  # the chosen answer's feedback
    assert re.search(r'value="[^"]+" id="[^"]+" checked', wrong)
    assert _("Choose another answer and try again.") in wrong
    assert _("Check my answer") in wrong  # another try
    assert "self-check__result" not in section(response.text, true_false)

    response = answer(client, lesson, true_false, right=True, follow=True)
    right = section(response.text, true_false)
    assert "self-check__result--right" in right and _("Right.") in right
    assert "&#10003;" in right  # an icon as well as the word, not colour alone
    assert "Goed: iedereen mag zonder verwijzing binnenlopen." in right


def test_finishing_with_open_questions_names_them_and_marks_nothing(client, lessons):
    lesson = lessons[0]
    first, second = question_ids(lesson)
    answer(client, lesson, first)
    response = client.post(complete_url(lesson))
    assert response.status_code == 303
    assert response["Location"] == f"{lesson.url}?nog-open=1#afronden"
    page = client.get(response["Location"])
    assert f'<a href="#vraag-{second}">' in page.text
    assert f'<a href="#vraag-{first}">' not in page.text
    assert LessonProgress.objects.get().completed_at is None


def test_finishing_without_any_answer_stores_nothing(client, lessons):
    response = client.post(complete_url(lessons[0]))
    assert response["Location"] == f"{lessons[0].url}?nog-open=1#afronden"
    assert not Learner.objects.exists()


def test_a_whole_course_without_javascript(client, course, lessons):
    """Plain form posts and redirects, as a browser without scripts sends and follows them."""
    for number, lesson in enumerate(lessons):
        page = client.get(lesson.url)
        assert page.status_code == 200
        answer_all(client, lesson)
        response = client.post(complete_url(lesson), follow=True)
        expected = lessons[number + 1].url if number + 1 < len(lessons) else course.url
        assert response.redirect_chain == [(expected, 303)]
        assert LessonProgress.objects.get(lesson_key=lesson.translation_key).completed_at == NOW
    assert CourseProgress.objects.get().completed_at == NOW
    course_page = client.get(course.url)
    assert f'href="{course.url}certificaat/"' in course_page.text
    assert client.get(lessons[0].url).text.count(_("You have finished this lesson.")) == 1


def test_the_course_is_complete_only_when_every_lesson_is(client, course, lessons):
    for lesson in lessons[:2]:
        answer_all(client, lesson)
        client.post(complete_url(lesson))
    assert CourseProgress.objects.get().completed_at is None
    assert f"{course.url}certificaat/" not in client.get(course.url).text


def test_finishing_again_keeps_the_first_moment(client, lessons):
    lesson = lessons[2]
    answer_all(client, lesson)
    client.post(complete_url(lesson))
    with time_machine.travel(NOW + timedelta(days=1), tick=False):
        client.post(complete_url(lesson))
    assert LessonProgress.objects.get().completed_at == NOW


def test_a_lesson_without_self_checks_is_finished_with_the_button_alone(client, course, lessons):
    lesson = lessons[2]
    lesson.body = [block for block in lesson.body.raw_data if block["type"] == "paragraph"]
    lesson.save_revision().publish()
    response = client.post(complete_url(lesson))
    assert response["Location"] == course.url
    assert LessonProgress.objects.get().completed_at == NOW


def test_the_complete_route_takes_only_posts(client, lessons):
    assert client.get(complete_url(lessons[0])).status_code == 405


def test_the_forms_carry_a_csrf_token_a_browser_sends_back(lessons):
    """As a browser without scripts: read the page, post its form with the token it holds."""
    browser = Client(enforce_csrf_checks=True)
    lesson = lessons[0]
    question = question_ids(lesson)[0]
    html = browser.get(lesson.url).text
    form = section(html, question)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    choice = re.search(r'name="choice" value="([^"]+)"', form).group(1)
    response = browser.post(
        f"{lesson.url}antwoord/", {"csrfmiddlewaretoken": token, "question": question, "choice": choice}
    )
    assert response.status_code == 303
    assert Client(enforce_csrf_checks=True).post(f"{lesson.url}antwoord/", {"question": question}).status_code == 403


def test_a_self_check_renders_on_its_own_for_the_editors_preview(lessons):
    block = lessons[0].question_blocks()[0]
    html = block.render()
    assert "<fieldset" in html and "action=" not in html
    assert _("Check my answer") in html
