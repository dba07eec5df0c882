"""The agenda's JSON read by a script on another site, in a real browser: CORS lets it read the
answer, the preflight for If-None-Match passes, and the 304 that follows is readable too."""

import datetime as dt
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PARTNER_PAGE = b"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Partner</title></head>
<body><h1>Activiteiten bij ons in de buurt</h1></body></html>"""


class PartnerSite(BaseHTTPRequestHandler):
    """A partner's page on another port, so every request to our site is cross-origin."""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(PARTNER_PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture
def partner_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), PartnerSite)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture
def one_event(live_demo_site):
    """A live event with a date the day after tomorrow, under the first demo centre."""
    from django.utils import timezone

    from agenda_pages.models import CentrePage, EventOccurrence
    from tests.agenda_pages.factories import EventPageFactory

    event = EventPageFactory(parent=CentrePage.objects.live().order_by("path").first(), title="Wandelen in het park")
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=2)
    EventOccurrence.objects.create(page=event, start=start, end=start + dt.timedelta(hours=2))
    return event


READ_TWICE = """async (url) => {
    const first = await fetch(url, {cache: "no-store"});
    const data = await first.json();
    const etag = first.headers.get("ETag");
    const again = await fetch(url, {cache: "no-store", headers: {"If-None-Match": etag}});
    return {
        status: first.status,
        count: data.count,
        firstTitle: data.results.length ? data.results[0].title : null,
        etag: etag,
        lastModified: first.headers.get("Last-Modified"),
        againStatus: again.status,
    };
}"""


def test_a_script_on_another_site_reads_the_json_and_polls_it(page, site_url, partner_url, one_event):
    page.goto(partner_url)

    result = page.evaluate(READ_TWICE, site_url("/agenda/json/?page_size=5"))

    assert result["status"] == 200
    assert (result["count"], result["firstTitle"]) == (1, "Wandelen in het park")
    assert result["etag"] and result["lastModified"]  # exposed to the script
    assert result["againStatus"] == 304  # after the preflight, and readable: CORS headers on the 304
