"""The moderators' report "Agenda moderation", over the real admin view with users of each role."""

import re
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.users.models import UserProfile

from agenda_pages.models import CentreStaffGroup, EventOccurrence
from agenda_pages.moderation import roles
from tests.agenda_pages.factories import CentrePageFactory, EventPageFactory, FeedSourceFactory
from tests.agenda_pages.ics_samples import NOW

REPORT = "agenda_moderation_report"

pytestmark = pytest.mark.usefixtures("frozen_now")


def rows(table_html: str) -> list[list[str]]:
    """The text of each body row's cells."""
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", table_html)
    ]


def english(user):
    """Admin users read the English msgids whatever the Dutch catalogue holds."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def user_in(django_user_model, username, group=None, **extra):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw", **extra)
    if group is not None:
        user.groups.add(group)
    return english(user)


def user_with_role(django_user_model, role: str, centre):
    """A user of one of the admin's roles: "superuser", "moderator", "editor" or "centre staff" (of
    ``centre``), for the tests of who may open a report."""
    if role == "superuser":
        return english(django_user_model.objects.create_superuser("beheer", "b@example.org", "pw"))
    group = {
        "moderator": lambda: Group.objects.get(name=roles.MODERATORS),
        "editor": lambda: Group.objects.get(name=roles.EDITORS),
        "centre staff": lambda: CentreStaffGroup.objects.for_centre(centre).get().group,
    }[role]()
    return user_in(django_user_model, role.replace(" ", "-"), group)


def waiting_event(centre, title, days):
    """An event of ``centre`` that entered review ``days`` days before NOW."""
    with time_machine.travel(NOW - timedelta(days=days), tick=False):
        page = EventPageFactory(parent=centre, title=title, live=False)
        EventOccurrence.objects.create(page=page, start=datetime(2026, 12, 1, 9, tzinfo=UTC))
        page.save_revision()
        page.get_workflow().start(page, user=None)
    return page


@pytest.fixture
def moderator(django_user_model):
    return user_in(django_user_model, "moderator", Group.objects.get(name=roles.MODERATORS))


@pytest.fixture
def index(centre):
    return centre.get_parent()


# Who may see it


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("superuser", True), ("moderator", True), ("centre staff", False), ("editor", False)],
)
def test_only_moderators_may_open_the_report(client, django_user_model, centre, role, allowed):
    client.force_login(user_with_role(django_user_model, role, centre))

    response = client.get(reverse(REPORT))
    # Refused the way Wagtail refuses every admin view: back to the dashboard with a message, or
    # 403 for a script's request.
    if allowed:
        assert response.status_code == 200
    else:
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    xhr = client.get(reverse(REPORT), headers={"x-requested-with": "XMLHttpRequest"})
    assert xhr.status_code == (200 if allowed else 403)
    # The Reports menu offers it to exactly those who may open it.
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert (reverse(REPORT) in dashboard.content.decode()) == allowed


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    response = client.get(reverse(REPORT))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


# What it shows


def test_report_lists_waiting_events_per_centre_and_failing_feeds(client, moderator, centre, index):
    anker = CentrePageFactory(parent=index, title="Centrum Het Anker")
    quiet = CentrePageFactory(parent=index, title="Toon Hermans Huis")
    waiting_event(centre, "Wandelgroep", days=3)
    waiting_event(centre, "Yoga", days=10)
    waiting_event(anker, "Zingen", days=1)
    broken = FeedSourceFactory(
        centre=anker, url="https://anker.example/agenda.ics", consecutive_failures=3, last_error="HTTP status 500"
    )
    FeedSourceFactory(
        centre=quiet,
        url="https://toon.example/agenda.ics",
        needs_review=True,
        review_reason="12 of 20 upcoming events vanished",
    )
    FeedSourceFactory(centre=centre, url="https://boei.example/agenda.ics")
    FeedSourceFactory(
        centre=quiet, url="https://old.example/agenda.ics", is_active=False, consecutive_failures=9, last_error="Gone"
    )
    client.force_login(moderator)

    response = client.get(reverse(REPORT))

    html = re.sub(r"\s+", " ", response.content.decode())
    pending = html[html.index('id="agenda-pending-heading"') : html.index('id="agenda-failing-heading"')]
    failing = html[html.index('id="agenda-failing-heading"') :]
    # The centre waiting longest comes first: two events, the oldest for ten days.
    assert rows(pending) == [
        ["Inloophuis De Boei", "2", "Thu 12 Nov 2026", "10"],
        ["Centrum Het Anker", "1", "Sat 21 Nov 2026", "1"],
    ]
    assert f'<a href="{reverse("wagtailadmin_explore", args=(centre.pk,))}"' in pending
    # Failing feeds: most failures first, with the error or the reason for review; not inactive ones.
    assert rows(failing) == [
        ["Centrum Het Anker", "https://anker.example/agenda.ics", "3", "HTTP status 500", ""],
        ["Toon Hermans Huis", "https://toon.example/agenda.ics", "0", "12 of 20 upcoming events vanished", ""],
    ]
    assert reverse("agenda_feeds:edit", args=(broken.pk,)) in failing
    assert "boei.example" not in failing and "old.example" not in failing


def test_report_when_all_is_well(client, moderator, centre):
    FeedSourceFactory(centre=centre)
    client.force_login(moderator)
    html = client.get(reverse(REPORT)).content.decode()
    assert "No events are waiting for review." in html
    assert "All feeds were imported without problems." in html


@pytest.mark.parametrize("centres", [2, 10])
def test_report_queries_do_not_grow_with_centres_and_events(
    client, moderator, index, centres, django_assert_num_queries
):
    for number in range(centres):
        centre = CentrePageFactory(parent=index, title=f"Inloophuis {number}")
        for day in range(number % 3 + 1):
            waiting_event(centre, f"Activiteit {number}-{day}", days=day + 1)
        FeedSourceFactory(centre=centre, consecutive_failures=1, last_error="Timeout")
    client.force_login(moderator)
    client.get(reverse(REPORT))  # once to fill the per-process caches (content types, site root)

    with django_assert_num_queries(14):
        response = client.get(reverse(REPORT))

    html = response.content.decode()
    assert html.count("Timeout") == centres
    assert f"Inloophuis {centres - 1}" in html
