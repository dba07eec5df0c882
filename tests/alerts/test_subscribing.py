"""Asking for an alert: the form, double opt-in, the neutral answer, the honeypot, limits, CSRF."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client

from agenda_pages.models import CentreIndexPage
from alerts.models import Follow, Subscription
from alerts.sending.service import send_digests
from alerts.tasks import send_alerts
from tests.agenda_pages.factories import CentrePageFactory
from tests.alerts.conftest import DAY, NOW, link_to, make_event

pytestmark = pytest.mark.django_db

ADDRESS = "gast@voorbeeld.nl"


def ask(client, address=ADDRESS, query="theme=bewegen", **extra):
    data = {"email": address, "frequency": "weekly", "language": "nl", "website": "", **extra}
    return client.post(f"/meldingen/?{query}", data)


def test_the_page_names_the_selection_and_asks_for_an_address(client, agenda, centre, clock):
    response = client.get("/meldingen/?theme=bewegen&near=3512&radius=10")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bewegen en sport, binnen 10 km van 3512" in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'type="email" name="email"' in html and 'maxlength="254"' in html
    assert 'class="alerts-trap" aria-hidden="true"' in html and 'tabindex="-1"' in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_asking_stores_an_unconfirmed_alert_and_sends_only_the_confirmation(client, agenda, centre, clock):
    response = ask(client, query="theme=bewegen&page=3&utm_source=x")
    assert (response.status_code, response["Location"]) == (302, "/meldingen/verstuurd/")
    alert = Subscription.objects.get()
    assert (alert.email, alert.selection, alert.frequency, alert.language) == (
        ADDRESS,
        "theme=bewegen",
        "weekly",
        "nl",
    )
    assert alert.confirmed_at is None and alert.created_at == NOW
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert message.subject == "Bevestig: e-mail over nieuwe activiteiten in de agenda"
    assert "/meldingen/bevestigen/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Until it is confirmed, a digest run sends nothing, whatever is new.
    make_event(centre, "Wandelgroep", [NOW + 3 * DAY], published_at=NOW + DAY, theme=["bewegen"])
    assert send_digests(NOW + 30 * DAY).sent == 0
    assert len(mail.outbox) == 1


def test_the_answer_is_the_same_for_a_new_a_known_and_an_unsubscribed_address(client, agenda, centre, clock):
    new = ask(client, "nieuw@voorbeeld.nl")
    known = ask(client, "bekend@voorbeeld.nl")
    Subscription.objects.filter(email="bekend@voorbeeld.nl").update(confirmed_at=NOW)
    known_again = ask(client, "bekend@voorbeeld.nl")
    ask(client, "weg@voorbeeld.nl")
    Subscription.objects.filter(email="weg@voorbeeld.nl").delete()
    unsubscribed = ask(client, "weg@voorbeeld.nl")

    answers = [(r.status_code, r["Location"], r.content) for r in (new, known, known_again, unsubscribed)]
    assert len(set(answers)) == 1
    # The known, confirmed alert is not changed by whoever knows the address.
    changed = ask(client, "bekend@voorbeeld.nl", frequency="daily")
    assert (changed.status_code, changed["Location"]) == answers[0][:2]
    assert Subscription.objects.get(email="bekend@voorbeeld.nl").frequency == "weekly"


def test_a_robot_filling_the_hidden_field_gets_the_same_answer_and_nothing_happens(client, agenda, clock):
    response = ask(client, website="https://spam.example")
    assert (response.status_code, response["Location"]) == (302, "/meldingen/verstuurd/")
    assert not Subscription.objects.exists() and mail.outbox == []


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("", "Vul uw e-mailadres in."),
        ("gast-at-voorbeeld", "Dit is geen e-mailadres."),
        ("a" * 250 + "@voorbeeld.nl", "Dit e-mailadres is te lang."),
    ],
)
def test_a_wrong_address_gets_a_plain_message_and_keeps_nothing(client, agenda, clock, address, message):
    response = ask(client, address)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html and 'aria-invalid="true"' in html and 'role="alert"' in html
    assert not Subscription.objects.exists() and mail.outbox == []


def test_the_form_needs_its_csrf_token(agenda, clock):
    response = ask(Client(enforce_csrf_checks=True))
    assert response.status_code == 403
    assert not Subscription.objects.exists()


def test_requests_per_connection_are_limited(client, agenda, clock, settings):
    settings.ALERTS_REQUESTS_PER_IP_PER_HOUR = 3
    answers = [ask(client, f"gast{n}@voorbeeld.nl").status_code for n in range(4)]
    assert answers == [302, 302, 302, 429]
    assert "Probeer het over een uur opnieuw." in ask(client, "nog@voorbeeld.nl").content.decode()
    assert Subscription.objects.count() == 3
    with_other_address = Client(REMOTE_ADDR="192.0.2.7")
    assert ask(with_other_address, "ander@voorbeeld.nl").status_code == 302


def test_mails_per_address_are_limited_without_changing_the_answer(client, agenda, clock, settings):
    settings.ALERTS_MAILS_PER_ADDRESS_PER_DAY = 2
    answers = {(r.status_code, r["Location"]) for r in (ask(client) for _ in range(4))}
    assert answers == {(302, "/meldingen/verstuurd/")}
    assert len(mail.outbox) == 2


def test_the_confirmation_link_shows_a_button_and_only_the_button_confirms(client, agenda, clock):
    ask(client)
    link = link_to(mail.outbox[0].body, "/bevestigen/")
    page = client.get(link)  # what a mail scanner does
    assert page.status_code == 200 and "Ja, stuur mij e-mail" in page.content.decode()
    assert Subscription.objects.get().confirmed_at is None

    done = client.post(link)
    assert done.status_code == 200 and "Bedankt, het is bevestigd" in done.content.decode()
    assert Subscription.objects.get().confirmed_at == NOW


def test_a_confirmation_link_expires_after_seven_days(client, agenda, clock):
    ask(client)
    link = link_to(mail.outbox[0].body, "/bevestigen/")
    clock.shift(7 * DAY + timedelta(seconds=1))
    response = client.post(link)
    assert response.status_code == 410 and "Deze link werkt niet meer" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None


def test_a_changed_or_foreign_link_does_nothing(client, agenda, clock):
    ask(client)
    link = link_to(mail.outbox[0].body, "/bevestigen/")
    assert client.post(link[:-3] + "xx/").status_code == 404
    unsubscribe = link_to(mail.outbox[0].body, "/afmelden/")
    token = unsubscribe.rstrip("/").rsplit("/", 1)[1]
    assert client.post(f"/meldingen/bevestigen/{token}/").status_code == 404  # another purpose's token
    assert Subscription.objects.get().confirmed_at is None


def test_unconfirmed_alerts_are_deleted_after_seven_days(client, agenda, centre, clock):
    ask(client, "onbevestigd@voorbeeld.nl")
    ask(client, "bevestigd@voorbeeld.nl")
    Subscription.objects.filter(email="bevestigd@voorbeeld.nl").update(confirmed_at=NOW)
    event = make_event(centre, "Wandelgroep", [NOW + 30 * DAY], published_at=NOW - DAY)
    Follow.objects.create(email="volger@voorbeeld.nl", page=event, created_at=NOW)

    clock.shift(7 * DAY - timedelta(minutes=1))
    send_alerts.enqueue()
    assert Subscription.objects.count() == 2 and Follow.objects.count() == 1
    clock.shift(timedelta(minutes=2))
    send_alerts.enqueue()
    assert list(Subscription.objects.values_list("email", flat=True)) == ["bevestigd@voorbeeld.nl"]
    assert not Follow.objects.exists()


def confirmed_alert(client) -> str:
    ask(client)
    client.post(link_to(mail.outbox[0].body, "/bevestigen/"))
    return mail.outbox[0].body


def test_one_click_unsubscribe_works_without_csrf_token_or_cookie_and_get_only_asks(client, agenda, clock):
    body = confirmed_alert(client)
    link = link_to(body, "/afmelden/")
    assert f"<http://testserver{link}>" == mail.outbox[0].extra_headers["List-Unsubscribe"]

    asked = Client().get(link)  # a mail scanner following the link
    assert asked.status_code == 200 and "Ja, stop en verwijder mijn gegevens" in asked.content.decode()
    assert Subscription.objects.exists()

    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200 and not response.cookies
    assert not Subscription.objects.exists()
    # Twice is no error.
    assert (
        mail_program.post(
            link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        ).status_code
        == 200
    )


def test_a_mailto_unsubscribe_is_offered_when_set(client, agenda, clock, settings):
    settings.ALERTS_UNSUBSCRIBE_MAILTO = "afmelden@voorbeeld.nl"
    ask(client)
    header = mail.outbox[0].extra_headers["List-Unsubscribe"]
    assert header.startswith("<http://testserver/meldingen/afmelden/")
    assert header.endswith(", <mailto:afmelden@voorbeeld.nl?subject=unsubscribe>")


def test_the_manage_page_changes_frequency_and_language_or_deletes(client, agenda, clock):
    body = confirmed_alert(client)
    link = link_to(body, "/wijzigen/")
    page = client.get(link)
    assert page.status_code == 200 and "Hoe vaak wilt u een e-mail?" in page.content.decode()
    saved = client.post(link, {"frequency": "daily", "language": "en", "save": ""})
    assert "Uw wijzigingen zijn opgeslagen." in saved.content.decode()
    alert = Subscription.objects.get()
    assert (alert.frequency, alert.language) == ("daily", "en")
    deleted = client.post(link, {"delete": "1"})
    assert deleted.status_code == 200 and not Subscription.objects.exists()
    assert client.get(link).status_code == 404


def test_the_agenda_links_to_the_alert_with_its_selection_and_has_no_form_to_post(client, agenda, centre, clock):
    make_event(centre, "Wandelgroep", [NOW + 3 * DAY], published_at=NOW - DAY, theme=["bewegen"])
    html = client.get("/agenda/?theme=bewegen&near=Utrecht").content.decode()
    assert 'href="/meldingen/?theme=bewegen&amp;near=Utrecht"' in html
    assert "Houd mij op de hoogte" in html
    assert "csrfmiddlewaretoken" not in html and 'method="post"' not in html


def test_an_event_page_links_to_follow_it_and_has_no_form_to_post(client, agenda, centre, clock):
    event = make_event(centre, "Wandelgroep", [NOW + 3 * DAY], published_at=NOW - DAY)
    html = client.get(event.url).content.decode()
    assert f'href="/meldingen/volgen/{event.pk}/"' in html
    assert "Mail mij als deze activiteit verandert of vervalt" in html
    assert "csrfmiddlewaretoken" not in html and 'method="post"' not in html


def test_following_asks_for_confirmation_and_only_public_live_events_can_be_followed(client, agenda, centre, clock):
    event = make_event(centre, "Wandelgroep", [NOW + 3 * DAY], published_at=NOW - DAY)
    draft = make_event(centre, "Concept", [NOW + 3 * DAY], published_at=None, live=False)
    assert client.get(f"/meldingen/volgen/{draft.pk}/").status_code == 404
    page = client.get(f"/meldingen/volgen/{event.pk}/")
    assert page.status_code == 200 and "Wandelgroep" in page.content.decode()

    response = client.post(f"/meldingen/volgen/{event.pk}/", {"email": ADDRESS, "language": "en", "website": ""})
    assert response["Location"] == "/meldingen/verstuurd/"
    follow = Follow.objects.get()
    assert (follow.email, follow.page_id, follow.language, follow.confirmed_at) == (ADDRESS, event.pk, "en", None)
    [message] = mail.outbox
    assert message.subject == "Please confirm: e-mail about changes to “Wandelgroep”"
    assert "/en/alerts/confirm/" in message.body
    client.post(link_to(message.body, "/confirm/"))
    follow.refresh_from_db()
    assert follow.confirmed_at == NOW
    assert [d["start"] for d in follow.known_dates] == [(NOW + 3 * DAY).isoformat()]


def test_a_selection_too_long_to_keep_is_refused_with_a_message(client, agenda, centre, site_home, clock):
    index = site_home.get_children().type(CentreIndexPage).first()
    # The agenda reads at most 20 centres; 20 long names are still too long to keep.
    name = "inloophuis-voor-mensen-met-en-na-kanker-in-de-regio-nummer"
    for n in range(20):
        CentrePageFactory(parent=index, title=f"Inloophuis {n}", slug=f"{name}-{n}")
    query = "&".join(f"centre={name}-{n}" for n in range(20))
    response = ask(client, query=query)
    assert response.status_code == 200
    assert "Uw keuze is te lang voor een e-mail." in response.content.decode()
    assert not Subscription.objects.exists()


def test_a_mail_server_that_is_away_gets_a_plain_message_not_an_error_page(client, agenda, clock, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there
    response = ask(client)
    assert response.status_code == 503
    assert "Wij konden de e-mail niet versturen" in response.content.decode()
