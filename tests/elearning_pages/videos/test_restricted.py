"""The video routes of a page not everyone may see: a private page's captions, embed and counter ask
for the same login or password as the page itself, and a draft's are not found."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from elearning_pages.models import VideoStat
from tests.elearning_pages.videos.factories import make_video_page

pytestmark = pytest.mark.django_db


def routes(page) -> list[str]:
    block_id = page.video_blocks()[0].id
    base = f"{page.url}video/{block_id}/"
    return [f"{base}ondertiteling/nl/", f"{base}embed/"]


@pytest.mark.parametrize("restriction_type", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_a_private_pages_video_routes_ask_what_the_page_asks(client, library, topic, restriction_type):
    page = make_video_page(library, topic)
    PageViewRestriction.objects.create(page=page, restriction_type=restriction_type, password="geheim")

    for url in routes(page):
        response = client.get(url)
        if restriction_type == PageViewRestriction.LOGIN:
            assert response.status_code == 302 and "/login/" in response["Location"]
        else:  # Wagtail's password form, not the captions or the player
            assert response.status_code == 200
            assert response["Content-Type"].startswith("text/html")
            assert b"WEBVTT" not in response.content and b"<video" not in response.content


def test_a_private_pages_beacon_is_not_counted(library, topic):
    page = make_video_page(library, topic)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    url = f"{page.url}video/{page.video_blocks()[0].id}/teller/"

    Client(enforce_csrf_checks=True).post(url, {"event": "play"})

    assert not VideoStat.objects.exists()


def test_a_drafts_video_routes_are_not_found(client, library, topic):
    page = make_video_page(library, topic)
    urls = routes(page)
    page.unpublish()

    for url in urls:
        assert client.get(url).status_code == 404


def test_a_signed_in_learner_gets_a_private_pages_captions_kept_by_their_browser_only(
    client, library, topic, django_user_model
):
    page = make_video_page(library, topic)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(django_user_model.objects.create_user("vrijwilliger", password="geheim-123"))

    response = client.get(routes(page)[0])

    assert response.status_code == 200 and response.content.startswith(b"WEBVTT")
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_a_public_pages_captions_may_be_kept_by_shared_caches(client, library, topic):
    response = client.get(routes(make_video_page(library, topic))[0])
    assert "public" in response["Cache-Control"]
