"""The total deadline bounds the whole exchange, whatever the server does.

Each test has a real server on 127.0.0.1 stall in one way. The connect and read timeouts are set far
above the total deadline, so only the total deadline can end the fetch in time. The bound asserted
(deadline 1 s, done within 5 s) is a correctness bound with room for a busy machine, not a benchmark.
"""

import gzip
import multiprocessing
import time

import pytest

from agenda_pages.importing.fetch import FetchError, FetchLimits, fetch_feed
from tests.agenda_pages.importing.stalling_server import (
    EMPTY_STORED_BLOCK,
    GZIP_HEADER,
    FullBacklog,
    StallingServer,
    chunk,
    deflate_bomb_piece,
    head,
    silent,
    streamed,
    trickled,
)

DEADLINE = FetchLimits(connect_timeout=20, read_timeout=20, total_seconds=1, max_bytes=1024 * 1024)
BOUND = 5  # seconds
TOO_LONG = "took longer than 1 seconds"
CALENDAR = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n"


def fetch_within_bound(url: str, match: str = TOO_LONG, limits: FetchLimits = DEADLINE) -> str:
    started = time.monotonic()
    with pytest.raises(FetchError, match=match) as raised:
        fetch_feed(url, limits=limits, allow_private_hosts=True)
    elapsed = time.monotonic() - started
    assert elapsed < BOUND, f"the fetch took {elapsed:.1f} s"
    return str(raised.value)


def stalled(behaviour, match: str = TOO_LONG, limits: FetchLimits = DEADLINE) -> str:
    with StallingServer(behaviour) as server:
        return fetch_within_bound(server.url(), match, limits)


# Connecting and waiting for an answer


def test_a_server_that_never_accepts_the_connection():
    with FullBacklog() as backlog:
        fetch_within_bound(backlog.url())


def test_a_server_that_accepts_but_never_answers():
    message = stalled(silent())
    assert message == "The server took longer than 1 seconds to send the feed."
    assert multiprocessing.active_children() == []  # the fetching child was stopped and reaped


def test_a_tls_handshake_that_never_completes():
    with StallingServer(silent()) as server:
        fetch_within_bound(server.url().replace("http:", "https:"))


def test_the_deadline_need_not_be_whole_seconds():
    limits = FetchLimits(connect_timeout=20, read_timeout=20, total_seconds=0.5)
    assert stalled(silent(), match="longer than 0.5 seconds", limits=limits)


# Trickled status line and headers: each byte resets the read timeout, so only the total deadline helps


def test_trickled_status_line():
    stalled(trickled(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", interval=0.2))


def test_trickled_headers_that_never_end():
    stalled(trickled(head().removesuffix(b"\r\n"), interval=0.02, then=b"X-Padding: a\r\n"))


def test_one_endless_header_line():
    stalled(trickled(b"HTTP/1.1 200 OK\r\nX-Padding: ", interval=0.02, then=b"a"))


def test_endless_informational_responses():
    # http.client skips any number of "100 Continue" answers while it waits for the real one.
    stalled(streamed(b"", b"HTTP/1.1 100 Continue\r\n\r\n", interval=0.01))


def test_trickled_redirect():
    stalled(trickled(head("Location: /elsewhere", "Content-Length: 0", status="302 Found"), interval=0.1))


def test_redirect_to_a_stalling_server(feed_server):
    with StallingServer(trickled(head("Content-Length: 5"), interval=0.2)) as server:
        fetch_within_bound(feed_server.add("/moved", status=302, Location=server.url()))


# Bodies that never end


def test_trickled_body_with_a_length():
    stalled(streamed(head("Content-Length: 100000"), b"x", interval=0.05))


def test_trickled_body_until_the_server_closes():
    stalled(streamed(head("Connection: close"), b"x", interval=0.05))


def test_endless_stream_of_tiny_chunks():
    stalled(streamed(head("Transfer-Encoding: chunked"), chunk(b" "), interval=0.01))


def test_endless_chunk_extension():
    stalled(trickled(head("Transfer-Encoding: chunked") + b"1;ext=", interval=0.02, then=b"a"))


def test_endless_chunk_size():
    stalled(trickled(head("Transfer-Encoding: chunked"), interval=0.02, then=b"0"))


def test_endless_trailers():
    stalled(
        trickled(head("Transfer-Encoding: chunked") + chunk(CALENDAR) + b"0\r\n", interval=0.01, then=b"X-T: a\r\n")
    )


# Compressed bodies that decompress to nothing, slowly or fast, and bombs


@pytest.mark.parametrize(
    ("coding", "start"),
    [("gzip", GZIP_HEADER), ("deflate", b"\x78\x9c"), ("deflate", b"")],  # deflate with or without zlib's header
    ids=["gzip", "zlib-deflate", "raw-deflate"],
)
def test_compressed_body_that_slowly_decompresses_to_nothing(coding, start):
    behaviour = streamed(
        head(f"Content-Encoding: {coding}", "Content-Length: 999999") + start, EMPTY_STORED_BLOCK, 0.005
    )
    stalled(behaviour)


@pytest.mark.parametrize(
    ("framing", "start", "piece"),
    [
        ("Connection: close", GZIP_HEADER, EMPTY_STORED_BLOCK * 4096),
        ("Transfer-Encoding: chunked", chunk(GZIP_HEADER), chunk(EMPTY_STORED_BLOCK * 4096)),
    ],
    ids=["until-closed", "chunked"],
)
def test_compressed_body_that_quickly_decompresses_to_nothing_hits_the_size_cap(framing, start, piece):
    # At full speed the compressed bytes reach the cap (1 MB) well before the deadline.
    behaviour = streamed(head("Content-Encoding: gzip", framing) + start, piece, 0)
    stalled(behaviour, match="gzip-compressed feed is larger than the limit of 1 MB")


def test_compressed_body_that_ends_having_decompressed_to_nothing(feed_server):
    url = feed_server.add("/agenda.ics", GZIP_HEADER + EMPTY_STORED_BLOCK * 1000, Content_Encoding="gzip")
    fetch_within_bound(url, match="gzip data ends before its end")


def test_chunked_gzip_that_decompresses_to_nothing():
    behaviour = streamed(
        head("Content-Encoding: gzip", "Transfer-Encoding: chunked") + chunk(GZIP_HEADER),
        chunk(EMPTY_STORED_BLOCK),
        0.005,
    )
    stalled(behaviour)


@pytest.mark.parametrize(("coding", "start"), [("gzip", GZIP_HEADER), ("deflate", b"")], ids=["gzip", "deflate"])
def test_endless_bomb_is_stopped_by_the_decompressed_size(coding, start):
    behaviour = streamed(head(f"Content-Encoding: {coding}", "Connection: close") + start, deflate_bomb_piece(), 0)
    stalled(behaviour, match="larger than")


def test_gzip_bomb_in_one_piece_is_stopped_by_the_decompressed_size(feed_server):
    bomb = gzip.compress(b"\0" * (200 * 1024 * 1024), compresslevel=9)
    url = feed_server.add("/bomb.ics", bomb, Content_Encoding="gzip")
    fetch_within_bound(url, match="larger than")
