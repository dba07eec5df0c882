"""The printed programme: <centre>/programma/ and <agenda>/print/."""

import re
from datetime import UTC, datetime, timedelta
from html import unescape

import pytest
import time_machine
import zxingcpp
from wagtail.models import PageViewRestriction

from agenda_pages.models import EventOccurrence
from tests.agenda_pages.factories import CentrePageFactory, EventPageFactory
from tests.agenda_pages.factories import themes as theme_rows
from tests.kankernl_site.test_qr import svg_image

DASH = "\N{EN DASH}"
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)  # Monday 7 December, 10:00 in Amsterdam
# Measured once and pinned: a change means a query per activity crept in, or one was saved.
CENTRE_PROGRAMME_QUERIES = 11
AGENDA_PROGRAMME_QUERIES = 11


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def local(day: int, hour: int, month: int = 12) -> datetime:
    """``hour`` o'clock in Amsterdam (UTC+1 in winter) on ``day`` December 2026 (or ``month``)."""
    return datetime(2026 if month == 12 else 2027, month, day, hour - 1, tzinfo=UTC)


def add_event(centre, title, starts, *, hours=2, themes=(), status="scheduled", **fields):
    event = EventPageFactory(parent=centre, title=title, **fields)
    EventOccurrence.objects.bulk_create(
        EventOccurrence(page=event, start=start, end=start + timedelta(hours=hours), status=status) for start in starts
    )
    event.themes.add(*theme_rows(*themes))
    event.save_revision().publish()
    return event


def tuesdays(*days):
    return [local(day, 10) for day in days]


def text_of(response) -> str:
    assert response.status_code == 200
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def sheet(response) -> str:
    """The printed part: what is inside <main>."""
    return text_of(response).split("Afdrukken", 1)[-1].split("Programma", 1)[-1]


@pytest.fixture
def boei(centre):
    centre.street_address = "Oudegracht 12"
    centre.phone = "030 - 231 45 67"
    centre.opening_hours = "di t/m do 10:00-16:00\nvrijdag 10.00 - 12.30 uur"
    centre.save_revision().publish()
    return centre


def test_series_once_with_their_rhythm_other_dates_by_day_and_the_centre_on_top(client, boei, agenda):
    walk = add_event(boei, "Wandelgroep", [*tuesdays(8, 15, 22, 29), local(5, 10, month=1)])  # January: not printed
    EventOccurrence.objects.filter(page=walk, start=local(22, 10)).update(status="cancelled")
    add_event(boei, "Creatief atelier", [local(10, 14)])
    add_event(boei, "Kerstlunch", [local(18, 12)], status="cancelled")

    text = sheet(client.get(f"{boei.url}programma/?month=2026-12"))

    assert "Inloophuis De Boei 7 tot en met 31 december 2026" in text
    assert "Oudegracht 12 3511 AB Utrecht" in text and "030 - 231 45 67" in text
    assert "Dinsdag tot en met donderdag: van 10:00 tot 16:00 uur" in text
    assert f"Vaste activiteiten Elke dinsdag, 10:00{DASH}12:00 Wandelgroep" in text
    assert "Vervalt op 22 december" in text
    assert re.search(f"Donderdag 10 december 14:00{DASH}16:00 Creatief atelier", text)
    assert re.search(f"Vrijdag 18 december 12:00{DASH}14:00 Vervalt Kerstlunch", text)
    assert text.count("Wandelgroep") == 1


def test_every_activity_has_a_qr_code_of_its_absolute_address_and_the_address_to_type(client, boei, agenda):
    walk = add_event(boei, "Wandelgroep", tuesdays(8, 15, 22))
    add_event(boei, "Creatief atelier", [local(10, 14)])

    html = client.get(f"{boei.url}programma/").content.decode()

    codes = re.findall(r"<svg\b.*?</svg>", html, flags=re.S)
    decoded = [zxingcpp.read_barcodes(svg_image(svg, 4))[0].text for svg in codes]
    assert decoded[0] == f"http://testserver/agenda/?centre={boei.slug}"  # the big one, to the live agenda
    assert sorted(decoded[1:]) == sorted(
        f"http://testserver{page.url}" for page in (walk, boei.get_children().get(title="Creatief atelier"))
    )
    assert f'<a href="http://testserver{walk.url}">testserver/agenda/a/{walk.pk}/</a>' in html  # short, to type


def test_the_short_address_leads_to_a_public_event_only(client, boei, agenda):
    walk = add_event(boei, "Wandelgroep", tuesdays(8))
    private = add_event(boei, "Besloten groep", [local(14, 10)])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    draft = EventPageFactory(parent=boei, title="Concept", live=False)

    response = client.get(f"{agenda.url}a/{walk.pk}/")

    assert (response.status_code, response["Location"]) == (302, walk.url)
    assert client.get(f"/en{agenda.url}a/{walk.pk}/")["Location"] == f"/en{walk.url}"
    for hidden in (private, draft, boei):
        assert client.get(f"{agenda.url}a/{hidden.pk}/").status_code == 404


def test_no_drafts_pending_changes_withdrawn_dates_or_private_pages(client, boei, agenda):
    add_event(boei, "Wandelgroep", tuesdays(8))
    draft = EventPageFactory(parent=boei, title="Concept", live=False)
    EventOccurrence.objects.create(page=draft, start=local(9, 10))
    changed = add_event(boei, "Yoga", [local(11, 10)])
    changed.title = "Yoga met een nieuwe naam"
    changed.save_revision()  # waiting for review: the live page keeps its title
    add_event(boei, "Teruggetrokken", [local(12, 10)], status="withdrawn")
    private = add_event(boei, "Besloten groep", [local(14, 10)])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")

    for url in (f"{boei.url}programma/", f"{agenda.url}print/"):
        text = sheet(client.get(url))
        assert "Wandelgroep" in text and "Yoga" in text
        for hidden in ("Concept", "nieuwe naam", "Teruggetrokken", "Besloten"):
            assert hidden not in text


def test_hostile_text_is_escaped(client, boei, agenda):
    add_event(boei, '<script>alert("x")</script> Wandelgroep', [local(8, 10)], venue_name="<b>Zaal</b>")

    html = client.get(f"{boei.url}programma/?month=<script>").content.decode()

    assert "<script>alert" not in html and "<b>Zaal" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Wandelgroep" in html
    assert "&lt;script&gt; is geen maand die wij kunnen lezen" in html


@pytest.mark.parametrize(
    ("query", "message", "period"),
    [
        ("month=2026-13", "2026-13 is geen maand die wij kunnen lezen", "7 december 2026 tot en met 6 januari 2027"),
        ("month=2026-11", "Die maand is voorbij.", "7 december 2026 tot en met 6 januari 2027"),
        ("week=2026-W99", "2026-W99 is geen week die wij kunnen lezen", "7 december 2026 tot en met 6 januari 2027"),
        ("week=2026-W51", "", "Week 51: 14 tot en met 20 december 2026"),
        ("month=2027-01", "", "Januari 2027"),
    ],
)
def test_a_chosen_week_or_month_and_bad_values_with_a_message(client, boei, agenda, query, message, period):
    add_event(boei, "Wandelgroep", tuesdays(15))

    text = text_of(client.get(f"{boei.url}programma/?{query}"))

    assert period in text
    assert (message in text) if message else ("kunnen lezen" not in text and "voorbij" not in text)
    assert ("Wandelgroep" in text) == (query != "month=2027-01")  # on 15 December


def test_the_programme_without_activities_says_so(client, boei, agenda):
    assert "In deze periode staan geen activiteiten gepland." in text_of(client.get(f"{boei.url}programma/"))


def test_the_screen_view_has_a_print_button_for_javascript_and_words_without_it(client, boei, agenda):
    html = client.get(f"{boei.url}programma/").content.decode()

    assert '<button type="button" class="button" data-print hidden>Print dit programma</button>' in html
    assert "Kies Afdrukken in het menu van uw browser" in html
    assert f'<a href="{boei.url}">Terug naar Inloophuis De Boei</a>' in html
    assert "print-button.js" in html and "programme.css" in html
    assert 'class="site-header' not in html  # no site chrome on the flyer


def test_the_centre_page_and_the_agenda_link_to_their_programme(client, boei, agenda):
    assert f'href="{boei.url}programma/">Programma printen</a>' in client.get(boei.url).content.decode()
    html = client.get(f"{agenda.url}?theme=bewegen&page=1").content.decode()
    assert f'href="{agenda.url}print/?theme=bewegen&amp;page=1">Print deze selectie</a>' in html


def test_the_agenda_programme_prints_any_selection_with_its_name_and_centres(client, boei, agenda):
    other = CentrePageFactory(parent=boei.get_parent(), title="Centrum Het Baken", postcode="8011 CW", city="Zwolle")
    add_event(boei, "Wandelgroep", tuesdays(8, 15, 22), themes=["Bewegen"])
    add_event(other, "Yoga", [local(9, 10)], themes=["Bewegen"])
    add_event(other, "Schilderen", [local(9, 14)], themes=["Creatief"])

    response = client.get(f"{agenda.url}print/?theme=bewegen&week=2026-W51&q=&onzin=1")
    text = sheet(response)

    assert "Agenda: Bewegen en sport" in text_of(response)
    assert "Wandelgroep" in text and "Yoga" not in text  # week 51: only the walk on the 15th
    assert "Deze pagina kent de instelling onzin niet" in text_of(response)
    text = sheet(client.get(f"{agenda.url}print/?theme=bewegen"))
    assert "Centrum Het Baken" in text and "Yoga" in text and "Schilderen" not in text
    assert "Elke dinsdag" in text and "Inloophuis De Boei · Oudegracht 12, 3511 AB Utrecht" in text  # named once


def spread(centre, activities: int) -> None:
    for number in range(activities):
        if number % 2:
            add_event(centre, f"Groep {number}", tuesdays(8, 15, 22, 29), themes=["Bewegen"])
        else:
            add_event(centre, f"Lezing {number}", [local(8 + number % 20, 14)], venue_name=f"Zaal {number}")


@pytest.mark.parametrize("activities", [2, 30])
def test_a_fixed_number_of_queries_however_many_activities(
    client, boei, agenda, django_assert_num_queries, activities
):
    spread(boei, activities)
    client.get(f"{boei.url}programma/")  # warm Wagtail's site-root cache, as on a running server

    with django_assert_num_queries(CENTRE_PROGRAMME_QUERIES):
        response = client.get(f"{boei.url}programma/")
    with django_assert_num_queries(AGENDA_PROGRAMME_QUERIES):
        client.get(f"{agenda.url}print/?theme=bewegen")

    programme = response.context["programme"]
    assert programme.activity_count == activities
    assert len(programme.series) == activities // 2


def test_in_english_the_programme_and_its_links_stay_english(client, boei, agenda):
    walk = add_event(boei, "Wandelgroep", tuesdays(8, 15, 22))

    html = client.get(f"/en{boei.url}programma/").content.decode()

    assert '<html lang="en">' in html and "Print this programme" in html and "Every Tuesday" in html
    assert f'<a href="/en{boei.url}">Back to Inloophuis De Boei</a>' in html
    assert f">testserver/en/agenda/a/{walk.pk}/</a>" in html or f">testserver/agenda/a/{walk.pk}/</a>" in html
