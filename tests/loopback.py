"""A threaded HTTP server on 127.0.0.1 at a free port, started and stopped as a context manager: what
the tests' stand-ins for the outside world (the feed server, the CDN's purge recorder) have in common.
A subclass builds its request handler and calls ``listen`` with it."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LoopbackHTTPServer:
    server_class: type[ThreadingHTTPServer] = ThreadingHTTPServer

    def listen(self, handler: type[BaseHTTPRequestHandler]) -> None:
        self.httpd = self.server_class(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
