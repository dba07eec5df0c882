"""The moderators' report: counts per selection and per followed activity, no addresses."""

import pytest
from django.contrib.auth.models import Group

from agenda_pages.moderation import roles
from alerts.models import Follow, Subscription
from tests.alerts.conftest import DAY, NOW, make_event

pytestmark = pytest.mark.django_db


def test_moderators_see_counts_without_addresses(client, django_user_model, agenda, centre, clock):
    for n, selection in enumerate(["theme=bewegen", "theme=bewegen", ""]):
        Subscription.objects.create(
            email=f"gast{n}@voorbeeld.nl", selection=selection, confirmed_at=NOW if n else None
        )
    event = make_event(centre, "Wandelgroep", [NOW + 3 * DAY], published_at=NOW - DAY)
    Follow.objects.create(email="volger@voorbeeld.nl", page=event, confirmed_at=NOW)
    moderator = django_user_model.objects.create_user("moderator", "m@example.org", "pw")
    moderator.groups.add(Group.objects.get(name=roles.MODERATORS))
    client.force_login(moderator)

    html = client.get("/admin/reports/alerts/").content.decode()
    assert "2 bevestigde e-mailberichten voor een keuze (1 nog niet bevestigd), 1 bevestigde volgers" in html
    assert "Bewegen en sport" in html and "alle activiteiten" in html and "Wandelgroep" in html
    assert "voorbeeld.nl" not in html


def test_others_may_not_see_it(client, django_user_model, clock):
    editor = django_user_model.objects.create_user("redacteur", "r@example.org", "pw")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    assert client.get("/admin/reports/alerts/").status_code in (302, 403)
