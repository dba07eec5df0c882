"""Undoing a response's Content-Encoding ourselves, in bounded steps.

urllib3 decodes for us only in a way we cannot bound: asked for decoded bytes, it keeps reading
until some come out, so a gzip stream of empty blocks (which never decompresses to anything) kept
one import busy for minutes, with the deadline never checked and the size cap never reached. Here
each step decodes one piece of what came over the network, and at most as many bytes as the size
cap still allows, so the caller checks its deadline and both caps between steps.

Only the codings we ask for (gzip and deflate) are decoded; anything else (br, zstd, a chain of
codings) is refused rather than read as if it were the feed.
"""

import zlib

ACCEPT_ENCODING = "gzip, deflate"
GZIP_MAGIC = b"\x1f\x8b"


class ContentCodingError(Exception):
    """The body's Content-Encoding is not one we decode, or the compressed data is broken."""


def _is_zlib_header(start: bytes) -> bool:
    # RFC 1950: compression method 8 (deflate), and the two bytes as a number are a multiple of 31.
    return start[0] & 0x0F == 8 and (start[0] << 8 | start[1]) % 31 == 0


class ContentDecoder:
    """Decodes one response body given its Content-Encoding header ("" for none)."""

    def __init__(self, content_encoding: str):
        codings = [coding.strip().lower() for coding in content_encoding.split(",")]
        codings = [coding for coding in codings if coding and coding != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in {"gzip", "x-gzip", "deflate"}):
            raise ContentCodingError(
                f"The server compressed the feed in a way that is not supported ({content_encoding[:50]})."
            )
        self.coding = {"x-gzip": "gzip"}.get(codings[0], codings[0]) if codings else ""
        self._decompressor = None
        self._pending = b""  # a first byte, until the second tells a zlib header or another gzip member

    def decode(self, data: bytes, max_length: int) -> bytes:
        """The decoded bytes of ``data``, at most ``max_length`` of them (``max_length`` > 0).

        Returning fewer than ``max_length`` means all of ``data`` was used. A caller that gets
        ``max_length`` bytes and may hold no more stops there; what was left undecoded is not kept.
        """
        if not self.coding:
            return data[:max_length]
        data, self._pending = self._pending + data, b""
        output = []
        while data and max_length > 0:
            if self._decompressor is None or self._decompressor.eof:
                if len(data) < 2:  # too little to tell a zlib header or the next gzip member
                    self._pending = data
                    break
                if self._decompressor is not None and not (self.coding == "gzip" and data.startswith(GZIP_MAGIC)):
                    break  # bytes after the end of the compressed data are not part of the feed
                self._decompressor = self._new_decompressor(data)
            try:
                piece = self._decompressor.decompress(data, max_length)
            except zlib.error as exc:
                raise ContentCodingError(f"The server's {self.coding} data is broken ({exc}).") from None
            output.append(piece)
            max_length -= len(piece)
            # At the end of a stream the rest is unused_data: gzip allows another member to follow.
            data = self._decompressor.unused_data if self._decompressor.eof else self._decompressor.unconsumed_tail
        return b"".join(output)

    def finish(self) -> None:
        """At the end of the body: a compressed body that stops in the middle is not the whole feed."""
        started = self._decompressor is not None or self._pending
        if self.coding and started and (self._decompressor is None or not self._decompressor.eof):
            raise ContentCodingError(f"The server's {self.coding} data ends before its end.")

    def _new_decompressor(self, start: bytes):
        if self.coding == "gzip":
            return zlib.decompressobj(16 + zlib.MAX_WBITS)
        # "deflate" is meant to be zlib-wrapped (RFC 9110), but some servers send the raw stream.
        return zlib.decompressobj(zlib.MAX_WBITS if _is_zlib_header(start) else -zlib.MAX_WBITS)
