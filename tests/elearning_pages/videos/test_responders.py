"""The video routes: caption and chapter files, and the play counter's beacon."""

import datetime as dt

import pytest
import time_machine
from django.test import Client

from elearning_pages.models import VideoStat
from elearning_pages.videos.responders import EVENTS_PER_IP
from tests.elearning_pages.factories import CAPTIONS_EN, CAPTIONS_NL, video_block, video_file
from tests.elearning_pages.videos.factories import CHAPTERS, english_home, make_library, make_video_page, youtube_block
from tests.home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
AMSTERDAM = dt.timezone(dt.timedelta(hours=1))  # winter time


def lesson_video(course):
    lesson = course.get_children().first().specific
    return lesson, lesson.video_blocks()[0]


def test_captions_are_served_as_webvtt_per_language(client, course):
    lesson, block = lesson_video(course)
    for language, text in (("nl", CAPTIONS_NL), ("en", CAPTIONS_EN)):
        response = client.get(f"{lesson.url}video/{block.id}/ondertiteling/{language}/")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/vtt; charset=utf-8"
        assert response.content.decode() == text
        assert "public" in response["Cache-Control"] and "max-age=600" in response["Cache-Control"]
        assert not response.cookies


def test_unknown_videos_and_languages_are_not_found(client, course):
    lesson, block = lesson_video(course)
    assert client.get(f"{lesson.url}video/{block.id}/ondertiteling/de/").status_code == 404
    assert client.get(f"{lesson.url}video/onbekend/ondertiteling/nl/").status_code == 404
    other_block = lesson.question_blocks()[0]
    assert client.get(f"{lesson.url}video/{other_block.id}/ondertiteling/nl/").status_code == 404


def test_a_youtube_video_has_no_caption_files(client, library, topic):
    page = make_video_page(library, topic, block=youtube_block())
    block = page.video_blocks()[0]
    assert client.get(f"{page.url}video/{block.id}/ondertiteling/nl/").status_code == 404


def test_chapters_are_served_where_given(client, library, topic):
    page = make_video_page(library, topic, block=video_block(video_file(), chapters=CHAPTERS))
    block = page.video_blocks()[0]
    response = client.get(f"{page.url}video/{block.id}/hoofdstukken/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert response.content.decode() == CHAPTERS

    plain = make_video_page(library, topic, title="Zonder hoofdstukken")
    assert client.get(f"{plain.url}video/{plain.video_blocks()[0].id}/hoofdstukken/").status_code == 404


def test_the_page_cache_keeps_caption_files(client, course, settings):
    settings.PAGE_CACHE_SECONDS = 60
    lesson, block = lesson_video(course)
    url = f"{lesson.url}video/{block.id}/ondertiteling/nl/"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"


def beacon_client() -> Client:
    # As navigator.sendBeacon posts from a cached page: no cookie, no CSRF token.
    return Client(enforce_csrf_checks=True)


@time_machine.travel(dt.datetime(2026, 11, 30, 23, 30, tzinfo=dt.UTC), tick=False)  # 1 December in Amsterdam
def test_plays_and_completions_are_counted_per_month_without_a_cookie(course, route_cache_on_and_off):
    lesson, block = lesson_video(course)
    url = f"{lesson.url}video/{block.id}/teller/"
    browser = beacon_client()

    responses = [browser.post(url, {"event": event}) for event in ("play", "play", "ended")]

    assert [response.status_code for response in responses] == [204, 204, 204]
    assert all(not response.cookies for response in responses)
    stat = VideoStat.objects.get()
    assert (stat.video_key, stat.month, stat.plays, stat.completions) == (
        f"{lesson.translation_key}:{block.id}",
        dt.date(2026, 12, 1),
        2,
        1,
    )


def test_the_dutch_and_english_page_count_as_one_video(site_home, root_page, topic):
    dutch_library = make_library(site_home)
    dutch = make_video_page(dutch_library, topic)
    english_library = make_library(
        english_home(site_home, root_page),
        slug="instruction-videos",
        locale=dutch.locale.__class__.objects.get(language_code="en"),
        translation_key=dutch_library.translation_key,
    )
    english = dutch.copy_for_translation(english_library.locale)
    english.save_revision().publish()
    block_id = dutch.video_blocks()[0].id

    for page in (dutch, english):
        assert beacon_client().post(f"{page.url}video/{block_id}/teller/", {"event": "play"}).status_code == 204

    assert english.url.startswith("/en/")
    assert VideoStat.objects.get().plays == 2


def test_bad_beacons_are_refused(client, course):
    lesson, block = lesson_video(course)
    url = f"{lesson.url}video/{block.id}/teller/"

    assert client.get(url).status_code == 405
    assert client.get(url)["Allow"] == "POST"
    assert beacon_client().post(url, {"event": "pause"}).status_code == 400
    assert beacon_client().post(url, {}).status_code == 400
    assert beacon_client().post(f"{lesson.url}video/onbekend/teller/", {"event": "play"}).status_code == 404
    assert not VideoStat.objects.exists()


def test_beacons_are_limited_per_address(course):
    lesson, block = lesson_video(course)
    url = f"{lesson.url}video/{block.id}/teller/"
    for _ in range(EVENTS_PER_IP.limit - 1):
        EVENTS_PER_IP.hit("127.0.0.1")

    assert beacon_client().post(url, {"event": "play"}).status_code == 204
    assert beacon_client().post(url, {"event": "play"}).status_code == 429
    assert beacon_client().post(url, {"event": "play"}, REMOTE_ADDR="10.1.2.3").status_code == 204
    assert VideoStat.objects.get().plays == 2


def test_other_posts_to_pages_still_need_a_csrf_token(course):
    lesson, _block = lesson_video(course)
    assert beacon_client().post(f"{lesson.url}video/x/embed/", {"event": "play"}).status_code == 403


def test_a_page_whose_slugs_read_like_the_counter_still_needs_a_csrf_token(site_home, route_cache_on_and_off):
    video = StandardPageFactory(parent=site_home, slug="video")
    teller = StandardPageFactory(parent=StandardPageFactory(parent=video, slug="x"), slug="teller")
    assert teller.url == "/video/x/teller/"
    assert beacon_client().get(teller.url).status_code == 200  # fills the route cache when it is on
    assert beacon_client().post(teller.url, {"event": "play"}).status_code == 403
