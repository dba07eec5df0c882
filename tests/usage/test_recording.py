"""The service functions: what one event adds, and what is kept of it."""

from datetime import UTC, date, datetime

import time_machine
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from usage.models import PageViewDay, ResultClickDay, SearchOutcomeDay, UsefulnessAnswer, UsefulnessDay
from usage.recording import (
    forget_old_events,
    raw_events_cutoff,
    record_answer,
    record_click,
    record_search,
    record_view,
)

DAY = date(2026, 12, 7)


def test_a_search_is_logged_through_wagtails_query_with_its_result_count(db):
    record_search("Financiering MDO", 4, DAY)
    record_search("financiering  mdo", 0, DAY)
    query = Query.objects.get()
    assert query.query_string == "financiering mdo"
    assert QueryDailyHits.objects.get(query=query, date=DAY).hits == 2
    outcome = SearchOutcomeDay.objects.get(query=query, day=DAY)
    assert (outcome.zero_result_searches, outcome.results) == (1, 0)  # the day's last search found nothing


def test_a_search_for_personal_data_is_logged_without_it(db):
    record_search("spreekuur 06-12345678", 0, DAY)
    assert list(Query.objects.values_list("query_string", flat=True)) == ["spreekuur [phone]"]


def test_an_empty_search_is_not_logged(db):
    assert record_search("   ", 0, DAY) is None
    assert not Query.objects.exists()


def test_each_day_has_its_own_row(db, page):
    record_view(page.pk, DAY)
    record_view(page.pk, DAY)
    record_view(page.pk, date(2026, 12, 8))
    assert sorted(PageViewDay.objects.values_list("day", "views")) == [(DAY, 2), (date(2026, 12, 8), 1)]


def test_the_days_first_event_creates_its_row_and_the_next_ones_update_it(db, page, django_assert_num_queries):
    with django_assert_num_queries(4):  # UPDATE (nothing), SAVEPOINT, INSERT, RELEASE
        record_view(page.pk, DAY)
    with django_assert_num_queries(1):  # UPDATE
        record_view(page.pk, DAY)


def test_a_click_keeps_the_term_scrubbed(db, page):
    record_click("Jan@example.nl", page.pk, DAY)
    record_click("", page.pk, DAY)
    assert sorted(ResultClickDay.objects.values_list("term", "clicks")) == [("", 1), ("[email]", 1)]


def test_an_answer_is_kept_with_its_comment_without_personal_data_and_counted(db, page):
    now = datetime(2026, 12, 7, 23, 30, tzinfo=UTC)  # already 8 December in Amsterdam
    record_answer(page.pk, True, "Duidelijk! Bel me op 0612345678", now)
    record_answer(page.pk, False, "", now)
    assert sorted(UsefulnessAnswer.objects.values_list("useful", "comment")) == [
        (False, ""),
        (True, "Duidelijk! Bel me op [phone]"),
    ]
    totals = UsefulnessDay.objects.get()
    assert (totals.day, totals.useful, totals.not_useful) == (date(2026, 12, 8), 1, 1)


def test_raw_events_go_after_twelve_months_and_their_daily_totals_stay(db, page):
    record_answer(page.pk, True, "oud", datetime(2025, 12, 6, 12, 0, tzinfo=UTC))
    record_answer(page.pk, True, "net op tijd", datetime(2025, 12, 7, 12, 0, tzinfo=UTC))
    with time_machine.travel(datetime(2026, 12, 7, 11, 0, tzinfo=UTC), tick=False):
        assert forget_old_events(datetime(2026, 12, 7, 11, 0, tzinfo=UTC)) == 1
    assert list(UsefulnessAnswer.objects.values_list("comment", flat=True)) == ["net op tijd"]
    assert sum(UsefulnessDay.objects.values_list("useful", flat=True)) == 2


def test_twelve_months_before_a_leap_day_is_the_28th_of_february():
    cutoff = raw_events_cutoff(datetime(2028, 2, 29, 12, 0, tzinfo=UTC))
    assert (cutoff.year, cutoff.month, cutoff.day) == (2027, 2, 28)


def test_the_site_search_logs_the_term_scrubbed_with_its_results(client, page):
    client.get("/zoeken/", {"q": "bel 06-12345678"})
    client.get("/zoeken/", {"q": "Bel 06 1234 5678"})
    query = Query.objects.get()
    assert query.query_string == "bel [phone]"
    assert query.hits == 2
    assert SearchOutcomeDay.objects.get(query=query).zero_result_searches == 2


def test_an_answer_loses_control_characters_whoever_records_it(db, page):
    record_answer(page.pk, True, "Goed\x00 uitgelegd\x1b.\nMet\tdank", datetime(2026, 12, 7, 12, 0, tzinfo=UTC))
    assert UsefulnessAnswer.objects.get().comment == "Goed uitgelegd.\nMet\tdank"
