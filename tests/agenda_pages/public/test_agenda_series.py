"""Series in the agenda list: each date says it is part of one, the list can show each activity
once with its next date, and the count says what it counts."""

import datetime as dt
import re

import pytest

from tests.agenda_pages.public.test_agenda_page import (  # noqa: F401 (fixtures)
    NOW,
    at,
    centres,
    clock,
    listed_titles,
    make_event,
)

pytestmark = pytest.mark.django_db

TUESDAYS = [at(24) + dt.timedelta(weeks=week) for week in range(8)]  # 24 November 2026 is a Tuesday


@pytest.fixture
def agenda_with_series(agenda, centres):  # noqa: F811
    make_event(centres["utrecht"], "Wandelen", TUESDAYS, themes=["bewegen"])
    make_event(centres["zwolle"], "Lezing", [at(26, 19)])
    make_event(centres["maastricht"], "Schilderen", [at(25), at(2, month=12)], themes=["creatief"])
    return agenda


def series_lines(html: str) -> list[str]:
    return re.findall(r'<p class="occurrence__series">([^<]+)</p>', html)


def heading(html: str) -> str:
    return re.search(r'<h2 id="agenda-results-heading">([^<]+)</h2>', html).group(1)


def test_each_date_of_a_weekly_series_says_so_and_one_off_dates_say_nothing(client, agenda_with_series):
    html = client.get("/agenda/").content.decode()

    titles = re.findall(
        r'class="occurrence__title"[^>]*>\s*<a [^>]*>([^<]+)</a>|class="occurrence__series">([^<]+)<', html
    )
    # Each title followed by its series line, if it has one.
    shown = [title or f"  {series}" for title, series in titles]
    assert shown[:6] == [
        "Wandelen",
        "  Elke dinsdag",
        "Schilderen",
        "  Op 2 data van 25 november tot en met 2 december",
        "Lezing",
        "Wandelen",
    ]
    assert series_lines(html).count("Elke dinsdag") == len(TUESDAYS)


def test_the_count_names_activities_and_dates(client, agenda_with_series):
    assert heading(client.get("/agenda/").content.decode()) == "3 activiteiten, 11 data"
    assert heading(client.get("/agenda/?theme=creatief").content.decode()) == "1 activiteit, 2 data"
    assert heading(client.get("/agenda/?q=lezing").content.decode()) == "1 activiteit"


def test_each_activity_once_lists_its_next_date_soonest_first(client, agenda_with_series):
    response = client.get("/agenda/?show=activities")

    html = response.content.decode()
    assert response.status_code == 200
    assert listed_titles(response) == ["Wandelen", "Schilderen", "Lezing"]
    assert heading(html) == "3 activiteiten, 11 data"
    assert series_lines(html) == ["Elke dinsdag", "Op 2 data van 25 november tot en met 2 december"]
    assert re.findall(r'<h3 class="agenda-day">([^<]+)</h3>', html) == [
        "dinsdag 24 november 2026",
        "woensdag 25 november 2026",
        "donderdag 26 november 2026",
    ]
    assert 'value="activities" checked' in html
    assert '<a href="/agenda/">Toon alle data</a>' in html


def test_each_activity_once_takes_the_next_date_within_the_chosen_dates(client, agenda_with_series):
    response = client.get("/agenda/?show=activities&from=2026-12-01&theme=bewegen&theme=creatief")

    html = response.content.decode()
    assert listed_titles(response) == ["Wandelen", "Schilderen"]
    times = re.findall(r'<time datetime="([^"]+)"', html)
    assert times[:2] == ["2026-12-01T10:00:00+01:00", "2026-12-02T10:00:00+01:00"]
    assert heading(html) == "2 activiteiten, 8 data"  # 7 Tuesdays from 1 December, 1 painting date
    assert 'href="/agenda/?theme=bewegen&amp;theme=creatief&amp;from=2026-12-01">Toon alle data</a>' in html


def test_the_date_list_offers_each_activity_once_keeping_the_filters(client, agenda_with_series):
    html = client.get("/agenda/?theme=bewegen").content.decode()

    assert '<a href="/agenda/?theme=bewegen&amp;show=activities">Toon elke activiteit één keer</a>' in html


def test_without_series_the_choice_is_not_offered_as_a_link(client, agenda, centres):  # noqa: F811
    make_event(centres["utrecht"], "Lezing", [at(26, 19)])

    html = client.get("/agenda/").content.decode()

    assert heading(html) == "1 activiteit"
    assert "Toon elke activiteit één keer</a>" not in html
    assert series_lines(html) == []


def test_pages_of_activities_carry_the_choice(client, agenda, centres):  # noqa: F811
    for number in range(25):
        make_event(
            centres["utrecht"],
            f"Groep {number:02}",
            [NOW + dt.timedelta(hours=number + 1, weeks=week) for week in range(3)],
        )

    first = client.get("/agenda/?show=activities")
    second = client.get("/agenda/?show=activities&page=2")

    assert len(listed_titles(first)) == 20
    assert listed_titles(second) == [f"Groep {number:02}" for number in range(20, 25)]
    assert 'href="?show=activities&amp;page=2"' in first.content.decode()
    assert heading(second.content.decode()) == "25 activiteiten, 75 data"


def test_an_unknown_way_to_show_the_list_is_named_and_every_date_shown(client, agenda_with_series):
    response = client.get("/agenda/?show=kaart")

    html = response.content.decode()
    assert response.status_code == 200
    assert "kaart is geen manier om de lijst te tonen; alle data worden getoond." in html
    assert len(listed_titles(response)) == 11


def test_english_counts_and_choice(client, agenda_with_series, english_agenda):
    html = client.get("/en/agenda/").content.decode()

    assert heading(html) == "3 activities, 11 dates"
    assert "Show each activity once</a>" in html
    assert "Every Tuesday" in series_lines(html)
