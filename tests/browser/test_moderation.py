"""Centre staff review their imported events in a real browser, and cannot reach another centre's.

Before approval the events are neither in the public agenda nor at their own addresses (404);
after it they are in both.
"""

import pytest
import time_machine

from tests.agenda_pages.ics_samples import NOW, WALK, YOGA, calendar

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "centrum-wachtwoord-2026"


@pytest.fixture
def two_centres(live_demo_site, feed_server, django_user_model):
    from agenda_pages.importing.service import import_source
    from agenda_pages.models import CentreIndexPage, CentreStaffGroup, EventPage
    from home.models import HomePage
    from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, FeedSourceFactory

    home = HomePage.objects.get(locale__language_code="nl")
    # The centres index that migrate made (a fresh site has one).
    index = CentreIndexPage.objects.child_of(home).first() or CentreIndexPageFactory(parent=home)
    boei = CentrePageFactory(parent=index, title="Inloophuis De Boei")
    anker = CentrePageFactory(parent=index, title="Centrum Het Anker")
    for username, centre in (("anna", boei), ("eva", anker)):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(CentreStaffGroup.objects.for_centre(centre).get().group)
    feed_server.add("/agenda.ics", calendar(WALK, YOGA), Content_Type="text/calendar")
    source = FeedSourceFactory(centre=boei, url=feed_server.url("/agenda.ics"), format="ics")
    assert import_source(source.pk, now=NOW).created == 2
    return list(EventPage.objects.filter(source=source).order_by("title"))


def log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")


def agenda_titles(visitor, base_url: str) -> list[str]:
    """The event titles the public agenda lists, on the clock of the sample feed's dates."""
    with time_machine.travel(NOW, tick=True):
        response = visitor.goto(f"{base_url}/agenda/")
    assert response.status == 200
    return [title.strip() for title in visitor.locator(".agenda-results .occurrence__title").all_inner_texts()]


def test_centre_staff_bulk_approve_their_events_and_others_cannot_reach_them(new_page, live_demo_site, two_centres):
    base = live_demo_site.url
    events = two_centres
    public_urls = [f"{base}{event.get_url_parts()[2]}" for event in events]
    visitor = new_page()
    assert [visitor.goto(url).status for url in public_urls] == [404, 404]
    assert agenda_titles(visitor, base) == []

    staff = new_page()
    log_in(staff, base, "anna")
    staff.goto(f"{base}/admin/agenda/review/")
    for event in events:
        staff.check(f"#review-page-{event.pk}")
    staff.locator("button[name=action][value=approve]").click()
    staff.wait_for_load_state()
    assert staff.locator(f"#review-page-{events[0].pk}").count() == 0

    for event, url in zip(events, public_urls, strict=True):
        response = visitor.goto(url)
        assert response.status == 200
        assert visitor.locator("h1").inner_text().strip() == event.title
    assert sorted(set(agenda_titles(visitor, base))) == [event.title for event in events]

    other = new_page()
    log_in(other, base, "eva")
    other.goto(f"{base}/admin/agenda/review/")
    assert events[0].title not in other.locator("main").inner_text()
    response = other.goto(f"{base}/admin/pages/{events[0].pk}/edit/")
    assert "/edit/" not in other.url or response.status == 403
    assert other.locator("input[name=title]").count() == 0
