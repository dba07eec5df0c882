"""The Content-Security-Policy as production serves it (nginx, hashed static files, Redis-cached
pages): chromium reports no violation on the public pages of each kind."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.production.database import public_path

CHROMIUM = Path("/usr/bin/chromium")
# Added by the browser's debugging protocol, which the policy does not govern, before the page runs.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""
MODELS = (
    "agendaindexpage",
    "eventpage",
    "centreindexpage",
    "centrepage",
    "toolboxindexpage",
    "toolboxitempage",
    "courseindexpage",
    "lessonpage",
    "videopage",
    "standardpage",
)


@pytest.fixture(scope="module")
def demo(cluster):
    """The demo content, loaded into the cluster once the fresh-database tests have run."""
    cluster.manage("load_demo")
    return cluster


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_PRODUCTION_TESTS", "").strip() == "1":
            pytest.fail(f"REQUIRE_PRODUCTION_TESTS=1 but {CHROMIUM} is missing", pytrace=False)
        pytest.skip(f"{CHROMIUM} is missing (Debian's chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        yield browser
        browser.close()


def test_no_public_page_breaks_the_policy_in_production(demo, chromium):
    paths = {model: public_path(demo, model) for model in MODELS}
    paths |= {
        "home": "/",
        "search": "/zoeken/?q=wandelen",
        "english home": "/en/",
        "agenda print": paths["agendaindexpage"] + "print/",
        "agenda embed": paths["agendaindexpage"] + "embed/",
    }
    context = chromium.new_context(ignore_https_errors=True, viewport={"width": 1280, "height": 800})
    context.add_init_script(LISTEN)
    problems = {}
    try:
        for name, path in paths.items():
            page = context.new_page()
            messages = []
            page.on("console", lambda message, messages=messages: messages.append(message.text))
            response = page.goto(f"{demo.base_url}{path}")
            page.wait_for_load_state("networkidle")
            assert response is not None and response.status == 200, f"{name} {path}: {response and response.status}"
            violations = page.evaluate("window.__cspViolations")
            violations += [text for text in messages if "Content Security Policy" in text]
            if violations:
                problems[f"{name} ({path})"] = violations
            page.close()
    finally:
        context.close()

    assert not problems, problems
