"""A CDN or caching proxy on loopback that the site purges: a local HTTP server that answers every
request with 200 and keeps (path, Host header) of each PURGE, the way wagtail.contrib.frontend_cache's
HTTP backend sends them (the page's path, its host in the Host header). Used by the purging tests
and by the production tests' cluster (FRONTEND_CACHE_PURGE_URL)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class PurgeRecorder:
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

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    @property
    def paths(self) -> set[str]:
        return {path for path, _host in self.purged}

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
