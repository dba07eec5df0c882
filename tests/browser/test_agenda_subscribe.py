"""The agenda's "Abonneer in uw agenda-app" in a real browser: closed it is one line, open axe finds
nothing, nothing scrolls sideways on a phone, the address copies, and without JavaScript the links
and the address are there to use."""

import pytest

from tests.browser.test_accessibility import describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SELECTION = "/agenda/?theme=bewegen&near=3512&radius=25"


@pytest.mark.parametrize("width", [360, 1280])
def test_the_box_is_calm_closed_and_accessible_open(new_page, site_url, axe_script, screenshot_path, width):
    page = new_page(viewport={"width": width, "height": 800})
    assert page.goto(site_url(SELECTION)).status == 200
    box = page.locator("details.agenda-subscribe")
    summary = box.locator("summary")
    assert summary.inner_text() == "Abonneer in uw agenda-app"
    assert box.bounding_box()["height"] < 120  # one line (two on a narrow phone) until opened

    summary.click()
    box.screenshot(path=screenshot_path(f"agenda-subscribe-{width}.png"))
    assert (
        page.get_by_role("link", name="Open in de agenda-app van dit apparaat")
        .get_attribute("href")
        .startswith("webcal://")
    )
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width
    violations = run_axe(page, axe_script)
    assert not violations, describe_violations(violations)


def test_the_address_copies(new_page, site_url):
    page = new_page(viewport={"width": 360, "height": 800}, permissions=["clipboard-read", "clipboard-write"])
    page.goto(site_url(SELECTION))
    page.locator("details.agenda-subscribe summary").click()
    page.get_by_role("button", name="Kopieer adres").click()

    status = page.locator("details.agenda-subscribe [data-copy-link-status]")
    status.filter(has_text="Adres gekopieerd").wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.get_by_label("Een andere app?").input_value()
    assert copied.endswith("/agenda/ical/?theme=bewegen&near=3512&radius=25")


def test_without_javascript_the_links_and_address_are_there(new_page, site_url):
    page = new_page(java_script_enabled=False)
    page.goto(site_url(SELECTION))
    page.locator("details.agenda-subscribe summary").click()

    assert page.get_by_role("link", name="Toevoegen aan Google Agenda").is_visible()
    assert page.get_by_label("Een andere app?").is_visible()
    assert not page.get_by_role("button", name="Kopieer adres").is_visible()  # the script shows it
