"""Learners who finished a course, or nearly, and a browser that carries their cookie."""

import pytest
from django.http import HttpResponse
from django.utils import timezone
from wagtail.models import Locale

from elearning_pages.learning.identity import remember
from elearning_pages.models import CourseIndexPage, CoursePage, Learner, LessonPage, LessonProgress, SelfCheckAnswer
from tests.home.factories import HomePageFactory


def finish_lesson(learner: Learner, lesson, *, answers=True, complete=True) -> None:
    """What the lesson pages record when a learner answers every self-check and finishes the lesson."""
    course_key = lesson.course().translation_key
    if complete:
        LessonProgress.objects.create(
            learner=learner, course_key=course_key, lesson_key=lesson.translation_key, completed_at=timezone.now()
        )
    if answers:
        for block in lesson.question_blocks():
            SelfCheckAnswer.objects.create(
                learner=learner,
                lesson_key=lesson.translation_key,
                question_key=block.id,
                choice_key="a",
                correct=True,
                first_attempt_correct=True,
            )


def finish_course(learner: Learner, course) -> None:
    for lesson in course.lessons():
        finish_lesson(learner, lesson)


def log_in(client, learner: Learner) -> None:
    """Give the test browser the learner's signed cookie, as the site does."""
    client.cookies.update(remember(HttpResponse(), learner).cookies)


@pytest.fixture
def learner(db):
    return Learner.objects.create()


@pytest.fixture
def graduate(learner, course):
    """A learner who finished every lesson of ``course`` and answered every question."""
    finish_course(learner, course)
    return learner


@pytest.fixture
def learner_client(client, learner):
    log_in(client, learner)
    return client


@pytest.fixture
def english_course(course_index, course, site_home, root_page):
    """The English course at /en/e-learning/..., sharing its translation keys with ``course``."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    home_en = HomePageFactory(
        parent=root_page, title="Welcome", slug="home-en", locale=english, translation_key=site_home.translation_key
    )
    index = CourseIndexPage(
        title="E-learning", slug="e-learning", locale=english, translation_key=course_index.translation_key
    )
    home_en.add_child(instance=index)
    page = CoursePage(
        title="Using kanker.nl with your guests",
        slug="using-kanker-nl",
        locale=english,
        translation_key=course.translation_key,
        intro="Learn how to help guests.",
        goals="<ul><li>You know the platform.</li></ul>",
        audience="Volunteers.",
        duration_minutes=60,
        outcome="A certificate.",
    )
    index.add_child(instance=page)
    return page


@pytest.fixture
def english_lessons(course, english_course):
    """The English translations of ``course``'s lessons: the same keys, the same block ids."""
    lessons = []
    for lesson in course.lessons():
        english = LessonPage(
            title=f"Lesson {lesson.title[-1]}",
            slug=f"lesson-{lesson.title[-1]}",
            locale=english_course.locale,
            translation_key=lesson.translation_key,
            intro="This is a lesson.",
            duration_minutes=10,
            body=lesson.body.get_prep_value(),
        )
        english_course.add_child(instance=english)
        lessons.append(english)
    return lessons
