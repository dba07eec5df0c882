"""The public event page: its dates, location, centre, "add to my calendar", sharing and JSON-LD."""

import html
import json
import re
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar
from wagtail_factories import ImageFactory

from agenda_pages.models import Audience, EventOccurrence, EventPage
from agenda_pages.public.ics import event_calendar, occurrence_vevent, plain_description
from agenda_pages.public.jsonld import MAX_EVENTS, event_jsonld, event_offer, jsonld_script, postal_address
from tests.agenda_pages.factories import EventPageFactory
from tests.agenda_pages.factories import themes as theme_rows

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=AMSTERDAM)
HOSTILE = "</script><script>alert(1)</script>"
DASH = "\N{EN DASH}"  # between times and days, as Dutch typography has it

# Every test runs with the route cache off and on (tests/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("route_cache_on_and_off")]


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def at(day: int, hour: int, minute: int = 0, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=AMSTERDAM)


def add_date(event, start, end=None, **fields):
    return EventOccurrence.objects.create(page=event, start=start, end=end, **fields)


def text_of(response) -> str:
    """The page's visible text on one line, for asserting on sentences that span elements."""
    body = response.content.decode()
    body = re.sub(r"<(script|style)\b.*?</\1>|<br>", " ", body, flags=re.DOTALL)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", body))).strip()


def structured_data(response) -> list[dict]:
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.DOTALL)
    assert len(scripts) == 1
    return json.loads(scripts[0])


@pytest.fixture
def event(centre):
    centre.street_address = "Oudegracht 1"
    centre.phone = "030 - 123 45 67"
    centre.email = "info@deboei.example.nl"
    centre.website = "https://deboei.example.nl/"
    centre.save()
    return EventPageFactory(
        parent=centre,
        title="Wandelgroep",
        description="<p>Samen wandelen &amp; praten.</p><p>Neem <b>goede schoenen</b> mee.</p>",
        venue_name="Wijkcentrum De Pijl",
        address="Kerkstraat 5, 3512 CD Utrecht",
        cost="Gratis",
        registration_url="https://deboei.example.nl/aanmelden",
    )


# The page


def test_upcoming_dates_are_listed_soonest_first_in_dutch(client, event):
    add_date(event, at(8, 10), at(8, 12))
    add_date(event, at(1, 14), at(1, 16))
    add_date(event, at(3, 0), at(4, 0), all_day=True)
    add_date(event, at(15, 0), at(18, 0), all_day=True)  # the 15th to the 17th
    add_date(event, at(22, 19, 30))

    text = text_of(client.get(event.url))

    lines = [
        f"dinsdag 1 december 2026, 14:00{DASH}16:00",
        "donderdag 3 december 2026, hele dag",
        f"dinsdag 8 december 2026, 10:00{DASH}12:00",
        f"dinsdag 15 december 2026 {DASH} donderdag 17 december 2026, hele dag",
        "dinsdag 22 december 2026, 19:30",
    ]
    positions = [text.index(line) for line in lines]
    assert positions == sorted(positions)


def test_dates_carry_machine_readable_times(client, event):
    add_date(event, at(1, 14), at(1, 16))
    add_date(event, at(3, 0), at(4, 0), all_day=True)

    body = client.get(event.url).content.decode()

    assert f'<time datetime="2026-12-01T14:00:00+01:00">dinsdag 1 december 2026, 14:00{DASH}16:00</time>' in body
    assert '<time datetime="2026-12-03">donderdag 3 december 2026</time>' in body


def test_a_timed_date_over_several_days_shows_both_days(client, event):
    add_date(event, at(1, 20), at(2, 2))

    assert f"dinsdag 1 december 2026, 20:00 {DASH} woensdag 2 december 2026, 02:00" in text_of(client.get(event.url))


def test_past_and_withdrawn_dates_are_hidden_and_a_running_date_is_shown(client, event):
    add_date(event, at(19, 10, month=11), at(19, 12, month=11))  # yesterday
    add_date(event, at(20, 10, month=11), at(20, 11, month=11))  # ended an hour ago
    add_date(event, at(20, 11, month=11), at(20, 13, month=11))  # running now
    add_date(event, at(1, 14), at(1, 16), status="withdrawn")

    text = text_of(client.get(event.url))

    assert "donderdag 19 november 2026" not in text
    assert "vrijdag 20 november 2026, 10:00" not in text
    assert f"vrijdag 20 november 2026, 11:00{DASH}13:00" in text
    assert "1 december" not in text


def test_a_cancelled_date_has_a_badge_until_it_has_passed(client, event):
    add_date(event, at(1, 14), at(1, 16), status="cancelled")
    add_date(event, at(8, 14), at(8, 16))

    response = client.get(event.url)

    assert f"dinsdag 1 december 2026, 14:00{DASH}16:00 Geannuleerd" in text_of(response)
    assert text_of(response).count("Geannuleerd") == 1
    with time_machine.travel(at(1, 17), tick=False):
        assert "Geannuleerd" not in text_of(client.get(event.url))


def test_an_event_without_upcoming_dates_says_so_politely(client, event):
    add_date(event, at(1, 14, month=11), at(1, 16, month=11))

    response = client.get(event.url)

    assert response.status_code == 200
    assert "Er staan op dit moment geen nieuwe data gepland voor deze activiteit." in text_of(response)
    assert "Zet in mijn agenda" not in text_of(response)
    assert "application/ld+json" not in response.content.decode()


def test_description_location_and_practical_information(client, event):
    event.themes.add(*theme_rows("bewegen", "lotgenotencontact"))
    event.audience.set(Audience.objects.filter(code__in=["patients", "relatives"]))
    event.save()
    add_date(event, at(1, 14), at(1, 16))

    response = client.get(event.url)
    text = text_of(response)
    body = response.content.decode()

    assert text.count("Wandelgroep") >= 1 and body.count("<h1>") == 1
    assert "Samen wandelen & praten." in text and "<b>goede schoenen</b>" in body
    assert "Hoe u meedoet: Op locatie" in text
    assert "Wijkcentrum De Pijl Kerkstraat 5, 3512 CD Utrecht" in text
    assert "<dt>Voor wie</dt><dd>Mensen met kanker, Naasten</dd>" in body
    assert '<dt>Onderwerpen</dt><dd><ul class="theme-list">' in body
    assert "Onderwerpen Bewegen en sport Lotgenotencontact Kosten" in text
    assert body.count('<svg class="theme-icon"') == 2
    assert "Bewegen en sport, Lotgenotencontact" in body  # the structured data's keywords
    assert "<dt>Kosten</dt><dd>Gratis</dd>" in body
    assert 'href="https://deboei.example.nl/aanmelden"' in body


def test_the_image_is_shown_and_in_the_structured_data(client, event):
    event.image = ImageFactory(title="IMG_0042", description="Wandelaars in het park")
    event.save()
    add_date(event, at(1, 14), at(1, 16))

    response = client.get(event.url)

    image = re.search(
        r'<img class="event__image" src="([^"]+)" alt="Wandelaars in het park"', response.content.decode()
    )
    assert image
    assert structured_data(response)[0]["image"] == ["http://testserver" + image[1]]


def test_the_map_link_searches_openstreetmap_for_the_address(client, event):
    add_date(event, at(1, 14), at(1, 16))

    body = client.get(event.url).content.decode()

    # The same search link as a centre page's (presenters.map_url): spaces as "+", as forms send them.
    assert 'href="https://www.openstreetmap.org/search?query=Kerkstraat+5%2C+3512+CD+Utrecht"' in body
    assert "<iframe" not in body


def test_an_event_without_a_venue_is_at_its_centre(client, centre):
    centre.street_address = "Oudegracht 1"
    centre.save()
    event = EventPageFactory(parent=centre, title="Inloopochtend")
    add_date(event, at(1, 10), at(1, 12))

    response = client.get(event.url)

    assert "Inloophuis De Boei Oudegracht 1, 3511 AB Utrecht" in text_of(response)
    assert text_of(response).count("Oudegracht 1") == 1  # not again under "Organised by"
    assert structured_data(response)[0]["location"]["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "NL",
        "streetAddress": "Oudegracht 1",
        "postalCode": "3511 AB",
        "addressLocality": "Utrecht",
    }


def test_an_online_event_links_to_its_meeting_and_has_no_map(client, centre):
    event = EventPageFactory(
        parent=centre, title="Online praatgroep", attendance_mode="online", online_url="https://meet.example.nl/abc"
    )
    add_date(event, at(1, 10), at(1, 12))

    response = client.get(event.url)
    body = response.content.decode()

    assert "Hoe u meedoet: Online" in text_of(response)
    assert '<a href="https://meet.example.nl/abc">Naar de online bijeenkomst</a>' in body
    assert "openstreetmap" not in body


def test_the_centre_contact_details(client, event):
    add_date(event, at(1, 14), at(1, 16))

    body = client.get(event.url).content.decode()

    assert f'<a href="{event.get_parent().url}">Inloophuis De Boei</a>' in body
    assert 'href="tel:0301234567"' in body
    assert 'href="mailto:info@deboei.example.nl"' in body
    assert 'href="https://deboei.example.nl/"' in body


def test_share_links_are_url_encoded(client, event):
    event.title = "Koffie & thee: praten?"
    event.save()
    add_date(event, at(1, 14), at(1, 16))
    url = "http%3A%2F%2Ftestserver%2Fcentra%2Finloophuis-de-boei%2Fwandelgroep%2F"

    response = client.get(event.url)
    body = response.content.decode()

    assert f'href="https://wa.me/?text=Koffie%20%26%20thee%3A%20praten%3F%20{url}"' in body
    assert f'href="mailto:?subject=Koffie%20%26%20thee%3A%20praten%3F&amp;body={url}"' in body


def test_copy_link_works_without_javascript(client, event):
    add_date(event, at(1, 14), at(1, 16))

    body = client.get(event.url).content.decode()

    assert '<label for="event-link">Link naar deze pagina</label>' in body
    assert re.search(r'<input id="event-link" type="text" value="http://testserver/[^"]+" readonly', body)
    assert re.search(r"<button [^>]*hidden[^>]*>Link kopiëren</button>", body)
    assert 'data-copied-message="Link gekopieerd"' in body
    assert re.search(r'<script src="[^"]*js/copy-link\.js" defer></script>', body)
    assert re.search(r"<script>", body) is None  # no inline script


def test_the_meta_description_falls_back_to_the_description(client, event):
    add_date(event, at(1, 14), at(1, 16))
    assert '<meta name="description" content="Samen wandelen &amp; praten. Neem goede schoenen mee.">' in (
        client.get(event.url).content.decode()
    )

    event.search_description = "Elke week samen wandelen."
    event.save()
    assert '<meta name="description" content="Elke week samen wandelen.">' in client.get(event.url).content.decode()


def test_a_draft_event_is_not_found(client, centre):
    event = EventPageFactory(parent=centre, title="Nog niet klaar", live=False)
    add_date(event, at(1, 14), at(1, 16))
    path = "/centra/inloophuis-de-boei/nog-niet-klaar/"

    assert client.get(path).status_code == 404
    assert client.get(path + "calendar/").status_code == 404


# Hostile content


def test_hostile_text_cannot_break_out_of_the_json_ld_or_the_page(client, centre):
    event = EventPageFactory(parent=centre, title=HOSTILE, slug="hostile", attendance_mode="mixed")
    # As a feed or a script might write them, past the form's validation.
    EventPage.objects.filter(pk=event.pk).update(
        description=f'<p>{HOSTILE}<a href="javascript:alert(2)">klik</a><img src=x onerror="alert(3)"></p>',
        venue_name=HOSTILE,
        cost=HOSTILE,
        registration_url="javascript:alert(4)",
        online_url=" javascript:alert(5)",
    )
    add_date(event, at(1, 14), at(1, 16), title_override=HOSTILE)

    response = client.get(event.url)
    body = response.content.decode()

    assert response.status_code == 200
    assert "<script>alert" not in body
    assert "javascript:" not in body
    assert "onerror" not in body
    assert body.count("<script") == 2  # copy-link.js and the JSON-LD
    data = structured_data(response)
    assert data[0]["name"] == HOSTILE
    assert data[0]["location"][1] == {"@type": "VirtualLocation", "url": "http://testserver" + event.url}
    assert data[0]["offers"]["url"] == "http://testserver" + event.url


# Structured data


def test_json_ld_describes_each_upcoming_date(client, event):
    event.attendance_mode = "mixed"
    event.online_url = "https://meet.example.nl/abc"
    event.save()
    add_date(event, at(1, 14), at(1, 16))
    add_date(event, at(8, 14), at(8, 16), status="cancelled")
    add_date(event, at(15, 0), at(16, 0), all_day=True)
    page_url = "http://testserver/centra/inloophuis-de-boei/wandelgroep/"

    data = structured_data(client.get(event.url))

    assert [item["startDate"] for item in data] == [
        "2026-12-01T14:00:00+01:00",
        "2026-12-08T14:00:00+01:00",
        "2026-12-15",
    ]
    assert [item["eventStatus"] for item in data] == [
        "https://schema.org/EventScheduled",
        "https://schema.org/EventCancelled",
        "https://schema.org/EventScheduled",
    ]
    first = data[0]
    assert first["@context"] == "https://schema.org" and first["@type"] == "Event"
    assert first["name"] == "Wandelgroep"
    assert first["endDate"] == "2026-12-01T16:00:00+01:00"
    assert data[2]["endDate"] == "2026-12-15"
    assert first["url"] == page_url
    assert first["description"] == "Samen wandelen & praten.\nNeem goede schoenen mee."
    assert first["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert first["location"] == [
        {
            "@type": "Place",
            "name": "Wijkcentrum De Pijl",
            "address": {
                "@type": "PostalAddress",
                "addressCountry": "NL",
                "streetAddress": "Kerkstraat 5",
                "postalCode": "3512 CD",
                "addressLocality": "Utrecht",
            },
        },
        {"@type": "VirtualLocation", "url": "https://meet.example.nl/abc"},
    ]
    assert first["organizer"] == {
        "@type": "Organization",
        "name": "Inloophuis De Boei",
        "url": "https://deboei.example.nl/",
    }
    assert first["offers"] == {
        "@type": "Offer",
        "url": "https://deboei.example.nl/aanmelden",
        "price": 0,
        "priceCurrency": "EUR",
    }


def test_json_ld_lists_at_most_twenty_dates():
    page = SimpleNamespace(title="Koor", description="", attendance_mode="in-person", cost="")
    occurrences = [
        SimpleNamespace(
            start=at(1, 10) + timedelta(days=n), end=None, all_day=False, status="scheduled", title_override=""
        )
        for n in range(30)
    ]

    data = event_jsonld(
        page,
        occurrences,
        url="https://example.nl/koor/",
        organizer_name="Centrum",
        organizer_url="https://example.nl/",
        venue_name="",
        address="",
    )

    assert len(data) == MAX_EVENTS == 20
    assert "endDate" not in data[0]


@pytest.mark.parametrize(
    ("cost", "expected"),
    [
        ("", {"price": 0, "priceCurrency": "EUR"}),
        ("Gratis, een vrijwillige bijdrage is welkom", {"price": 0, "priceCurrency": "EUR"}),
        ("Free", {"price": 0, "priceCurrency": "EUR"}),
        ("€ 7,50", {"price": "7.50", "priceCurrency": "EUR"}),
        ("5 euro", {"price": "5", "priceCurrency": "EUR"}),
        ("€ 5 per keer, strippenkaart € 40", {"description": "€ 5 per keer, strippenkaart € 40"}),
    ],
)
def test_offers(cost, expected):
    assert event_offer(cost, "https://example.nl/") == {"@type": "Offer", "url": "https://example.nl/", **expected}


def test_postal_address_without_a_postcode_is_kept_whole():
    assert postal_address("Bibliotheek, Utrecht") == {
        "@type": "PostalAddress",
        "addressCountry": "NL",
        "streetAddress": "Bibliotheek, Utrecht",
    }


def test_jsonld_script_escapes_markup():
    script = jsonld_script({"name": "</script><b>&"})

    assert (
        script == '<script type="application/ld+json">{"name":"\\u003C/script\\u003E\\u003Cb\\u003E\\u0026"}</script>'
    )
    assert json.loads(script.removeprefix('<script type="application/ld+json">').removesuffix("</script>")) == {
        "name": "</script><b>&"
    }


# Add to my calendar


def test_calendar_download_has_the_upcoming_dates(client, event):
    add_date(event, at(1, 14, month=11), at(1, 16, month=11))  # passed
    scheduled = add_date(event, at(1, 14), at(1, 16))
    cancelled = add_date(event, at(8, 14), at(8, 16), status="cancelled")
    add_date(event, at(10, 14), at(10, 16), status="withdrawn")
    all_day = add_date(event, at(15, 0), at(17, 0), all_day=True)

    response = client.get(event.url + "calendar/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="wandelgroep.ics"'
    calendar = Calendar.from_ical(response.content)
    vevents = calendar.walk("VEVENT")
    assert [str(vevent["UID"]) for vevent in vevents] == [
        f"event-{event.pk}-{occurrence.start.astimezone(UTC):%Y%m%dT%H%M%SZ}@localhost"
        for occurrence in (scheduled, cancelled, all_day)
    ]
    assert [str(vevent["STATUS"]) for vevent in vevents] == ["CONFIRMED", "CANCELLED", "CONFIRMED"]
    first = vevents[0]
    assert str(first["SUMMARY"]) == "Wandelgroep"
    assert first.decoded("DTSTART") == at(1, 14)
    assert first.decoded("DTEND") == at(1, 16)
    assert str(first["LOCATION"]) == "Wijkcentrum De Pijl, Kerkstraat 5, 3512 CD Utrecht"
    assert str(first["URL"]) == "http://testserver/centra/inloophuis-de-boei/wandelgroep/"
    assert str(first["DESCRIPTION"]) == (
        "Samen wandelen & praten.\nNeem goede schoenen mee.\n\nhttp://testserver/centra/inloophuis-de-boei/wandelgroep/"
    )
    assert vevents[2].decoded("DTSTART") == date(2026, 12, 15)
    assert vevents[2].decoded("DTEND") == date(2026, 12, 17)  # exclusive: the 15th and the 16th


def test_the_page_links_to_its_calendar_file(client, event):
    add_date(event, at(1, 14), at(1, 16))

    body = client.get(event.url).content.decode()

    assert f'<a class="button" href="{event.url}calendar/" download>Zet in mijn agenda</a>' in body


def test_an_all_day_date_without_an_end_is_one_day():
    page = SimpleNamespace(
        title="Open dag", description="", venue_name="", address="", online_url="", attendance_mode="in-person"
    )
    occurrence = SimpleNamespace(
        page_id=1, pk=7, start=at(24, 0), end=None, all_day=True, status="scheduled", title_override="Kerstmarkt"
    )

    vevent = occurrence_vevent(occurrence, page, url="https://example.nl/open-dag/", host="example.nl", now=NOW)

    assert vevent.decoded("DTSTART") == date(2026, 12, 24)
    assert vevent.decoded("DTEND") == date(2026, 12, 25)
    assert str(vevent["SUMMARY"]) == "Kerstmarkt"
    assert "LOCATION" not in vevent
    assert str(vevent["DESCRIPTION"]) == "https://example.nl/open-dag/"


def test_event_calendar_writes_utc_times():
    page = SimpleNamespace(
        title="Yoga",
        description="",
        venue_name="",
        address="",
        online_url="https://meet.example.nl/yoga",
        attendance_mode="online",
    )
    occurrence = SimpleNamespace(
        pk=1, page_id=1, start=at(1, 14), end=None, all_day=False, status="scheduled", title_override=""
    )

    ical = event_calendar(page, [occurrence], url="https://example.nl/yoga/", host="example.nl", now=NOW).to_ical()

    assert b"DTSTART:20261201T130000Z" in ical
    assert b"DTSTAMP:20261120T110000Z" in ical
    assert b"LOCATION:https://meet.example.nl/yoga" in ical
    assert b"X-WR-CALNAME:Yoga" in ical
    vevent = Calendar.from_ical(ical).walk("VEVENT")[0]
    assert str(vevent["DESCRIPTION"]) == "https://meet.example.nl/yoga\nhttps://example.nl/yoga/"


def test_plain_description_keeps_paragraphs_and_drops_scripts():
    assert plain_description("<p>Een</p><ul><li>twee</li><li>drie &amp; vier</li></ul><script>x()</script>") == (
        "Een\ntwee\ndrie & vier"
    )


# Queries


def make_event(parent, title: str, dates: int, themes: int):
    event = EventPageFactory(parent=parent, title=title, venue_name="Buurthuis", address="Kerkstraat 5, Utrecht")
    event.themes.add(*theme_rows(*[f"Thema {n}" for n in range(themes)]))
    event.audience.set(Audience.objects.all()[:2])
    event.save()
    EventOccurrence.objects.bulk_create(
        EventOccurrence(page=event, start=at(1, 10) + timedelta(days=n), end=at(1, 12) + timedelta(days=n))
        for n in range(dates)
    )
    return event


# Route cache off and on: on, Wagtail's site and page lookups for an event four levels deep (nine
# queries) become one for the page.
EVENT_PAGE_QUERIES = {"off": 22, "on": 14}
CALENDAR_FILE_QUERIES = {"off": 13, "on": 5}


@pytest.mark.parametrize(("dates", "themes"), [(1, 0), (50, 5)])
def test_the_page_costs_the_same_queries_however_many_dates(
    client, centre, django_assert_num_queries, dates, themes, route_cache_on_and_off
):
    event = make_event(centre, "Koor", dates, themes)
    client.get(event.url)  # warm Wagtail's site-root cache, as on a running server, and the route cache

    with django_assert_num_queries(EVENT_PAGE_QUERIES[route_cache_on_and_off]):
        response = client.get(event.url)

    assert response.status_code == 200
    assert response.content.decode().count('class="event-dates__item') == dates


@pytest.mark.parametrize("dates", [1, 50])
def test_the_calendar_file_costs_the_same_queries_however_many_dates(
    client, centre, django_assert_num_queries, dates, route_cache_on_and_off
):
    event = make_event(centre, "Koor", dates, 0)
    client.get(event.url + "calendar/")

    with django_assert_num_queries(CALENDAR_FILE_QUERIES[route_cache_on_and_off]):
        response = client.get(event.url + "calendar/")

    # Daily dates: one repeating entry, which expands to every date.
    found = recurring_ical_events.of(Calendar.from_ical(response.content)).between(
        at(1, 0), at(1, 0, month=12) + timedelta(days=400)
    )
    assert len(found) == dates


def test_a_preview_shows_the_dates_of_the_draft(event):
    add_date(event, at(1, 14), at(1, 16))
    draft = EventPage.objects.get(pk=event.pk)
    draft.occurrences.add(EventOccurrence(start=at(24, 10), end=at(24, 12)))
    draft.occurrences.add(EventOccurrence(start=at(19, 10, month=11), end=at(19, 12, month=11)))  # passed
    draft.occurrences.add(EventOccurrence(start=at(5, 10), end=at(5, 12), status="withdrawn"))

    assert [occurrence.start for occurrence in draft.upcoming_occurrences(NOW)] == [at(1, 14), at(24, 10)]


# Cached body


def test_the_body_is_rendered_once_per_content_version(client, event, settings, django_capture_on_commit_callbacks):
    settings.FRAGMENT_CACHE_SECONDS = 60
    add_date(event, at(1, 14), at(1, 16))
    first = client.get(event.url)

    with CaptureQueriesContext(connection) as queries:
        again = client.get(event.url)

    assert again.content == first.content
    assert not [query for query in queries if "agenda_pages_eventoccurrence" in query["sql"]]

    event.title = "Wandelgroep in het park"
    with django_capture_on_commit_callbacks(execute=True):  # the content version is bumped on commit
        event.save_revision().publish()

    assert "<h1>Wandelgroep in het park</h1>" in client.get(event.url).content.decode()


def test_a_preview_shows_the_draft_even_when_the_live_body_is_cached(client, event, settings):
    # An editor previews a change to a live event after visitors have filled the cache.
    settings.FRAGMENT_CACHE_SECONDS = 60
    add_date(event, at(1, 14), at(1, 16))
    host = event.get_site().hostname  # the host Wagtail's preview request carries
    assert "<h1>Wandelgroep</h1>" in client.get(event.url, HTTP_HOST=host).content.decode()

    event.title = "Wandelgroep (nieuwe tijd)"
    preview = event.make_preview_request()

    preview.render()
    assert "<h1>Wandelgroep (nieuwe tijd)</h1>" in preview.content.decode()
    assert "<h1>Wandelgroep</h1>" in client.get(event.url, HTTP_HOST=host).content.decode()  # live: unchanged


def test_a_weekly_series_opens_with_its_rhythm_and_shows_five_dates_before_the_rest(client, event):
    for week in range(52):
        day = at(1, 10) + timedelta(weeks=week)
        if day.date() != date(2026, 12, 29):
            add_date(event, day, day + timedelta(minutes=90), status="cancelled" if week == 6 else "scheduled")

    response = client.get(event.url)
    text = text_of(response)
    assert f"Elke dinsdag, 10:00{DASH}11:30 (vanaf 1 december, niet op 29 december en 12 januari 2027)" in text
    body = response.content.decode()
    more = body.index('<details class="event-dates__more"')
    shown, hidden = body[body.index("event-rhythm") : more], body[more:]
    assert shown.count('class="event-dates__item') == 5
    assert hidden[: hidden.index("</details>")].count('class="event-dates__item') == 46
    assert "Toon alle 51 data" in text
    assert text.index("Toon alle 51 data") < text.index("Waar")


def test_a_few_loose_dates_get_no_summary_and_no_disclosure(client, event):
    for day in (1, 9, 22):
        add_date(event, at(day, 14), at(day, 16))

    body = client.get(event.url).content.decode()
    assert "event-rhythm" not in body and "event-dates__more" not in body
    assert body.count('class="event-dates__item') == 3


def test_a_breadcrumb_leads_back_to_the_agenda_and_the_centre(client, event, agenda):
    add_date(event, at(1, 10), at(1, 12))

    html = client.get(event.url).content.decode()

    crumbs = re.search(r'<nav class="breadcrumb" aria-label="Kruimelpad">(.*?)</nav>', html, re.S).group(1)
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs) == [
        ("/agenda/", "Agenda"),
        (event.get_parent().url, "Inloophuis De Boei"),
    ]


def test_without_an_agenda_there_is_no_breadcrumb(client, event):
    add_date(event, at(1, 10), at(1, 12))

    assert 'class="breadcrumb"' not in client.get(event.url).content.decode()


def test_an_event_elsewhere_still_names_its_centres_address(client, event):
    add_date(event, at(1, 10), at(1, 12))

    text = text_of(client.get(event.url))

    assert "Kerkstraat 5, 3512 CD Utrecht" in text and "Oudegracht 1" in text


def test_a_location_line_that_starts_with_the_venue_shows_the_venue_once(client, centre):
    event = EventPageFactory(
        parent=centre,
        title="Wandelgroep",
        venue_name="Inloophuis De Boei",
        address="Inloophuis De Boei, Oudegracht 12, 3511 AB Utrecht",  # as an iCalendar LOCATION gives it
    )
    add_date(event, at(1, 10), at(1, 12))

    response = client.get(event.url)

    assert '<p class="event-venue">Inloophuis De Boei<br>Oudegracht 12, 3511 AB Utrecht</p>' in (
        response.content.decode()
    )
    assert structured_data(response)[0]["location"]["name"] == "Inloophuis De Boei"
