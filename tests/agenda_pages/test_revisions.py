"""The first upcoming date of an event's waiting version, read from its revision's content."""

from datetime import UTC, datetime, timedelta

import pytest

from agenda_pages.models.revisions import RevisionDate, first_upcoming, revision_dates

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)  # 13:00 in Amsterdam
HOUR = timedelta(hours=1)


def date(start, end=None, *, all_day=False, status="scheduled"):
    return RevisionDate(start, end, all_day, status)


@pytest.mark.parametrize(
    "given, upcoming",
    [
        (date(NOW + HOUR), True),
        (date(NOW - HOUR), False),
        (date(NOW - HOUR, NOW + HOUR), True),  # under way
        (date(NOW - 2 * HOUR, NOW - HOUR), False),
        (date(NOW + HOUR, status="cancelled"), True),  # the public sees it called off until it passes
        (date(NOW + HOUR, status="withdrawn"), False),
        # All day without an end: all of today, Dutch time (from 23:00 UTC the day before).
        (date(datetime(2026, 11, 21, 23, 0, tzinfo=UTC), all_day=True), True),
        (date(datetime(2026, 11, 21, 22, 59, tzinfo=UTC), all_day=True), False),
    ],
)
def test_a_date_is_upcoming_as_the_occurrence_queryset_has_it(given, upcoming):
    assert given.upcoming(NOW) is upcoming


def test_the_first_upcoming_date_skips_passed_and_withdrawn_dates():
    passed, withdrawn, cancelled = date(NOW - HOUR), date(NOW + HOUR, status="withdrawn"), date(NOW + 2 * HOUR)
    assert first_upcoming([cancelled, withdrawn, passed], NOW) == cancelled
    assert first_upcoming([passed, withdrawn], NOW) is None
    assert first_upcoming([], NOW) is None


def test_dates_are_read_from_a_revisions_content_soonest_first():
    content = {
        "occurrences": [
            {"start": "2026-12-08T09:00:00Z", "end": None, "all_day": False, "status": "withdrawn"},
            {"start": "2026-12-01T09:00:00Z", "end": "2026-12-01T10:30:00Z"},
            {"start": None},
        ]
    }
    assert revision_dates(content) == [
        date(datetime(2026, 12, 1, 9, tzinfo=UTC), datetime(2026, 12, 1, 10, 30, tzinfo=UTC)),
        date(datetime(2026, 12, 8, 9, tzinfo=UTC), status="withdrawn"),
    ]
