"""The demo toolbox in a real browser: axe on the overview, a topic, an item and the search (with
filters chosen, and finding nothing) in both languages at 320 and 1280 px, and screenshots at 360
and 1280 px for a person to look at."""

import pytest
import time_machine
from django.utils import timezone

from tests.browser.conftest import quiet_tasks
from tests.browser.test_accessibility import describe_violations, run_axe
from toolbox.demo.loader import load_toolbox_demo
from toolbox.models import ToolboxItemPage
from usage.models import PageViewDay

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# A good practice with a download, overdue for long enough to show both notices.
ITEM = "financieringsvormen/verdeelsleutel-ziekenhuizen/"
# The items are Dutch only: under /en/ they are served from the Dutch tree (see HomePage.route).
# Words and three filters that find something; words and a filter that find nothing.
SEARCH = "zoeken/?q=financiering&topic=financiering&kind=good_practice&kind=background&audience=bestuurder"
NOTHING = "zoeken/?q=xylofoon&kind=tip"
PAGES = {
    "nl": {
        "overview": "/toolbox/",
        "topic": "/toolbox/financieringsvormen/",
        "item": f"/toolbox/{ITEM}",
        "search": f"/toolbox/{SEARCH}",
        "search-nothing": f"/toolbox/{NOTHING}",
    },
    "en": {
        "overview": "/en/toolbox/",
        "topic": "/en/toolbox/financing-forms/",
        "item": f"/en/toolbox/{ITEM}",
        "search": f"/en/toolbox/{SEARCH}",
        "search-nothing": f"/en/toolbox/{NOTHING}",
    },
}


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel("2026-12-07T10:00:00Z", tick=True):
        yield


@pytest.fixture
def demo_toolbox(live_demo_site):
    with quiet_tasks():
        load_toolbox_demo()
    # Some reading, so the overview and the search that finds nothing show "Often read".
    for views, item in enumerate(ToolboxItemPage.objects.order_by("path")[:4], start=1):
        PageViewDay.objects.create(page=item, day=timezone.localdate(), views=views)
    return live_demo_site


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_toolbox_pages_have_no_axe_violations(new_page, demo_toolbox, axe_script, language):
    problems = []
    for name, path in PAGES[language].items():
        for width in (320, 1280):
            page = new_page(viewport={"width": width, "height": 800})
            response = page.goto(f"{demo_toolbox.url}{path}")
            assert response.status == 200, f"{name} ({path}) answered {response.status}"
            assert page.locator("html").get_attribute("lang") == language
            if name == "search":
                assert page.locator(".toolbox-result").count() > 0, "the search with filters finds something"
            if name == "search-nothing":
                assert page.locator("#toolbox-most-used").count() == 1
            if violations := run_axe(page, axe_script):
                problems.append(f"{name} at {width} px ({path}):\n{describe_violations(violations)}")
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                problems.append(f"{name} at {width} px ({path}) scrolls sideways by {overflow} px")
            page.context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_screenshots_of_the_toolbox(new_page, demo_toolbox, screenshot_path, language):
    for name, path in PAGES[language].items():
        for width in (360, 1280):
            page = new_page(viewport={"width": width, "height": 800})
            assert page.goto(f"{demo_toolbox.url}{path}").status == 200
            page.screenshot(path=screenshot_path(f"toolbox-{name}-{language}-{width}.png"), full_page=True)
            page.context.close()
