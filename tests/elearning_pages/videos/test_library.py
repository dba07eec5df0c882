"""The instruction-video library at /instructievideos/ (and /en/instruction-videos/), and the video page."""

import pytest
from bs4 import BeautifulSoup
from django.utils.translation import gettext as _
from wagtail.models import Locale

from elearning_pages.videos.library import library as library_groups
from elearning_pages.videos.presenters import present_video_page
from tests.elearning_pages.factories import make_course, video_block
from tests.elearning_pages.videos.factories import (
    english_home,
    make_library,
    make_topic,
    make_video_page,
    youtube_block,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def videos(library, course_index):
    """Two topics with video pages (the second ordered first), and two courses with lessons."""
    later, first = make_topic("De agenda", "The agenda", sort_order=2), make_topic("Zoeken", "Searching", 1)
    pages = {
        "agenda": make_video_page(library, later, title="Een activiteit vinden"),
        "search": make_video_page(library, first, title="Zoeken op de site"),
        "youtube": make_video_page(library, first, title="Filmpje", block=youtube_block(title="Via YouTube")),
    }
    draft = make_video_page(library, first, title="Nog niet klaar")
    draft.unpublish()
    first_course = make_course(course_index, lessons=2)
    second_course = make_course(course_index, lessons=1, title="Tweede cursus", slug="tweede")
    return {"pages": pages, "topics": (first, later), "courses": (first_course, second_course)}


def test_groups_the_videos_by_topic_then_by_course(rf, library, videos):
    request = rf.get(library.url)

    groups = library_groups(library.locale_id, request)

    assert [(group.kind, group.heading, [video.title for video in group.videos]) for group in groups] == [
        ("topic", "Zoeken", ["Zoeken op de site", "Via YouTube"]),
        ("topic", "De agenda", ["Een activiteit vinden"]),
        ("course", "Kanker.nl gebruiken met uw gasten", ["Zo werkt het"]),
        ("course", "Tweede cursus", ["Zo werkt het"]),
    ]
    search = groups[0].videos[0]
    page = videos["pages"]["search"]
    block_id = page.video_blocks()[0].id
    assert search.watch_url == f"{page.url}#video-{block_id}"
    assert search.embed_url == f"http://testserver{page.url}video/{block_id}/embed/"
    assert (search.duration, search.caption_codes, search.has_transcript) == ("0:05", "NL, EN", True)
    youtube = groups[0].videos[1]
    assert (youtube.external_provider, youtube.external_captions, youtube.caption_codes) == ("YouTube", True, "")
    lesson = videos["courses"][0].get_children().first()
    assert groups[2].videos[0].watch_url.startswith(f"{lesson.url}#video-")


def test_a_fixed_number_of_queries_however_many_videos(rf, library, videos, course_index, django_assert_num_queries):
    request = rf.get(library.url)
    library_groups(library.locale_id, request)  # Wagtail's site root paths, cached from here on

    # Video pages and lessons each: the pages, and the view restrictions that public() excludes;
    # then the lessons' courses.
    with django_assert_num_queries(5):
        few = library_groups(library.locale_id, request)

    more_topic = make_topic("Meer", "More", 5)
    for number in range(6):
        make_video_page(library, more_topic, title=f"Extra {number}")
    make_course(course_index, lessons=4, title="Derde", slug="derde")
    with django_assert_num_queries(5):
        many = library_groups(library.locale_id, request)
    assert sum(len(group.videos) for group in many) == sum(len(group.videos) for group in few) + 7


def test_the_library_page_lists_each_video_with_its_facts(client, library, videos):
    response = client.get(library.url)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    headings = [h2.get_text() for h2 in soup.select(".video-library__group h2")]
    assert headings[:2] == ["Zoeken", "De agenda"]
    assert len(soup.select(".video-library__list > li")) == 5
    first = soup.select(".video-library__list > li")[0]
    facts = [li.get_text() for li in first.select(".video-library__facts li")]
    assert _("Captions: %(languages)s") % {"languages": "NL, EN"} in facts  # "Ondertiteld: NL, EN"
    assert _("With transcript") in facts
    embed = first.select_one(".video-library__embed a")
    assert embed["href"].startswith("http://testserver/instructievideos/zoeken-op-de-site/video/")
    assert "Nog niet klaar" not in response.content.decode()


def test_the_english_library_lists_the_english_pages_only(client, site_home, root_page, library, topic):
    dutch = make_video_page(library, topic, title="Alleen in het Nederlands")
    english = Locale.objects.get_or_create(language_code="en")[0]
    english_library = make_library(
        english_home(site_home, root_page),
        title="Instruction videos",
        slug="instruction-videos",
        locale=english,
        translation_key=library.translation_key,
    )
    translated = make_video_page(library, topic, title="Vertaald")
    copy = translated.copy_for_translation(english)
    copy.title = "Translated"
    copy.save_revision().publish()

    response = client.get("/en/instruction-videos/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="/en/instruction-videos/{translated.slug}/#video-' in html
    assert dutch.slug not in html and 'href="/instructievideos/vertaald/' not in html
    assert "The agenda" in html  # the topic's English name
    assert english_library.url == "/en/instruction-videos/"


def test_the_video_page_shows_the_video_the_embed_code_and_other_videos_of_its_topic(client, library, topic):
    page = make_video_page(library, topic, title="Een activiteit vinden")
    make_video_page(library, topic, title="Nog een video")
    make_video_page(library, make_topic("Ander", "Other"), title="Ander onderwerp")
    block_id = page.video_blocks()[0].id

    response = client.get(page.url)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.h1.get_text() == "Een activiteit vinden"
    assert soup.find(id=f"video-{block_id}").find("video") is not None
    code = soup.find("textarea", id="embed-code").get_text()
    assert "&lt;iframe" in response.content.decode()  # shown as text
    assert code.startswith(f'<iframe src="http://testserver{page.url}video/{block_id}/embed/" title=')
    related = [a.get_text() for a in soup.select(".video-page__related .video-library__title a")]
    assert related == ["Nog een video"]


def test_a_video_page_without_a_video_yet_has_no_embed_code(rf, library, topic):
    page = make_video_page(library, topic, block=video_block(None))
    page.video = []
    context = present_video_page(page, rf.get(page.url), {})
    assert context["video"] is None and context["embed_code"] == ""
