"""The weekly review reminder: when the scheduler enqueues it, the command and the task."""

import os
import signal
import threading
import time
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tasks import TaskResultStatus

from agenda_pages.importing.service import import_source
from agenda_pages.management.commands.run_scheduler import IMPORT, REMINDERS, Timetable, next_reminder_time
from agenda_pages.models import CentreStaffGroup
from agenda_pages.tasks import send_review_reminders
from tests.agenda_pages.ics_samples import NOW, WALK, calendar
from tests.agenda_pages.moderation.test_notifications import unused_port

HOUR = timedelta(hours=1)

pytestmark = pytest.mark.usefixtures("frozen_now")


# When


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        # Sunday noon: Monday 08:00 winter time (07:00 UTC).
        (datetime(2026, 11, 22, 12, 0, tzinfo=UTC), datetime(2026, 11, 23, 7, 0, tzinfo=UTC)),
        # Monday just before eight: the same morning; at eight or later: a week later.
        (datetime(2026, 11, 23, 6, 59, tzinfo=UTC), datetime(2026, 11, 23, 7, 0, tzinfo=UTC)),
        (datetime(2026, 11, 23, 7, 0, tzinfo=UTC), datetime(2026, 11, 30, 7, 0, tzinfo=UTC)),
        # Across the change to summer time (29 March 2026): 08:00 is then 06:00 UTC.
        (datetime(2026, 3, 27, 12, 0, tzinfo=UTC), datetime(2026, 3, 30, 6, 0, tzinfo=UTC)),
        # Sunday 23:30 UTC is already Monday 00:30 in Amsterdam.
        (datetime(2026, 11, 22, 23, 30, tzinfo=UTC), datetime(2026, 11, 23, 7, 0, tzinfo=UTC)),
    ],
)
def test_reminders_are_due_on_monday_at_eight_dutch_time(after, expected):
    assert next_reminder_time(after) == expected


def test_the_timetable_runs_the_import_every_interval_and_the_reminders_weekly():
    start = datetime(2026, 11, 23, 5, 30, tzinfo=UTC)  # Monday 06:30 in Amsterdam
    timetable = Timetable.starting_at(start, HOUR)

    assert timetable.due(start) == [IMPORT]
    assert timetable.seconds_until_next(start) == 3600
    assert timetable.due(start + HOUR / 2) == []
    assert timetable.due(start + HOUR) == [IMPORT]
    # The reminders' moment (07:00 UTC) comes before the next import round (07:30 UTC).
    assert timetable.seconds_until_next(start + timedelta(minutes=72)) == 18 * 60
    assert timetable.due(start + 1.5 * HOUR) == [REMINDERS]
    assert timetable.next_reminders == datetime(2026, 11, 30, 7, 0, tzinfo=UTC)
    assert timetable.due(start + 2 * HOUR) == [IMPORT]


def test_reminders_that_could_not_be_enqueued_are_tried_again_after_an_interval():
    monday = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
    timetable = Timetable.starting_at(monday - timedelta(minutes=1), HOUR)
    timetable.due(monday - timedelta(minutes=1))
    assert timetable.due(monday) == [REMINDERS]

    timetable.retry(REMINDERS, monday)

    assert timetable.next_reminders == monday + HOUR
    assert timetable.due(monday + HOUR) == [IMPORT, REMINDERS]


def test_the_scheduler_enqueues_the_reminders_on_monday_morning(db):
    output = StringIO()
    handler = signal.getsignal(signal.SIGTERM)

    def stop_once_reminded():
        # The test settings' immediate backend runs each task as it is enqueued.
        deadline = time.monotonic() + 10
        while "enqueued the review reminders" not in output.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)
        while signal.getsignal(signal.SIGTERM) is handler and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(os.getpid(), signal.SIGTERM)

    # Monday, half a second before 08:00 in Amsterdam.
    with time_machine.travel(datetime(2026, 11, 23, 6, 59, 59, 500000, tzinfo=UTC), tick=True):
        stopper = threading.Thread(target=stop_once_reminded, daemon=True)
        stopper.start()
        call_command("run_scheduler", "--interval", "60", stdout=output, stderr=StringIO())
        stopper.join(timeout=15)

    lines = output.getvalue().splitlines()
    assert sum("enqueued the feed import" in line for line in lines) == 1
    assert sum("enqueued the review reminders" in line for line in lines) == 1
    assert lines[-1] == "Scheduler stopped."
    assert signal.getsignal(signal.SIGTERM) is handler


# The command and the task


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
