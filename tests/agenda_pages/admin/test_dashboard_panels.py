"""The dashboard shows each waiting event once, in "To review": Wagtail's own "Awaiting your review"
panel, which listed the same events again (and read every one of them), is gone for every role."""

from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.views.home import HomeView, WorkflowObjectsToModeratePanel

from agenda_pages.admin.awaiting_review import AwaitingReviewPanel
from agenda_pages.moderation import roles
from tests.agenda_pages.factories import add_waiting_events
from tests.agenda_pages.ics_samples import NOW
from tests.agenda_pages.moderation.test_review import user_in

ROLES = ["superuser", "moderator", "staff", "editor"]


@pytest.fixture(autouse=True)
def _frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def users(django_user_model, centre):
    superuser = user_in(django_user_model, "beheer")
    superuser.is_superuser = True
    superuser.save()
    return {
        "superuser": superuser,
        "moderator": user_in(django_user_model, "eindredactie", Group.objects.get(name=roles.MODERATORS)),
        "staff": user_in(django_user_model, "boei", centre.staff_group.group),
        "editor": user_in(django_user_model, "redactie", Group.objects.get(name=roles.EDITORS)),
    }


@pytest.mark.parametrize("role", ROLES)
def test_wagtails_awaiting_review_panel_is_replaced_for_every_role(role, users):
    request = RequestFactory().get(reverse("wagtailadmin_home"))
    request.user = users[role]
    view = HomeView()
    view.setup(request)
    panels = view.get_panels()
    assert not any(isinstance(panel, WorkflowObjectsToModeratePanel) for panel in panels)
    assert sum(isinstance(panel, AwaitingReviewPanel) for panel in panels) == 1


@pytest.mark.parametrize("role", ["superuser", "moderator", "staff"])
def test_a_waiting_event_is_on_the_dashboard_once(role, users, source, client):
    add_waiting_events(source, 1, first_start=NOW + timedelta(days=1), now=NOW - timedelta(days=1))
    client.force_login(users[role])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "To review" in html
    assert html.count(">Wandelgroep 0<") == 1
    assert "awaiting your review" not in html.lower()
