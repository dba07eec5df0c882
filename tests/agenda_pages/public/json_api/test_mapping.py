"""The JSON API's mapping of one date (``public.json_api``), on unsaved pages (a new page asks the
database for its default locale; nothing is saved)."""

import datetime as dt
import json
from types import SimpleNamespace

import pytest

from agenda_pages.models import CentrePage, EventOccurrence, EventPage, Theme
from agenda_pages.public.ics import occurrence_uid
from agenda_pages.public.json_api import mapping as json_api
from agenda_pages.public.occurrences import ListedOccurrence
from agenda_pages.vocabulary import AMSTERDAM

pytestmark = pytest.mark.django_db


def centre_page():
    return CentrePage(
        title="Inloophuis De Boei", slug="de-boei", street_address="Oudegracht 12", postcode="3511 AB", city="Utrecht"
    )


LINKS = json_api.Links(
    event="https://example.nl/centra/de-boei/wandelen/", centre="https://example.nl/centra/de-boei/"
)


def listed(event=None, *, start=dt.datetime(2026, 12, 8, 10, tzinfo=AMSTERDAM), end=None, centre="default", **fields):
    centre = centre_page() if centre == "default" else centre
    event = event or EventPage(pk=7, title="Wandelgroep")
    occurrence = EventOccurrence(page=event, start=start, end=end, **fields)
    return ListedOccurrence(occurrence=occurrence, event=event, centre=centre, themes=[], series="")


def entry(item, audiences=()):
    return json_api.date_entry(item, links=LINKS, audiences=list(audiences))


def test_a_date_in_full():
    event = EventPage(pk=7, title="Wandelgroep", registration_url="https://example.nl/aanmelden")
    item = listed(event, end=dt.datetime(2026, 12, 8, 11, 30, tzinfo=AMSTERDAM))
    item.themes = [Theme(slug="bewegen", label_nl="Bewegen en sport", label_en="Exercise and sport")]
    item.series = "Elke dinsdag"

    assert entry(item, [("patients", "Mensen met kanker")]) == {
        "id": "event-7-20261208T090000Z",
        "title": "Wandelgroep",
        "url": LINKS.event,
        "start": "2026-12-08T10:00:00+01:00",
        "end": "2026-12-08T11:30:00+01:00",
        "all_day": False,
        "status": "scheduled",
        "series": "Elke dinsdag",
        "centre": {"name": "Inloophuis De Boei", "slug": "de-boei", "url": LINKS.centre},
        # No venue of its own: the centre's building.
        "location": {
            "name": "Inloophuis De Boei",
            "address": "Oudegracht 12",
            "postcode": "3511 AB",
            "city": "Utrecht",
            "online": False,
        },
        "themes": [{"slug": "bewegen", "label": "Bewegen en sport"}],
        "audience": [{"code": "patients", "label": "Mensen met kanker"}],
        "registration_url": "https://example.nl/aanmelden",
    }


def test_the_id_is_the_calendar_uid_without_the_host():
    item = listed()

    assert occurrence_uid(item.occurrence, "example.nl") == entry(item)["id"] + "@example.nl"


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (dt.datetime(2027, 3, 27, 10, tzinfo=AMSTERDAM), "2027-03-27T10:00:00+01:00"),  # the Saturday before
        (dt.datetime(2027, 3, 28, 10, tzinfo=AMSTERDAM), "2027-03-28T10:00:00+02:00"),  # summer time began at 2:00
        (dt.datetime(2027, 10, 31, 1, 30, tzinfo=dt.UTC), "2027-10-31T02:30:00+01:00"),  # the second 2:30 that night
        (dt.datetime(2027, 10, 31, 0, 30, tzinfo=dt.UTC), "2027-10-31T02:30:00+02:00"),  # the first
    ],
)
def test_times_carry_the_offset_of_their_own_day(start, expected):
    assert entry(listed(start=start))["start"] == expected


def test_an_all_day_date_runs_from_midnight_to_midnight_after_its_last_day():
    start = dt.datetime(2027, 3, 27, 0, tzinfo=AMSTERDAM)
    one_day = entry(listed(start=start, all_day=True))
    weekend = entry(listed(start=start, end=dt.datetime(2027, 3, 29, tzinfo=AMSTERDAM), all_day=True))

    assert (one_day["all_day"], one_day["start"], one_day["end"]) == (
        True,
        "2027-03-27T00:00:00+01:00",
        "2027-03-28T00:00:00+01:00",
    )
    assert weekend["end"] == "2027-03-29T00:00:00+02:00"


def test_a_cancelled_date_and_one_without_an_end():
    data = entry(listed(status="cancelled"))

    assert (data["status"], data["end"], data["series"]) == ("cancelled", None, None)


@pytest.mark.parametrize(
    ("mode", "venue", "address", "expected"),
    [
        ("online", "", "", {"name": None, "address": None, "postcode": None, "city": None, "online": True}),
        (
            "mixed",
            "Bibliotheek",
            "Bibliotheek, Neude 11, 3512 AE Utrecht",
            {"name": "Bibliotheek", "address": "Neude 11", "postcode": "3512 AE", "city": "Utrecht", "online": True},
        ),
        (
            "in-person",
            "",
            "Ergens in het park",
            {"name": None, "address": "Ergens in het park", "postcode": None, "city": None, "online": False},
        ),
    ],
)
def test_the_location_as_the_event_page_gives_it(mode, venue, address, expected):
    event = EventPage(pk=7, title="Praatgroep", attendance_mode=mode, venue_name=venue, address=address)

    assert entry(listed(event))["location"] == expected


def test_hostile_text_is_cleaned_and_unsafe_links_left_out():
    event = EventPage(
        pk=7,
        title='<script>alert("x")</script>\x00 Wandelen\x1b\n & "praten"\u2028',
        registration_url="javascript:alert(1)",
    )
    centre = CentrePage(title="De Boei\x07", slug="de-boei")

    data = entry(listed(event, centre=centre))
    encoded = json_api.encode(data)

    assert data["title"] == '<script>alert("x")</script> Wandelen & "praten"'
    assert data["centre"]["name"] == "De Boei"
    assert data["registration_url"] is None
    assert b"<" not in encoded and b">" not in encoded and b"&" not in encoded
    assert json.loads(encoded) == data


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.nl/aanmelden?wie=ik&wat=wandelen", "https://example.nl/aanmelden?wie=ik&wat=wandelen"),
        ("  http://example.nl/  ", "http://example.nl/"),
        ("https://example.nl/café", "https://example.nl/caf%C3%A9"),
        ("JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//example.nl/", None),
        ("/aanmelden", None),
        ("https://", None),
        ("http://[", None),
        ("https://example.nl/<script>", "https://example.nl/%3Cscript%3E"),
        ("https://example.nl/%zz", None),
        ("", None),
    ],
)
def test_safe_url(value, expected):
    assert json_api.safe_url(value) == expected


def test_the_document_drops_empty_warnings():
    data = json_api.document(count=0, next_url=None, previous_url=None, results=[], warnings=["", "Let op\x00"])

    assert data == {"count": 0, "next": None, "previous": None, "results": [], "warnings": ["Let op"]}


def test_an_event_without_a_centre():
    data = entry(listed(EventPage(pk=7, title="Los", venue_name="Buurthuis"), centre=None))

    assert data["centre"] is None
    assert data["location"]["name"] == "Buurthuis"


def test_attributes_only():
    """The mapping reads attributes, so a feed of other objects (or unsaved pages) maps too."""
    occurrence = SimpleNamespace(
        page_id=3,
        start=dt.datetime(2026, 7, 1, 8, tzinfo=dt.UTC),
        end=None,
        all_day=False,
        status="scheduled",
        title_override="Zomer",
    )
    event = EventPage(pk=3, title="Wandelgroep")

    item = ListedOccurrence(occurrence=occurrence, event=event, centre=None, themes=[])

    assert entry(item)["start"] == "2026-07-01T10:00:00+02:00"
    assert entry(item)["title"] == "Zomer"
