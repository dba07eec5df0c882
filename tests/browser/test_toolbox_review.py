"""Keeping the toolbox current, in a real browser: a moderator clicks "Still correct" in the review
report and in an item's edit view (real CSRF, the edit form's own script), and screenshots of both."""

from datetime import date

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.translation import gettext

from agenda_pages.moderation import roles
from tests.browser.conftest import quiet_tasks
from toolbox.demo.loader import load_toolbox_demo
from toolbox.models import ToolboxItemPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "eindredactie-2026"
REPORT = "/admin/reports/toolbox-review/"


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel("2026-12-07T10:00:00Z", tick=True):
        yield


@pytest.fixture
def demo_toolbox(live_demo_site, django_user_model):
    with quiet_tasks():
        load_toolbox_demo()
    moderator = django_user_model.objects.create_user("eindredacteur", "eind@example.org", PASSWORD)
    moderator.groups.add(Group.objects.get(name=roles.MODERATORS))
    return live_demo_site


def log_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", "eindredacteur")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")


def test_still_correct_from_the_report(new_page, demo_toolbox, screenshot_path):
    page = new_page(viewport={"width": 1280, "height": 900})
    log_in(page, demo_toolbox.url)
    page.goto(f"{demo_toolbox.url}{REPORT}")
    page.screenshot(path=screenshot_path("toolbox-review-report-1280.png"), full_page=True)
    first = page.locator("table.listing tbody tr").first
    title = first.locator("a").first.inner_text().strip()
    first.get_by_role("button").click()
    page.wait_for_url(f"{demo_toolbox.url}{REPORT}")
    assert title in page.locator(".messages").inner_text()
    assert ToolboxItemPage.objects.get(title=title).last_reviewed_at.isoformat() == "2026-12-07"
    assert title not in page.locator("table.listing").inner_text()

    narrow = new_page(viewport={"width": 360, "height": 740})
    log_in(narrow, demo_toolbox.url)
    narrow.goto(f"{demo_toolbox.url}{REPORT}")
    narrow.screenshot(path=screenshot_path("toolbox-review-report-360.png"), full_page=True)
    # The titles stay readable: the table scrolls sideways inside its box instead of squeezing them.
    width = narrow.locator("table tbody tr td").first.evaluate("cell => cell.getBoundingClientRect().width")
    assert width >= 150


def test_still_correct_from_the_edit_view(new_page, demo_toolbox, screenshot_path):
    item = ToolboxItemPage.objects.overdue(date(2026, 12, 7)).order_by("next_review_on").first()
    page = new_page(viewport={"width": 1280, "height": 900})
    log_in(page, demo_toolbox.url)
    edit = f"/admin/pages/{item.pk}/edit/"
    page.goto(f"{demo_toolbox.url}{edit}")
    page.locator("footer [data-w-dropdown-target='toggle']").last.click()
    with translation.override("nl"):  # the moderator works in the admin in Dutch
        label = gettext("Still correct")
    button = page.get_by_role("button", name=label)
    button.wait_for()
    page.screenshot(path=screenshot_path("toolbox-review-edit-1280.png"))
    button.click()
    page.wait_for_url(f"{demo_toolbox.url}{edit}")
    assert item.title in page.locator(".messages").inner_text()
    item.refresh_from_db()
    assert item.last_reviewed_at.isoformat() == "2026-12-07"
    assert item.revisions.count() == 1 and not item.has_unpublished_changes
