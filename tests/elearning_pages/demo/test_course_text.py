"""The demo course has the shape the e-learning pages expect, in both languages."""

from dataclasses import fields, is_dataclass

from elearning_pages.demo.course_text import COURSE, HANDOUT, INSTRUCTION_VIDEOS, VIDEOS
from elearning_pages.demo.course_text.types import MultipleChoiceQuestion, Text, TrueFalseQuestion


def texts_in(value):
    if isinstance(value, Text):
        yield value
    elif is_dataclass(value):
        for field in fields(value):
            yield from texts_in(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from texts_in(item)


def test_every_text_is_filled_in_both_languages_without_placeholders():
    texts = list(texts_in((COURSE, HANDOUT, INSTRUCTION_VIDEOS)))
    assert len(texts) > 150  # the walk reached into lessons, questions and answers
    for text in texts:
        assert text.nl.strip() and text.en.strip(), text
        assert "lorem" not in (text.nl + text.en).lower(), text


def test_course_has_five_lessons_and_adds_up_their_minutes():
    assert len(COURSE.lessons) == 5
    assert 3 <= len(COURSE.goals) <= 4
    assert COURSE.minutes == sum(lesson.minutes for lesson in COURSE.lessons)


def test_each_lesson_has_what_a_lesson_page_shows():
    for lesson in COURSE.lessons:
        assert 2 <= len(lesson.paragraphs) <= 3
        assert 4 <= len(lesson.video.sentences) <= 6
        assert lesson.practice.task.nl.startswith("Zoek samen met uw gast")
        kinds = {type(question) for question in lesson.questions}
        assert len(lesson.questions) == 2
        assert kinds == {MultipleChoiceQuestion, TrueFalseQuestion}


def test_a_multiple_choice_question_has_three_answers_of_which_one_is_right():
    for lesson in COURSE.lessons:
        for question in lesson.questions:
            if isinstance(question, MultipleChoiceQuestion):
                assert len(question.answers) == 3
                assert [answer.correct for answer in question.answers].count(True) == 1


def test_videos_are_the_lessons_then_the_instructions_with_unique_slugs():
    assert (*(lesson.video for lesson in COURSE.lessons), *INSTRUCTION_VIDEOS) == VIDEOS
    assert len({video.slug for video in VIDEOS}) == len(VIDEOS) == 7


def test_handout_has_four_to_six_steps():
    assert 4 <= len(HANDOUT.steps) <= 6


def test_narration_sentences_fit_on_a_slide():
    # One sentence a slide at 32 px, wrapped at 30 characters: more than three lines crowds it.
    for video in VIDEOS:
        for sentence in video.sentences:
            assert len(sentence.nl) <= 70, sentence
