"""The video block as a visitor's browser gets it: the native player with caption tracks at the
page's addresses, or a YouTube/Vimeo facade that names the third party only in its link."""

import re

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext as _

from elearning_pages.blocks import VideoBlock
from elearning_pages.videos.player import Chapter, clock, read_chapters
from tests.elearning_pages.factories import video_block, video_file
from tests.elearning_pages.videos.factories import CHAPTERS, YOUTUBE_ID, make_video_page, youtube_block

pytestmark = pytest.mark.django_db
THIRD_PARTY = re.compile(r"youtube|youtu\.be|ytimg|vimeo", re.IGNORECASE)


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_an_uploaded_video_plays_natively_with_a_track_per_caption_language(client, library, topic):
    lesson = make_video_page(library, topic)
    block = lesson.video_blocks()[0]
    soup = soup_of(client, lesson.url)

    section = soup.find(id=f"video-{block.id}")
    video = section.find("video")
    assert video.has_attr("controls") and video["preload"] == "none"
    source = video.find("source")
    assert source["src"] == block.value["file"].url and source["type"] == "video/webm"
    tracks = [(t["kind"], t["srclang"], t["label"], t["src"], t.has_attr("default")) for t in video.find_all("track")]
    base = f"{lesson.url}video/{block.id}/ondertiteling"
    assert tracks == [
        ("captions", "nl", "Nederlands", f"{base}/nl/", True),
        ("captions", "en", "English", f"{base}/en/", False),
    ]
    assert video.find("a", attrs={"download": True})["href"] == block.value["file"].url
    assert video["data-video-event-url"] == f"{lesson.url}video/{block.id}/teller/"
    transcript = section.find("details", class_="video__transcript")
    assert transcript.summary.get_text() == _("Read what is said")  # "Lees wat er gezegd wordt"
    assert "Welkom bij deze les. We beginnen." in transcript.get_text()
    assert section.find("time", attrs={"datetime": "PT0M5S"}).get_text() == "0:05"


def test_in_a_lesson_the_block_finds_its_own_id_when_the_template_does_not_pass_it(rf, course):
    lesson = course.get_children().first().specific
    block = lesson.video_blocks()[0]
    request = rf.get(lesson.url)

    soup = BeautifulSoup(block.render_as_block({"page": lesson, "request": request}), "html.parser")

    assert soup.find("section")["id"] == f"video-{block.id}"
    assert soup.find("track")["src"] == f"{lesson.url}video/{block.id}/ondertiteling/nl/"


def test_in_english_the_english_track_is_the_default(rf, course):
    lesson = course.get_children().first().specific
    block = lesson.video_blocks()[0]
    with translation.override("en"):
        html = block.render_as_block({"page": lesson, "request": rf.get(lesson.url), "block_id": block.id})
    soup = BeautifulSoup(html, "html.parser")
    assert [track["srclang"] for track in soup.find_all("track") if track.has_attr("default")] == ["en"]
    assert soup.find("summary").get_text() == "Read what is said"


def test_the_editors_preview_renders_without_a_page():
    block = VideoBlock()
    html = block.render(block.to_python(block.meta.preview_value))
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("video") is not None and soup.find("track") is None
    assert soup.find("section")["id"] == "video"


def test_chapters_come_as_a_track_and_as_text(client, library, topic):
    page = make_video_page(library, topic, block=video_block(video_file(), chapters=CHAPTERS))
    block = page.video_blocks()[0]
    soup = soup_of(client, page.url)

    chapters = soup.find("track", kind="chapters")
    assert chapters["src"] == f"{page.url}video/{block.id}/hoofdstukken/"
    items = [" ".join(li.get_text().split()) for li in soup.select(".video__chapters li")]
    assert items == ["0:00 Welkom", "0:02 Zo begint u"]


def test_without_chapters_there_is_no_chapter_track(client, library, topic):
    soup = soup_of(client, make_video_page(library, topic).url)
    assert soup.find("track", kind="chapters") is None
    assert soup.select(".video__chapters") == []


def test_a_youtube_video_is_a_facade_that_names_youtube_only_in_its_link(client, library, topic):
    page = make_video_page(library, topic, title="Zo vindt u een activiteit", block=youtube_block())
    soup = soup_of(client, page.url)
    facade = soup.find(attrs={"data-video-facade": True})

    link = facade.find("a")
    assert link["href"] == f"https://www.youtube.com/watch?v={YOUTUBE_ID}"
    assert "Zo vindt u een activiteit" in link.get_text() and "YouTube" in link.get_text()
    assert facade["data-provider"] == "youtube" and facade["data-video-id"] == YOUTUBE_ID
    # Nothing that a browser would fetch from a third party before the click.
    for tag in soup.find_all(["iframe", "img", "script", "link", "source", "video", "track"]):
        for attribute in ("src", "href", "srcset", "poster", "data-src"):
            assert not THIRD_PARTY.search(tag.get(attribute, "")), tag
    assert all(not THIRD_PARTY.search(frame["src"]) for frame in soup.find_all("iframe"))  # only our embed code
    # The only third-party address anywhere on the page is the link's.
    addresses = re.findall(r"https?://[^\s\"'<>]+", str(soup))
    assert [a for a in addresses if THIRD_PARTY.search(a)] == [link["href"]]
    # Our own still, not theirs.
    assert facade.find("img")["src"].startswith("/media/images/")


def test_a_vimeo_video_links_to_vimeo(client, library, topic):
    block = youtube_block(external_url="https://vimeo.com/76979871")
    soup = soup_of(client, make_video_page(library, topic, block=block).url)
    facade = soup.find(attrs={"data-video-facade": True})
    assert facade.find("a")["href"] == "https://vimeo.com/76979871"
    assert facade["data-provider"] == "vimeo" and facade["data-video-id"] == "76979871"
    assert soup.find("video") is None


def test_read_chapters_takes_each_cues_start_and_first_line():
    text = "WEBVTT\n\nintro\n00:00.000 --> 00:10.000\nBegin\n\n01:02:03.000 --> 01:03:00.000\nEinde\nmeer\n"
    assert read_chapters(text) == [Chapter(0, "Begin"), Chapter(3723, "Einde")]
    assert read_chapters("") == []
    assert clock(75) == "1:15" and clock(3725) == "1:02:05"
