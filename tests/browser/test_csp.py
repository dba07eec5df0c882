"""The Content-Security-Policy in a real browser: on every kind of public page, and on both embeds
under their own policy, chromium reports no violation (no ``securitypolicyviolation`` event, no
console message about the policy). Leaves screenshots at 360 and 1280 px of the pages whose inline
styles became classes (``csp-*.png``)."""

import pytest

from agenda_pages.models import AgendaIndexPage, CentrePage
from elearning_pages.models import VideoPage
from tests.browser.conftest import quiet_tasks
from tests.kankernl_site.test_security_headers import add_public_content, first_url, public_paths

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Added before any script of the page runs, by the browser's debugging protocol (which the policy
# does not govern), so it sees violations from the first byte on.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"}`);
});
"""
SCREENSHOTS = ("agenda-print", "centre-programme", "embed-generator", "certificate-check")


@pytest.fixture
def public_site(live_demo_site):
    with quiet_tasks():
        add_public_content()
    return live_demo_site


def pages_to_visit() -> dict[str, str]:
    paths = public_paths()
    del paths["not-found"]
    video = VideoPage.objects.live().filter(locale__language_code="nl").first()
    paths["agenda-embed"] = f"{first_url(AgendaIndexPage)}embed/?accent=1a6b4f&size=large"
    paths["video-embed"] = f"{video.url}video/{video.video_blocks()[0].id}/embed/"
    paths["centre-en"] = "/en" + CentrePage.objects.live().filter(locale__language_code="nl").first().url
    return paths


def visit(new_page, url: str, width: int) -> tuple[object, list[str]]:
    page = new_page(viewport={"width": width, "height": 800})
    page.add_init_script(LISTEN)
    messages = []
    page.on("console", lambda message: messages.append(message.text))
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert response is not None and response.status == 200, f"{url} answered {response and response.status}"
    violations = page.evaluate("window.__cspViolations")
    violations += [text for text in messages if "Content Security Policy" in text or "Content-Security-Policy" in text]
    return page, violations


def test_no_public_page_breaks_the_policy(new_page, public_site, screenshot_path):
    problems = {}
    for name, path in pages_to_visit().items():
        widths = (360, 1280) if name in SCREENSHOTS else (1280,)
        for width in widths:
            page, violations = visit(new_page, f"{public_site.url}{path}", width)
            if violations:
                problems[f"{name} ({path}) at {width}px"] = violations
            if name in SCREENSHOTS:
                page.screenshot(path=screenshot_path(f"csp-{name}-{width}.png"), full_page=True)
            page.context.close()

    assert not problems, "\n".join(f"{page}: {violations}" for page, violations in problems.items())


def test_the_listener_sees_a_violation(new_page, public_site):
    """The check above would pass on a page it cannot see into: an inline style added by a script
    the test runs is blocked and reported."""
    page, _ = visit(new_page, f"{public_site.url}/", 1280)

    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">rood</p>')")
    page.wait_for_function("window.__cspViolations.length > 0")

    assert page.evaluate("window.__cspViolations") == ["style-src-attr blocked inline"]
