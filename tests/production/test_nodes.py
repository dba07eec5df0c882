"""Two web nodes share one PostgreSQL and one Redis: whatever one node does, the other knows at once."""

import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

from kankernl_site.page_cache import VERSION_CHECK_SECONDS
from tests.production.client import Client, csrf_token
from tests.production.conftest import ADMIN_PASSWORD, FEED_TITLES
from tests.production.database import imported_events, rows


def visitor(cluster, node: str):
    """A new anonymous visitor (no cookies) on ``node``."""
    return Client(cluster, node)


def test_an_approval_on_node_a_is_on_node_b_at_once_although_b_had_the_agenda_cached(cluster, purges):
    events = imported_events(cluster, FEED_TITLES)
    title = FEED_TITLES[0]
    event_id = events[title][0]
    first = visitor(cluster, "nodeb").get("/agenda/")
    cached = visitor(cluster, "nodeb").get("/agenda/")
    assert first.status_code == cached.status_code == 200
    assert cached.headers["X-Page-Cache"] == "hit"
    assert title not in cached.text

    editor = Client(cluster, "nodea")
    editor.log_in("beheer", ADMIN_PASSWORD)
    approved = editor.post_form("/admin/agenda/review/", {"action": "approve", "page": str(event_id)})
    assert approved.status_code == 302

    # Each process looks up the shared content version at most once a second (page_cache.py).
    deadline = time.monotonic() + VERSION_CHECK_SECONDS + 0.5
    after = visitor(cluster, "nodeb").get("/agenda/")
    while title not in after.text and time.monotonic() < deadline:
        time.sleep(0.1)
        after = visitor(cluster, "nodeb").get("/agenda/")
    assert after.status_code == 200
    assert title in after.text
    assert FEED_TITLES[1] not in after.text  # still waiting for review
    assert rows(cluster, "SELECT live FROM wagtailcore_page WHERE id = %s", event_id) == [(True,)]
    # The CDN in front (FRONTEND_CACHE_PURGE_URL) is told to forget the agenda and its feeds.
    wanted = {"/agenda/", "/agenda/rss/", "/en/agenda/"}
    deadline = time.monotonic() + 30
    while not wanted <= purges.paths and time.monotonic() < deadline:
        time.sleep(0.2)
    assert wanted <= purges.paths, purges.purged


def test_a_session_and_its_csrf_token_work_whichever_node_answers(cluster):
    editor = Client(cluster, "nodea")
    editor.log_in("beheer", ADMIN_PASSWORD)
    token = csrf_token(editor.get("/admin/account/").text)

    on_b = editor.use("nodeb").get("/admin/")
    assert on_b.status_code == 200, on_b.headers.get("Location")  # still signed in on node B
    logged_out = editor.request(
        "POST",
        "/admin/logout/",
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"{cluster.base_url}/admin/"},
    )
    assert logged_out.status_code == 302  # node B accepted node A's token

    signed_out = editor.use("nodea").get("/admin/")
    assert signed_out.status_code == 302
    assert "/admin/login/" in signed_out.headers["Location"]


def test_rate_limits_count_the_hits_on_both_nodes_together(cluster):
    """The cluster allows 6 counted page views per address an hour (USAGE_VIEWS_PER_IP_PER_HOUR)."""
    (home_id,) = rows(cluster, "SELECT root_page_id FROM wagtailcore_site WHERE is_default_site")[0]
    # The limit counts per clock hour: start well inside one. The nodes count on the real clock.
    seconds_left = 3600 - time.time() % 3600
    if seconds_left < 30:
        time.sleep(seconds_left + 1)
    today = datetime.now(ZoneInfo("Europe/Amsterdam")).date()
    before = _views(cluster, home_id, today)

    for number in range(10):
        node = "nodea" if number % 2 else "nodeb"
        beacon = Client(cluster, node, visitor_ip="198.51.100.7").request(
            "POST", "/usage/view/", data={"page": str(home_id)}
        )
        assert beacon.status_code == 204

    assert _views(cluster, home_id, today) - before == 6
    # Another address is counted again.
    Client(cluster, "nodea", visitor_ip="198.51.100.8").request("POST", "/usage/view/", data={"page": str(home_id)})
    assert _views(cluster, home_id, today) - before == 7


def _views(cluster, page_id: int, day: date) -> int:
    found = rows(cluster, "SELECT views FROM usage_pageviewday WHERE page_id = %s AND day = %s", page_id, day)
    return found[0][0] if found else 0
