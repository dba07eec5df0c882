"""The instruction-video library and its pages, built as an editor would."""

from wagtail.models import Locale
from wagtail_factories import ImageFactory

from elearning_pages.models import VideoIndexPage, VideoPage, VideoTopic
from tests.elearning_pages.factories import video_block, video_file
from tests.home.factories import HomePageFactory

YOUTUBE_ID = "dQw4w9WgXcQ"
CHAPTERS = "WEBVTT\n\n00:00.000 --> 00:02.500\nWelkom\n\n00:02.500 --> 01:15.000\nZo begint u\n"


def make_library(parent, **fields) -> VideoIndexPage:
    fields = {"title": "Instructievideo's", "slug": "instructievideos", "intro": "Korte video's.", **fields}
    page = VideoIndexPage(**fields)
    parent.add_child(instance=page)
    return page


def make_topic(name_nl="De agenda", name_en="The agenda", sort_order=0) -> VideoTopic:
    return VideoTopic.objects.create(name_nl=name_nl, name_en=name_en, sort_order=sort_order)


def youtube_block(**overrides) -> dict:
    value = {
        "title": "Zo vindt u een activiteit",
        "external_url": f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        "poster": ImageFactory(title="Still").pk,
        "captions": [],
        "external_captions": True,
    }
    return video_block(None, **{**value, **overrides})


def make_video_page(library, topic, *, title="Zo vindt u een activiteit", block=None, slug=None, **fields):
    page = VideoPage(
        title=title,
        slug=slug or title.lower().replace(" ", "-"),
        topic=topic,
        intro="In deze video ziet u hoe het werkt.",
        video=[block or video_block(video_file(), title=title)],
        **fields,
    )
    library.add_child(instance=page)
    return page


def english_home(site_home, root_page):
    english = Locale.objects.get_or_create(language_code="en")[0]
    return HomePageFactory(
        parent=root_page, title="Welcome", slug="home-en", locale=english, translation_key=site_home.translation_key
    )
