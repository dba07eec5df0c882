"""Which days a printed programme covers: ?month=, ?week=, the agenda's from/to, or the coming month."""

from datetime import date

import pytest
from django.utils import translation

from agenda_pages.public.programme.period import Period, PeriodKind, one_month_on, read_period

TODAY = date(2026, 12, 7)  # a Monday


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_by_default_the_coming_month_from_today():
    assert read_period(today=TODAY) == (Period(TODAY, date(2027, 1, 6), PeriodKind.COMING), [])


def test_a_month_that_has_begun_starts_today_and_a_later_one_on_its_first():
    assert read_period("2026-12", today=TODAY)[0] == Period(
        TODAY, date(2026, 12, 31), PeriodKind.MONTH, asked_first=date(2026, 12, 1)
    )
    assert read_period("2027-2", today=TODAY)[0] == Period(
        date(2027, 2, 1), date(2027, 2, 28), PeriodKind.MONTH, asked_first=date(2027, 2, 1)
    )


def test_an_iso_week_runs_monday_to_sunday():
    assert read_period(week="2026-W51", today=TODAY)[0] == Period(
        date(2026, 12, 14), date(2026, 12, 20), PeriodKind.WEEK, asked_first=date(2026, 12, 14)
    )
    assert read_period(week="2026w50", today=TODAY)[0].first == TODAY


@pytest.mark.parametrize(
    ("month", "week", "message"),
    [
        ("2026-13", "", "2026-13 is not a month we can read. Use the form 2026-12."),
        ("december", "", "december is not a month we can read. Use the form 2026-12."),
        ("2026-11", "", "That month is over."),
        ("", "2026-W54", "2026-W54 is not a week we can read. Use the form 2026-W50."),
        ("", "2026-W49", "That week is over."),
        ("", "<script>", "<script> is not a week we can read. Use the form 2026-W50."),
    ],
)
def test_a_value_that_cannot_be_used_prints_the_coming_month_with_a_message(month, week, message):
    period, messages = read_period(month, week, today=TODAY)

    assert period.kind == PeriodKind.COMING
    assert messages == [f"{message} The coming month is printed instead."]


def test_month_and_week_together_print_the_month():
    period, messages = read_period("2027-01", "2026-W51", today=TODAY)

    assert (period.first, period.last) == (date(2027, 1, 1), date(2027, 1, 31))
    assert messages == ["Choose a month or a week; the month is printed."]


def test_the_agendas_dates_narrow_a_month_or_set_the_days_at_most_three_months():
    assert read_period("2026-12", today=TODAY, date_from=date(2026, 12, 20))[0].first == date(2026, 12, 20)
    assert read_period(today=TODAY, date_from=date(2026, 12, 20))[0] == Period(
        date(2026, 12, 20), date(2027, 1, 19), PeriodKind.DATES
    )
    period, messages = read_period(today=TODAY, date_to=date(2027, 12, 31))
    assert (period.first, period.last) == (TODAY, date(2027, 3, 9))
    assert messages == ["A programme covers at most three months; it ends on 9 March 2027."]


def test_one_month_on_keeps_to_the_shorter_month():
    assert one_month_on(date(2027, 1, 31)) == date(2027, 2, 28)
    assert one_month_on(date(2026, 12, 15)) == date(2027, 1, 15)
