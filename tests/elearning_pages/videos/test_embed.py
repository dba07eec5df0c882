"""A video's embed at <page>/video/<id>/embed/: just the player, captions and transcript, framable
by any site (and only it), without a cookie or CSRF token."""

import pytest
from bs4 import BeautifulSoup
from django.utils.translation import gettext as _

from elearning_pages.videos.embed import CONTENT_SECURITY_POLICY
from tests.elearning_pages.videos.factories import make_video_page, youtube_block

pytestmark = pytest.mark.django_db


def embed_address(page) -> str:
    return f"{page.url}video/{page.video_blocks()[0].id}/embed/"


def test_the_embed_shows_only_the_player_captions_transcript_and_a_link_to_the_video(client, library, topic):
    page = make_video_page(library, topic, title="Zo vindt u een activiteit")
    block = page.video_blocks()[0]

    response = client.get(embed_address(page))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("header") is None and soup.find("footer") is None and soup.find("nav") is None
    assert len(soup.find_all("track", kind="captions")) == 2
    assert soup.find("details", class_="video__transcript") is not None
    more = soup.find("p", class_="video-embed__more").a
    assert more["href"] == f"http://testserver{page.url}#video-{block.id}"
    assert more["target"] == "_blank"
    more.span.extract()  # "(opens in a new window)", for screen readers
    assert more.get_text() == _("Watch on %(site_name)s") % {"site_name": "testserver"}  # "Bekijk op testserver"


def test_frameable_by_any_site_without_a_cookie_while_the_rest_of_the_site_is_not(client, library, topic, course):
    page = make_video_page(library, topic)
    lesson = course.get_children().first().specific
    lesson_embed = f"{lesson.url}video/{lesson.video_blocks()[0].id}/embed/"

    for address in (embed_address(page), lesson_embed):
        embed = client.get(address)
        assert embed.status_code == 200
        assert embed["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
        assert "frame-ancestors *" in CONTENT_SECURITY_POLICY
        assert "X-Frame-Options" not in embed
        assert not embed.cookies
        assert "csrfmiddlewaretoken" not in embed.content.decode()
    for address in (page.url, library.url):
        response = client.get(address)
        assert response["X-Frame-Options"] == "DENY"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_stored_copies_keep_the_framing_headers(client, library, topic, settings):
    settings.PAGE_CACHE_SECONDS = 300
    page = make_video_page(library, topic)

    first, stored = client.get(embed_address(page)), client.get(embed_address(page))
    client.get(page.url)
    stored_page = client.get(page.url)

    assert (first["X-Page-Cache"], stored["X-Page-Cache"]) == ("miss", "hit")
    assert "X-Frame-Options" not in stored
    assert stored["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert stored_page["X-Page-Cache"] == "hit"
    assert stored_page["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in stored_page["Content-Security-Policy"]


def test_a_youtube_embed_is_a_facade_too(client, library, topic):
    page = make_video_page(library, topic, block=youtube_block())
    soup = BeautifulSoup(client.get(embed_address(page)).content, "html.parser")
    assert soup.find(attrs={"data-video-facade": True}) is not None
    assert soup.find("iframe") is None


def test_an_unknown_video_has_no_embed(client, library, topic):
    page = make_video_page(library, topic)
    assert client.get(f"{page.url}video/onbekend/embed/").status_code == 404
