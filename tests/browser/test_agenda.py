"""The public agenda in a real browser: axe-core finds nothing, the filters work by keyboard and
without JavaScript, and narrow screens need no sideways scrolling."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.browser.test_accessibility import describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def agenda_content(live_demo_site):
    """Two centres with live events, one of them cancelled, under the demo site."""
    from agenda_pages import geo
    from agenda_pages.models import Audience, CentreIndexPage, EventOccurrence
    from home.models import HomePage
    from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory
    from tests.agenda_pages.factories import themes as theme_rows

    home = HomePage.objects.get(locale__language_code="nl")
    index = CentreIndexPage.objects.child_of(home).first() or CentreIndexPageFactory(parent=home)
    utrecht = geo.find_postcode("3511")
    boei = CentrePageFactory(
        parent=index,
        title="Inloophuis De Boei",
        slug="de-boei-test",
        street_address="Oudegracht 1",
        postcode="3511 AB",
        city="Utrecht",
        province=utrecht.province,
        latitude=utrecht.latitude,
        longitude=utrecht.longitude,
        phone="030 123 45 67",
        email="info@deboei.example",
        website="https://deboei.example/",
    )
    soon = timezone.now().replace(hour=9, minute=0, second=0, microsecond=0) + dt.timedelta(days=2)
    events = {}
    for key, title, status, mode in (
        ("walk", "Wandelen in het Wilhelminapark", "scheduled", "in-person"),
        ("online", "Praatgroep online", "scheduled", "online"),
        ("cancelled", "Schilderen", "cancelled", "in-person"),
    ):
        event = EventPageFactory(
            parent=boei,
            title=title,
            attendance_mode=mode,
            venue_name="De Boei",
            address="Oudegracht 1, Utrecht",
            description="<p>Samen een uur wandelen, in uw eigen tempo.</p>",
            cost="Gratis",
            registration_url="https://deboei.example/aanmelden",
        )
        event.themes.add(*theme_rows("Wandelen" if key == "walk" else "Praten"))
        event.audience.set(Audience.objects.filter(code="patients"))
        event.save_revision().publish()
        for week in range(3):
            start = soon + dt.timedelta(days=7 * week, hours=len(events))
            EventOccurrence.objects.create(page=event, start=start, end=start + dt.timedelta(hours=2), status=status)
        events[key] = event
    return {"centre": boei, **events}


def agenda_pages(content) -> list[tuple[str, str, str]]:
    """(test id, path, html lang) for every page the issue names, in Dutch and English."""
    pages = []
    for language, prefix in (("nl", ""), ("en", "/en")):
        pages += [
            (f"agenda-{language}", f"{prefix}/agenda/", language),
            (
                f"agenda-filtered-{language}",
                f"{prefix}/agenda/?theme=wandelen&near=3512&radius=25&mode=in-person",
                language,
            ),
            (f"agenda-empty-{language}", f"{prefix}/agenda/?near=9711&radius=5", language),
            (f"agenda-bad-input-{language}", f"{prefix}/agenda/?near=1099&from=gisteren", language),
            (f"event-{language}", f"{prefix}{content['walk'].url}", language),
            (f"cancelled-event-{language}", f"{prefix}{content['cancelled'].url}", language),
            (f"centre-{language}", f"{prefix}{content['centre'].url}", language),
            (f"centres-{language}", f"{prefix}{content['centre'].get_parent().url}", language),
        ]
    return pages


@pytest.mark.parametrize("width", [pytest.param(320, id="320px"), pytest.param(1280, id="1280px")])
def test_agenda_pages_have_no_axe_violations(new_page, site_url, axe_script, agenda_content, width):
    page = new_page(viewport={"width": width, "height": 800})
    failures = []
    for page_id, path, language in agenda_pages(agenda_content):
        response = page.goto(site_url(path))
        assert response is not None
        assert response.status == 200, f"{page_id}: {path} answered {response.status}"
        assert page.locator("html").get_attribute("lang") == language, page_id
        violations = run_axe(page, axe_script)
        if violations:
            failures.append(f"{page_id} ({path}):\n{describe_violations(violations)}")
    assert not failures, "\n\n".join(failures)


def test_the_agenda_lists_dates_with_a_cancelled_badge(page, site_url, agenda_content):
    page.goto(site_url("/agenda/"))

    results = page.locator(".agenda-results")
    assert results.locator("h2").first.inner_text() == "3 activiteiten, 9 data"
    assert results.get_by_text("Geannuleerd").count() == 3
    assert results.get_by_role("link", name="Wandelen in het Wilhelminapark").count() == 3


@pytest.mark.parametrize("java_script_enabled", [True, False], ids=["with-js", "without-js"])
def test_filtering_by_keyboard(new_page, site_url, agenda_content, java_script_enabled):
    page = new_page(java_script_enabled=java_script_enabled)
    page.goto(site_url("/agenda/"))

    page.get_by_label("Postcode of plaats").fill("3512")
    more = page.locator(".agenda-filters__more > summary")
    more.focus()
    page.keyboard.press("Enter")  # opens the less-used choices
    page.get_by_label("Wandelen").check()
    page.get_by_label("Op locatie", exact=True).focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Toon activiteiten").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/agenda/?*")

    assert "near=3512" in page.url
    assert "mode=in-person" in page.url
    assert page.locator(".agenda-results h2").first.inner_text() == "1 activiteit, 3 data"
    assert page.get_by_label("Op locatie", exact=True).is_checked()  # shown open: a choice in it is made
    page.get_by_role("link", name="Wis alle keuzes").first.click()
    assert page.locator(".agenda-results h2").first.inner_text() == "3 activiteiten, 9 data"


@pytest.mark.parametrize("width", [pytest.param(320, id="320px"), pytest.param(640, id="640px")])
def test_agenda_pages_reflow_on_narrow_screens(new_page, site_url, agenda_content, width):
    page = new_page(viewport={"width": width, "height": 800})
    for page_id, path, _language in agenda_pages(agenda_content):
        if not page_id.endswith("-nl"):
            continue
        page.goto(site_url(path))
        scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll_width <= inner_width, f"{page_id} scrolls sideways at {width}px ({scroll_width}px wide)"


def test_the_skip_link_leads_past_the_form_on_a_phone(new_page, site_url, agenda_content):
    page = new_page(viewport={"width": 390, "height": 800})
    page.goto(site_url("/agenda/"))

    skip = page.get_by_role("link", name="Naar de 3 gevonden activiteiten")
    page.locator("body").press("Tab")  # the page's own skip link first
    for _ in range(20):  # the header's links and buttons come before it
        if page.evaluate("document.activeElement.textContent") == "Naar de 3 gevonden activiteiten":
            break
        page.keyboard.press("Tab")
    assert skip.bounding_box()["width"] > 100  # shown once a keyboard reaches it
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "agenda-results"


PHONE = {"width": 360, "height": 740}


def test_on_a_phone_the_first_result_is_in_the_first_screen(new_page, site_url, agenda_content, screenshot_path):
    page = new_page(viewport=PHONE)
    page.goto(site_url("/agenda/"))

    page.screenshot(path=screenshot_path("agenda-360-first-screen.png"))
    header = page.locator(".site-header").bounding_box()
    first_result = page.locator(".agenda-results .occurrence").first.bounding_box()
    assert header["height"] <= PHONE["height"] / 4
    assert first_result["y"] < PHONE["height"]  # the filters wait behind "Filters aanpassen"
    page.screenshot(path=screenshot_path("agenda-360.png"), full_page=True)

    page.get_by_text("Filters aanpassen").click()
    assert page.get_by_label("Postcode of plaats").is_visible()


def test_on_a_phone_where_comes_within_two_screens_for_a_weekly_series(
    new_page, site_url, agenda_content, screenshot_path
):
    from agenda_pages.models import EventOccurrence

    walk = agenda_content["walk"]
    first = EventOccurrence.objects.filter(page=walk).order_by("start").first()
    for week in range(3, 52):
        start = first.start + dt.timedelta(weeks=week)
        EventOccurrence.objects.create(page=walk, start=start, end=start + dt.timedelta(hours=2))
    page = new_page(viewport=PHONE)
    page.goto(site_url(walk.url))

    where = page.get_by_role("heading", name="Waar").bounding_box()
    assert where["y"] < 2 * PHONE["height"]
    assert page.get_by_role("link", name="Agenda").first.is_visible()  # the breadcrumb back
    page.screenshot(path=screenshot_path("event-360.png"), full_page=True)


def test_on_a_phone_a_centre_page_opens_with_how_to_reach_it(new_page, site_url, agenda_content, screenshot_path):
    page = new_page(viewport=PHONE)
    page.goto(site_url(agenda_content["centre"].url))

    assert page.get_by_role("heading", level=1).inner_text() == "Inloophuis De Boei"
    assert page.get_by_text("Oudegracht 1").first.bounding_box()["y"] < 2 * PHONE["height"]
    page.screenshot(path=screenshot_path("centre-360.png"), full_page=True)
