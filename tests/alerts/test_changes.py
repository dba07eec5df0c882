"""Comparing what a follower knew with the dates of now: pure."""

from datetime import UTC, datetime, timedelta

from alerts.sending.changes import KnownDate, changes_between, snapshot

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)


def date(days, status="scheduled", hours=2, at=10):
    start = NOW.replace(hour=at) + timedelta(days=days)
    return KnownDate(start, start + hours * HOUR, status)


def kinds(known, current, now=NOW):
    return [
        (c.kind, c.before.start.day, c.after.start.day if c.after else None)
        for c in changes_between(snapshot(known), current, now)
    ]


def test_nothing_changed():
    dates = [date(1), date(8)]
    assert kinds(dates, dates) == []


def test_a_cancelled_date():
    assert kinds([date(1), date(8)], [date(1), date(8, "cancelled")]) == [("cancelled", 30, None)]


def test_a_date_already_cancelled_is_not_news_again():
    assert kinds([date(8, "cancelled")], [date(8, "cancelled")]) == []
    assert kinds([date(8, "cancelled")], []) == []


def test_a_moved_date_pairs_the_vanished_start_with_the_new_one():
    assert kinds([date(1), date(8)], [date(1), date(9)]) == [("moved", 30, 1)]


def test_a_new_end_time_is_a_move():
    assert kinds([date(1)], [date(1, hours=3)]) == [("moved", 23, 23)]


def test_a_withdrawn_date_and_a_whole_activity_gone():
    assert kinds([date(1), date(8)], [date(1)]) == [("withdrawn", 30, None)]
    assert kinds([date(1), date(8)], []) == [("withdrawn", 23, None), ("withdrawn", 30, None)]


def test_new_dates_alone_and_dates_that_passed_are_no_change():
    assert kinds([date(1)], [date(1), date(8)]) == []
    assert kinds([date(1), date(8)], [date(8)], now=NOW + 2 * timedelta(days=1)) == []


def test_a_snapshot_survives_json_and_keeps_the_offset():
    [stored] = snapshot([date(1)])
    assert KnownDate.from_json(stored) == date(1)
    assert stored["start"].endswith("+00:00")
