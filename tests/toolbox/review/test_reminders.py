"""The owners' reminders (one per person, one per due cycle) and the moderators' weekly summary."""

from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django_tasks import TaskResultStatus

from tests.smtp import Inbox
from tests.smtp import smtp_server as local_smtp
from tests.toolbox.factories import make_item
from tests.toolbox.people import user_in
from toolbox.models import ToolboxItemPage
from toolbox.review.recording import record_still_correct
from toolbox.review.reminders import send_owner_reminders, send_review_mails
from toolbox.tasks import send_review_mails as send_review_mails_task

pytestmark = pytest.mark.usefixtures("clock")

MONDAY = date(2026, 12, 7)
TUESDAY = date(2026, 12, 8)


@pytest.fixture
def world(topic_page, moderator, django_user_model):
    owner = user_in(django_user_model, "eigenaar")
    office = Group.objects.create(name="Netwerkbureau")
    for name in ("lid1", "lid2"):
        user_in(django_user_model, name, office)
    user_in(django_user_model, "zonder-adres", office, email="")
    user_in(django_user_model, "vertrokken", office, is_active=False)
    left = user_in(django_user_model, "oud-eigenaar", is_active=False)
    return {
        # Due 1 November: overdue.
        "a": make_item(topic_page, "MDO bekostigen", last_reviewed_at=date(2025, 11, 1), owner_user=owner),
        # Due today: due, not yet overdue.
        "b": make_item(topic_page, "Stuurgroep inrichten", last_reviewed_at=date(2025, 12, 7), owner_user=owner),
        "c": make_item(topic_page, "Convenant", last_reviewed_at=date(2025, 10, 1), owner_group=office),
        "d": make_item(topic_page, "Volumenormen", last_reviewed_at=date(2025, 9, 1)),  # nobody owns it
        # Its owner left: the group is reminded.
        "e": make_item(
            topic_page, "Datalek", last_reviewed_at=date(2025, 11, 20), owner_user=left, owner_group=office
        ),
        "later": make_item(topic_page, "Begroting", last_reviewed_at=date(2026, 6, 1), owner_user=owner),
    }


def inbox() -> dict[str, list]:
    mails = {}
    for message in mail.outbox:
        [address] = message.to
        mails.setdefault(address, []).append(message)
    return mails


def test_each_person_gets_one_reminder_listing_their_due_items(world):
    report = send_owner_reminders(MONDAY)
    mails = inbox()
    assert sorted(mails) == ["eigenaar@example.org", "lid1@example.org", "lid2@example.org", "moderator@example.org"]
    assert all(len(messages) == 1 for messages in mails.values())
    [owner_mail] = mails["eigenaar@example.org"]
    text = owner_mail.body
    assert "MDO bekostigen" in text and "Stuurgroep inrichten" in text and "Begroting" not in text
    assert f"http://testserver/admin/pages/{world['a'].pk}/edit/" in text
    html, mimetype = owner_mail.alternatives[0]
    assert mimetype == "text/html" and f'href="http://testserver/admin/pages/{world["b"].pk}/edit/"' in html
    [member_mail] = mails["lid1@example.org"]
    assert "Convenant" in member_mail.body and "Datalek" in member_mail.body
    [moderator_mail] = mails["moderator@example.org"]
    assert "Volumenormen" in moderator_mail.body and "MDO bekostigen" not in moderator_mail.body
    assert (report.due_items, report.reminded_items, report.owner_mails, report.failed) == (5, 5, 4, 0)


def test_one_reminder_per_due_cycle(world, clock):
    send_owner_reminders(MONDAY)
    mail.outbox.clear()
    send_owner_reminders(TUESDAY)
    assert mail.outbox == []
    # A check starts a new cycle: a year later the owner hears of the item again.
    record_still_correct(ToolboxItemPage.objects.get(pk=world["a"].pk), None, MONDAY)
    send_owner_reminders(date(2027, 12, 7))
    assert [message.to for message in mail.outbox if "MDO bekostigen" in message.body] == [["eigenaar@example.org"]]


def test_the_moderators_summary_on_mondays_lists_what_is_overdue(world):
    report = send_review_mails(MONDAY)
    [summary] = [
        message for message in inbox()["moderator@example.org"] if "/admin/reports/toolbox-review/" in message.body
    ]
    text = summary.body
    assert "Volumenormen" in text and "Convenant" in text and "MDO bekostigen" in text and "Datalek" in text
    assert "Stuurgroep inrichten" not in text  # due today, not yet overdue
    assert text.index("Volumenormen") < text.index("Convenant") < text.index("MDO bekostigen")
    assert "Netwerkbureau" in text and "eigenaar" in text
    assert report.summary_mails == 1


def test_no_summary_on_other_days(world):
    report = send_review_mails(TUESDAY)
    assert report.summary_mails == 0
    assert not any("/admin/reports/toolbox-review/" in message.body for message in mail.outbox)


def test_nothing_overdue_no_summary(topic_page, moderator):
    make_item(topic_page, "Vers", last_reviewed_at=date(2026, 12, 1))
    report = send_review_mails(MONDAY)
    assert (report.summary_mails, report.owner_mails) == (0, 0) and mail.outbox == []


def test_the_task_returns_its_counts(world):
    result = send_review_mails_task.enqueue()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {
        "due_items": 5,
        "reminded_items": 5,
        "owner_mails": 4,
        "summary_mails": 1,
        "failed": 0,
    }


REFUSED = "lid2@example.org"


@pytest.fixture
def smtp_server(settings):
    with local_smtp(settings, Inbox(refused=frozenset({REFUSED}))) as inbox:
        yield inbox


def test_a_refused_address_does_not_stop_the_others(world, smtp_server, django_user_model):
    # lid2 alone owns one item: it stays unreminded, and is tried again the next day.
    alone = make_item(
        world["a"].get_parent().specific,
        "Alleen voor lid2",
        last_reviewed_at=date(2025, 11, 2),
        owner_user=django_user_model.objects.get(username="lid2"),
    )
    report = send_review_mails(MONDAY)
    delivered = sorted(recipients[0] for recipients, _message in smtp_server.messages)
    assert "lid2@example.org" not in delivered
    assert {"eigenaar@example.org", "lid1@example.org", "moderator@example.org"} <= set(delivered)
    assert report.failed == 1 and report.owner_mails == 3 and report.summary_mails == 1
    assert ToolboxItemPage.objects.get(pk=alone.pk).review_reminder_sent_for is None
    # Convenant reached lid1, so it counts as reminded.
    assert ToolboxItemPage.objects.get(pk=world["c"].pk).review_reminder_sent_for == date(2026, 10, 1)

    smtp_server.refused = frozenset()
    report = send_owner_reminders(TUESDAY)
    assert report.reminded_items == 1 and report.owner_mails == 1
    recipients, message = smtp_server.messages[-1]
    assert recipients == ["lid2@example.org"] and "Alleen voor lid2" in message.get_body(("plain",)).get_content()
