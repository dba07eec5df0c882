"""Through the page editor: a lesson whose video lacks a transcript saves as a draft but is not published."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from tests.elearning_pages.factories import CAPTIONS_NL, video_file


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redactie", "redactie@example.org", "geheim-123"))
    return client


def listblock(items: list[dict]) -> dict:
    """A ListBlock as the editor's script posts it."""
    data = {"count": str(len(items))}
    for index, value in enumerate(items):
        data[str(index)] = {"value": value, "deleted": "", "order": str(index), "id": ""}
    return data


def lesson_form(lesson, transcript: str, **action) -> dict:
    video = {
        "title": "Zo werkt het",
        "file": str(video_file().pk),
        "external_url": "",
        "poster": "",
        "duration": "0:05",
        "captions": listblock([{"language": "nl", "captions": CAPTIONS_NL}]),
        "chapters": "",
        "transcript": transcript,
    }
    body = streamfield([("paragraph", rich_text("<p>Uitleg.</p>")), ("video", video)])
    data = nested_form_data(
        {"title": lesson.title, "slug": lesson.slug, "intro": lesson.intro, "duration_minutes": "10", "body": body}
    )
    data.update(action)
    return data


def test_publishing_a_video_without_transcript_is_refused_and_says_what_is_missing(editor, course):
    lesson = course.lessons().first()
    url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])

    refused = editor.post(url, lesson_form(lesson, transcript="", **{"action-publish": "action-publish"}))

    assert refused.status_code == 200
    message = gettext("A video without a transcript cannot be published: add the transcript.")
    assert escape(message) in refused.content.decode()
    lesson.refresh_from_db()
    assert lesson.specific.video_blocks()[0].value["transcript"] == "Welkom bij deze les. We beginnen."


def test_the_same_lesson_saves_as_a_draft_and_publishes_once_the_transcript_is_there(editor, course):
    lesson = course.lessons().first()
    url = reverse("wagtailadmin_pages:edit", args=[lesson.pk])

    assert editor.post(url, lesson_form(lesson, transcript="")).status_code == 302
    lesson.refresh_from_db()
    assert lesson.has_unpublished_changes

    published = editor.post(url, lesson_form(lesson, transcript="Uitleg.", **{"action-publish": "action-publish"}))
    assert published.status_code == 302
    lesson.refresh_from_db()
    assert lesson.specific.video_blocks()[0].value["transcript"] == "Uitleg."
