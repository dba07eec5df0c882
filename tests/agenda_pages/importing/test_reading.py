"""Reading a whole feed: a paged feed (The Events Calendar) is bounded as a whole, not only per page.

The per-fetch deadline is left at 30 s in these tests and the feed's at 1 s, so only the feed's
deadline can end them in time; done within 5 s is a correctness bound with room for a busy machine.
"""

import json
import time

import pytest

from agenda_pages.importing.fetch import FetchError
from agenda_pages.importing.reading import read_feed
from agenda_pages.importing.service import import_source
from agenda_pages.models import ImportRun
from tests.agenda_pages.factories import FeedSourceFactory
from tests.agenda_pages.ics_samples import NOW
from tests.agenda_pages.importing.stalling_server import (
    EMPTY_STORED_BLOCK,
    GZIP_HEADER,
    StallingServer,
    head,
    silent,
    streamed,
    trickled,
)

BOUND = 5
FEED_TOO_LONG = "all its pages, took longer than 1 seconds"


@pytest.fixture
def short_feed_deadline(settings):
    settings.AGENDA_IMPORT_FEED_SECONDS = 1
    settings.AGENDA_IMPORT_FETCH_SECONDS = 30
    settings.AGENDA_IMPORT_MAX_TEC_PAGES = 1000


def tec_page(post_id: int, next_url: str) -> bytes:
    event = {
        "id": post_id,
        "url": f"https://inloophuis.example/agenda/{post_id}/",
        "title": f"Activiteit {post_id}",
        "utc_start_date": "2026-12-01 09:00:00",
        "utc_end_date": "2026-12-01 10:00:00",
        "timezone": "Europe/Amsterdam",
    }
    return json.dumps({"events": [event], "next_rest_url": next_url}).encode()


def serve_pages(feed_server, pages: int, delay: float, last_links_to: str = "", *, in_body: bool = False) -> str:
    """Pages /page/1 ... /page/N, each linking to the next and taking ``delay`` seconds: before the
    answer, or ``in_body`` spread over its body, ten pieces apart."""

    def answer(request):
        number = int(request.path.rsplit("/", 1)[1])
        if not in_body:
            time.sleep(delay)
        next_url = feed_server.url(f"/page/{number + 1}") if number < pages else last_links_to
        body = tec_page(number, next_url)
        request.send_response(200)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        step = len(body) // 10 + 1
        for start in range(0, len(body), step):
            try:
                request.wfile.write(body[start : start + step])
                request.wfile.flush()
            except OSError:
                return
            if in_body:
                time.sleep(delay / 10)

    for number in range(1, pages + 1):
        feed_server.add_handler(f"/page/{number}", answer)
    return feed_server.url("/page/1")


def read_within_bound(source, match: str = FEED_TOO_LONG) -> str:
    started = time.monotonic()
    with pytest.raises(FetchError, match=match) as raised:
        read_feed(source, NOW, use_validators=False)
    elapsed = time.monotonic() - started
    assert elapsed < BOUND, f"reading the feed took {elapsed:.1f} s"
    return str(raised.value)


@pytest.mark.usefixtures("short_feed_deadline")
@pytest.mark.parametrize(("delay", "in_body"), [(0.1, False), (0.3, False), (0.3, True)])
def test_pages_that_each_arrive_in_time_are_bounded_together(centre, feed_server, delay, in_body):
    url = serve_pages(feed_server, pages=200, delay=delay, in_body=in_body)
    read_within_bound(FeedSourceFactory(centre=centre, url=url, format="tec-json"))


@pytest.mark.usefixtures("short_feed_deadline")
@pytest.mark.parametrize(
    "behaviour",
    [silent(), trickled(head("Content-Type: application/json").removesuffix(b"\r\n"), 0.02, then=b"X-A: b\r\n")],
    ids=["silent", "trickled-headers"],
)
def test_a_later_page_that_stalls_gets_only_the_time_the_feed_has_left(centre, feed_server, behaviour):
    with StallingServer(behaviour) as server:
        url = serve_pages(feed_server, pages=2, delay=0, last_links_to=server.url("/page/3"))
        read_within_bound(FeedSourceFactory(centre=centre, url=url, format="tec-json"))


def test_a_later_page_that_stalls_gets_the_fetch_deadline_when_that_is_shorter(centre, feed_server, settings):
    settings.AGENDA_IMPORT_FEED_SECONDS = 30
    settings.AGENDA_IMPORT_FETCH_SECONDS = 1
    with StallingServer(silent()) as server:
        url = serve_pages(feed_server, pages=2, delay=0, last_links_to=server.url("/page/3"))
        message = read_within_bound(
            FeedSourceFactory(centre=centre, url=url, format="tec-json"), "longer than 1 seconds"
        )
    assert message == "The server took longer than 1 seconds to send the feed."


@pytest.mark.usefixtures("short_feed_deadline")
def test_a_first_page_that_stalls_gets_only_the_feed_deadline(centre):
    with StallingServer(silent()) as server:
        read_within_bound(FeedSourceFactory(centre=centre, url=server.url(), format="auto"))


def test_a_paged_feed_within_its_deadline_is_read_whole(centre, feed_server, settings):
    settings.AGENDA_IMPORT_FEED_SECONDS = 30
    url = serve_pages(feed_server, pages=3, delay=0)
    fetched = read_feed(FeedSourceFactory(centre=centre, url=url, format="tec-json"), NOW, use_validators=False)
    assert [event.source_post_id for event in fetched.parsed.events] == ["1", "2", "3"]


# Through the service: the run is recorded as an error an administrator can read.


@pytest.mark.parametrize(
    "behaviour",
    [silent(), trickled(b"HTTP/1.1 200 OK\r\n", 0.02, then=b"X-A: b\r\n")],
    ids=["silent", "trickled-headers"],
)
def test_a_stalling_server_is_a_failed_run_with_a_readable_error(centre, settings, behaviour):
    settings.AGENDA_IMPORT_FETCH_SECONDS = 1
    with StallingServer(behaviour) as server:
        source = FeedSourceFactory(centre=centre, url=server.url(), format="auto")
        started = time.monotonic()
        report = import_source(source.pk, now=NOW)
        assert time.monotonic() - started < BOUND
    assert report.status == "error"
    assert report.error == "The server took longer than 1 seconds to send the feed."
    assert ImportRun.objects.get(source=source).error_message == report.error


def test_a_feed_that_decompresses_to_nothing_is_a_failed_run(centre, settings):
    settings.AGENDA_IMPORT_FETCH_SECONDS = 1
    behaviour = streamed(head("Content-Encoding: gzip", "Connection: close") + GZIP_HEADER, EMPTY_STORED_BLOCK, 0.005)
    with StallingServer(behaviour) as server:
        report = import_source(FeedSourceFactory(centre=centre, url=server.url(), format="ics").pk, now=NOW)
    assert (report.status, report.error) == ("error", "The server took longer than 1 seconds to send the feed.")
