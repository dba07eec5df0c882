"""A centre's page in a real browser: axe finds nothing at 320 and 1280 px in both languages, it
reflows, its links are big enough to tap, and the activities come each once."""

import pytest

from tests.browser.test_accessibility import describe_violations, run_axe
from tests.browser.test_agenda import PHONE, agenda_content  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = [pytest.param(320, id="320px"), pytest.param(1280, id="1280px")]


@pytest.fixture
def centre(agenda_content):  # noqa: F811
    """The agenda's demo centre with a complete profile: photo, description and opening hours."""
    from wagtail_factories import ImageFactory

    centre = agenda_content["centre"]
    centre.short_description = "Een huiskamer voor iedereen die met kanker te maken heeft. Loop gerust binnen."
    centre.opening_hours = "dinsdag t/m donderdag 10:00-16:00\nvrijdag 10:00-12:30\nIn de zomer op afspraak"
    centre.photo = ImageFactory(title="De huiskamer", description="De huiskamer met de grote tafel")
    centre.save_revision().publish()
    return centre


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("prefix", [pytest.param("", id="nl"), pytest.param("/en", id="en")])
def test_the_centre_page_has_no_axe_violations(new_page, site_url, axe_script, centre, prefix, width):
    page = new_page(viewport={"width": width, "height": 800})

    response = page.goto(site_url(prefix + centre.url))

    assert response is not None and response.status == 200
    violations = run_axe(page, axe_script)
    assert not violations, describe_violations(violations)
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll_width <= inner_width, f"scrolls sideways at {width}px ({scroll_width}px wide)"


def test_on_a_phone_each_activity_comes_once_and_every_link_is_big_enough_to_tap(
    new_page, site_url, centre, tmp_path_factory
):
    page = new_page(viewport=PHONE)
    page.goto(site_url(centre.url))

    titles = page.locator(".activity-summary__title").all_inner_texts()
    assert titles == ["Wandelen in het Wilhelminapark", "Praatgroep online", "Schilderen"]  # 3 dates each
    assert page.get_by_role("link", name="Website van Inloophuis De Boei").is_visible()
    links = ".centre-profile a, .activity-summary a, .centre-activities__more a"
    heights = page.eval_on_selector_all(links, "(links) => links.map((link) => link.getBoundingClientRect().height)")
    assert heights and min(heights) >= 44, heights
    page.screenshot(path=str(tmp_path_factory.mktemp("screens") / "centre-360.png"), full_page=True)
