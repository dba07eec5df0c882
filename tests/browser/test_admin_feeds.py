"""The feed sources' admin listing at 1280 px: every column and each row's actions on the screen."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "beheer-wachtwoord-2026"


@pytest.fixture
def three_sources(live_demo_site, django_user_model):
    from agenda_pages.models import CentreIndexPage
    from home.models import HomePage
    from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, FeedSourceFactory

    home = HomePage.objects.get(locale__language_code="nl")
    # The centres index that migrate made (a fresh site has one).
    index = CentreIndexPage.objects.child_of(home).first() or CentreIndexPageFactory(parent=home)
    for title, failures in (("Stichting Samen Verder", 0), ("Inloophuis De Boei", 3), ("Centrum Het Baken", 0)):
        centre = CentrePageFactory(parent=index, title=title)
        FeedSourceFactory(
            centre=centre,
            url=f"https://www.{centre.slug}.example.nl/wp-json/tribe/events/v1/events",
            format="tec-json",
            last_run_status="error" if failures else "ok",
            consecutive_failures=failures,
            needs_review=bool(failures),
        )
    django_user_model.objects.create_superuser("beheer", "beheer@example.org", PASSWORD)


def test_the_feed_listing_fits_1280_px_with_its_actions(page, live_demo_site, three_sources):
    base = live_demo_site.url
    page.goto(f"{base}/admin/login/")
    page.fill("input[name=username]", "beheer")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/")
    page.goto(f"{base}/admin/agenda/feeds/")

    width = page.evaluate("window.innerWidth")
    assert width == 1280
    for header in page.locator("table.listing th").all():
        box = header.bounding_box()
        assert box["x"] + box["width"] <= width, header.inner_text()
    actions = page.locator("table.listing tbody tr [data-controller='w-dropdown'] button")
    assert actions.count() == 3
    for button in actions.all():
        box = button.bounding_box()
        assert box["x"] + box["width"] <= width
    # What the dropped columns said is still in the row.
    assert "3 keer achter elkaar mislukt" in page.locator("table.listing").inner_text()
