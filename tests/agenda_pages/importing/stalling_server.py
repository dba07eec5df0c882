"""A misbehaving HTTP server on 127.0.0.1, on raw sockets, for the fetch deadline tests.

http.server cannot misbehave below the level of a whole header line, and the point here is a server
that does: it trickles the status line, sends headers forever, streams chunks that never end, or
gzip that never decompresses to anything. Each behaviour is a function of the connected socket and an
event that is set when the test is over; pauses are timed waits on that event, so the server lets go
at once when the test ends (and time.sleep is not needed: see tests/conftest.py on faketime).
"""

import socket
import threading
import zlib
from collections.abc import Callable, Iterator

Behaviour = Callable[[socket.socket, threading.Event], None]

# A deflate block that is not the last and holds nothing: stored (BTYPE 00), then LEN 0 and NLEN ~0.
# Byte-aligned after the first, so a stream of them is a valid deflate stream that decompresses to nothing.
EMPTY_STORED_BLOCK = b"\x00\x00\x00\xff\xff"
GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"  # no name, no time, unknown OS


def _read_request(connection: socket.socket, stop: threading.Event) -> None:
    """Read up to the end of the request's headers (the client is well-behaved: GET, no body)."""
    received = b""
    connection.settimeout(0.1)
    while b"\r\n\r\n" not in received and not stop.is_set():
        try:
            data = connection.recv(4096)
        except TimeoutError:
            continue
        if not data:
            return
        received += data


def _send_pieces(connection: socket.socket, stop: threading.Event, pieces: Iterator[bytes], interval: float) -> None:
    for piece in pieces:
        if stop.is_set():
            return
        try:
            connection.sendall(piece)
        except OSError:  # the client gave up, which is what the tests want
            return
        if interval:
            stop.wait(interval)


def silent() -> Behaviour:
    """Accept and read the request, then never answer."""

    def behave(connection, stop):
        _read_request(connection, stop)
        stop.wait()

    return behave


def trickled(data: bytes, interval: float, *, then: bytes | None = None) -> Behaviour:
    """Send ``data`` one byte per ``interval``; then ``then`` (repeated forever, one byte at a time)."""

    def pieces():
        yield from (bytes([byte]) for byte in data)
        while then is not None:
            yield from (bytes([byte]) for byte in then)

    def behave(connection, stop):
        _read_request(connection, stop)
        _send_pieces(connection, stop, pieces(), interval)

    return behave


def streamed(head: bytes, piece: bytes, interval: float) -> Behaviour:
    """Send ``head`` at once, then ``piece`` every ``interval`` seconds, forever."""

    def pieces():
        yield head
        while True:
            yield piece

    def behave(connection, stop):
        _read_request(connection, stop)
        _send_pieces(connection, stop, pieces(), interval)

    return behave


def head(*headers: str, status: str = "200 OK") -> bytes:
    return "".join([f"HTTP/1.1 {status}\r\n", *(f"{header}\r\n" for header in headers), "\r\n"]).encode()


def chunk(data: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(data), data)


def deflate_bomb_piece(size: int = 1024 * 1024) -> bytes:
    """Raw deflate blocks (not the last) that decompress to ``size`` zero bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(b"\0" * size) + compressor.flush(zlib.Z_FULL_FLUSH)


class StallingServer:
    """Answers every connection with one behaviour; ``url()`` is an address on it."""

    def __init__(self, behaviour: Behaviour):
        self.behaviour = behaviour
        self.stop = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.connections: list[socket.socket] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def url(self, path: str = "/agenda.ics") -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}{path}"

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _address = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.connections.append(connection)
            threading.Thread(target=self.behaviour, args=(connection, self.stop), daemon=True).start()

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()
        self.listener.close()
        for connection in self.connections:
            connection.close()


class FullBacklog:
    """A listening socket that never accepts, its backlog filled, so a new connection is never made:
    the kernel drops the client's SYN and the client waits, as it would for a host that does not answer."""

    def __init__(self):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(0)
        self.fillers: list[socket.socket] = []
        for _ in range(8):  # more than the backlog holds; the rest stay half-open, which is fine
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            filler.setblocking(False)
            filler.connect_ex(self.listener.getsockname())
            self.fillers.append(filler)

    def url(self, path: str = "/agenda.ics") -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}{path}"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for filler in self.fillers:
            filler.close()
        self.listener.close()
