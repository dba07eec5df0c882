"""The view tally: beacons count in memory and are written together once due."""

from datetime import date

from usage.models import PageViewDay
from usage.view_buffer import MAX_TALLIED_PAGES, ViewTally, flush, tally

DAY = date(2026, 12, 7)


def test_the_tally_is_due_after_its_seconds():
    views = ViewTally()
    assert views.add(1, DAY, now=100.0, seconds=10) is None
    assert views.add(1, DAY, now=105.0, seconds=10) is None
    assert views.add(2, DAY, now=109.9, seconds=10) is None
    assert views.add(1, DAY, now=110.0, seconds=10) == {(1, DAY): 3, (2, DAY): 1}
    assert views.add(1, DAY, now=111.0, seconds=10) is None  # a fresh tally, timed from its first view


def test_the_tally_is_due_sooner_when_many_pages_wait():
    views = ViewTally()
    due = [views.add(page_id, DAY, now=0.0, seconds=3600) for page_id in range(MAX_TALLIED_PAGES)]
    assert due[-1] is not None and len(due[-1]) == MAX_TALLIED_PAGES
    assert all(counts is None for counts in due[:-1])


def test_beacons_cost_no_query_until_the_tally_is_written(browser, page, settings, django_assert_num_queries):
    settings.USAGE_VIEW_BUFFER_SECONDS = 3600
    try:
        with django_assert_num_queries(0):
            for _ in range(3):
                assert browser.post("/usage/view/", {"page": page.pk}).status_code == 204
        assert not PageViewDay.objects.exists()
    finally:
        # The live pages; the batch's SAVEPOINT and RELEASE (inside the test's transaction); the day's
        # first row: UPDATE (nothing), SAVEPOINT, INSERT, RELEASE.
        with django_assert_num_queries(7):
            flush()
    assert list(PageViewDay.objects.values_list("page_id", "views")) == [(page.pk, 3)]
    assert not tally.counts


def test_a_written_tally_leaves_out_pages_that_are_not_live(browser, page, settings):
    settings.USAGE_VIEW_BUFFER_SECONDS = 3600
    browser.post("/usage/view/", {"page": page.pk})
    browser.post("/usage/view/", {"page": 999_999})
    page.unpublish()
    flush()
    assert not PageViewDay.objects.exists()
