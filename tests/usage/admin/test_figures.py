"""The reports' figures: sums over a period of daily totals, one query each."""

from datetime import UTC, date, datetime

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.home.factories import StandardPageFactory
from usage.admin import figures
from usage.admin.figures import Period
from usage.recording import record_answer, record_click, record_download, record_search, record_view

DEC = Period(date(2026, 12, 1), date(2026, 12, 7))


def test_top_searches_sum_the_days_of_the_period_with_zero_results_and_clicks(page, django_assert_num_queries):
    record_search("mdo", 3, date(2026, 12, 1))
    record_search("mdo", 0, date(2026, 12, 7))
    record_search("mdo", 0, date(2026, 12, 8))  # after the period
    record_search("regio", 2, date(2026, 12, 2))
    record_click("regio", page.pk, date(2026, 12, 2))
    record_click("regio", page.pk, date(2026, 11, 30))  # before the period
    with django_assert_num_queries(1):
        rows = list(figures.top_searches(DEC))
    assert [(r["query__query_string"], r["searches"], r["zero_result_searches"], r["followed"]) for r in rows] == [
        ("mdo", 2, 1, 0),
        ("regio", 1, 0, 1),
    ]
    assert [(r["query__query_string"], r["zero_result_searches"]) for r in figures.zero_result_searches(DEC)] == [
        ("mdo", 1)
    ]


def test_followed_results_per_term_and_page_with_the_terms_searches(db, page, django_assert_num_queries):
    other = StandardPageFactory(parent=page.get_parent(), title="Regionale netwerken")
    for day in (date(2026, 12, 1), date(2026, 12, 2)):
        record_search("mdo", 5, day)
        record_click("mdo", page.pk, day)
    record_click("mdo", other.pk, date(2026, 12, 2))
    record_click("", other.pk, date(2026, 12, 3))  # from a list, not a search
    with django_assert_num_queries(1):
        rows = list(figures.result_clicks(DEC))
    assert [(r["term"], r["page__title"], r["clicks"], r["searches"]) for r in rows] == [
        ("mdo", "Financiering van het MDO", 2, 2),
        ("", "Regionale netwerken", 1, 0),
        ("mdo", "Regionale netwerken", 1, 2),
    ]


def test_views_per_page_and_per_day_with_days_without_views(db, page):
    record_view(page.pk, date(2026, 12, 2))
    record_view(page.pk, date(2026, 12, 2))
    record_view(page.pk, date(2026, 12, 5))
    assert [(r["page__title"], r["views"]) for r in figures.most_viewed_pages(DEC)] == [
        ("Financiering van het MDO", 3)
    ]
    assert figures.views_per_day(DEC) == [
        (date(2026, 12, 1), 0),
        (date(2026, 12, 2), 2),
        (date(2026, 12, 3), 0),
        (date(2026, 12, 4), 0),
        (date(2026, 12, 5), 1),
        (date(2026, 12, 6), 0),
        (date(2026, 12, 7), 0),
    ]


def test_downloads_per_document(db):
    document = get_document_model()(title="Handreiking")
    document.file.save("handreiking.txt", ContentFile(b"tekst"), save=True)
    record_download(document.pk, date(2026, 12, 3))
    assert [(r["document__title"], r["downloads"]) for r in figures.most_downloaded_documents(DEC)] == [
        ("Handreiking", 1)
    ]


def test_usefulness_and_the_comments_of_the_period(db, page):
    record_answer(page.pk, True, "Helder", datetime(2026, 12, 2, 10, 0, tzinfo=UTC))
    record_answer(page.pk, False, "", datetime(2026, 12, 3, 10, 0, tzinfo=UTC))
    record_answer(page.pk, False, "Te laat", datetime(2026, 12, 7, 23, 30, tzinfo=UTC))  # 8 Dec in Amsterdam
    assert [(r["useful"], r["not_useful"]) for r in figures.usefulness_per_page(DEC)] == [(1, 1)]
    assert [answer.comment for answer in figures.comments(DEC)] == ["Helder"]
