import gzip
import time
import zlib

import pytest

from agenda_pages.importing.fetch import FetchError, FetchLimits, fetch_feed
from tests.agenda_pages.importing.feed_server import trickle

CALENDAR = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n"
FAST = FetchLimits(connect_timeout=2, read_timeout=2, total_seconds=3, max_bytes=1024 * 1024)


def fetch(url, **options):
    options.setdefault("limits", FAST)
    options.setdefault("allow_private_hosts", True)  # the test server is on 127.0.0.1
    return fetch_feed(url, **options)


def test_fetches_body_type_and_validators(feed_server):
    url = feed_server.add("/agenda.ics", CALENDAR, Content_Type="text/calendar", ETag='"v1"')
    result = fetch(url, user_agent="test-agent/1.0")
    assert result.body == CALENDAR
    assert result.content_type == "text/calendar"
    assert result.etag == '"v1"'
    assert not result.not_modified
    assert len(result.content_hash) == 64
    assert feed_server.requests[0][1]["User-Agent"] == "test-agent/1.0"


def test_conditional_get_returns_not_modified(feed_server):
    def handler(request):
        fresh = request.headers.get("If-None-Match") == '"v1"'
        request.send_response(304 if fresh else 200)
        request.send_header("Content-Length", "0" if fresh else str(len(CALENDAR)))
        request.end_headers()
        if not fresh:
            request.wfile.write(CALENDAR)

    url = feed_server.add_handler("/agenda.ics", handler)
    result = fetch(url, etag='"v1"')
    assert result.not_modified and result.body == b""
    assert fetch(url, etag='"old"').body == CALENDAR


def test_gzip_is_decompressed(feed_server):
    url = feed_server.add("/agenda.ics", gzip.compress(CALENDAR), Content_Encoding="gzip")
    assert fetch(url).body == CALENDAR


@pytest.mark.parametrize("status", [403, 404, 500, 503])
def test_error_statuses_fail(feed_server, status):
    url = feed_server.add("/agenda.ics", b"<html>Oops</html>", status=status)
    with pytest.raises(FetchError, match=f"HTTP status {status}"):
        fetch(url)


def test_empty_body_fails(feed_server):
    url = feed_server.add("/agenda.ics", b"  \r\n")
    with pytest.raises(FetchError, match="empty"):
        fetch(url)


def test_truncated_body_fails(feed_server):
    url = feed_server.add("/agenda.ics", CALENDAR[:20], Content_Length=str(len(CALENDAR)))
    with pytest.raises(FetchError, match="completely"):
        fetch(url)


def test_oversized_body_fails(feed_server):
    url = feed_server.add("/big.ics", b"X" * (FAST.max_bytes + 1))
    with pytest.raises(FetchError, match="larger than"):
        fetch(url)


def test_decompression_bomb_is_stopped_by_decompressed_size(feed_server):
    bomb = gzip.compress(b"\0" * (20 * FAST.max_bytes))
    assert len(bomb) < FAST.max_bytes / 10
    url = feed_server.add("/bomb.ics", bomb, Content_Encoding="gzip")
    with pytest.raises(FetchError, match="larger than"):
        fetch(url)


def test_trickling_server_is_cut_off_at_the_total_deadline(feed_server):
    url = feed_server.add_handler("/slow.ics", trickle(CALENDAR * 10, delay=0.2))
    started = time.monotonic()
    with pytest.raises(FetchError, match="longer than 1 seconds"):
        fetch(url, limits=FetchLimits(connect_timeout=1, read_timeout=1, total_seconds=1))
    assert time.monotonic() - started < 3


def test_silent_server_hits_the_read_timeout(feed_server):
    def handler(request):
        time.sleep(2)

    url = feed_server.add_handler("/silent.ics", handler)
    with pytest.raises(FetchError, match="stopped sending"):
        fetch(url, limits=FetchLimits(connect_timeout=1, read_timeout=0.5, total_seconds=5))


def test_follows_redirects_up_to_the_limit(feed_server):
    final = feed_server.add("/final.ics", CALENDAR)
    feed_server.add("/r1", status=302, Location="/r2")
    feed_server.add("/r2", status=301, Location=final)
    assert fetch(feed_server.url("/r1")).url == final
    for hop in range(7):
        feed_server.add(f"/chain{hop}", status=302, Location=f"/chain{hop + 1}")
    with pytest.raises(FetchError, match="more than 5 times"):
        fetch(feed_server.url("/chain0"))


def test_redirect_loop_fails(feed_server):
    feed_server.add("/a", status=302, Location="/b")
    feed_server.add("/b", status=302, Location="/a")
    with pytest.raises(FetchError, match="loop"):
        fetch(feed_server.url("/a"))


@pytest.mark.parametrize("url", ["ftp://example.org/agenda.ics", "file:///etc/passwd", "gopher://x/", "/relative"])
def test_only_http_and_https(url):
    with pytest.raises(FetchError, match="Only http and https"):
        fetch(url)


def test_redirect_to_another_scheme_is_refused(feed_server):
    url = feed_server.add("/to-file", status=302, Location="file:///etc/passwd")
    with pytest.raises(FetchError, match="Only http and https"):
        fetch(url)


def test_guard_refuses_loopback(feed_server):
    url = feed_server.add("/agenda.ics", CALENDAR)
    with pytest.raises(FetchError, match="internal or private"):
        fetch(url, allow_private_hosts=False)
    assert feed_server.requests == []  # refused before connecting


@pytest.mark.parametrize(
    "address",
    [
        "0.0.0.0",  # "this network"; on Linux it would reach this machine
        "[::]",
        "[::ffff:127.0.0.1]",  # IPv4-mapped loopback
        "localhost",
    ],
)
def test_guard_refuses_internal_addresses_without_connecting(address):
    with pytest.raises(FetchError, match="internal or private"):
        fetch(f"http://{address}:9/agenda.ics", allow_private_hosts=False)


def test_unresolvable_host_fails_clearly():
    with pytest.raises(FetchError, match="could not be reached"):
        fetch("http://feed.invalid/agenda.ics", allow_private_hosts=False)


def test_asks_only_for_the_codings_it_decodes(feed_server):
    url = feed_server.add("/agenda.ics", CALENDAR)
    fetch(url)
    assert feed_server.requests[0][1]["Accept-Encoding"] == "gzip, deflate"


@pytest.mark.parametrize("coding", ["br", "zstd", "gzip, br"])
def test_a_coding_it_did_not_ask_for_is_refused(feed_server, coding):
    url = feed_server.add("/agenda.ics", b"\x8b\x05\x80" + CALENDAR, Content_Encoding=coding)
    with pytest.raises(FetchError, match=r"compressed the feed in a way that is not supported"):
        fetch(url)


def test_deflate_is_decompressed(feed_server):
    url = feed_server.add("/agenda.ics", zlib.compress(CALENDAR), Content_Encoding="deflate")
    assert fetch(url).body == CALENDAR


def test_a_compressed_body_cut_short_fails(feed_server):
    url = feed_server.add("/agenda.ics", gzip.compress(CALENDAR * 100)[:-30], Content_Encoding="gzip")
    with pytest.raises(FetchError, match="ends before its end"):
        fetch(url)
