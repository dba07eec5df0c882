from datetime import date, datetime, time, timedelta

from agenda_pages.rhythm import RhythmKind, SeriesDate, series_rhythm
from agenda_pages.vocabulary import AMSTERDAM


def at(day: date, start=(10, 0), end=(11, 30), **options) -> SeriesDate:
    begin = datetime.combine(day, time(*start), tzinfo=AMSTERDAM)
    finish = datetime.combine(day, time(*end), tzinfo=AMSTERDAM) if end else None
    return SeriesDate(begin, finish, **options)


def weekly(first: date, count: int, every: int = 7) -> list[date]:
    return [first + timedelta(days=every * step) for step in range(count)]


def test_a_weekly_group_with_a_week_off_and_a_cancelled_date():
    days = weekly(date(2026, 12, 8), 52)  # Tuesdays
    days.remove(date(2026, 12, 29))
    dates = [at(day, cancelled=day == date(2027, 1, 12)) for day in days]

    rhythm = series_rhythm(dates)
    assert (rhythm.kind, rhythm.weekday, rhythm.interval) == (RhythmKind.WEEKLY, 1, 1)
    assert (rhythm.start_time, rhythm.end_time) == (time(10), time(11, 30))
    assert (rhythm.first, rhythm.count) == (date(2026, 12, 8), 50)
    assert rhythm.exceptions == (date(2026, 12, 29), date(2027, 1, 12))


def test_every_other_week():
    rhythm = series_rhythm([at(day) for day in weekly(date(2027, 1, 7), 6, every=14)])
    assert (rhythm.kind, rhythm.weekday, rhythm.interval, rhythm.exceptions) == (RhythmKind.WEEKLY, 3, 2, ())


def test_every_first_monday_of_the_month():
    days = [date(2027, 1, 4), date(2027, 2, 1), date(2027, 3, 1), date(2027, 4, 5), date(2027, 5, 3)]
    rhythm = series_rhythm([at(day) for day in days])
    assert (rhythm.kind, rhythm.weekday, rhythm.ordinal) == (RhythmKind.MONTHLY_WEEKDAY, 0, 1)


def test_every_last_friday_of_the_month():
    days = [date(2027, 1, 29), date(2027, 2, 26), date(2027, 3, 26), date(2027, 4, 30)]
    rhythm = series_rhythm([at(day) for day in days])
    assert (rhythm.kind, rhythm.weekday, rhythm.ordinal) == (RhythmKind.MONTHLY_WEEKDAY, 4, -1)


def test_the_fifteenth_of_every_month():
    days = [date(2027, month, 15) for month in range(1, 7)]
    rhythm = series_rhythm([at(day) for day in days])
    assert (rhythm.kind, rhythm.day) == (RhythmKind.MONTHLY_DAY, 15)


def test_a_few_days_in_a_row():
    rhythm = series_rhythm([at(date(2027, 5, day)) for day in (3, 4, 5)])
    assert rhythm.kind == RhythmKind.DAILY


def test_irregular_dates_are_a_plain_list():
    days = [date(2027, 1, 5), date(2027, 1, 14), date(2027, 1, 26)]
    rhythm = series_rhythm([at(day) for day in days])
    assert (rhythm.kind, rhythm.count, rhythm.first, rhythm.last) == (RhythmKind.DATES, 3, days[0], days[-1])


def test_too_many_weeks_off_is_no_weekly_rhythm():
    days = [date(2027, 1, 5), date(2027, 1, 12), date(2027, 2, 16), date(2027, 3, 23)]
    assert series_rhythm([at(day) for day in days]).kind == RhythmKind.DATES


def test_two_dates_are_no_rhythm_and_one_is_nothing():
    assert series_rhythm([at(date(2027, 1, 5)), at(date(2027, 1, 12))]).kind == RhythmKind.DATES
    assert series_rhythm([at(date(2027, 1, 5))]) is None


def test_times_are_only_shared_when_every_date_has_them():
    days = weekly(date(2027, 1, 5), 4)
    mixed = [at(day) for day in days[:3]] + [at(days[3], start=(14, 0), end=(15, 0))]
    assert series_rhythm(mixed).start_time is None
    all_day = [SeriesDate(datetime.combine(day, time(0), tzinfo=AMSTERDAM), all_day=True) for day in days]
    assert (series_rhythm(all_day).kind, series_rhythm(all_day).start_time) == (RhythmKind.WEEKLY, None)


def test_a_fifth_weekday_is_no_monthly_rhythm():
    days = [date(2027, 1, 29), date(2027, 4, 30), date(2027, 7, 30)]  # fifth Fridays
    assert series_rhythm([at(day) for day in days]).kind == RhythmKind.DATES
