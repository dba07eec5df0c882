"""The agenda's text filter ``q``: what a word finds, the same on SQLite and PostgreSQL, and on
PostgreSQL through the trigram indexes of migration 0008."""

import pytest
from django.db import connection

from agenda_pages.models import EventOccurrence
from agenda_pages.models.events import containing_word
from agenda_pages.models.selection import AgendaFilters
from tests.agenda_pages.public.test_agenda_page import (  # noqa: F401 (fixtures)
    NOW,
    at,
    centres,
    clock,
    make_event,
)

pytestmark = pytest.mark.django_db


def found(query: str) -> list[str]:
    dates = EventOccurrence.objects.public().upcoming(NOW).matching(AgendaFilters(q=query)).order_by("start")
    return [occurrence.title_override or occurrence.page.title for occurrence in dates.select_related("page")]


@pytest.fixture
def events(centres):  # noqa: F811
    make_event(centres["utrecht"], "Wandelgroep", [at(24)], description="<p>Samen buiten lopen.</p>")
    make_event(centres["zwolle"], "Yoga", [at(25)], venue_name="Sporthal De Vijf Eiken")
    make_event(centres["maastricht"], "Koffieochtend", [at(26)], address="Kapoenstraat 3, Maastricht")
    lecture = make_event(centres["zwolle"], "Lezing", [at(27)])
    EventOccurrence.objects.create(page=lecture, start=at(28), title_override="Lezing over vermoeidheid")
    make_event(centres["utrecht"], "Korting 50% op thee_pot", [at(29)])


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ("wandel", ["Wandelgroep"]),  # the start of a word
        ("GROEP", ["Wandelgroep"]),  # any case, any part of a word
        ("buiten", ["Wandelgroep"]),  # the description
        ("vijf eiken", ["Yoga"]),  # the venue; every word must be found
        ("kapoenstraat", ["Koffieochtend"]),  # the address
        ("vermoeidheid", ["Lezing over vermoeidheid"]),  # one date's own title: only that date
        ("lezing", ["Lezing", "Lezing over vermoeidheid"]),
        ("yoga buiten", []),
        ("50%", ["Korting 50% op thee_pot"]),  # LIKE's wildcards are plain characters
        ("e_p", ["Korting 50% op thee_pot"]),
        ("%", ["Korting 50% op thee_pot"]),
    ],
)
def test_a_word_is_found_in_any_text_of_the_event_or_date(events, query, titles):
    assert found(query) == titles


@pytest.mark.postgres
def test_on_postgresql_each_text_column_is_searched_through_its_trigram_index(events):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    pages = EventOccurrence.objects.filter(containing_word("wandel"))
    sql, params = pages.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a test database is too small to prefer an index
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    for column in ("page_title", "event_description", "event_venue", "event_address"):
        assert f"agenda_{column}_trgm" in plan


def test_the_filter_leaves_the_count_one_query_without_joins(events, django_assert_num_queries):
    matches = EventOccurrence.objects.public().upcoming(NOW).matching(AgendaFilters(q="lezing"))
    sql = str(matches.values("pk").query)

    assert " JOIN " not in sql  # each text column in a subquery: the dates are not joined to their pages
    with django_assert_num_queries(1):
        assert matches.count() == 2
