"""A large review backlog (issue 11): the dashboard, the review list and the reminder mail cost the
same queries and stay small whether 60 or 2,000 imported events wait; "select all" acts on all.

Run on SQLite and on PostgreSQL (DATABASE_URL): SQLite refused Wagtail's own dashboard panel at
this size ("Expression tree is too large").
"""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.urls import reverse
from wagtail.models import TaskState

from agenda_pages.models import EventPage
from agenda_pages.moderation import roles
from agenda_pages.moderation.notifications import send_review_reminders
from tests.agenda_pages.factories import add_waiting_events
from tests.agenda_pages.ics_samples import NOW
from tests.agenda_pages.moderation.test_review import messages_of, user_in

LIST_URL = "/admin/agenda/review/"
MEGABYTE = 1024 * 1024
IN_LIST = re.compile(r"\bIN \(([^()]*)\)")
SIZES = [60, 2000]


@pytest.fixture(params=SIZES, ids=lambda count: f"{count}_waiting")
def backlog(request, source):
    """Imported events waiting for review for eight days, dated from tomorrow."""
    add_waiting_events(source, request.param, first_start=NOW + timedelta(days=1), now=NOW - timedelta(days=8))
    return request.param


@pytest.fixture
def staff(django_user_model, centre):
    return user_in(django_user_model, "boei", centre.staff_group.group)


@pytest.fixture
def moderator(django_user_model, centre):
    return user_in(django_user_model, "eindredactie", Group.objects.get(name=roles.MODERATORS))


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def get(client, url, django_assert_num_queries, queries):
    client.get(url)  # warm the per-process caches (content types, site, menu)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    assert len(response.content) < MEGABYTE
    return response.content.decode()


# Staff: who may review is asked per centre; a moderator's states need no centre lookups.
# Two fewer than when Wagtail's "Awaiting your review" listed the events again (their pages and count).
@pytest.mark.parametrize("user, queries", [("staff", 37), ("moderator", 32)])
def test_the_dashboard_costs_the_same_at_any_backlog(
    request, user, queries, backlog, client, django_assert_num_queries
):
    client.force_login(request.getfixturevalue(user))
    html = get(client, reverse("wagtailadmin_home"), django_assert_num_queries, queries)
    assert f"Review all {backlog} events" in html
    assert "awaiting your review" not in html  # the events are not listed a second time


@pytest.mark.parametrize("page, first", [(1, 0), (2, 50)])
def test_the_review_list_costs_the_same_at_any_backlog(page, first, staff, backlog, client, django_assert_num_queries):
    client.force_login(staff)
    html = get(client, f"{LIST_URL}?p={page}", django_assert_num_queries, 21)  # 20, and the themes
    assert html.count('name="page"') == min(50, backlog - first)
    # Soonest first (one date a day from tomorrow, a year round), then in the order they were made.
    soonest_first = sorted(range(backlog), key=lambda n: (n % 365, n))
    assert f">Wandelgroep {soonest_first[first]}<" in html
    assert f"Select all {backlog} events waiting for your review" in html


def test_the_reminder_costs_the_same_at_any_backlog(staff, backlog, django_assert_num_queries):
    mail.outbox.clear()
    # Overdue per centre, the centres, that centre's first 50 states, their pages, its recipients.
    with django_assert_num_queries(5):
        report = send_review_reminders(NOW)
    assert (report.centres, report.events, report.sent) == (1, backlog, 1)
    (message,) = mail.outbox
    assert len(message.body) < MEGABYTE
    assert message.body.count("/admin/pages/") == 50
    assert f"En nog {backlog - 50} activiteiten." in message.body


def test_the_dashboard_still_shows_other_pages_awaiting_review(moderator, centre, client):
    centre.save_revision()
    centre.get_workflow().start(centre, user=None)
    client.force_login(moderator)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="other-pages-awaiting-review' in html and centre.title in html


@pytest.mark.parametrize("action, comment", [("approve", ""), ("reject", "Graag een beschrijving.")])
def test_select_all_acts_on_every_waiting_event(action, comment, staff, source, client):
    """Beyond the first page: ``select_all`` without any page ids, in batches of 100 states, in a task."""
    count = 250
    add_waiting_events(source, count, first_start=NOW + timedelta(days=1), now=NOW - timedelta(days=8))
    client.force_login(staff)
    in_lists = []

    def record_in_lists(execute, sql, params, many, context):
        # Every query, where Django's query log keeps only the last 9,000.
        in_lists.extend(len(values.split(",")) for values in IN_LIST.findall(sql))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record_in_lists):
        response = client.post(f"{LIST_URL}?p=2", {"action": action, "comment": comment, "select_all": "on"})
    assert response.status_code == 302
    assert max(in_lists) <= 100  # no list of ids grows with the backlog
    # A task (run at once by the test settings' immediate backend): thousands take minutes.
    assert messages_of(response) == [
        f"{count} events are being handled in the background; they leave this list as they are done."
    ]
    assert not TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).exists()
    assert EventPage.objects.filter(live=True).count() == (count if action == "approve" else 0)


def test_approve_all_publishes_the_whole_backlog(staff, source, client):
    # At 60 (one page and more): publishing costs about 0.1 s an event, so 2,000 would add minutes to
    # every run; the batches beyond 100 are the test above.
    add_waiting_events(source, 60, first_start=NOW + timedelta(days=1), now=NOW - timedelta(days=8))
    client.force_login(staff)
    response = client.post(LIST_URL, {"action": "approve", "comment": "", "select_all": "on"})
    assert response.status_code == 302
    assert EventPage.objects.filter(live=True).count() == 60
    assert not TaskState.objects.filter(status=TaskState.STATUS_IN_PROGRESS).exists()


@pytest.mark.parametrize("url, queries", [("/admin/reports/workflow/", 67), ("/admin/reports/workflow_tasks/", 20)])
def test_wagtails_workflow_reports_cost_the_same_at_any_backlog(
    url, queries, moderator, backlog, client, django_assert_num_queries
):
    """Wagtail's own reports of pages in workflows: paginated by Wagtail, 50 a page (the workflow report
    reads each row's page on its own: 67 queries, the same at any backlog)."""
    client.force_login(moderator)
    get(client, url, django_assert_num_queries, queries)


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_workflow_report_exports_any_backlog(export, moderator, backlog, client):
    """Wagtail's export prefetched every row's page at once; SQLite refused it at 2,000."""
    client.force_login(moderator)
    response = client.get(f"/admin/reports/workflow/?export={export}")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    if export == "csv":
        assert body.decode().count("Wandelgroep") == backlog  # one row per waiting event
