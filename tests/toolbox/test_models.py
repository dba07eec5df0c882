from datetime import date

import pytest
import time_machine
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from tests.toolbox.factories import make_item
from toolbox.models import ToolboxIndexPage, ToolboxItemPage, ToolboxTopicPage, add_months

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 15), 12, date(2027, 1, 15)),
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),
        (date(2026, 3, 31), -3, date(2025, 12, 31)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_month_end(day, months, expected):
    assert add_months(day, months) == expected


def test_next_review_is_computed_on_save(topic_page):
    item = make_item(topic_page, last_reviewed_at=date(2026, 3, 1), review_interval_months=6)
    assert item.next_review_on == date(2026, 9, 1)

    item.last_reviewed_at = date(2026, 10, 10)
    item.save(update_fields=["last_reviewed_at"])
    item.refresh_from_db()
    assert item.next_review_on == date(2027, 4, 10)


def test_an_item_never_checked_has_no_next_review(topic_page):
    assert make_item(topic_page, last_reviewed_at=None).next_review_on is None


@time_machine.travel("2026-12-07 09:00 +01:00", tick=False)
def test_due_and_overdue(topic_page):
    today = date(2026, 12, 7)
    on_the_day = make_item(topic_page, "Vandaag", last_reviewed_at=date(2025, 12, 7))
    late = make_item(topic_page, "Te laat", last_reviewed_at=date(2025, 6, 1))
    current = make_item(topic_page, "Actueel", last_reviewed_at=date(2026, 6, 1))
    never = make_item(topic_page, "Nooit gecontroleerd", last_reviewed_at=None)

    assert set(ToolboxItemPage.objects.due(today)) == {on_the_day, late}
    assert list(ToolboxItemPage.objects.overdue(today)) == [late]
    assert list(ToolboxItemPage.objects.overdue_by_months(today, 3)) == [late]
    assert current not in ToolboxItemPage.objects.due(today)
    # The page at hand answers as the query selects.
    assert [item.is_overdue_by_months(today, 3) for item in (on_the_day, late, current, never)] == [
        False,
        True,
        False,
        False,
    ]


class TestPageTree(WagtailPageTestCase):
    def test_where_toolbox_pages_may_go(self):
        self.assertAllowedParentPageTypes(ToolboxIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ToolboxIndexPage, {ToolboxTopicPage})
        self.assertAllowedParentPageTypes(ToolboxTopicPage, {ToolboxIndexPage})
        self.assertAllowedSubpageTypes(ToolboxTopicPage, {ToolboxItemPage})
        self.assertAllowedParentPageTypes(ToolboxItemPage, {ToolboxTopicPage})
        self.assertAllowedSubpageTypes(ToolboxItemPage, set())
        self.assertCanNotCreateAt(StandardPage, ToolboxItemPage)


def test_one_toolbox_per_home_page(toolbox_index, site_home):
    assert not ToolboxIndexPage.can_create_at(site_home)
