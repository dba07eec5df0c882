"""Videos in a real browser: a YouTube video sends nothing to YouTube before the visitor clicks, and
then only to youtube-nocookie.com; an uploaded video's caption tracks load; its first play is
counted through the beacon; axe finds nothing on a video page and the library.

There is no internet here: every request to a third party is answered by the test itself (an
empty 200), so the test sees where the browser would have gone without going there."""

import re
from urllib.parse import urlsplit

import pytest

from elearning_pages.models import VideoStat
from tests.browser.test_accessibility import describe_violations, run_axe
from tests.elearning_pages.factories import video_block, video_file
from tests.elearning_pages.videos.factories import CHAPTERS, make_library, make_topic, make_video_page, youtube_block

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

THIRD_PARTY = re.compile(
    r"^https?://([^/]*\.)?(youtube\.com|youtube-nocookie\.com|ytimg\.com|vimeo\.com|vimeocdn\.com)/"
)


@pytest.fixture
def videos(site_home):
    library = make_library(site_home)
    topic = make_topic()
    return {
        "library": library,
        "youtube": make_video_page(library, topic, title="Via YouTube", block=youtube_block()),
        "file": make_video_page(
            library, topic, title="Een eigen video", block=video_block(video_file(), chapters=CHAPTERS)
        ),
    }


def third_party_hosts(urls: list[str]) -> list[str]:
    return [urlsplit(url).hostname for url in urls if THIRD_PARTY.match(url)]


@pytest.mark.parametrize("where", ["page", "embed"])
def test_nothing_goes_to_youtube_before_the_click_and_then_only_to_youtube_nocookie(
    new_page, live_server, videos, where
):
    video_page = videos["youtube"]
    block_id = video_page.video_blocks()[0].id
    address = live_server.url + video_page.url + (f"video/{block_id}/embed/" if where == "embed" else "")
    page = new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.route(THIRD_PARTY, lambda route: route.fulfill(status=200, content_type="text/html", body=""))

    page.goto(address)
    page.wait_for_load_state("networkidle")

    assert third_party_hosts(requested) == []
    button = page.get_by_role("button", name=re.compile("Via YouTube|Zo vindt u"))
    assert page.locator(".video__facade a").count() == 0  # the script made the link a button

    button.click()
    frame = page.locator("iframe.video__frame")
    frame.wait_for()
    page.wait_for_load_state("networkidle")

    hosts = third_party_hosts(requested)
    assert "www.youtube-nocookie.com" in hosts
    assert not [host for host in hosts if host in ("youtube.com", "www.youtube.com")], hosts
    assert frame.get_attribute("src").startswith("https://www.youtube-nocookie.com/embed/")
    assert frame.get_attribute("title")
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"


def test_without_javascript_the_facade_is_a_link_to_youtube(browser, live_server, videos):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + videos["youtube"].url)
        assert page.locator(".video__facade a").get_attribute("href").startswith("https://www.youtube.com/watch?v=")
        assert page.locator("iframe.video__frame").count() == 0
    finally:
        context.close()


def test_the_caption_tracks_load(new_page, live_server, videos):
    page = new_page()
    page.goto(live_server.url + videos["file"].url)

    assert page.evaluate("document.querySelector('video').textTracks.length") == 3  # nl, en, chapters
    # Ask for every track, as a visitor choosing one in the player's menu does, and wait for each.
    page.evaluate("Array.from(document.querySelector('video').textTracks).forEach((t) => { t.mode = 'hidden'; })")
    # Polled from here: wait_for_function evaluates its predicate with eval() inside the page once the
    # first check fails, which the site's Content-Security-Policy rightly refuses.
    loaded = "Array.from(document.querySelectorAll('video track')).every((track) => track.readyState === 2)"
    for _attempt in range(100):
        if page.evaluate(loaded):
            break
        page.wait_for_timeout(100)
    assert page.evaluate(loaded)
    cues = page.evaluate("Array.from(document.querySelector('video').textTracks).map((t) => t.cues.length)")
    assert cues == [2, 2, 2]
    first_cue = page.evaluate("document.querySelector('video').textTracks[0].cues[0].text")
    assert first_cue == "Welkom bij deze les."


def test_a_chapter_plays_the_video_from_its_start(new_page, live_server, videos):
    page = new_page()
    page.goto(live_server.url + videos["file"].url)

    page.get_by_role("button", name="Zo begint u").click()

    assert page.evaluate("document.querySelector('video').currentTime") == 2
    assert page.evaluate("document.activeElement.tagName") == "VIDEO"


def test_the_first_play_is_counted(new_page, live_server, videos):
    page = new_page()
    page.goto(live_server.url + videos["file"].url)
    with page.expect_request(lambda request: request.url.endswith("/teller/")) as beacon:
        page.evaluate("document.querySelector('video').dispatchEvent(new Event('play'))")
    response = beacon.value.response()

    assert response is not None and response.status == 204
    assert VideoStat.objects.get().plays == 1


@pytest.mark.parametrize("width", [320, 1280])
def test_video_page_library_and_embed_have_no_axe_violations(new_page, live_server, axe_script, videos, width):
    # bypass_csp: axe is added as an inline script, which the embed's Content-Security-Policy forbids.
    page = new_page(viewport={"width": width, "height": 800}, bypass_csp=True)
    file_page = videos["file"]
    embed = f"{file_page.url}video/{file_page.video_blocks()[0].id}/embed/"
    for path in (file_page.url, videos["youtube"].url, videos["library"].url, embed):
        page.goto(live_server.url + path)
        violations = run_axe(page, axe_script)
        assert not violations, describe_violations(violations)
        scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll_width <= inner_width, f"{path} scrolls sideways at {width}px"
