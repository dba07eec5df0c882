"""The report "Incomplete centre profiles", over the real admin view with users of each role."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from wagtail_factories import ImageFactory

from agenda_pages.models import CentrePage
from agenda_pages.moderation import roles
from tests.agenda_pages.factories import CentrePageFactory
from tests.agenda_pages.moderation.test_reports import rows, user_in, user_with_role

REPORT = "centre_profiles_report"
# Measured once and pinned: the session, the user and their page rights (cached on the user, so the
# menu asks for free), the centres (one query), and Wagtail's admin frame.
PROFILE_REPORT_QUERIES = 15
COMPLETE = {
    "short_description": "Een huiskamer voor iedereen die met kanker te maken heeft.",
    "street_address": "Oudegracht 12",
    "phone": "030 123 45 67",
    "opening_hours": "dinsdag 10:00-16:00",
}


@pytest.fixture
def index(centre):
    return centre.get_parent()


@pytest.fixture
def editor(django_user_model):
    return user_in(django_user_model, "redacteur", Group.objects.get(name=roles.EDITORS))


def complete_centre(index, title, **fields):
    photo = {"photo": ImageFactory(description="De huiskamer")}
    return CentrePageFactory(parent=index, title=title, **COMPLETE | photo | fields)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("superuser", True), ("moderator", True), ("editor", True), ("centre staff", False)],
)
def test_editors_and_moderators_may_open_the_report_centre_staff_not(client, django_user_model, centre, role, allowed):
    client.force_login(user_with_role(django_user_model, role, centre))

    response = client.get(reverse(REPORT))

    if allowed:
        assert response.status_code == 200
    else:
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert (reverse(REPORT) in dashboard.content.decode()) == allowed


def test_the_report_names_what_each_incomplete_centre_misses(client, editor, centre, index):
    complete_centre(index, "Toon Hermans Huis")
    complete_centre(index, "Centrum Het Anker", phone="", opening_hours="")
    complete_centre(index, "Nog niet open", photo=None, live=False)
    client.force_login(editor)

    response = client.get(reverse(REPORT))

    html = re.sub(r"\s+", " ", response.content.decode())
    assert [row for row in rows(html) if row] == [  # the header row has no <td>
        ["Centrum Het Anker", "Utrecht", "phone, opening hours", "yes"],
        [
            "Inloophuis De Boei",
            "Utrecht",
            "short description, photo, street and number, phone, opening hours",
            "yes",
        ],
        ["Nog niet open", "Utrecht", "photo", "no"],
    ]
    assert reverse("wagtailadmin_pages:edit", args=(centre.pk,)) in html


def test_the_report_exports_a_spreadsheet(client, editor, centre, index):
    complete_centre(index, "Centrum Het Anker", street_address="")
    client.force_login(editor)

    response = client.get(reverse(REPORT), {"export": "csv"})

    assert response.status_code == 200
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert table[0] == ["Centre", "place", "Missing", "Published"]
    assert table[1] == ["Centrum Het Anker", "Utrecht", "street and number", "yes"]
    assert table[2][0] == "Inloophuis De Boei"


@pytest.mark.parametrize("count", [2, 20])
def test_the_report_runs_the_same_queries_for_few_or_many_centres(
    client, editor, index, django_assert_num_queries, count
):
    for number in range(count):
        CentrePageFactory(parent=index, title=f"Centrum {number}")
    client.force_login(editor)
    client.get(reverse(REPORT))

    with django_assert_num_queries(PROFILE_REPORT_QUERIES):
        response = client.get(reverse(REPORT))

    assert len(response.context["object_list"]) == count + 1


def test_the_model_decides_in_the_database_which_profiles_are_incomplete(centre, index):
    complete = complete_centre(index, "Toon Hermans Huis")

    assert list(CentrePage.objects.with_incomplete_profile()) == [centre]
    assert complete.missing_profile_fields() == []
    with translation.override("en"):
        missing = centre.missing_profile_fields()
    assert missing == [
        "short description",
        "photo",
        "street and number",
        "phone",
        "opening hours",
    ]
