"""'Zet de agenda op uw website' in the admin: a centre's own staff and the moderators get the code
for that centre; another centre's staff get neither the screen nor the button."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from agenda_pages.models import AgendaIndexPage
from agenda_pages.moderation import roles
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("route_cache_on_and_off")]


@pytest.fixture
def centres(site_home):
    site_home.add_child(instance=AgendaIndexPage(title="Agenda", slug="agenda"))
    index = CentreIndexPageFactory(parent=site_home)
    return (
        CentrePageFactory(parent=index, title="Inloophuis De Boei", slug="de-boei"),
        CentrePageFactory(parent=index, title="Inloophuis Het Anker", slug="het-anker"),
    )


@pytest.fixture
def users(django_user_model, centres):
    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(group)
        return user

    boei, anker = centres
    return {
        "staff_boei": member("boei", boei.staff_group.group),
        "staff_anker": member("anker", anker.staff_group.group),
        "moderator": member("eindredactie", Group.objects.get(name=roles.MODERATORS)),
        "editor": member("redactie", Group.objects.get(name=roles.EDITORS)),
        "superuser": django_user_model.objects.create_superuser("beheer", "beheer@example.org", "pw"),
    }


def code_of(response) -> str:
    return unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", response.content.decode(), re.S).group(1))


@pytest.mark.parametrize(
    ("user", "allowed"),
    [("staff_boei", True), ("moderator", True), ("editor", True), ("superuser", True), ("staff_anker", False)],
)
def test_who_gets_the_code_of_a_centre(client, centres, users, user, allowed):
    boei = centres[0]
    client.force_login(users[user])

    screen = client.get(reverse("agenda_embed_code", args=[boei.pk]))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[boei.pk]))

    button = f'href="{reverse("agenda_embed_code", args=[boei.pk])}"'
    if allowed:
        assert screen.status_code == 200
        code = code_of(screen)
        assert '<iframe src="http://testserver/agenda/embed/?centre=de-boei"' in code
        assert 'title="Agenda van Inloophuis De Boei"' in code
        assert 'name="centre"' not in screen.content.decode()  # the centre is fixed here
        assert button in edit.content.decode()
    else:  # Wagtail's admin answers a refusal with its dashboard and a message
        assert (screen.status_code, screen["Location"]) == (302, "/admin/")
        assert button not in edit.content.decode()


def test_the_centre_is_fixed_whatever_the_address_says(client, centres, users):
    boei = centres[0]
    client.force_login(users["staff_boei"])

    response = client.get(reverse("agenda_embed_code", args=[boei.pk]) + "?centre=het-anker&items=5")

    assert '/agenda/embed/?centre=de-boei&amp;items=5"' in code_of(response)
    assert 'action="{}"'.format(reverse("agenda_embed_code", args=[boei.pk])) in response.content.decode()


def test_anonymous_visitors_are_sent_to_the_login_and_unknown_centres_are_not_found(client, centres, users):
    url = reverse("agenda_embed_code", args=[centres[0].pk])
    assert client.get(url).status_code == 302

    client.force_login(users["superuser"])
    assert client.get(reverse("agenda_embed_code", args=[999_999])).status_code == 404


def test_a_centre_that_is_not_published_yet_is_told_its_agenda_stays_empty(client, centres, users):
    boei = centres[0]
    boei.unpublish()
    client.force_login(users["staff_boei"])

    html = client.get(reverse("agenda_embed_code", args=[boei.pk])).content.decode()

    assert "Deze centrumpagina is nog niet gepubliceerd." in html
