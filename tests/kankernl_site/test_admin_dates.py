"""The one way admin screens write dates: in words, in Europe/Amsterdam, whatever the user's time zone."""

from datetime import UTC, date, datetime

import pytest
from django.utils import timezone, translation

from kankernl_site.admin_dates import admin_date, admin_datetime

EVENING = datetime(2026, 12, 16, 13, 30, tzinfo=UTC)  # 14:30 in Amsterdam (winter time)


@pytest.mark.parametrize(
    "language, expected",
    [("nl", "wo 16 dec. 2026, 14:30"), ("en", "Wed 16 Dec 2026, 14:30")],
)
def test_a_date_and_time_in_words_in_amsterdam(language, expected):
    with translation.override(language), timezone.override("America/New_York"):  # a user's own zone
        assert admin_datetime(EVENING) == expected


def test_the_date_is_the_day_in_amsterdam():
    late = datetime(2026, 3, 31, 22, 30, tzinfo=UTC)  # after midnight in Amsterdam (summer time)
    with translation.override("nl"):
        assert admin_date(late) == "wo 1 apr. 2026"
        assert admin_date(date(2026, 5, 13)) == "wo 13 mei 2026"
        assert admin_datetime(late) == "wo 1 apr. 2026, 00:30"


def test_nothing_for_no_date():
    assert admin_date(None) == admin_datetime(None) == ""
