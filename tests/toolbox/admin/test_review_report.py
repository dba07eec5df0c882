"""The review report: what is overdue or due soon, moderators only, exportable."""

import csv
import io
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.utils.translation import gettext
from openpyxl import load_workbook

from tests.toolbox.factories import make_item

URL = "/admin/reports/toolbox-review/"
# Session, user, permissions, menus, the count, the page of items, their topics: not one per item.
QUERIES = 15

pytestmark = pytest.mark.usefixtures("clock")


@pytest.fixture
def items(topic_page, moderator):
    group = Group.objects.create(name="Netwerkbureau")
    return {
        # Due on 1 November 2026: 36 days overdue on 7 December.
        "overdue": make_item(topic_page, "MDO bekostigen", last_reviewed_at=date(2025, 11, 1), owner_user=moderator),
        # Due on 20 December: within the 30 days.
        "soon": make_item(topic_page, "Stuurgroep inrichten", last_reviewed_at=date(2025, 12, 20), owner_group=group),
        # Due on 1 March 2027: outside the 30 days.
        "later": make_item(topic_page, "Convenant", last_reviewed_at=date(2026, 3, 1)),
        # Due long ago, without an owner.
        "oldest": make_item(topic_page, "Volumenormen", last_reviewed_at=date(2024, 6, 1)),
    }


def test_moderators_see_overdue_first_then_due_soon(client, moderator, items):
    client.force_login(moderator)
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.find(title) for title in ("Volumenormen", "MDO bekostigen", "Stuurgroep inrichten")]
    assert -1 not in positions and positions == sorted(positions)
    assert "Convenant" not in html
    assert f"/admin/pages/{items['overdue'].pk}/edit/" in html
    assert "Netwerkbureau" in html and gettext("No owner (moderators)") in html
    assert f'action="/admin/toolbox/still-correct/{items["overdue"].pk}/"' in html


def test_a_longer_horizon_shows_more(client, moderator, items):
    client.force_login(moderator)
    html = client.get(URL, {"horizon": "90"}).content.decode()
    assert "Convenant" in html
    html = client.get(URL, {"horizon": "0"}).content.decode()
    assert "MDO bekostigen" in html and "Stuurgroep inrichten" not in html


def test_drafts_are_not_listed(client, moderator, items):
    items["overdue"].unpublish()
    client.force_login(moderator)
    assert "MDO bekostigen" not in client.get(URL).content.decode()


def test_the_export_as_csv(client, moderator, items):
    client.force_login(moderator)
    response = client.get(URL, {"export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="toolbox-controle-20261207.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][5] == gettext("Days overdue")
    assert [row[0] for row in rows[1:]] == ["Volumenormen", "MDO bekostigen", "Stuurgroep inrichten"]
    overdue = rows[2]
    assert overdue[1:6] == ["Financieringsvormen", "moderator", "2025-11-01", "2026-11-01", "36"]
    assert overdue[6].endswith(f"/admin/pages/{items['overdue'].pk}/edit/")
    assert rows[3][5] == "0"  # due soon: not overdue


def test_the_export_as_xlsx(client, moderator, items):
    client.force_login(moderator)
    response = client.get(URL, {"export": "xlsx", "horizon": "0"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert [row[0] for row in values[1:]] == ["Volumenormen", "MDO bekostigen"]
    assert values[2][5] == 36


def test_editors_and_centre_staff_are_refused(client, editor, centre_staff, items):
    for user in (editor, centre_staff):
        client.force_login(user)
        for address, query in ((URL, {}), (f"{URL}results/", {}), (URL, {"export": "csv"}), (URL, {"export": "xlsx"})):
            response = client.get(address, query)
            assert response.status_code in (302, 403)
            assert b"MDO bekostigen" not in response.content


def test_anonymous_visitors_are_sent_to_the_login(client, db):
    for address in (URL, f"{URL}results/"):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_reports_menu_shows_it_to_moderators_only(client, moderator, editor, centre_staff):
    client.force_login(moderator)
    assert URL in client.get("/admin/").content.decode()
    for user in (editor, centre_staff):
        client.force_login(user)
        assert URL not in client.get("/admin/").content.decode()


def test_the_results_the_filter_fetches(client, moderator, items):
    client.force_login(moderator)
    response = client.get(f"{URL}results/", {"horizon": "7"})
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    # A row's button brings the moderator back to the report as filtered, not to the bare results.
    assert f'name="next" value="{URL}?horizon=7"' in html


@pytest.mark.parametrize("count", [2, 12])
def test_the_report_costs_the_same_queries_for_few_or_many_items(
    client, moderator, topic_page, count, django_assert_num_queries
):
    group = Group.objects.create(name="Netwerkbureau")
    for number in range(count):
        owner = {"owner_user": moderator} if number % 2 else {"owner_group": group}
        make_item(topic_page, f"Item {number}", last_reviewed_at=date(2025, 11, 1), **owner)
    client.force_login(moderator)
    client.get(URL)  # the session and the menus, once
    with django_assert_num_queries(QUERIES):
        assert client.get(URL).status_code == 200
