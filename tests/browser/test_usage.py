"""The usage counts in a real browser: the beacon counts a view and leaves no cookie, nothing is
counted without JavaScript, and "Was dit nuttig?" works without it, on a phone and a desktop."""

import time
from pathlib import Path

import pytest

from tests.browser.test_accessibility import describe_violations, run_axe
from usage.models import PageViewDay, UsefulnessAnswer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGE = "/over-dit-platform/"
# Headless chromium says "HeadlessChrome", which the counts take for a robot: a visitor's browser.
VISITOR = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36"
WIDTHS = [pytest.param(320, id="320px"), pytest.param(1280, id="1280px")]


def views_counted(timeout: float = 5.0) -> int:
    """The views counted so far, waiting up to ``timeout`` for the beacon to arrive."""
    deadline = time.monotonic() + timeout
    while True:
        views = sum(PageViewDay.objects.values_list("views", flat=True))
        if views or time.monotonic() > deadline:
            return views
        time.sleep(0.1)


@pytest.fixture
def usefulness_on_standard_pages(settings):
    """Standard pages with "Was dit nuttig?" under them, as a toolbox item template will have it."""
    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [Path(__file__).parent / "usage_templates", *templates[0]["DIRS"]]
    settings.TEMPLATES = templates


def test_the_beacon_counts_a_view_and_leaves_no_cookie(new_page, site_url):
    new_page().goto(site_url(PAGE))  # headless, so a robot: not counted
    page = new_page(user_agent=VISITOR)
    page.goto(site_url(PAGE))
    assert views_counted() == 1
    assert page.context.cookies() == []


def test_without_javascript_no_view_is_counted(new_page, site_url):
    page = new_page(user_agent=VISITOR, java_script_enabled=False)
    page.goto(site_url(PAGE))
    assert views_counted(timeout=1.0) == 0


@pytest.mark.parametrize("width", WIDTHS)
def test_was_dit_nuttig_without_javascript(
    new_page, site_url, axe_script, screenshot_path, usefulness_on_standard_pages, width
):
    page = new_page(viewport={"width": width, "height": 900}, user_agent=VISITOR, java_script_enabled=False)
    page.goto(site_url(PAGE))
    violations = run_axe_without_script(page, axe_script)
    assert violations == [], describe_violations(violations)
    page.locator("#nuttig").screenshot(path=screenshot_path(f"usage-usefulness-{width}.png"))

    page.locator("#nuttig-comment").fill("Graag meer over de regio. Mail: piet@example.nl")
    page.locator('button[value="no"]').click()
    assert page.url.endswith(f"{PAGE}?nuttig=bedankt#nuttig")
    assert page.locator("#nuttig [role=status]").is_visible()
    assert page.context.cookies() == []
    answer = UsefulnessAnswer.objects.get()
    assert (answer.useful, answer.comment) == (False, "Graag meer over de regio. Mail: [email]")
    page.locator("#nuttig").screenshot(path=screenshot_path(f"usage-usefulness-thanks-{width}.png"))


def run_axe_without_script(page, axe_script):
    """axe needs JavaScript: run it on the same address in a page that has it (the same HTML, as
    only the view counter's script differs)."""
    checker = page.context.browser.new_context(viewport=page.viewport_size).new_page()
    try:
        checker.goto(page.url)
        return run_axe(checker, axe_script)
    finally:
        checker.context.close()
