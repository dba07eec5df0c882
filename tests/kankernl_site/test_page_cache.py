"""The anonymous page cache: who is served a stored page, what is stored, and what makes it stale."""

import pytest
import time_machine
from django.core.cache import cache
from wagtail import hooks

from agenda_pages.importing.service import import_source
from agenda_pages.models import EventPage
from kankernl_site import page_cache
from kankernl_site.page_cache import VERSION_KEY, bump_version, local_pages
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, FeedSourceFactory
from tests.agenda_pages.ics_samples import NOW, WALK, calendar, cancelled
from tests.home.factories import StandardPageFactory


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    # Both outlive each test's database.
    cache.clear()
    local_pages.clear()
    yield
    cache.clear()
    local_pages.clear()


@pytest.fixture
def page(site_home):
    return StandardPageFactory(parent=site_home, title="Over ons", slug="over-ons")


def cache_state(response) -> str | None:
    return response.headers.get("X-Page-Cache")


def import_walk(site_home, feed_server):
    """A centre whose feed has one walk; nothing imported yet."""
    centre = CentrePageFactory(parent=CentreIndexPageFactory(parent=site_home))
    feed_server.add("/agenda.ics", calendar(WALK), Content_Type="text/calendar")
    return FeedSourceFactory(centre=centre, url=feed_server.url("/agenda.ics"), format="ics")


def test_anonymous_visitor_gets_the_stored_page_the_second_time(client, page):
    first = client.get("/over-ons/")
    second = client.get("/over-ons/")
    assert (first.status_code, cache_state(first)) == (200, "miss")
    assert (second.status_code, cache_state(second)) == (200, "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Cookie" in second["Vary"]


def test_head_and_get_share_one_entry(client, page):
    client.get("/over-ons/")
    assert cache_state(client.head("/over-ons/")) == "hit"


def test_query_string_is_part_of_the_key(client, page):
    client.get("/over-ons/?pagina=1")
    assert cache_state(client.get("/over-ons/?pagina=2")) == "miss"
    assert cache_state(client.get("/over-ons/?pagina=1")) == "hit"


def test_logged_in_user_is_never_served_from_the_cache(client, page, django_user_model):
    client.get("/over-ons/")  # stored for anonymous visitors
    client.force_login(django_user_model.objects.create_user("redacteur", password="x" * 12))
    response = client.get("/over-ons/")
    assert response.status_code == 200
    assert cache_state(response) is None


def test_logged_in_user_pages_are_never_stored(client, page, django_user_model):
    client.force_login(django_user_model.objects.create_user("redacteur", password="x" * 12))
    client.get("/over-ons/")
    client.logout()
    client.cookies.clear()
    assert cache_state(client.get("/over-ons/")) == "miss"


def test_any_cookie_bypasses_the_cache(client, page):
    client.get("/over-ons/")
    client.cookies["voorkeur"] = "groot"
    assert cache_state(client.get("/over-ons/")) is None


def test_publishing_a_page_makes_stored_pages_stale(client, page, django_capture_on_commit_callbacks):
    client.get("/over-ons/")
    page.title = "Over het inloophuis"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    response = client.get("/over-ons/")
    assert cache_state(response) == "miss"
    assert "Over het inloophuis" in response.content.decode()


def test_unpublishing_a_page_makes_stored_pages_stale(client, page, django_capture_on_commit_callbacks):
    client.get("/over-ons/")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert client.get("/over-ons/").status_code == 404


def test_post_is_neither_served_nor_stored(client, page):
    client.post("/over-ons/")
    assert cache_state(client.get("/over-ons/")) == "miss"  # the POST stored nothing
    assert cache_state(client.post("/over-ons/")) is None  # and is not answered from the stored GET


def test_response_that_sets_a_cookie_is_not_stored(client, page):
    def start_session(page, request, serve_args, serve_kwargs):
        request.session["seen"] = True

    with hooks.register_temporarily("before_serve_page", start_session):
        response = client.get("/over-ons/")
        assert "sessionid" in response.cookies
        client.cookies.clear()
        assert cache_state(client.get("/over-ons/")) == "miss"


def test_not_found_is_not_stored(client, site_home):
    assert client.get("/bestaat-niet/").status_code == 404
    response = client.get("/bestaat-niet/")
    assert (response.status_code, cache_state(response)) == (404, "miss")


def test_admin_is_never_looked_up(client, site_home):
    assert cache_state(client.get("/admin/login/")) is None


def test_views_other_than_pages_are_not_stored(client, site_home):
    client.get("/zoeken/?q=wandelen")  # every search is logged, so it must reach the view
    assert cache_state(client.get("/zoeken/?q=wandelen")) == "miss"


def test_a_page_stored_by_another_worker_is_served(client, page):
    client.get("/over-ons/")
    local_pages.clear()  # as in a second process: only the shared cache holds the page
    assert cache_state(client.get("/over-ons/")) == "hit"


def test_a_bump_by_another_worker_is_seen_once_the_version_is_checked_again(client, page, monkeypatch):
    client.get("/over-ons/")
    cache.incr(VERSION_KEY)  # another process published a page
    monkeypatch.setattr(page_cache, "VERSION_CHECK_SECONDS", 0)
    assert cache_state(client.get("/over-ons/")) == "miss"


def test_nothing_is_cached_when_switched_off(client, page, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/over-ons/")
    assert cache_state(client.get("/over-ons/")) is None


def test_bump_waits_for_the_commit(db, django_capture_on_commit_callbacks):
    cache.set(VERSION_KEY, 7, timeout=None)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        bump_version()
        assert cache.get(VERSION_KEY) == 7
    assert len(callbacks) == 1
    assert cache.get(VERSION_KEY) == 8


def test_an_import_that_only_wrote_drafts_leaves_stored_pages_fresh(
    client, page, site_home, feed_server, django_capture_on_commit_callbacks
):
    """New events wait for review: no public page shows them yet, so an hourly round of eighty
    feeds must not empty every node's page cache (the load bench measured what that costs)."""
    source = import_walk(site_home, feed_server)
    client.get("/over-ons/")
    with django_capture_on_commit_callbacks(execute=True):
        assert import_source(source.pk, now=NOW).created == 1
    assert cache_state(client.get("/over-ons/")) == "hit"


def test_an_import_that_cancelled_a_live_date_makes_stored_pages_stale(
    client, page, site_home, feed_server, django_capture_on_commit_callbacks
):
    source = import_walk(site_home, feed_server)
    with django_capture_on_commit_callbacks(execute=True):
        import_source(source.pk, now=NOW)
        EventPage.objects.get(source=source).get_latest_revision().publish()
    client.get("/over-ons/")
    assert cache_state(client.get("/over-ons/")) == "hit"

    feed_server.add("/agenda.ics", calendar(cancelled(WALK)), Content_Type="text/calendar")
    with django_capture_on_commit_callbacks(execute=True):
        assert import_source(source.pk, now=NOW).cancelled == 1
    assert cache_state(client.get("/over-ons/")) == "miss"

    with django_capture_on_commit_callbacks(execute=True):
        assert import_source(source.pk, now=NOW).status == "not-modified"
    assert cache_state(client.get("/over-ons/")) == "hit"


def test_a_bump_after_the_version_was_evicted_never_goes_back():
    before = page_cache.current_version()
    cache.delete(VERSION_KEY)  # evicted, or Redis restarted
    with time_machine.travel(0, tick=False):  # a clock that has gone back
        page_cache._increment_version()

    assert page_cache.current_version() > before


def test_an_unchanged_page_is_answered_304_also_from_the_store(client, page, django_capture_on_commit_callbacks):
    """ConditionalGetMiddleware sits outside the page cache: a stored page gets its ETag as well,
    and a client that has the same version downloads nothing; a publish changes the answer."""
    first = client.get("/over-ons/")
    etag = first.headers["ETag"]
    stored = client.get("/over-ons/")
    assert (cache_state(stored), stored.headers["ETag"]) == ("hit", etag)
    again = client.get("/over-ons/", HTTP_IF_NONE_MATCH=etag)
    assert (again.status_code, again.content) == (304, b"")
    page.title = "Over de centra"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    changed = client.get("/over-ons/", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etag
