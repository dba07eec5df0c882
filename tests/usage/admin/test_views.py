"""The usage reports: moderators only, a period, CSV/XLSX export, the chart."""

import re
from datetime import UTC, date, datetime

import pytest
import time_machine
from django.contrib.auth.models import Group

from agenda_pages.moderation import roles
from kankernl_site.reports.charts import HEIGHT
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory
from tests.home.factories import StandardPageFactory
from usage.admin.views import views_chart
from usage.recording import record_answer, record_search, record_view

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=UTC)
REPORT_URLS = [
    "/admin/reports/usage/searches/",
    "/admin/reports/usage/zero-results/",
    "/admin/reports/usage/clicks/",
    "/admin/reports/usage/views/",
    "/admin/reports/usage/downloads/",
    "/admin/reports/usage/usefulness/",
    "/admin/reports/usage/comments/",
]


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def user_in(django_user_model, name, group):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(group)
    return user


@pytest.fixture
def moderator(django_user_model, db):
    return user_in(django_user_model, "moderator", Group.objects.get(name=roles.MODERATORS))


@pytest.mark.parametrize("url", REPORT_URLS)
def test_moderators_see_each_report(client, moderator, page, url):
    client.force_login(moderator)
    response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("url", REPORT_URLS)
def test_editors_and_centre_staff_are_refused(client, django_user_model, site_home, url):
    centre = CentrePageFactory(parent=CentreIndexPageFactory(parent=site_home))
    editor = user_in(django_user_model, "redacteur", Group.objects.get(name=roles.EDITORS))
    staff = user_in(django_user_model, "boei", centre.staff_group.group)
    for user in (editor, staff):
        client.force_login(user)
        assert client.get(url).status_code in (302, 403)
        # Nor may they reach the same figures through the results the filter fetches, or an export.
        assert client.get(f"{url}results/").status_code in (302, 403)
        assert client.get(url, {"export": "csv"}).status_code in (302, 403)
        assert client.get(url, {"export": "xlsx"}).status_code in (302, 403)


@pytest.mark.parametrize("url", REPORT_URLS)
def test_moderators_get_the_results_the_period_filter_fetches(client, moderator, page, url):
    client.force_login(moderator)
    response = client.get(f"{url}results/", {"day_from": "2026-11-01", "day_to": "2026-11-30"})
    assert response.status_code == 200
    assert "<html" not in response.content.decode()  # the results alone, for the page to swap in


@pytest.mark.parametrize("url", REPORT_URLS)
def test_anonymous_visitors_are_sent_to_the_login(client, db, url):
    for address in (url, f"{url}results/"):
        response = client.get(address)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_menu_shows_usage_to_moderators_only(client, moderator, django_user_model):
    client.force_login(moderator)
    assert "/admin/reports/usage/searches/" in client.get("/admin/").content.decode()
    editor = user_in(django_user_model, "redacteur", Group.objects.get(name=roles.EDITORS))
    client.force_login(editor)
    assert "/admin/reports/usage/searches/" not in client.get("/admin/").content.decode()


def test_the_menu_hides_usage_from_centre_staff(client, django_user_model, site_home):
    centre = CentrePageFactory(parent=CentreIndexPageFactory(parent=site_home))
    client.force_login(user_in(django_user_model, "boei", centre.staff_group.group))
    assert "/admin/reports/usage/" not in client.get("/admin/").content.decode()


def test_the_period_is_the_last_thirty_days_unless_chosen(client, moderator):
    record_search("netwerkkaart", 0, date(2026, 11, 8))  # the first day of the last thirty
    record_search("expertpanel", 0, date(2026, 11, 7))
    client.force_login(moderator)
    html = client.get("/admin/reports/usage/searches/").content.decode()
    assert "netwerkkaart" in html and "expertpanel" not in html
    html = client.get("/admin/reports/usage/searches/", {"day_from": "2026-11-01", "day_to": "2026-11-07"}).content
    assert b"expertpanel" in html and b"netwerkkaart" not in html


def test_searches_export_as_csv_for_the_period(client, moderator):
    record_search("mdo", 0, date(2026, 12, 1))
    record_search("mdo", 4, date(2026, 12, 2))
    client.force_login(moderator)
    response = client.get(
        "/admin/reports/usage/searches/", {"export": "csv", "day_from": "2026-12-01", "day_to": "2026-12-07"}
    )
    assert response["Content-Disposition"] == 'attachment; filename="zoektermen-20261201-20261207.csv"'
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[1:] == ["mdo,2,1,0"]


def test_comments_export_as_xlsx(client, moderator, page):
    record_answer(page.pk, False, "Mist de regio Noord", NOW)
    client.force_login(moderator)
    response = client.get("/admin/reports/usage/comments/", {"export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_comments_show_the_page_and_the_answer(client, moderator, page):
    record_answer(page.pk, False, "Mist de regio Noord", NOW)
    client.force_login(moderator)
    html = client.get("/admin/reports/usage/comments/").content.decode()
    assert "Mist de regio Noord" in html and "Financiering van het MDO" in html


def test_the_views_report_draws_views_per_day(client, moderator, page):
    record_view(page.pk, date(2026, 12, 6))
    record_view(page.pk, date(2026, 12, 6))
    client.force_login(moderator)
    html = client.get("/admin/reports/usage/views/").content.decode()
    assert html.count("<rect ") == 30
    assert re.search(r"<title>6 \w+ 2026: 2</title>", html)  # each bar says its day and its views


# The admin's frame (session, user, permissions, profile, locales, the menu's checks: 11) and the
# report's own two: how many rows, and the page of rows, each summed by the database.
REPORT_QUERIES = 13


@pytest.mark.parametrize("terms", [3, 30])
def test_a_report_costs_the_same_queries_for_3_or_30_terms(client, moderator, terms, django_assert_num_queries):
    for number in range(terms):
        record_search(f"zoekterm {number}", number % 2, date(2026, 12, 1))
    client.force_login(moderator)
    client.get("/admin/reports/usage/searches/")  # the admin's own first-visit queries
    with django_assert_num_queries(REPORT_QUERIES):
        assert client.get("/admin/reports/usage/searches/").status_code == 200


def bars(chart):
    return [bar for group in chart.groups for bar in group.bars]


def test_the_chart_scales_to_the_highest_day():
    chart = views_chart([(date(2026, 12, 1), 0), (date(2026, 12, 2), 10), (date(2026, 12, 3), 5)])
    assert chart.highest == 10
    heights = [bar.height for bar in bars(chart)]
    assert heights[0] == 0 and heights[1] == 2 * heights[2]
    assert all(0 <= bar.y <= HEIGHT for bar in bars(chart))


def test_an_empty_period_draws_no_bars_of_height():
    assert views_chart([(date(2026, 12, 1), 0)]).highest == 0


# The frame's 11, then: the views report also sums the views per day for its chart; the comments
# report counts its comments and reads one page of them with their pages.
@pytest.mark.parametrize("rows", [3, 30])
@pytest.mark.parametrize(
    ("url", "queries"), [("/admin/reports/usage/views/", 14), ("/admin/reports/usage/comments/", 13)]
)
def test_the_views_and_comments_reports_cost_the_same_queries_for_3_or_30_pages(
    client, moderator, site_home, rows, url, queries, django_assert_num_queries
):
    for number in range(rows):
        counted = StandardPageFactory(parent=site_home, title=f"Pagina {number}", slug=f"pagina-{number}")
        record_view(counted.pk, date(2026, 12, 1))
        record_answer(counted.pk, False, f"Opmerking {number}", NOW)
    client.force_login(moderator)
    client.get(url)  # the admin's own first-visit queries
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
