import gzip
import zlib

import pytest

from agenda_pages.importing.content_coding import ContentCodingError, ContentDecoder
from tests.agenda_pages.importing.stalling_server import EMPTY_STORED_BLOCK, GZIP_HEADER

FEED = b"BEGIN:VCALENDAR\r\n" + b"X-FILLER:abcdefghij\r\n" * 500 + b"END:VCALENDAR\r\n"


def decode_in_pieces(coding: str, body: bytes, size: int = 7, max_length: int = 10**9) -> bytes:
    decoder = ContentDecoder(coding)
    decoded = b"".join(decoder.decode(body[start : start + size], max_length) for start in range(0, len(body), size))
    decoder.finish()
    return decoded


@pytest.mark.parametrize(
    ("coding", "body"),
    [
        ("", FEED),
        ("identity", FEED),
        ("gzip", gzip.compress(FEED)),
        ("x-gzip", gzip.compress(FEED)),
        ("GZIP", gzip.compress(FEED)),
        ("gzip", gzip.compress(FEED[:100]) + gzip.compress(FEED[100:])),  # two members
        ("deflate", zlib.compress(FEED)),
        ("deflate", zlib.compress(FEED)[2:-4]),  # raw deflate, as some servers send it
    ],
    ids=["none", "identity", "gzip", "x-gzip", "upper-case", "gzip-members", "deflate", "raw-deflate"],
)
@pytest.mark.parametrize("size", [1, 7, 64 * 1024])
def test_decodes_in_any_pieces(coding, body, size):
    assert decode_in_pieces(coding, body, size) == FEED


@pytest.mark.parametrize("coding", ["br", "zstd", "compress", "gzip, gzip", "deflate, br"])
def test_codings_we_do_not_ask_for_are_refused(coding):
    with pytest.raises(ContentCodingError, match="not supported"):
        ContentDecoder(coding)


def test_output_never_exceeds_max_length():
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))
    decoder = ContentDecoder("gzip")
    assert len(decoder.decode(bomb, 1000)) == 1000


def test_empty_blocks_decode_to_nothing_and_are_not_a_complete_body():
    decoder = ContentDecoder("gzip")
    assert decoder.decode(GZIP_HEADER + EMPTY_STORED_BLOCK * 10_000, 1000) == b""
    with pytest.raises(ContentCodingError, match="ends before its end"):
        decoder.finish()


@pytest.mark.parametrize("coding", ["gzip", "deflate"])
def test_truncated_compressed_body_is_an_error(coding):
    body = gzip.compress(FEED) if coding == "gzip" else zlib.compress(FEED)
    with pytest.raises(ContentCodingError, match="ends before its end"):
        decode_in_pieces(coding, body[: len(body) // 2])


def test_broken_compressed_data_is_an_error():
    with pytest.raises(ContentCodingError, match="broken"):
        decode_in_pieces("gzip", GZIP_HEADER[:3] + b"\xff" * 50)


def test_bytes_after_the_end_are_ignored():
    assert decode_in_pieces("deflate", zlib.compress(FEED) + b"\r\n") == FEED


def test_an_empty_body_is_left_to_the_caller():
    ContentDecoder("gzip").finish()  # fetch.py reports it as an empty feed
