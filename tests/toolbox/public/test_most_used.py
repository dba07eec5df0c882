"""The most read items: views of the last 90 days, ties by title, live items only, one query."""

from datetime import date, timedelta

import pytest

from tests.toolbox.factories import make_item
from toolbox.models import ToolboxItemPage
from toolbox.public.most_used import most_used
from usage.models import PageViewDay

pytestmark = pytest.mark.django_db

TODAY = date(2026, 6, 30)


def read(item, views, days_ago=0):
    PageViewDay.objects.create(page=item, day=TODAY - timedelta(days=days_ago), views=views)


def titles(items) -> list[str]:
    return [item.title for item in items]


def test_the_most_viewed_of_the_last_90_days_first_equal_counts_by_title(topic_page, django_assert_num_queries):
    often, also, old, draft, unread = (
        make_item(topic_page, title) for title in ("Veel", "Ook veel", "Oud", "Concept", "Ongelezen")
    )
    read(often, 5)
    read(often, 5, days_ago=89)  # the 90th day back still counts
    read(also, 10, days_ago=30)
    read(old, 50, days_ago=90)  # one day too old
    read(old, 1, days_ago=1)
    read(draft, 99)
    draft.unpublish()
    read(unread, 3, days_ago=-1)  # tomorrow's count (a clock ahead) is not "the last 90 days"

    with django_assert_num_queries(1):
        found = most_used(ToolboxItemPage.objects.live(), TODAY)

    assert titles(found) == ["Ook veel", "Veel", "Oud"]
    assert [item.recent_views for item in found] == [10, 10, 1]


def test_at_most_the_limit(topic_page):
    for n in range(4):
        read(make_item(topic_page, f"Item {n}"), n + 1)
    assert titles(most_used(ToolboxItemPage.objects.all(), TODAY, limit=2)) == ["Item 3", "Item 2"]


def test_nothing_read_gives_an_empty_list(topic_page):
    make_item(topic_page, "Nog niet gelezen")
    assert most_used(ToolboxItemPage.objects.all(), TODAY) == []
