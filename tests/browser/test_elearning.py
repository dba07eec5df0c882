"""The demo e-learning in a real browser: a whole lesson done with the keyboard alone, and axe on every
kind of e-learning page in both languages at 320 and 1280 px."""

from datetime import date

import pytest
import time_machine
from wagtail.models import Locale

from elearning_pages.demo.loader import load_elearning_demo
from elearning_pages.models import (
    Certificate,
    CoursePage,
    Learner,
    LessonProgress,
    SelfCheckAnswer,
    VideoIndexPage,
)
from tests.browser.conftest import quiet_tasks
from tests.browser.test_accessibility import describe_violations, run_axe
from tests.browser.test_certificates import open_as_learner
from tests.elearning_pages.certificates.conftest import finish_course

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = (320, 1280)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel("2026-12-07T10:00:00Z", tick=True):
        yield


@pytest.fixture
def demo_course(live_demo_site):
    with quiet_tasks():
        load_elearning_demo()
    return CoursePage.objects.get(locale__language_code="nl")


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const section = el.closest('section');
            return {tag: el.tagName, type: el.type || '', name: el.name || '', value: el.value || '',
                    text: (el.textContent || '').trim(), section: section ? section.id : ''};
        }"""
    )


def tab_until(page, wanted, limit=120) -> dict:
    """Press Tab until ``wanted(focused element)`` holds; fail when it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        if wanted(element):
            return element
    pytest.fail(f"Tab never reached the element wanted; the last one focused was {element}")


def answer_with_keyboard(page, question) -> None:
    """Reach the question's radio buttons with Tab, choose its right answer with the arrow keys, submit."""
    section = f"vraag-{question.id}"
    right = next(choice.key for choice in question.value.choices() if choice.correct)
    element = tab_until(page, lambda el: el["section"] == section and el["type"] == "radio")
    if element["value"] != right:
        for _ in range(len(question.value.choices())):
            page.keyboard.press("ArrowDown")
            if focused(page)["value"] == right:
                break
    page.keyboard.press("Space")  # checks the focused radio button (a no-op when already checked)
    assert focused(page)["value"] == right
    tab_until(page, lambda el: el["section"] == section and el["tag"] == "BUTTON", limit=5)
    with page.expect_navigation():
        page.keyboard.press("Enter")


def test_a_whole_lesson_with_the_keyboard_alone(new_page, demo_course, live_demo_site):
    lesson = demo_course.lessons().first().specific
    page = new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{live_demo_site.url}{lesson.url}")

    for question in lesson.question_blocks():
        answer_with_keyboard(page, question)
        verdict = page.locator(f"#vraag-{question.id} .self-check__verdict")
        assert verdict.is_visible()
        assert "Goed" in verdict.inner_text()
        page.keyboard.press("Home")  # start tabbing from the top of the page again
        page.evaluate("document.activeElement && document.activeElement.blur()")

    finish = tab_until(page, lambda el: el["tag"] == "BUTTON" and el["section"] == "afronden")
    assert finish["text"] == "Ik heb deze les afgerond"
    with page.expect_navigation():
        page.keyboard.press("Enter")

    learner = Learner.objects.get()
    assert SelfCheckAnswer.objects.filter(learner=learner, correct=True).count() == len(lesson.question_blocks())
    assert LessonProgress.objects.get(learner=learner, lesson_key=lesson.translation_key).completed_at is not None
    second = demo_course.lessons()[1]
    assert page.url == f"{live_demo_site.url}{second.url}"


def pages_to_check(course: CoursePage, language: str, code: str) -> dict[str, str]:
    locale = Locale.objects.get(language_code=language)
    course = course.get_translation(locale).specific
    index = course.get_parent()
    library = VideoIndexPage.objects.get(locale=locale)
    return {
        "course index": index.url,
        "course": course.url,
        "lesson": course.lessons()[1].url,
        "video library": library.url,
        "video page": library.get_children().live().first().url,
        "certificate": f"{course.url}certificaat/",
        "verification": f"{index.url}certificaat/{code}/",
    }


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_e_learning_pages_have_no_axe_violations(new_page, demo_course, live_demo_site, axe_script, language):
    learner = Learner.objects.create()
    finish_course(learner, demo_course)
    certificate = Certificate.objects.create(
        code="K7PMX3QA",
        name="Anna de Vries",
        course_key=demo_course.translation_key,
        course_title=demo_course.title,
        issued_on=date(2026, 12, 7),
        learner=learner,
    )
    problems = []
    for name, path in pages_to_check(demo_course, language, f"{certificate.code[:4]}-{certificate.code[4:]}").items():
        for width in WIDTHS:
            page, response = open_as_learner(
                new_page, live_demo_site, learner, path, viewport={"width": width, "height": 800}
            )
            assert response.status == 200, f"{name} ({path}) answered {response.status}"
            assert page.locator("html").get_attribute("lang") == language
            if violations := run_axe(page, axe_script):
                problems.append(f"{name} at {width} px ({path}):\n{describe_violations(violations)}")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                problems.append(f"{name} at {width} px ({path}) scrolls sideways by {overflow} px")
            page.context.close()
    assert not problems, "\n".join(problems)
