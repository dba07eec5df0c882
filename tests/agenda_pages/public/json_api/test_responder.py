"""``<agenda>/json/``: what partners get, checked against the published JSON Schema."""

import datetime as dt
import json
import zoneinfo
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import jsonschema
import pytest
import time_machine
from django.conf import settings
from wagtail.models import PageViewRestriction

from agenda_pages import geo
from agenda_pages.models import Audience, EventOccurrence, EventPage
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory
from tests.agenda_pages.factories import themes as theme_rows

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=AMSTERDAM)
SCHEMA_FILE = Path(settings.BASE_DIR) / "agenda_pages/static/agenda_pages/agenda.schema.json"


def at(day: int, hour: int = 10, month: int = 11, year: int = 2026) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_FILE.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture
def centres(site_home):
    index = CentreIndexPageFactory(parent=site_home)

    def make(title, postcode, slug, city):
        location = geo.find_postcode(postcode)
        return CentrePageFactory(
            parent=index,
            title=title,
            slug=slug,
            postcode=postcode,
            city=city,
            street_address="Oudegracht 12",
            latitude=location.latitude,
            longitude=location.longitude,
            province=location.province,
        )

    return {
        "utrecht": make("Inloophuis De Boei", "3511 AB", "de-boei", "Utrecht"),
        "zwolle": make("Centrum Het Baken", "8011 CW", "het-baken", "Zwolle"),
    }


def make_event(centre, title, starts, *, themes=(), audience=(), status="scheduled", hours=2, **fields):
    event = EventPageFactory(parent=centre, title=title, **fields)
    event.themes.add(*theme_rows(*themes))
    event.audience.set(Audience.objects.filter(code__in=audience))
    event.save()
    for start in starts:
        end = start + dt.timedelta(hours=hours) if hours else None
        EventOccurrence.objects.create(page=event, start=start, end=end, status=status)
    return event


def get(client, validator, url="/agenda/json/", **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200
    data = json.loads(response.content)
    validator.validate(data)  # every response a test reads is also checked against the schema
    return response, data


def titles(data) -> list[str]:
    return [item["title"] for item in data["results"]]


def test_a_date_as_partners_get_it(client, validator, agenda, centres):
    event = make_event(
        centres["utrecht"],
        "Wandelgroep",
        [at(24), at(1, month=12)],
        themes=["Wandelen"],
        audience=["patients", "relatives"],
        registration_url="https://example.nl/aanmelden",
    )

    response, data = get(client, validator)

    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert not response.cookies and "Set-Cookie" not in response
    assert response["X-Robots-Tag"] == "noindex"
    assert response["Link"] == '<http://testserver/static/agenda_pages/agenda.schema.json>; rel="describedby"'
    assert (data["count"], data["next"], data["previous"], data["warnings"]) == (2, None, None, [])
    assert data["results"][0] == {
        "id": f"event-{event.pk}-20261124T090000Z",
        "title": "Wandelgroep",
        "url": f"http://testserver{event.url}",
        "start": "2026-11-24T10:00:00+01:00",
        "end": "2026-11-24T12:00:00+01:00",
        "all_day": False,
        "status": "scheduled",
        "series": "Op 2 data van 24 november tot en met 1 december",
        "centre": {"name": "Inloophuis De Boei", "slug": "de-boei", "url": "http://testserver/centra/de-boei/"},
        "location": {
            "name": "Inloophuis De Boei",
            "address": "Oudegracht 12",
            "postcode": "3511 AB",
            "city": "Utrecht",
            "online": False,
        },
        "themes": [{"slug": "wandelen", "label": "Wandelen"}],
        "audience": [
            {"code": "patients", "label": "Mensen met kanker"},
            {"code": "relatives", "label": "Naasten"},
        ],
        "registration_url": "https://example.nl/aanmelden",
    }


def test_the_schema_is_served_as_a_static_file(client):
    from django.contrib.staticfiles import finders

    assert Path(finders.find("agenda_pages/agenda.schema.json")) == SCHEMA_FILE


def test_a_series_says_its_rhythm(client, validator, agenda, centres):
    make_event(centres["utrecht"], "Yoga", [at(24) + dt.timedelta(weeks=n) for n in range(6)])

    _, data = get(client, validator)

    assert {item["series"] for item in data["results"]} == {"Elke dinsdag"}


def test_only_what_the_public_may_see(client, validator, agenda, centres, site_home):
    make_event(centres["utrecht"], "Gepubliceerd", [at(24)])
    make_event(centres["utrecht"], "Concept", [at(24)], live=False)
    make_event(centres["utrecht"], "Teruggetrokken", [at(24)], status="withdrawn")
    make_event(centres["utrecht"], "Afgelast", [at(25)], status="cancelled")
    pending = make_event(centres["utrecht"], "Zoals gepubliceerd", [at(26)])
    pending.title = "Wijziging die op review wacht"
    pending.save_revision()
    private_index = CentreIndexPageFactory(parent=site_home, title="Besloten", slug="besloten")
    private_centre = CentrePageFactory(parent=private_index, title="Besloten centrum", slug="besloten-centrum")
    PageViewRestriction.objects.create(page=private_index, restriction_type=PageViewRestriction.LOGIN)
    make_event(private_centre, "Alleen voor leden", [at(24)])

    _, data = get(client, validator)

    assert titles(data) == ["Gepubliceerd", "Afgelast", "Zoals gepubliceerd"]
    assert [item["status"] for item in data["results"]] == ["scheduled", "cancelled", "scheduled"]
    assert data["count"] == 3


def test_an_all_day_date_and_one_without_an_end(client, validator, agenda, centres):
    event = make_event(centres["utrecht"], "Open dag", [])
    EventOccurrence.objects.create(page=event, start=at(23, 0), all_day=True)
    make_event(centres["utrecht"], "Inloop", [at(24)], hours=0)

    _, data = get(client, validator)

    open_day, walk_in = data["results"]
    assert (open_day["all_day"], open_day["start"], open_day["end"]) == (
        True,
        "2026-11-23T00:00:00+01:00",
        "2026-11-24T00:00:00+01:00",
    )
    assert (walk_in["all_day"], walk_in["end"]) == (False, None)


def test_times_across_the_change_to_summer_time(client, validator, agenda, centres):
    make_event(
        centres["utrecht"],
        "Zaterdag en zondag",
        [at(27, 10, month=3, year=2027), at(28, 10, month=3, year=2027), at(31, 1, month=10, year=2027)],
        hours=1,
    )

    _, data = get(client, validator)

    assert [(item["start"], item["end"]) for item in data["results"]] == [
        ("2027-03-27T10:00:00+01:00", "2027-03-27T11:00:00+01:00"),
        ("2027-03-28T10:00:00+02:00", "2027-03-28T11:00:00+02:00"),
        ("2027-10-31T01:00:00+02:00", "2027-10-31T02:00:00+02:00"),  # back to winter time at 3:00
    ]
    assert [item["id"][-16:] for item in data["results"]] == [
        "20270327T090000Z",
        "20270328T080000Z",
        "20271030T230000Z",
    ]


def test_hostile_text_is_encoded_and_unsafe_links_dropped(client, validator, agenda, centres):
    event = make_event(
        centres["utrecht"],
        '</script><script>alert("x")</script>\x1b Wandelen & "praten"',
        [at(24)],
        venue_name="Buurthuis <b>De Ster</b>",
        address="Neude 11, 3512 AE Utrecht",
    )
    # As an old row or a script could have written it: the form's URL check never saw it.
    EventPage.objects.filter(pk=event.pk).update(registration_url="javascript:alert(1)")

    response, data = get(client, validator)

    [item] = data["results"]
    assert item["title"] == '</script><script>alert("x")</script> Wandelen & "praten"'
    assert item["location"]["name"] == "Buurthuis <b>De Ster</b>"
    assert item["registration_url"] is None
    assert b"<" not in response.content and b"\x1b" not in response.content


def test_filters_apply_and_bad_values_become_warnings(client, validator, agenda, centres):
    make_event(centres["utrecht"], "Wandelen", [at(24)], themes=["Wandelen"], audience=["patients"])
    make_event(centres["zwolle"], "Schilderen", [at(25)], themes=["Creatief"], attendance_mode="online")

    _, themed = get(client, validator, "/agenda/json/?theme=wandelen")
    _, near = get(client, validator, "/agenda/json/?near=3512&radius=10")
    _, online = get(client, validator, "/agenda/json/?mode=online&centre=het-baken&audience=")
    _, bad = get(client, validator, "/agenda/json/?theme=bestaat-niet&from=morgen&page_size=5000&kleur=rood&page=x")

    assert titles(themed) == ["Wandelen"]
    assert titles(near) == ["Wandelen"]
    assert titles(online) == ["Schilderen"] and online["results"][0]["location"]["online"] is True
    assert titles(bad) == ["Wandelen", "Schilderen"]
    assert bad["warnings"] == [
        "Deze pagina kent de instelling kleur niet; die is overgeslagen.",
        "Het onderwerp bestaat-niet bestaat niet; het is weggelaten.",
        "morgen is geen datum die wij kunnen lezen. Schrijf de datum zo: 2026-12-31.",
        "Pagina x bestaat niet; dit is de eerste pagina.",
        "De paginagrootte moet een heel getal van 1 tot en met 100 zijn; 50 wordt gebruikt.",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "page=99999999999999999999",
        "near=%00",
        "q=%00%ff",
        "page_size=0",
        "page_size=%C2%B2",
        "page_size=" + "9" * 5000,
        "page=" + "9" * 5000,
        "to=0001-01-01",
    ],
)
def test_hostile_queries_never_error(client, validator, agenda, centres, query):
    make_event(centres["utrecht"], "Wandelen", [at(24)])

    _, data = get(client, validator, f"/agenda/json/?{query}")  # a 200 the schema accepts

    assert data["count"] == (0 if query.startswith("q=") else 1)  # %ff is read as "\ufffd", which nothing holds


def test_paging_keeps_the_filters(client, validator, agenda, centres):
    make_event(centres["utrecht"], "Wandelen", [at(24) + dt.timedelta(days=n) for n in range(12)], themes=["Wandelen"])

    _, first = get(client, validator, "/agenda/json/?theme=wandelen&page_size=5")
    _, second = get(client, validator, first["next"])
    _, last = get(client, validator, second["next"])
    _, beyond = get(client, validator, "/agenda/json/?theme=wandelen&page_size=5&page=9")

    assert first["next"] == "http://testserver/agenda/json/?theme=wandelen&page_size=5&page=2"
    assert parse_qs(urlsplit(second["previous"]).query) == {"theme": ["wandelen"], "page_size": ["5"], "page": ["1"]}
    assert [len(page["results"]) for page in (first, second, last)] == [5, 5, 2]
    assert (first["count"], last["next"], first["previous"]) == (12, None, None)
    assert len({item["id"] for page in (first, second, last) for item in page["results"]}) == 12
    # Beyond the end: nothing, so a script reading on until the results run out stops.
    assert (beyond["results"], beyond["next"]) == ([], None)
    assert beyond["previous"].endswith("page=3")
    assert beyond["warnings"] == ["Pagina 9 bestaat niet; de laatste pagina is 3."]


def test_each_activity_once(client, validator, agenda, centres):
    make_event(centres["utrecht"], "Wandelen", [at(24), at(25), at(26)])
    make_event(centres["zwolle"], "Schilderen", [at(25, 14)])

    _, data = get(client, validator, "/agenda/json/?show=activities")

    assert (data["count"], titles(data)) == (2, ["Wandelen", "Schilderen"])


def test_the_ids_survive_an_import_rewriting_the_dates(client, validator, agenda, centres):
    event = make_event(centres["utrecht"], "Wandelen", [at(24), at(25)])
    _, before = get(client, validator)

    event.occurrences.all().delete()  # as an import does when any date of the event changed
    for start in (at(24), at(25), at(26)):
        EventOccurrence.objects.create(page=event, start=start, end=start + dt.timedelta(hours=2))
    _, after = get(client, validator)

    assert [item["id"] for item in after["results"]][:2] == [item["id"] for item in before["results"]]


def test_the_english_agenda_answers_in_english(client, validator, english_agenda, centres):
    event = make_event(
        centres["utrecht"],
        "Wandelen",
        [at(24) + dt.timedelta(weeks=n) for n in range(4)],
        themes=["Bewegen"],
        audience=["patients"],
    )

    _, data = get(client, validator, "/en/agenda/json/?theme=nope")

    item = data["results"][0]
    assert item["url"] == f"http://testserver/en{event.url}"
    assert item["centre"]["url"] == "http://testserver/en/centra/de-boei/"
    assert item["themes"] == [{"slug": "bewegen", "label": "Exercise and sport"}]
    assert item["audience"] == [{"code": "patients", "label": "People with cancer"}]
    assert item["series"] == "Every Tuesday"
    assert data["warnings"] == ["There is no theme nope; it was left out."]
    assert data["next"] is None
