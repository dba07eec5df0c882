"""The reports' period: whole months, the last twelve unless asked otherwise."""

from datetime import date

from django.http import QueryDict

from elearning_pages.reports.period import Period, add_months, read_period

TODAY = date(2026, 11, 15)


def test_the_default_is_the_last_twelve_months_including_this_one():
    period, form = read_period(QueryDict(), TODAY)
    assert period == Period(date(2025, 12, 1), date(2026, 11, 1))
    assert len(period.months()) == 12 and form.is_valid()


def test_a_period_asked_for_runs_to_the_end_of_its_last_month():
    period, _form = read_period(QueryDict("from_month=2026-02&to_month=2026-02"), TODAY)
    assert period.starts.isoformat() == "2026-02-01T00:00:00+01:00"
    assert period.ends.isoformat() == "2026-03-01T00:00:00+01:00"


def test_a_backwards_or_unreadable_period_gives_the_default_and_an_error():
    for query in ("from_month=2026-05&to_month=2026-02", "from_month=mei&to_month=2026-02"):
        period, form = read_period(QueryDict(query), TODAY)
        assert period == Period.default(TODAY) and form.errors


def test_months_wrap_around_the_year():
    assert add_months(date(2026, 11, 1), 3) == date(2027, 2, 1)
    assert add_months(date(2026, 1, 1), -1) == date(2025, 12, 1)
