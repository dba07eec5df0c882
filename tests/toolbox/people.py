"""The people of the review tests: a moderator, an editor, a centre's staff member; the clock."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group

from agenda_pages.moderation import roles
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory

# A Monday: the moderators' weekly summary goes out.
NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


def user_in(django_user_model, name, group=None, **fields):
    user = django_user_model.objects.create_user(name, fields.pop("email", f"{name}@example.org"), "pw", **fields)
    if group is not None:
        user.groups.add(group)
    return user


@pytest.fixture
def moderator(django_user_model, db):
    return user_in(django_user_model, "moderator", Group.objects.get(name=roles.MODERATORS))


@pytest.fixture
def editor(django_user_model, db):
    return user_in(django_user_model, "redacteur", Group.objects.get(name=roles.EDITORS))


@pytest.fixture
def centre_staff(django_user_model, site_home):
    centre = CentrePageFactory(parent=CentreIndexPageFactory(parent=site_home))
    return user_in(django_user_model, "boei", centre.staff_group.group)
