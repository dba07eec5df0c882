"""The weekly review reminder: the command and the task (kankernl_site/scheduling.py enqueues it)."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tasks import TaskResultStatus

from agenda_pages.importing.service import import_source
from agenda_pages.models import CentreStaffGroup
from agenda_pages.tasks import send_review_reminders
from tests.agenda_pages.ics_samples import NOW, WALK, calendar
from tests.agenda_pages.moderation.test_notifications import unused_port

pytestmark = pytest.mark.usefixtures("frozen_now")


@pytest.fixture
def long_waiting(source, feed_server, django_user_model):
    """One event of the centre, waiting for review for eight days; one staff member to remind."""
    staff = django_user_model.objects.create_user("anna", "anna@example.org", "pw")
    staff.groups.add(CentreStaffGroup.objects.for_centre(source.centre).get().group)
    feed_server.add("/agenda.ics", calendar(WALK), Content_Type="text/calendar")
    with time_machine.travel(NOW - timedelta(days=8), tick=False):
        import_source(source.pk, now=NOW)
    mail.outbox.clear()


def test_the_command_sends_the_reminders_and_says_how_many(long_waiting):
    output = StringIO()
    call_command("send_review_reminders", stdout=output)

    assert output.getvalue() == "1 events of 1 centres wait more than a week; 1 reminders sent.\n"
    assert [message.to for message in mail.outbox] == [["anna@example.org"]]


def test_the_command_fails_when_a_reminder_could_not_be_sent(long_waiting, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", unused_port(), 2

    with pytest.raises(CommandError) as raised:
        call_command("send_review_reminders", stdout=StringIO())

    assert (str(raised.value), raised.value.returncode) == ("1 reminders could not be sent.", 1)


def test_the_task_returns_its_counts(long_waiting):
    result = send_review_reminders.enqueue()

    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value == {"centres": 1, "events": 1, "sent": 1, "failed": 0}
    assert len(mail.outbox) == 1
