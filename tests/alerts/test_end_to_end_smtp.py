"""The whole way, through a real SMTP server on loopback (aiosmtpd): ask -> confirmation mail -> click
-> an imported event, approved -> the digest lists it -> one-click unsubscribe -> nothing more."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from agenda_pages.importing.service import import_source
from agenda_pages.models import EventPage
from agenda_pages.moderation import roles
from agenda_pages.moderation.review import approve_events
from alerts.models import Subscription
from alerts.tasks import send_alerts
from tests.agenda_pages.factories import FeedSourceFactory
from tests.agenda_pages.ics_samples import calendar, vevent
from tests.alerts.conftest import DAY, NOW
from tests.smtp import Inbox
from tests.smtp import smtp_server as local_smtp

pytestmark = pytest.mark.django_db


@pytest.fixture
def smtp_server(settings):
    with local_smtp(settings, Inbox()) as inbox:
        yield inbox


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def test_ask_confirm_digest_unsubscribe_through_a_real_smtp_server(
    agenda, centre, smtp_server, feed_server, django_user_model, django_capture_on_commit_callbacks
):
    moderator = django_user_model.objects.create_user("moderator", "moderator@example.org", "pw")
    moderator.groups.add(Group.objects.get(name=roles.MODERATORS))
    source = FeedSourceFactory(centre=centre, url=feed_server.url("/agenda.ics"), format="ics")
    browser = Client()

    def guest_mail():
        # The centre's reviewers get the import's review mail through the same server.
        return [message for recipients, message in smtp_server.messages if recipients == ["gast@voorbeeld.nl"]]

    def import_and_approve(*events):
        feed_server.add("/agenda.ics", calendar(*events), Content_Type="text/calendar")
        with django_capture_on_commit_callbacks(execute=True):
            import_source(source.pk, now=timezone.now())  # the frozen clock, also in the parser
        waiting = EventPage.objects.filter(source=source, live=False).values_list("pk", flat=True)
        assert approve_events(moderator, list(waiting)).done

    with time_machine.travel(NOW, tick=False) as clock:
        # Ask, on the agenda's selection of this centre.
        answer = browser.post(
            "/meldingen/?centre=de-boei", {"email": "Gast@Voorbeeld.nl", "frequency": "weekly", "language": "nl"}
        )
        assert answer["Location"] == "/meldingen/verstuurd/"
        [(recipients, confirmation)] = smtp_server.messages
        assert recipients == ["gast@voorbeeld.nl"]
        assert confirmation["Subject"] == "Bevestig: e-mail over nieuwe activiteiten in de agenda"
        assert "Inloophuis De Boei" in text_of(confirmation)

        # Click the link, then the button on the page it opens.
        [link] = re.findall(r"http://testserver/meldingen/bevestigen/\S+", text_of(confirmation))
        assert browser.get(path_of(link)).status_code == 200
        assert "Bedankt, het is bevestigd" in browser.post(path_of(link)).content.decode()
        assert Subscription.objects.get().confirmed_at == NOW

        # A new event in the centre's feed, imported and approved two days later.
        clock.shift(2 * DAY)
        walk = vevent("walk@boei.example", "Wandelgroep in het park", "20261208T100000", end="20261208T113000")
        import_and_approve(walk)

        # The morning round a week after confirming: the digest lists it.
        clock.move_to(NOW + 7 * DAY)
        send_alerts.enqueue()
        assert len(guest_mail()) == 2
        digest = guest_mail()[1]
        assert digest["Subject"] == "Nieuw in de agenda: Inloophuis De Boei"
        assert "Wandelgroep in het park" in text_of(digest) and "Wandelgroep in het park" in html_of(digest)
        assert "dinsdag 8 december 2026, 10:00\N{EN DASH}11:30" in text_of(digest)
        assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        [unsubscribe] = re.findall(r"<(http[^>]+)>", digest["List-Unsubscribe"])

        # The mail program's one-click unsubscribe: a POST without cookie or CSRF token.
        mail_program = Client(enforce_csrf_checks=True)
        response = mail_program.post(
            path_of(unsubscribe), "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 200
        assert not Subscription.objects.exists()

        # Another new event and another week: nothing more arrives.
        clock.shift(DAY)
        talk = vevent("talk@boei.example", "Lotgenotencontact", "20261222T190000", end="20261222T210000")
        import_and_approve(walk, talk)
        clock.move_to(NOW + 14 * DAY + timedelta(minutes=1))
        send_alerts.enqueue()
        assert len(guest_mail()) == 2
        assert any(recipients == ["moderator@example.org"] for recipients, _ in smtp_server.messages)
