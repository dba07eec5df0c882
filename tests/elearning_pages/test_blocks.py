"""The lesson blocks' own rules: what a video needs to go live, what a self-check offers."""

import pytest
from django.utils import translation
from wagtail.blocks import StreamValue
from wagtail.blocks.stream_block import StreamBlockValidationError
from wagtail_localize.segments.extract import extract_segments

from elearning_pages.blocks import LessonStreamBlock, external_video, parse_duration
from elearning_pages.blocks.questions import FALSE, TRUE
from elearning_pages.models import LessonPage
from tests.elearning_pages.factories import (
    CAPTIONS_NL,
    multiple_choice_block,
    true_false_block,
    video_block,
    video_file,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The messages are asserted in their English source wording.
    with translation.override("en"):
        yield


def stream(*blocks):
    block = LessonStreamBlock()
    return block, block.to_python(list(blocks))


def errors_of(*blocks, draft=False) -> dict:
    """The errors of each video block on publishing (or on saving a draft), by field name."""
    block, value = stream(*blocks)
    try:
        block.clean_deferred(value) if draft else block.clean(value)
    except StreamBlockValidationError as error:
        children = error.block_errors.values()
        return {field: str(err.messages) for child in children for field, err in child.block_errors.items()}
    return {}


def publish_errors(*blocks) -> dict:
    return errors_of(*blocks)


def draft_errors(*blocks) -> dict:
    return errors_of(*blocks, draft=True)


def test_a_complete_video_publishes():
    assert publish_errors(video_block(video_file())) == {}


def test_a_video_without_transcript_is_refused_naming_the_transcript():
    errors = publish_errors(video_block(video_file(), transcript="  "))
    assert list(errors) == ["transcript"]
    assert "without a transcript cannot be published" in errors["transcript"]


def test_a_video_without_captions_is_refused_naming_the_captions():
    errors = publish_errors(video_block(video_file(), captions=[]))
    assert list(errors) == ["captions"]
    assert "without captions cannot be published" in errors["captions"]


def test_a_draft_may_still_lack_captions_and_transcript():
    assert draft_errors(video_block(video_file(), captions=[], transcript="")) == {}


def test_broken_webvtt_is_refused_even_in_a_draft():
    broken = video_block(video_file())
    broken["value"]["captions"][0]["value"]["captions"] = "00:00.000 --> 00:01.000\nGeen kop"
    assert "not valid WebVTT" in draft_errors(broken)["captions"]


def test_a_youtube_video_needs_our_own_still_and_confirmed_captions():
    errors = publish_errors(video_block(None, external_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", captions=[]))
    assert set(errors) == {"poster", "external_captions"}


def test_a_file_and_an_address_together_are_refused():
    errors = draft_errors(video_block(video_file(), external_url="https://vimeo.com/76979871"))
    assert "not both" in errors["external_url"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://youtu.be/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", ("youtube", "dQw4w9WgXcQ")),
        ("https://vimeo.com/76979871", ("vimeo", "76979871")),
        ("https://player.vimeo.com/video/76979871", ("vimeo", "76979871")),
        ("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ", None),
        ("http://www.youtube.com/watch?v=dQw4w9WgXcQ", None),
        ("https://example.org/video.webm", None),
    ],
)
def test_external_video_addresses(url, expected):
    assert external_video(url) == expected


@pytest.mark.parametrize(
    ("text", "seconds"), [("2:30", 150), ("0:05", 5), ("1:02:03", 3723), ("2:75", None), ("lang", None)]
)
def test_durations(text, seconds):
    assert parse_duration(text) == seconds


def test_self_check_choices_carry_keys_that_survive_translation():
    _, value = stream(multiple_choice_block(), true_false_block(is_true=False))
    multiple, true_false = value[0].value, value[1].value
    choices = multiple.choices()
    assert [choice.correct for choice in choices] == [True, False, False]
    assert [choice.key for choice in choices] == [item.id for item in multiple["answers"].bound_blocks]
    assert [(choice.key, choice.correct) for choice in true_false.choices()] == [(TRUE, False), (FALSE, True)]


def test_a_multiple_choice_question_needs_a_right_answer():
    question = multiple_choice_block()
    for answer in question["value"]["answers"]:
        answer["value"]["correct"] = False
    block, value = stream(question)
    with pytest.raises(StreamBlockValidationError):
        block.clean(value)


def test_captions_are_not_offered_for_translation_but_the_transcript_is(course):
    lesson = course.lessons().first().specific
    segments = [segment.string.data for segment in extract_segments(lesson) if hasattr(segment, "string")]
    assert "Welkom bij deze les. We beginnen." in segments
    assert not any("-->" in text for text in segments)
    assert CAPTIONS_NL in [track["captions"] for track in lesson.video_blocks()[0].value["captions"]]


def test_the_transcript_is_searchable_and_the_cue_times_are_not(course):
    lesson = LessonPage.objects.get(pk=course.lessons().first().pk)
    content = " ".join(lesson.body.stream_block.get_searchable_content(lesson.body))
    assert "We beginnen." in content
    assert "-->" not in content
    assert isinstance(lesson.body, StreamValue)


def test_a_document_that_is_no_video_is_refused_even_in_a_draft():
    errors = draft_errors(video_block(video_file("handleiding.pdf")))
    assert list(errors) == ["file"]
    assert "not a video" in errors["file"]
