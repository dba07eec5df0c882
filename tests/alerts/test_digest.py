"""The digest: what is new since the last one, once, summarised, in the subscriber's language."""

from datetime import timedelta

import pytest
from django.core import mail
from wagtail.models import PageViewRestriction

from agenda_pages.models import EventOccurrence
from alerts.models import Subscription
from alerts.selection import SelectionChoices
from alerts.sending.digest import digest_content
from alerts.sending.service import send_digests
from tests.alerts.conftest import DAY, NOW, make_event

pytestmark = pytest.mark.django_db

WEEK = 7 * DAY


def subscriber(selection="theme=bewegen", *, frequency="weekly", language="nl", confirmed=NOW):
    return Subscription.objects.create(
        email=f"{language}-{frequency}@voorbeeld.nl",
        selection=selection,
        frequency=frequency,
        language=language,
        created_at=confirmed - DAY,
        confirmed_at=confirmed,
    )


def html_of(message) -> str:
    [(html, mime)] = message.alternatives
    assert mime == "text/html"
    return html


def test_new_means_published_since_the_last_digest_whatever_the_dates(agenda, centre, clock):
    subscriber()
    make_event(centre, "Al bekend", [NOW + 20 * DAY], published_at=NOW - DAY, theme=["bewegen"])
    # Published during the first week, starting long after the second digest.
    make_event(centre, "Cursus in het voorjaar", [NOW + 90 * DAY], published_at=NOW + 2 * DAY, theme=["bewegen"])
    make_event(centre, "Ander thema", [NOW + 10 * DAY], published_at=NOW + 2 * DAY, theme=["creatief"])

    clock.move_to(NOW + WEEK)
    assert send_digests(NOW + WEEK).sent == 1
    [first] = mail.outbox
    assert "Cursus in het voorjaar" in first.body
    assert "Al bekend" not in first.body and "Ander thema" not in first.body

    # The next week: the spring course is not new any more, though its date is still ahead.
    make_event(centre, "Nieuwe wandelgroep", [NOW + 15 * DAY], published_at=NOW + 10 * DAY, theme=["bewegen"])
    clock.move_to(NOW + 2 * WEEK)
    assert send_digests(NOW + 2 * WEEK).sent == 1
    second = mail.outbox[1]
    assert "Nieuwe wandelgroep" in second.body and "Cursus in het voorjaar" not in second.body


def test_nothing_new_sends_nothing_and_a_digest_goes_once(agenda, centre, clock):
    alert = subscriber()
    clock.move_to(NOW + WEEK)
    assert send_digests(NOW + WEEK).as_json() == {"sent": 0, "nothing_new": 1, "failed": 0}
    assert mail.outbox == []
    alert.refresh_from_db()
    assert alert.last_digest_at == NOW + WEEK

    make_event(centre, "Wandelgroep", [NOW + 20 * DAY], published_at=NOW + WEEK + DAY, theme=["bewegen"])
    # A day later is not yet a week: a weekly subscriber waits; a second run the same morning finds nothing.
    assert send_digests(NOW + WEEK + 2 * DAY).sent == 0
    clock.move_to(NOW + 2 * WEEK)
    assert send_digests(NOW + 2 * WEEK).sent == 1
    assert send_digests(NOW + 2 * WEEK + timedelta(minutes=5)).sent == 0
    assert len(mail.outbox) == 1


def test_daily_subscribers_get_a_digest_each_day(agenda, centre, clock):
    subscriber(frequency="daily")
    make_event(centre, "Wandelgroep", [NOW + 20 * DAY], published_at=NOW + DAY / 2, theme=["bewegen"])
    # The daily run may be a little earlier than yesterday's.
    clock.move_to(NOW + DAY - timedelta(minutes=30))
    assert send_digests(NOW + DAY - timedelta(minutes=30)).sent == 1


def test_a_series_is_one_line_with_its_rhythm(agenda, centre, clock):
    subscriber()
    tuesdays = [NOW + DAY * (9 + 7 * n) for n in range(20)]  # Tuesday 1 December and 19 more
    make_event(centre, "Wandelgroep", tuesdays, published_at=NOW + DAY, theme=["bewegen"])
    clock.move_to(NOW + WEEK)
    send_digests(NOW + WEEK)
    [message] = mail.outbox
    assert message.body.count("Wandelgroep") == 1
    assert "Elke dinsdag" in message.body
    assert "volgende keer: dinsdag 1 december 2026, 13:00\N{EN DASH}15:00" in message.body


def test_what_the_public_does_not_see_is_never_in_a_digest(agenda, centre, clock, django_user_model):
    subscriber(selection="")
    make_event(centre, "Zichtbaar", [NOW + 10 * DAY], published_at=NOW + DAY)
    make_event(centre, "Concept", [NOW + 10 * DAY], published_at=None, live=False)
    make_event(centre, "Ingetrokken", [NOW + 10 * DAY], published_at=NOW + DAY, status="withdrawn")
    private = make_event(centre, "Besloten groep", [NOW + 10 * DAY], published_at=NOW + DAY)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    waiting = make_event(centre, "Live titel", [NOW + 10 * DAY], published_at=NOW + DAY)
    waiting.title = "Wijziging die wacht"
    waiting.occurrences.add(EventOccurrence(start=NOW + 12 * DAY))
    waiting.save_revision()  # a change waiting for review: the live page keeps its title and dates

    clock.move_to(NOW + WEEK)
    send_digests(NOW + WEEK)
    [message] = mail.outbox
    text = message.body + html_of(message)
    assert "Zichtbaar" in text and "Live titel" in text
    for hidden in ("Concept", "Ingetrokken", "Besloten groep", "Wijziging die wacht"):
        assert hidden not in text
    assert "4 december" not in text  # the waiting revision's extra date


def test_hostile_text_is_escaped_in_html_and_the_text_part_has_no_markup(agenda, centre, clock):
    subscriber(selection="")
    make_event(centre, '<script>alert(1)</script> & "Yoga"', [NOW + 10 * DAY], published_at=NOW + DAY)
    clock.move_to(NOW + WEEK)
    send_digests(NOW + WEEK)
    [message] = mail.outbox
    html = html_of(message)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Yoga&quot;" in html
    # The text part is text: the title as it is, and no tags or entities of ours.
    assert '<script>alert(1)</script> & "Yoga"' in message.body
    assert "&lt;" not in message.body and "&amp;" not in message.body
    assert not any(tag in message.body for tag in ("<p", "<a ", "<div", "<br", "<strong"))


def test_the_digest_is_in_the_subscribers_language_with_unsubscribe_headers(agenda, centre, clock):
    subscriber(language="en")
    make_event(centre, "Wandelgroep", [NOW + 10 * DAY], published_at=NOW + DAY, theme=["bewegen"])
    clock.move_to(NOW + WEEK)
    send_digests(NOW + WEEK)
    [message] = mail.outbox
    assert message.subject == "New in the agenda: Exercise and sport"
    assert '<html lang="en">' in html_of(message)
    assert "There is 1 new activity in the agenda for your choice" in message.body
    assert "Wednesday 2 December 2026" in message.body
    unsubscribe = message.extra_headers["List-Unsubscribe"]
    assert unsubscribe.startswith("<http://testserver/en/alerts/unsubscribe/") and unsubscribe.endswith("/>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe[1:-1] in message.body and unsubscribe[1:-1] in html_of(message)
    assert "http://testserver/en/agenda/?theme=bewegen" in message.body


def test_a_long_digest_lists_the_first_activities_and_counts_the_rest(agenda, centre, clock, settings):
    settings.ALERTS_DIGEST_MAX_ACTIVITIES = 3
    subscriber(selection="")
    for n in range(5):
        make_event(centre, f"Activiteit {n}", [NOW + (10 + n) * DAY], published_at=NOW + DAY)
    clock.move_to(NOW + WEEK)
    send_digests(NOW + WEEK)
    [message] = mail.outbox
    assert "Er zijn 5 nieuwe activiteiten" in message.body and "En nog 2 activiteiten." in message.body
    assert [n for n in range(5) if f"Activiteit {n}" in message.body] == [0, 1, 2]


def test_a_digest_costs_the_same_queries_for_few_or_many_activities(agenda, centre, clock, django_assert_num_queries):
    choices = SelectionChoices.load()
    filters = __import__("alerts.selection", fromlist=["x"]).read_selection("", today=NOW.date(), choices=choices)
    for n in range(2):
        make_event(centre, f"Een {n}", [NOW + (10 + n) * DAY, NOW + (17 + n) * DAY], published_at=NOW + DAY)
    with django_assert_num_queries(5):
        assert len(digest_content(filters, NOW, NOW + WEEK, limit=30).listed) == 2
    for n in range(20):
        make_event(centre, f"Meer {n}", [NOW + (10 + n) * DAY], published_at=NOW + DAY)
    with django_assert_num_queries(5):
        assert len(digest_content(filters, NOW, NOW + WEEK, limit=30).listed) == 22
