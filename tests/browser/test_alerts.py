"""The e-mail alerts' pages in a real browser: axe finds nothing, they work without JavaScript and on
a phone, and the HTML mail reads on a phone and a desktop. Screenshots for a person to look at."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from agenda_pages.models import CentreIndexPage, EventOccurrence
from alerts import tokens
from alerts.models import Subscription
from alerts.sending.service import send_digests
from home.models import HomePage
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory
from tests.browser.test_accessibility import describe_violations, run_axe

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTHS = [pytest.param(360, id="360px"), pytest.param(1280, id="1280px")]


def no_horizontal_scroll(page) -> bool:
    scroll_width, inner_width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    return scroll_width <= inner_width


@pytest.mark.parametrize("width", WIDTHS)
def test_from_the_agenda_to_the_sent_page_without_javascript(new_page, site_url, axe_script, screenshot_path, width):
    page = new_page(viewport={"width": width, "height": 900}, java_script_enabled=False)
    page.goto(site_url("/agenda/?theme=bewegen"))
    page.get_by_role("link", name="Houd mij op de hoogte").click()
    assert "/meldingen/?theme=bewegen" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == "Houd mij op de hoogte"
    assert no_horizontal_scroll(page)
    page.screenshot(path=screenshot_path(f"alerts-subscribe-{width}.png"), full_page=True)

    page.get_by_role("button", name="Stuur mij e-mail").click()  # no address: a message, not an error page
    assert page.get_by_role("alert").is_visible()
    assert "Vul uw e-mailadres in." in page.locator("#alerts-errors").inner_text()

    page.get_by_label("Uw e-mailadres").fill("gast@voorbeeld.nl")
    page.get_by_label("Elke dag").check()
    page.get_by_role("button", name="Stuur mij e-mail").click()
    assert page.url.endswith("/meldingen/verstuurd/")
    assert Subscription.objects.get().frequency == "daily"
    page.screenshot(path=screenshot_path(f"alerts-sent-{width}.png"), full_page=True)


@pytest.mark.parametrize(
    "path",
    [
        pytest.param("/meldingen/?theme=bewegen&near=Utrecht", id="subscribe-nl"),
        pytest.param("/en/alerts/?theme=bewegen", id="subscribe-en"),
        pytest.param("/meldingen/verstuurd/", id="sent"),
    ],
)
def test_the_alert_pages_have_no_axe_violations(page, site_url, axe_script, path):
    assert page.goto(site_url(path)).status == 200
    violations = run_axe(page, axe_script)
    assert not violations, describe_violations(violations)


def test_the_form_with_errors_has_no_axe_violations(page, site_url, axe_script):
    page.goto(site_url("/meldingen/"))
    page.get_by_label("Uw e-mailadres").fill("geen-adres")
    page.get_by_role("button", name="Stuur mij e-mail").click()
    violations = run_axe(page, axe_script)
    assert not violations, describe_violations(violations)


@pytest.mark.parametrize("width", WIDTHS)
def test_confirm_manage_and_unsubscribe_pages(new_page, site_url, axe_script, screenshot_path, width):
    alert = Subscription.objects.create(email="gast@voorbeeld.nl", selection="theme=bewegen")
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(site_url(f"/meldingen/bevestigen/{tokens.make_token(alert, tokens.CONFIRM)}/"))
    assert not run_axe(page, axe_script)
    page.screenshot(path=screenshot_path(f"alerts-confirm-{width}.png"), full_page=True)
    page.get_by_role("button", name="Ja, stuur mij e-mail").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Bedankt, het is bevestigd"
    violations = run_axe(page, axe_script)
    assert not violations, describe_violations(violations)
    page.screenshot(path=screenshot_path(f"alerts-confirmed-{width}.png"), full_page=True)

    page.get_by_role("link", name="Uw e-mail wijzigen of stoppen").click()
    violations = run_axe(page, axe_script)
    assert not violations, describe_violations(violations)
    assert no_horizontal_scroll(page)
    page.screenshot(path=screenshot_path(f"alerts-manage-{width}.png"), full_page=True)

    page.goto(site_url(f"/meldingen/afmelden/{tokens.make_token(alert, tokens.UNSUBSCRIBE)}/"))
    violations = run_axe(page, axe_script)
    assert not violations, describe_violations(violations)
    page.get_by_role("button", name="Ja, stop en verwijder mijn gegevens").click()
    assert page.get_by_role("heading", level=1).inner_text() == "U krijgt geen e-mail meer"
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_html_digest_reads_on_a_phone_and_a_desktop(new_page, site_url, screenshot_path, width):
    now = timezone.now()
    home = HomePage.objects.get(locale__language_code="nl")
    index = CentreIndexPage.objects.child_of(home).first() or CentreIndexPageFactory(parent=home)
    centre = CentrePageFactory(parent=index, title="Inloophuis De Boei", city="Utrecht")
    ten = timezone.localtime(now).replace(hour=10, minute=0, second=0, microsecond=0)
    tuesdays = [ten + timedelta(days=3 + 7 * n) for n in range(12)]
    for title, starts in (("Wandelgroep in het park", tuesdays), ("Lezing: leven met vermoeidheid", tuesdays[:1])):
        event = EventPageFactory(parent=centre, title=title, first_published_at=now - timedelta(days=1))
        for start in starts:
            EventOccurrence.objects.create(page=event, start=start, end=start + timedelta(hours=2))
    Subscription.objects.create(
        email="gast@voorbeeld.nl",
        selection="",
        created_at=now - timedelta(days=9),
        confirmed_at=now - timedelta(days=8),
    )
    assert send_digests(now).sent == 1
    [(html, _)] = mail.outbox[0].alternatives
    page = new_page(viewport={"width": width, "height": 900})
    page.set_content(html)
    assert no_horizontal_scroll(page)
    page.screenshot(path=screenshot_path(f"alerts-mail-digest-{width}.png"), full_page=True)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_form_sent_after_the_cookies_were_cleared_gets_a_page_that_explains(
    new_page, site_url, axe_script, screenshot_path, width
):
    """The security token's cookie is gone (cleared, or the form open since before it was set): the
    site's own page in its layout under its CSP, with a way back to the form."""
    page = new_page(viewport={"width": width, "height": 900})
    page.goto(site_url("/meldingen/?theme=bewegen"))
    page.get_by_label("Uw e-mailadres").fill("gast@voorbeeld.nl")
    page.context.clear_cookies()
    page.get_by_role("button", name="Stuur mij e-mail").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Het formulier kon niet worden verstuurd"
    violations = run_axe(page, axe_script)
    assert not violations, describe_violations(violations)
    assert no_horizontal_scroll(page)
    page.screenshot(path=screenshot_path(f"csrf-failure-{width}.png"), full_page=True)
    assert not Subscription.objects.exists()

    page.get_by_role("link", name="Terug naar het formulier").click()
    page.get_by_label("Uw e-mailadres").fill("gast@voorbeeld.nl")
    page.get_by_role("button", name="Stuur mij e-mail").click()
    assert page.url.endswith("/meldingen/verstuurd/")
