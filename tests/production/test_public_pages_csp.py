"""The Content-Security-Policy as production serves it (nginx, hashed static files, Redis-cached
pages): chromium reports no violation on the public pages of each kind."""

import os
import threading
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
def chromium_path():
    if not CHROMIUM.exists():
        if os.environ.get("REQUIRE_PRODUCTION_TESTS", "").strip() == "1":
            pytest.fail(f"REQUIRE_PRODUCTION_TESTS=1 but {CHROMIUM} is missing", pytrace=False)
        pytest.skip(f"{CHROMIUM} is missing (Debian's chromium)")
    return CHROMIUM


def violations_on(base_url: str, paths: dict[str, str]) -> dict[str, list[str]]:
    """Each page's policy violations, seen by chromium; a page that does not answer 200 is one too."""
    problems = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM))
        context = browser.new_context(ignore_https_errors=True, viewport={"width": 1280, "height": 800})
        context.add_init_script(LISTEN)
        for name, path in paths.items():
            page = context.new_page()
            messages = []
            page.on("console", lambda message, messages=messages: messages.append(message.text))
            response = page.goto(f"{base_url}{path}")
            page.wait_for_load_state("networkidle")
            found = page.evaluate("window.__cspViolations")
            found += [text for text in messages if "Content Security Policy" in text]
            if response is None or response.status != 200:
                found.append(f"answered {response and response.status}")
            if found:
                problems[f"{name} ({path})"] = found
            page.close()
        browser.close()
    return problems


def test_no_public_page_breaks_the_policy_in_production(demo, chromium_path):
    paths = {model: public_path(demo, model) for model in MODELS}
    paths |= {
        "home": "/",
        "search": "/zoeken/?q=wandelen",
        "english home": "/en/",
        "agenda print": paths["agendaindexpage"] + "print/",
        "agenda embed": paths["agendaindexpage"] + "embed/",
    }
    # In a thread of its own: in the same run, the browser tests' Playwright holds this thread's event
    # loop, and Playwright's synchronous API refuses to start inside a running one.
    outcome = {}
    worker = threading.Thread(target=lambda: outcome.update(problems=violations_on(demo.base_url, paths)))
    worker.start()
    worker.join()

    assert outcome == {"problems": {}}, outcome
