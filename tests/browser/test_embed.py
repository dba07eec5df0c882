"""The embedded agenda in a real browser, inside a page served from another origin (a centre's own
site, played by a tiny local HTTP server): it renders, its links open our event pages, axe finds
nothing inside the frame, and the optional script fits the iframe to the list. The agenda itself
cannot be framed there. Also screenshots of the embed and of the code generator, public and admin."""

import functools
import http.server
import threading

import pytest

from tests.browser.test_accessibility import describe_violations, run_axe
from tests.browser.test_agenda import agenda_content  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "embed-test-wachtwoord"
HOST_PAGE = """<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inloophuis De Boei</title>
<style>body {{ margin: 0; font-family: Georgia, serif; background: #fdfaf3; }}
header {{ padding: 1rem; background: #223344; color: #ffffff; }}
main {{ max-width: 60rem; margin: auto; padding: 1rem; }}</style>
</head>
<body><header>Inloophuis De Boei: Home, Over ons, Agenda, Contact</header>
<main><h1>Onze activiteiten</h1>
{frame}
<p>Onze eigen voettekst.</p></main></body></html>
"""


@pytest.fixture
def host_site(tmp_path):
    """Serves the files written into its folder from another port: another origin than our site."""
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def page_with(name: str, frame: str) -> str:
        (tmp_path / name).write_text(HOST_PAGE.format(frame=frame), encoding="utf-8")
        return f"http://127.0.0.1:{server.server_port}/{name}"

    yield page_with
    server.shutdown()
    thread.join()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def embed_code(base: str, query: str, *, resize: bool = True) -> str:
    frame = (
        f'<iframe src="{base}/agenda/embed/?{query}" title="Agenda van Inloophuis De Boei" loading="lazy" '
        'style="width: 100%; height: 600px; border: 0;"></iframe>'
    )
    script = f'<script src="{base}/static/agenda_pages/js/embed-resize.js" defer></script>' if resize else ""
    return frame + script


def embed_frame(page):
    page.frame_locator("iframe").locator(".embed-list").wait_for()
    return next(frame for frame in page.frames if "/agenda/embed/" in frame.url)


def test_the_embed_renders_on_another_site_and_its_links_open_our_event_pages(
    new_page,
    live_demo_site,
    host_site,
    agenda_content,  # noqa: F811
    screenshot_path,
):
    centre = agenda_content["centre"]
    host = host_site("agenda.html", embed_code(live_demo_site.url, f"centre={centre.slug}&items=5"))

    for width in (360, 1280):
        page = new_page(viewport={"width": width, "height": 800})
        page.goto(host)
        frame = embed_frame(page)

        titles = [" ".join(text.split()) for text in frame.locator(".embed-item__title a").all_inner_texts()]
        assert titles[:3] == [
            "Wandelen in het Wilhelminapark (opent in nieuw venster)",
            "Praatgroep online (opent in nieuw venster)",
            "Schilderen (opent in nieuw venster)",
        ]
        assert frame.locator(".embed-item--cancelled .embed-badge").first.inner_text() == "Geannuleerd"
        # The script fits the iframe to the list: no second scroll bar, nothing cut off.
        page.wait_for_function("document.querySelector('iframe').style.height !== '600px'")
        frame_height = page.eval_on_selector("iframe", "frame => frame.getBoundingClientRect().height")
        content_height = frame.evaluate("document.documentElement.getBoundingClientRect().height")
        assert abs(frame_height - content_height) <= 2
        scroll_width, inner_width = frame.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll_width <= inner_width, f"the embed scrolls sideways at {width}px"
        page.screenshot(path=screenshot_path(f"embed-host-{width}.png"), full_page=True)

    with page.context.expect_page() as opened:
        frame.get_by_role("link", name="Wandelen in het Wilhelminapark (opent in nieuw venster)").first.click()
    event_page = opened.value
    event_page.wait_for_load_state()
    assert event_page.url == live_demo_site.url + agenda_content["walk"].url
    assert event_page.locator("h1").inner_text() == "Wandelen in het Wilhelminapark"
    assert event_page.evaluate("window.opener") is None  # rel="noopener"

    with page.context.expect_page() as opened:
        frame.get_by_role("link", name="Meer activiteiten op").click()
    agenda_page = opened.value
    agenda_page.wait_for_load_state()
    assert agenda_page.url == f"{live_demo_site.url}/agenda/?centre={centre.slug}"


def test_the_resize_script_listens_only_to_our_site(new_page, live_demo_site, host_site, agenda_content):  # noqa: F811
    page = new_page()
    page.goto(host_site("agenda.html", embed_code(live_demo_site.url, f"centre={agenda_content['centre'].slug}")))
    embed_frame(page)
    page.wait_for_function("document.querySelector('iframe').style.height !== '600px'")
    fitted = page.eval_on_selector("iframe", "frame => frame.style.height")

    # The host page itself (another origin) claims a height: ignored.
    page.evaluate("window.postMessage({type: 'kankernl-agenda-height', height: 5000}, '*')")
    page.wait_for_timeout(300)

    assert page.eval_on_selector("iframe", "frame => frame.style.height") == fitted


def test_without_the_script_the_iframe_keeps_its_own_height(new_page, live_demo_site, host_site, agenda_content):  # noqa: F811
    page = new_page()
    page.goto(host_site("fixed.html", embed_code(live_demo_site.url, "", resize=False)))
    embed_frame(page)
    page.wait_for_timeout(300)

    assert page.eval_on_selector("iframe", "frame => frame.getBoundingClientRect().height") == 600


def test_axe_finds_nothing_inside_the_frame(browser, live_demo_site, host_site, axe_script, agenda_content):  # noqa: F811
    # axe is added to the frame as an inline script, which the embed's Content-Security-Policy forbids
    # (rightly); this context lets the test's own tool in.
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    try:
        page = context.new_page()
        page.goto(host_site("agenda.html", embed_code(live_demo_site.url, "items=20")))
        violations = run_axe(embed_frame(page), axe_script)
        assert not violations, describe_violations(violations)
    finally:
        context.close()


def test_the_rest_of_the_site_cannot_be_framed(new_page, live_demo_site, host_site):
    page = new_page()
    agenda, embed = f"{live_demo_site.url}/agenda/", f"{live_demo_site.url}/agenda/embed/"
    frames = f'<iframe src="{agenda}" title="Agenda"></iframe><iframe src="{embed}" title="Embed"></iframe>'
    page.goto(host_site("framed.html", frames))
    page.frame_locator("iframe[title=Embed]").locator(".embed-more").wait_for()

    # Chromium shows its error page instead of a page that refuses to be framed (X-Frame-Options).
    refused = page.frames[1]
    for _ in range(50):
        if refused.url:
            break
        page.wait_for_timeout(100)
    assert [frame.url for frame in page.frames[1:]] == ["chrome-error://chromewebdata/", embed]


def test_the_code_generators_public_and_in_the_admin(
    new_page,
    live_demo_site,
    axe_script,
    agenda_content,  # noqa: F811
    django_user_model,
    screenshot_path,
):
    base, centre = live_demo_site.url, agenda_content["centre"]
    for width in (360, 1280):
        page = new_page(viewport={"width": width, "height": 800})
        page.goto(f"{base}{centre.url}")
        page.get_by_role("link", name="Zet deze agenda op uw website").click()
        page.get_by_label("Groot", exact=True).check()
        page.get_by_role("button", name="Maak de code").click()
        page.wait_for_url(f"**/agenda/embed/?generator=1&centre={centre.slug}*")
        code = page.get_by_label("De code voor uw website").input_value()
        assert f"/agenda/embed/?centre={centre.slug}&amp;size=large" in code
        page.frame_locator("iframe").locator(".embed-list").wait_for()
        violations = run_axe(page, axe_script)
        assert not violations, describe_violations(violations)
        page.screenshot(path=screenshot_path(f"embed-generator-{width}.png"), full_page=True)

    page.get_by_role("button", name="Kopieer de code").click()
    copied = "De code is gekopieerd. Plak hem nu op uw website."
    page.locator("[data-copy-link-status]").filter(has_text=copied).wait_for()

    django_user_model.objects.create_superuser("beheer", "beheer@example.org", PASSWORD)
    page = new_page()
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", "beheer")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/agenda/embed/{centre.pk}/")
    page.frame_locator("iframe").locator(".embed-list").wait_for()
    assert f"/agenda/embed/?centre={centre.slug}" in page.locator("#embed-code").input_value()
    page.screenshot(path=screenshot_path("embed-generator-admin-1280.png"), full_page=True)
