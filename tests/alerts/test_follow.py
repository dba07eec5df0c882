"""Following one activity: one mail when a followed date is cancelled, moved or withdrawn, whoever
changed it (an editor publishing, an approved import, the import cancelling or withdrawing dates)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core import mail

from agenda_pages.importing.service import import_source
from agenda_pages.models import EventPage
from alerts.models import Follow
from alerts.sending.changes import snapshot
from alerts.sending.service import check_follows, public_dates
from alerts.tasks import send_alerts
from tests.agenda_pages.factories import FeedSourceFactory
from tests.agenda_pages.ics_samples import TALK, WALK, YOGA, calendar, cancelled
from tests.alerts.conftest import DAY, NOW, make_event

pytestmark = pytest.mark.django_db


def follower(event, *, language="nl", email="volger@voorbeeld.nl") -> Follow:
    return Follow.objects.create(
        email=email,
        page=event,
        language=language,
        created_at=NOW - DAY,
        confirmed_at=NOW - DAY,
        known_dates=snapshot(public_dates(event, NOW)),
    )


def publish(event, **changes):
    """An editor changes the dates (``starts`` and ``status`` per date) and publishes."""
    event = EventPage.objects.get(pk=event.pk)
    occurrences = list(event.occurrences.order_by("start"))
    for occurrence, (start, status) in zip(occurrences, changes["dates"], strict=True):
        occurrence.start, occurrence.end, occurrence.status = start, start + timedelta(hours=2), status
    event.occurrences = occurrences  # through the page's cluster, as the edit form does
    event.save_revision().publish()


def test_an_editor_cancelling_a_date_tells_the_follower_once(agenda, centre, clock):
    first, second = NOW + 3 * DAY, NOW + 10 * DAY
    event = make_event(centre, "Wandelgroep", [first, second], published_at=NOW - 2 * DAY)
    follower(event)

    publish(event, dates=[(first, "scheduled"), (second, "cancelled")])
    [message] = mail.outbox
    assert message.subject == "Wijziging in “Wandelgroep”"
    assert "Geannuleerd: woensdag 2 december 2026, 13:00" in message.body
    assert "woensdag 25 november" not in message.body  # the date that did not change
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # The same change published again, or the daily round: no second mail.
    publish(event, dates=[(first, "scheduled"), (second, "cancelled")])
    send_alerts.enqueue()
    assert len(mail.outbox) == 1


def test_a_moved_date_says_where_it_went(agenda, centre, clock):
    first = NOW + 3 * DAY
    event = make_event(centre, "Wandelgroep", [first], published_at=NOW - 2 * DAY)
    follower(event, language="en")
    publish(event, dates=[(first + DAY, "scheduled")])
    [message] = mail.outbox
    assert message.subject == "Change to “Wandelgroep”"
    moved = "Moved: Wednesday 25 November 2026, 13:00 → Thursday 26 November 2026, 13:00\N{EN DASH}15:00"
    assert moved in message.body
    assert "http://testserver/en/" in message.body


def test_unpublishing_the_activity_tells_that_it_is_gone(agenda, centre, clock):
    event = make_event(centre, "Wandelgroep", [NOW + 3 * DAY], published_at=NOW - 2 * DAY)
    follower(event)
    EventPage.objects.get(pk=event.pk).unpublish()
    [message] = mail.outbox
    assert "Niet meer in de agenda: woensdag 25 november 2026, 13:00" in message.body
    assert "Deze activiteit heeft geen data meer in de agenda." in message.body


def test_a_date_that_simply_passed_is_no_change(agenda, centre, clock):
    event = make_event(centre, "Wandelgroep", [NOW + DAY, NOW + 8 * DAY], published_at=NOW - 2 * DAY)
    follower(event)
    clock.move_to(NOW + 2 * DAY)
    assert check_follows(NOW + 2 * DAY).as_json() == {"told": 0, "unchanged": 1, "failed": 0}
    assert mail.outbox == []


def test_unconfirmed_followers_hear_nothing(agenda, centre, clock):
    event = make_event(centre, "Wandelgroep", [NOW + 3 * DAY], published_at=NOW - 2 * DAY)
    Follow.objects.create(email="nog-niet@voorbeeld.nl", page=event, known_dates=snapshot(public_dates(event, NOW)))
    publish(event, dates=[(NOW + 3 * DAY, "cancelled")])
    check_follows(NOW)
    assert mail.outbox == []


# Through the importer


IMPORT_NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.fixture
def imported(centre, feed_server, django_capture_on_commit_callbacks):
    """The three sample events imported from a local feed and approved, the clock at the import."""
    source = FeedSourceFactory(centre=centre, url=feed_server.url("/agenda.ics"), format="ics")

    def run(*events):
        feed_server.add("/agenda.ics", calendar(*events), Content_Type="text/calendar")
        with django_capture_on_commit_callbacks(execute=True):
            return import_source(source.pk, now=IMPORT_NOW)

    with time_machine.travel(IMPORT_NOW, tick=False):
        run(WALK, YOGA, TALK)
        for page in EventPage.objects.filter(source=source):
            page.get_latest_revision().publish()
        yield run, {page.title: page for page in EventPage.objects.filter(source=source)}


def test_the_import_cancelling_a_followed_activity_tells_the_follower(agenda, imported):
    run, pages = imported
    follower(pages["Yoga"])
    report = run(WALK, cancelled(YOGA), TALK)
    assert report.cancelled
    [message] = mail.outbox
    assert message.body.count("Geannuleerd: donderdag") == 4
    run(WALK, cancelled(YOGA), TALK)  # the same feed again: nothing new to tell
    assert len(mail.outbox) == 1


def test_the_import_withdrawing_a_followed_activity_tells_the_follower(agenda, imported):
    run, pages = imported
    follower(pages["Lotgenotencontact"])
    follower(pages["Wandelgroep"], email="ander@voorbeeld.nl")  # unchanged: hears nothing
    report = run(WALK, YOGA)  # the talk has vanished from the feed
    assert report.withdrawn == 1
    [message] = mail.outbox
    assert message.to == ["volger@voorbeeld.nl"]
    assert "Niet meer in de agenda: zaterdag 5 december 2026, 19:00" in message.body
