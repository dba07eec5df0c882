"""The site search in a browser: results with activities, axe-clean and without sideways scrolling,
at a phone's and a desktop's width (the pages without results are in test_accessibility.py)."""

import pytest

from tests.browser.test_accessibility import describe_violations, run_axe
from tests.browser.test_agenda import agenda_content  # noqa: F401 (fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.mark.parametrize("width", [pytest.param(320, id="320px"), pytest.param(1280, id="1280px")])
def test_search_results_with_activities_have_no_axe_violations_and_reflow(
    new_page,
    site_url,
    axe_script,
    agenda_content,  # noqa: F811
    width,
):
    page = new_page(viewport={"width": width, "height": 800})
    response = page.goto(site_url("/zoeken/?q=wandelen"))

    assert response is not None
    assert response.status == 200
    assert page.locator(".search-result--activity mark").count() >= 1
    assert page.locator("input[type=search]").count() == 1  # one search box on the search page
    violations = run_axe(page, axe_script)
    assert not violations, describe_violations(violations)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
