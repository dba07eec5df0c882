"""Participants per month: starts and finishes counted per course and month, in the period asked."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from elearning_pages.reports.participants import participants_per_month
from elearning_pages.reports.period import Period
from tests.elearning_pages.factories import make_course
from tests.elearning_pages.reports.conftest import at, start_course

pytestmark = pytest.mark.django_db

URL = "/admin/reports/e-learning/deelnemers/"
DEFAULT = Period(date(2025, 12, 1), date(2026, 11, 1))


def test_starts_and_finishes_are_counted_in_their_own_month(course):
    start_course(course, at(2026, 3), completed_at=at(2026, 5))
    start_course(course, at(2026, 3, 31))
    start_course(course, at(2026, 5, 2), completed_at=at(2026, 5, 20))
    start_course(course, at(2025, 1, 5), completed_at=at(2026, 3, 1))  # started before the period

    rows = [(row.course, row.month, row.started, row.completed) for row in participants_per_month(DEFAULT)]

    assert rows == [
        (course.title, date(2026, 3, 1), 2, 1),
        (course.title, date(2026, 5, 1), 1, 2),
    ]


def test_the_month_is_the_dutch_one(course):
    # 31 March 2026, 23:30 UTC is already 1 April in Amsterdam.
    start_course(course, at(2026, 3, 31).replace(hour=23, minute=30))
    [row] = participants_per_month(DEFAULT)
    assert row.month == date(2026, 4, 1)


def test_courses_are_named_by_their_dutch_title_and_offline_ones_say_so(course, course_index):
    other = make_course(course_index, lessons=1, title="Aan de slag als gastvrouw", slug="gastvrouw")
    start_course(course, at(2026, 6))
    start_course(other, at(2026, 6))
    other.unpublish()

    titles = [row.course for row in participants_per_month(DEFAULT)]

    assert titles == ["Aan de slag als gastvrouw (offline)", course.title]


def test_the_period_filter_narrows_the_months(moderator_client, course):
    start_course(course, at(2026, 1), completed_at=at(2026, 2))
    start_course(course, at(2026, 4))

    html = moderator_client.get(URL, {"from_month": "2026-02", "to_month": "2026-03"}).content.decode()

    assert "februari 2026" in html and "januari 2026" not in html and "april 2026" not in html
    assert 'value="2026-02"' in html and 'value="2026-03"' in html


def test_a_muddled_period_falls_back_to_the_last_twelve_months(moderator_client, course):
    start_course(course, at(2026, 1))
    html = moderator_client.get(URL, {"from_month": "2026-05", "to_month": "2026-02"}).content.decode()
    assert "januari 2026" in html and 'role="alert"' in html


def test_the_chart_is_an_image_with_a_text_alternative(moderator_client, course):
    start_course(course, at(2026, 3), completed_at=at(2026, 3, 20))
    html = moderator_client.get(URL).content.decode()
    assert 'role="img"' in html and 'aria-labelledby="participants-chart-title participants-chart-desc"' in html
    assert '<title id="participants-chart-title">' in html and '<desc id="participants-chart-desc">' in html
    # One pair of bars per month of the period, the empty ones included.
    assert html.count("report-chart__series-0") == 12 + 1  # and its key in the legend


def _view_queries(client, count_per_course, courses):
    for course in courses:
        for _n in range(count_per_course):
            start_course(course, at(2026, 3), completed_at=at(2026, 4))
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


@pytest.mark.parametrize(("courses", "expected_rows"), [(3, 3), (15, 30)])
def test_titles_cost_one_query_however_many_rows(course_index, django_assert_num_queries, courses, expected_rows):
    for n in range(courses):
        course = make_course(course_index, lessons=0, title=f"Cursus {n}", slug=f"cursus-{n}")
        # With 15 courses, each in two months: 30 rows.
        start_course(course, at(2026, 3), completed_at=at(2026, 4) if courses > 3 else None)
    with django_assert_num_queries(3):
        assert len(participants_per_month(DEFAULT)) == expected_rows


def test_the_page_costs_the_same_for_3_and_30_rows(moderator_client, course_index):
    few = [make_course(course_index, lessons=0, title=f"Cursus {n}", slug=f"cursus-{n}") for n in range(3)]
    few_queries = _view_queries(moderator_client, 1, few)
    many = [make_course(course_index, lessons=0, title=f"Meer {n}", slug=f"meer-{n}") for n in range(27)]
    many_queries = _view_queries(moderator_client, 1, many)
    assert few_queries == many_queries


def test_the_export_links_keep_the_period(moderator_client, course):
    html = moderator_client.get(URL, {"from_month": "2026-02", "to_month": "2026-03"}).content.decode()
    assert "from_month=2026-02&amp;to_month=2026-03&amp;export=xlsx" in html
    assert "from_month=2026-02&amp;to_month=2026-03&amp;export=csv" in html
