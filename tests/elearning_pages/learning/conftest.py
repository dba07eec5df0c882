import pytest
from wagtail.models import Locale

from tests.home.factories import HomePageFactory


def question_ids(lesson) -> list[str]:
    return [block.id for block in lesson.question_blocks()]


def choice_keys(lesson, question_id: str) -> dict[bool, str]:
    """A right and a wrong choice of the question: {True: key, False: key}."""
    block = next(block for block in lesson.question_blocks() if block.id == question_id)
    return {choice.correct: choice.key for choice in reversed(block.value.choices())}


def answer_url(lesson) -> str:
    return lesson.url + lesson.reverse_subpage("answer")


def complete_url(lesson) -> str:
    return lesson.url + lesson.reverse_subpage("complete")


def answer(client, lesson, question_id: str, *, right: bool = True, **extra):
    return client.post(
        answer_url(lesson), {"question": question_id, "choice": choice_keys(lesson, question_id)[right]}, **extra
    )


def answer_all(client, lesson, *, right: bool = True) -> None:
    for question_id in question_ids(lesson):
        answer(client, lesson, question_id, right=right)


@pytest.fixture
def lessons(course):
    return list(course.lessons())


@pytest.fixture
def english_course(course, site_home, root_page):
    """The English translation of ``course`` under an English home page (/en/e-learning/...): the
    same translation keys and the same block ids, as wagtail-localize makes them."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    home_en = HomePageFactory(
        parent=root_page, title="Welcome", slug="home-en", locale=english, translation_key=site_home.translation_key
    )
    index = course.get_parent().specific.copy_for_translation(english)
    index.save_revision().publish()
    translated = course.copy_for_translation(english)
    translated.save_revision().publish()
    for lesson in course.lessons():
        copy_ = lesson.copy_for_translation(english)
        copy_.title = f"Lesson {lesson.title.split()[-1]}"
        copy_.save_revision().publish()
    assert home_en.pk  # the parent the translations found by translation key
    translated.refresh_from_db()
    return translated
