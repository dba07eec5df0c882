"""Accessibility checks in a real browser: axe-core (WCAG 2.2 AA), reflow, keyboard use, no JavaScript.

Run with ``pytest tests/browser``; see conftest.py for what they need and when they are skipped.
"""

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# (test id, path, expected status, expected <html lang>)
PAGES = [
    ("home-nl", "/", 200, "nl"),
    ("home-en", "/en/", 200, "en"),
    ("standard-nl", "/over-dit-platform/", 200, "nl"),
    ("standard-en", "/en/about/", 200, "en"),
    ("search-nl", "/zoeken/?q=agenda", 200, "nl"),
    ("search-en", "/en/search/?q=agenda", 200, "en"),
    # Nothing found: the suggestion and the agenda link.
    ("search-nothing-nl", "/zoeken/?q=agendda", 200, "nl"),
    ("search-nothing-en", "/en/search/?q=agendda", 200, "en"),
    ("404-nl", "/bestaat-niet/", 404, "nl"),
    ("404-en", "/en/does-not-exist/", 404, "en"),
]


def run_axe(page, axe_script: str) -> list[dict]:
    # Evaluated through the browser's debugging protocol, not added as a <script> element: the site's
    # Content-Security-Policy forbids inline scripts, and the tests keep it on to see what it blocks.
    page.evaluate(Path(axe_script).read_text())
    results = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        AXE_TAGS,
    )
    return results["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe violation(s):"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            target = " >> ".join(" ".join(part) if isinstance(part, list) else part for part in node["target"])
            lines.append(f"    at {target}")
            if node.get("failureSummary"):
                lines.extend(f"      {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("path", "status", "language"),
    [pytest.param(path, status, language, id=page_id) for page_id, path, status, language in PAGES],
)
def test_page_has_no_axe_violations(page, site_url, axe_script, path, status, language):
    response = page.goto(site_url(path))

    assert response is not None
    assert response.status == status
    assert page.locator("html").get_attribute("lang") == language
    violations = run_axe(page, axe_script)
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("width", [pytest.param(320, id="320px"), pytest.param(640, id="640px-is-1280px-at-200pct")])
@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/", id="home-nl"),
        pytest.param("/en/", id="home-en"),
        pytest.param("/over-dit-platform/", id="standard-nl"),
        pytest.param("/en/about/", id="standard-en"),
    ],
)
def test_content_reflows_without_horizontal_scrolling(new_page, site_url, path, width):
    # WCAG 1.4.10 Reflow: 320 CSS px wide, and 1280 px at 200% zoom, which is 640 CSS px.
    page = new_page(viewport={"width": width, "height": 800})
    response = page.goto(site_url(path))

    assert response is not None
    assert response.status == 200
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width, (
        f"{path} scrolls horizontally at {width}px: {scroll_width}px wide. Elements past the right edge: "
        + ", ".join(
            page.evaluate(
                """(width) => [...document.querySelectorAll('body *')]
                    .filter((el) => el.getBoundingClientRect().right > width)
                    .slice(0, 5)
                    .map((el) => `${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''}`)""",
                inner_width,
            )
        )
    )


def test_skip_link_is_first_and_moves_focus_to_main_content(page, site_url):
    page.goto(site_url("/"))

    page.keyboard.press("Tab")
    focused = page.evaluate(
        "({tag: document.activeElement.tagName, text: document.activeElement.textContent.trim(),"
        " href: document.activeElement.getAttribute('href')})"
    )
    assert focused == {"tag": "A", "text": "Direct naar de inhoud", "href": "#main"}
    assert page.locator(".skip-link").is_visible()

    page.keyboard.press("Enter")
    page.wait_for_url("**/#main")
    assert page.evaluate("document.activeElement.id") == "main"


def test_pages_work_without_javascript(new_page, site_url):
    page = new_page(java_script_enabled=False)

    response = page.goto(site_url("/"))
    assert response is not None
    assert response.status == 200
    assert page.locator("h1").first.is_visible()

    response = page.goto(site_url("/zoeken/?q=agenda"))
    assert response is not None
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Zoeken"
    result_titles = page.locator("ol.search-results > li h3").all_inner_texts()
    assert "Agenda" in result_titles
