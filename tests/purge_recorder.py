"""A CDN or caching proxy on loopback that the site purges: a local HTTP server that answers every
request with 200 and keeps (path, Host header) of each PURGE, the way wagtail.contrib.frontend_cache's
HTTP backend sends them (the page's path, its host in the Host header). Used by the purging tests
and by the production tests' cluster (FRONTEND_CACHE_PURGE_URL)."""

from http.server import BaseHTTPRequestHandler

from tests.loopback import LoopbackHTTPServer


class PurgeRecorder(LoopbackHTTPServer):
    def __init__(self):
        self.purged: list[tuple[str, str]] = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):
                recorder.purged.append((self.path, self.headers["Host"]))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.listen(Handler)

    @property
    def paths(self) -> set[str]:
        return {path for path, _host in self.purged}
