"""Centre pages (profile and upcoming activities) and the centres index, with their coordinates."""

import importlib
import json
import re
from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlencode

import pytest
import time_machine
from django.apps import apps
from django.http import QueryDict
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_factories import ImageFactory

from agenda_pages import geo
from agenda_pages.models import AgendaIndexPage, CentrePage, EventOccurrence
from agenda_pages.onboarding import onboard_centre
from agenda_pages.public.filters import parse_filters
from tests.agenda_pages.factories import CentrePageFactory, EventPageFactory
from tests.agenda_pages.factories import themes as theme_rows

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)  # a Sunday; 13:00 in Amsterdam
UNKNOWN_POSTCODE = "1000 AB"  # a real range (post office boxes) that has no postcode area
NO_CHOICES = {"today": date(2026, 11, 22), "themes": {}, "centres": {}, "audiences": {}}

# Measured once and pinned: a change in these numbers means a query per item crept in, or one was saved.
CENTRE_PAGE_QUERIES = 21
CENTRE_INDEX_QUERIES = 14


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def centre_index(centre):
    return centre.get_parent().specific


def add_event(centre, *dates, title=None, themes=(), **fields):
    """A live event under ``centre`` with one occurrence per (start, end) or start in ``dates``."""
    event = EventPageFactory(parent=centre, **({"title": title} if title else {}), **fields)
    rows = []
    for value in dates:
        start, end = value if isinstance(value, tuple) else (value, None)
        rows.append(EventOccurrence(page=event, start=start, end=end))
    EventOccurrence.objects.bulk_create(rows)
    event.themes.add(*theme_rows(*themes))
    event.save()
    return event


def html_of(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# Coordinates and province from the postcode ------------------------------------------------------


def test_a_centre_gets_coordinates_and_province_from_its_postcode(centre):
    expected = geo.find_postcode("3511")

    centre.refresh_from_db()
    assert (centre.latitude, centre.longitude, centre.province) == (expected.latitude, expected.longitude, "Utrecht")


def test_a_changed_postcode_moves_the_centre_and_an_unknown_one_empties_the_location(centre):
    centre.postcode = "8011 CW"
    centre.save()
    centre.refresh_from_db()
    assert centre.province == "Overijssel"
    assert centre.latitude == geo.find_postcode("8011").latitude

    centre.postcode = UNKNOWN_POSTCODE
    centre.save()  # not blocked
    centre.refresh_from_db()
    assert (centre.latitude, centre.longitude, centre.province) == (None, None, "")

    centre.postcode = ""
    centre.save()
    centre.refresh_from_db()
    assert (centre.latitude, centre.longitude, centre.province) == (None, None, "")


def test_drafts_revisions_and_unchecked_saves_get_the_location_too(centre_index):
    draft = CentrePageFactory(parent=centre_index, live=False, postcode="6211 AB")
    assert draft.province == "Limburg"

    draft.postcode = "9711 AA"
    revision = draft.save_revision()
    assert revision.content["province"] == "Groningen"
    assert revision.content["latitude"] == geo.find_postcode("9711").latitude
    revision.publish()
    draft.refresh_from_db()
    assert (draft.live, draft.province) == (True, "Groningen")

    draft.postcode = "3511"
    draft.save(clean=False)
    draft.refresh_from_db()
    assert draft.province == "Utrecht"


def test_onboarding_creates_and_updates_centres_with_their_location(site_home):
    created = onboard_centre(name="Inloophuis Zwolle", kind="centre", postcode="8011cw", city="Zwolle").centre
    created.refresh_from_db()
    assert (created.postcode, created.province) == ("8011 CW", "Overijssel")
    assert created.latitude == geo.find_postcode("8011").latitude

    updated = onboard_centre(name="Inloophuis Zwolle", kind="centre", postcode="7511 AA").centre
    updated.refresh_from_db()
    assert updated.province == "Overijssel"
    assert updated.latitude == geo.find_postcode("7511").latitude

    unknown = onboard_centre(name="Nieuw inloophuis", kind="centre", postcode=UNKNOWN_POSTCODE).centre
    unknown.refresh_from_db()
    assert unknown.live
    assert (unknown.latitude, unknown.province) == (None, "")


def test_the_data_migration_fills_existing_centres(centre_index):
    known = CentrePageFactory(parent=centre_index, postcode="9711 AA")
    unknown = CentrePageFactory(parent=centre_index, postcode=UNKNOWN_POSTCODE)
    # As the rows were before the migration: nothing derived, or a province typed in by hand.
    CentrePage.objects.filter(pk=known.pk).update(latitude=None, longitude=None, province="")
    CentrePage.objects.filter(pk=unknown.pk).update(latitude=1.0, longitude=2.0, province="Drenthe")
    migration = importlib.import_module("agenda_pages.migrations.0005_centre_coordinates")

    migration.fill_centre_coordinates(apps, None)

    known.refresh_from_db()
    unknown.refresh_from_db()
    expected = geo.find_postcode("9711")
    assert (known.latitude, known.longitude, known.province) == (expected.latitude, expected.longitude, "Groningen")
    assert (unknown.latitude, unknown.longitude, unknown.province) == (None, None, "")


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redactie", "redactie@example.org", "geheim-123"))
    return client


def test_the_admin_shows_the_location_read_only_and_saves_an_unknown_postcode(admin_client, centre):
    edit_url = reverse("wagtailadmin_pages:edit", args=[centre.pk])
    html = html_of(admin_client.get(edit_url))
    assert (
        escape(translation.gettext("The province and the position on the map are looked up from the postcode."))
        in html
    )
    data = querydict_from_html(html, form_id="page-edit-form")
    for derived in ("latitude", "longitude", "province"):
        assert derived not in data  # read-only: shown, not posted

    data["postcode"] = UNKNOWN_POSTCODE
    data["action-publish"] = "action-publish"
    response = admin_client.post(edit_url, data)

    assert response.status_code == 302, response.content.decode()[:2000]
    centre.refresh_from_db()
    assert (centre.postcode, centre.latitude, centre.province) == (UNKNOWN_POSTCODE, None, "")
    html = html_of(admin_client.get(edit_url))
    shown = re.findall(r'aria-readonly="true">\s*([^<]*?)\s*</div>', html)
    assert shown.count(escape(translation.gettext("not known"))) == 3


def test_the_admin_groups_the_profile_and_refuses_a_phone_number_nobody_can_dial(admin_client, centre):
    edit_url = reverse("wagtailadmin_pages:edit", args=[centre.pk])
    html = html_of(admin_client.get(edit_url))
    for heading in ("About the centre", "Address", "Opening hours", "Contact"):
        assert escape(translation.gettext(heading)) in html
    data = querydict_from_html(html, form_id="page-edit-form")
    data["action-publish"] = "action-publish"

    data["phone"] = "bel ons"
    refused = admin_client.post(edit_url, data)

    assert refused.status_code == 200
    assert refused.context["form"].errors["phone"]
    data["phone"] = "+31 (0)30 123 45 67"
    data["opening_hours"] = "dinsdag 10:00-16:00"
    assert admin_client.post(edit_url, data).status_code == 302
    centre.refresh_from_db()
    assert (centre.phone, centre.opening_hours) == ("+31 (0)30 123 45 67", "dinsdag 10:00-16:00")


# The centre's public page ------------------------------------------------------------------------


def test_the_profile_shows_address_map_link_and_contact_details(client, centre):
    centre.street_address = "Oudegracht 1"
    centre.phone = "030 - 123 45 67"
    centre.email = "info@deboei.example"
    centre.website = "https://deboei.example/"
    centre.opening_hours = "Maandag 10-16 uur\ndinsdag t/m donderdag 10:00-12:30\nIn de zomervakantie gesloten"
    centre.short_description = "Een huiskamer voor iedereen die met kanker te maken heeft."
    centre.kind = "partner"
    centre.photo = ImageFactory(title="IMG_0042", description="De huiskamer met de grote tafel")
    centre.save()

    html = html_of(client.get(centre.url))
    text = text_of(html)

    assert "https://www.openstreetmap.org/search?query=Oudegracht+1%2C+3511+AB+Utrecht" in html
    assert 'href="tel:0301234567">030 - 123 45 67</a>' in html
    assert 'href="mailto:info@deboei.example"' in html
    assert 'href="https://deboei.example/">Website van Inloophuis De Boei</a>' in html
    assert 'Maandag</span> <span class="opening-hours__hours">van 10:00 tot 16:00 uur</span>' in html
    assert 'Dinsdag tot en met donderdag</span> <span class="opening-hours__hours">van 10:00 tot 12:30 uur' in html
    assert "In de zomervakantie gesloten" in text  # a line in the editor's own words, as written
    assert "Een huiskamer voor iedereen" in html
    assert "Partnerorganisatie in Utrecht" in text
    assert 'alt="De huiskamer met de grote tafel"' in html


def structured_data(html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
    return json.loads(found.group(1))


def test_the_profile_gives_search_engines_address_phone_and_opening_hours(client, centre):
    centre.street_address = "Oudegracht 1"
    centre.phone = "030 - 123 45 67"
    centre.website = "https://deboei.example/"
    centre.opening_hours = "ma, wo en vr 10:00-12:00 en 13:00-16:00\nzaterdag gesloten\nOp afspraak ook 's avonds"
    centre.save()

    data = structured_data(html_of(client.get(centre.url)))

    assert data["@type"] == "LocalBusiness"
    assert data["name"] == "Inloophuis De Boei"
    assert data["url"] == f"http://testserver{centre.url}"  # the host the visitor came to
    assert data["address"] == {
        "@type": "PostalAddress",
        "addressCountry": "NL",
        "streetAddress": "Oudegracht 1",
        "postalCode": "3511 AB",
        "addressLocality": "Utrecht",
        "addressRegion": "Utrecht",
    }
    assert data["telephone"] == "+31301234567"
    assert data["sameAs"] == ["https://deboei.example/"]
    days = [f"https://schema.org/{day}" for day in ("Monday", "Wednesday", "Friday")]
    assert data["openingHoursSpecification"] == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": "10:00", "closes": "12:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": "13:00", "closes": "16:00"},
    ]
    assert data["geo"]["latitude"] == geo.find_postcode("3511").latitude


def test_a_photo_without_description_is_decorative(client, centre):
    centre.photo = ImageFactory(title="IMG_0042")
    centre.save()

    html = html_of(client.get(centre.url))

    assert 'alt=""' in html
    assert 'alt="IMG_0042"' not in html


def test_a_bare_profile_still_renders(client, centre_index):
    bare = CentrePageFactory(parent=centre_index, postcode="", city="")

    html = html_of(client.get(bare.url))

    assert "openstreetmap" not in html
    assert "tel:" not in html
    assert escape(translation.gettext("This centre has no activities planned at the moment.")) in html
    assert structured_data(html) == {
        "@context": "https://schema.org",
        "@type": "LocalBusiness",
        "name": bare.title,
        "url": f"http://testserver{bare.url}",
    }


def test_each_activity_is_listed_once_with_its_rhythm_and_next_date(client, centre, agenda):
    weekly = [
        (
            datetime(2026, 11, 24, 9, 0, tzinfo=UTC) + timedelta(weeks=week),
            datetime(2026, 11, 24, 10, 30, tzinfo=UTC) + timedelta(weeks=week),
        )
        for week in range(20)
    ]
    add_event(centre, *weekly, title="Wandelgroep")
    add_event(centre, datetime(2026, 11, 30, 23, 30, tzinfo=UTC), title="Nachtwandeling")  # 1 December, 00:30
    add_event(centre, datetime(2026, 11, 25, 18, 0, tzinfo=UTC), title="Lotgenotengroep", attendance_mode="online")
    add_event(centre, datetime(2026, 11, 20, 10, 0, tzinfo=UTC), title="Voorbij")  # past
    add_event(centre, datetime(2026, 12, 1, 10, 0, tzinfo=UTC), title="Concept", live=False)
    add_event(centre, datetime(2027, 1, 5, 10, 0, tzinfo=UTC), title="Nieuwjaarsborrel")

    html = html_of(client.get(centre.url))
    text = text_of(html)

    assert "Voorbij" not in text and "Concept" not in text
    assert text.count("Wandelgroep") == 1
    assert "Wandelgroep Elke dinsdag Volgende keer: dinsdag 24 november, van 10:00 tot 11:30 uur" in text
    assert "Lotgenotengroep woensdag 25 november, om 19:00 uur Online" in text
    assert "Nachtwandeling dinsdag 1 december, om 00:30 uur" in text
    assert "Nieuwjaarsborrel dinsdag 5 januari 2027" in text  # not this year: with the year
    assert text.index("Wandelgroep") < text.index("Lotgenotengroep") < text.index("Nachtwandeling")
    assert '<time datetime="2026-11-24T10:00:00+01:00">' in html
    walk = centre.get_children().get(title="Wandelgroep")
    assert f'href="{walk.url}"' in html


def test_all_day_and_cancelled_dates(client, centre):
    event = add_event(centre, datetime(2026, 11, 27, 23, 0, tzinfo=UTC), title="Open dag")
    EventOccurrence.objects.filter(page=event).update(all_day=True)
    cancelled = add_event(centre, datetime(2026, 11, 25, 18, 0, tzinfo=UTC), title="Lezing")
    EventOccurrence.objects.filter(page=cancelled).update(status="cancelled")
    withdrawn = add_event(centre, datetime(2026, 11, 26, 18, 0, tzinfo=UTC), title="Ingetrokken")
    EventOccurrence.objects.filter(page=withdrawn).update(status="withdrawn")

    html = html_of(client.get(centre.url))
    text = text_of(html)

    assert "Open dag zaterdag 28 november, hele dag" in text
    assert '<time datetime="2026-11-28">' in html
    assert re.search(r'om 19:00 uur</time> <strong class="event-badge">Geannuleerd</strong>', html)
    assert "Ingetrokken" not in text


def test_at_most_twelve_activities_and_a_link_to_the_centres_agenda(client, centre, agenda):
    for number in range(13):
        add_event(
            centre, *(NOW + timedelta(days=number + 1, weeks=week) for week in range(4)), title=f"Groep {number}"
        )

    response = client.get(centre.url)

    assert len(response.context["activities"].items) == 12
    html = html_of(response)
    assert html.count('class="activity-summary"') == 12
    assert "Groep 12" not in html
    assert f'href="/agenda/?centre={centre.slug}">Alle activiteiten van Inloophuis De Boei in de agenda' in html


def test_no_agenda_link_without_a_live_agenda(client, centre, agenda):
    agenda.unpublish()

    html = html_of(client.get(centre.url))

    assert "?centre=" not in html


def test_the_agenda_of_the_active_language_with_the_dutch_one_as_fallback(agenda, locales):
    with translation.override("en"):
        assert AgendaIndexPage.for_active_language() == agenda
    english = agenda.copy_for_translation(locales["en"], copy_parents=True)
    english.save_revision().publish()
    with translation.override("en"):
        assert AgendaIndexPage.for_active_language().pk == english.pk
    with translation.override("nl"):
        assert AgendaIndexPage.for_active_language().pk == agenda.pk
    AgendaIndexPage.objects.filter(locale=Locale.objects.get(language_code="nl")).update(live=False)
    with translation.override("nl"):
        assert AgendaIndexPage.for_active_language() is None


def spread_dates(centre, count: int) -> None:
    """``count`` upcoming dates over count // 5 themed events, a few cancelled."""
    for number in range(max(1, count // 5)):
        starts = [NOW + timedelta(days=number % 30 + 1, hours=week * 24 * 7) for week in range(min(5, count))]
        event = add_event(centre, *starts, title=f"Activiteit {number}", themes=["Bewegen", f"Thema {number % 7}"])
        if number % 3 == 0:
            EventOccurrence.objects.filter(page=event).update(status="cancelled")


@pytest.mark.parametrize("dates", [10, 500])
def test_the_centre_page_runs_the_same_queries_for_10_or_500_dates(
    client, centre, agenda, django_assert_num_queries, dates
):
    spread_dates(centre, dates)
    assert EventOccurrence.objects.filter(page__path__startswith=centre.path).count() == dates
    client.get(centre.url)  # warm Wagtail's site-root cache, as on a running server

    with django_assert_num_queries(CENTRE_PAGE_QUERIES):
        response = client.get(centre.url)

    assert len(response.context["activities"].items) == min(dates // 5, 12)


# The centres index -------------------------------------------------------------------------------


@pytest.fixture
def centres(centre_index, centre):
    """De Boei in Utrecht (3511) plus centres in Amersfoort, Amsterdam and Groningen, and one without a location."""
    return {
        "utrecht": centre,
        "amersfoort": CentrePageFactory(parent=centre_index, title="Het Baken", postcode="3811 AA", city="Amersfoort"),
        "amsterdam": CentrePageFactory(parent=centre_index, title="Amstelhuis", postcode="1011 AB", city="Amsterdam"),
        "groningen": CentrePageFactory(parent=centre_index, title="Noorderhuis", postcode="9711 AA", city="Groningen"),
        "unknown": CentrePageFactory(
            parent=centre_index, title="Nieuwbouw", postcode=UNKNOWN_POSTCODE, city="Utrecht"
        ),
    }


def listed(response) -> list[str]:
    return [centre.title for centre in response.context["centres"]]


def test_the_index_lists_every_live_centre_alphabetically(client, centres, centre_index):
    CentrePageFactory(parent=centre_index, title="Nog niet open", live=False)

    response = client.get(centre_index.url)

    assert listed(response) == ["Amstelhuis", "Het Baken", "Inloophuis De Boei", "Nieuwbouw", "Noorderhuis"]
    html = html_of(response)
    assert re.search(r'<h2 id="centre-results" class="result-count">\s*5 ', html)
    assert "Nog niet open" not in html
    assert "<legend>" in html and '<label for="centre-near">' in html and '<label for="centre-province">' in html
    assert '<option value="25" selected>' in html
    assert not response.context["filter_messages"]


def test_the_index_filters_by_province(client, centres, centre_index):
    response = client.get(centre_index.url, {"province": "groningen"})

    assert listed(response) == ["Noorderhuis"]
    assert "<option selected>Groningen</option>" in html_of(response)


def test_near_a_postcode_sorts_by_distance_and_shows_it(client, centres, centre_index):
    response = client.get(centre_index.url, {"near": "3512ab", "radius": "50"})

    assert listed(response) == ["Inloophuis De Boei", "Het Baken", "Amstelhuis"]
    distances = [centre.distance_km for centre in response.context["centres"]]
    assert distances == sorted(distances) and distances[-1] <= 50
    text = text_of(html_of(response))
    assert f"{round(distances[1])} km" in text
    assert "3512 Utrecht" in text
    assert 'value="3512ab"' in html_of(response)


def test_a_centre_in_the_same_postcode_area_is_less_than_1_km_away(client, centres, centre_index):
    response = client.get(centre_index.url, {"near": "3511 XY", "radius": "5"})

    assert listed(response) == ["Inloophuis De Boei"]
    assert escape(translation.gettext("less than 1 km away")) in html_of(response)


def test_near_a_place_with_a_small_radius(client, centres, centre_index):
    response = client.get(centre_index.url, {"near": "Amersfoort", "radius": "10"})

    assert listed(response) == ["Het Baken"]


def test_near_and_province_together(client, centres, centre_index):
    response = client.get(centre_index.url, {"near": "Utrecht", "radius": "100", "province": "Noord-Holland"})

    assert listed(response) == ["Amstelhuis"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"near": UNKNOWN_POSTCODE}, "We do not know the postcode 1000 AB. Check it, or enter a place name."),
        ({"near": "12"}, "12 is not a Dutch postcode."),
        ({"near": "Atlantis"}, "We do not know the place Atlantis."),
        ({"province": "Brabant"}, "There is no province Brabant; all provinces are shown."),
        ({"near": "Utrecht", "radius": "veel"}, "25 km is used."),
        ({"plaats": "Utrecht"}, "This page does not know the setting plaats; it was ignored."),
    ],
)
def test_bad_input_gets_the_agendas_polite_message(client, centres, centre_index, params, message):
    query = QueryDict(urlencode(params))
    with translation.override("en"):  # the wording, in the English source
        assert any(message in text for text in parse_filters(query, **NO_CHOICES).messages)

    response = client.get(centre_index.url, params)
    html = html_of(response)

    assert response.context["filter_messages"] == parse_filters(query, **NO_CHOICES).messages
    assert '<div class="notice" role="status">' in html
    for text in response.context["filter_messages"]:
        assert escape(text) in html
    assert listed(response)


def test_an_unknown_postcode_lists_all_centres(client, centres, centre_index):
    response = client.get(centre_index.url, {"near": UNKNOWN_POSTCODE})

    assert len(listed(response)) == 5
    assert response.context["filters"].near is None
    assert f'value="{UNKNOWN_POSTCODE}"' in html_of(response)  # kept in the field, to correct it


def test_agenda_parameters_are_ignored_here_without_a_message(client, centres, centre_index):
    response = client.get(centre_index.url, {"from": "2020-01-01", "theme": "yoga", "page": "x", "q": "zang"})

    assert response.context["filter_messages"] == []
    assert len(listed(response)) == 5


def test_a_radius_from_the_address_bar_stays_selected(client, centres, centre_index):
    html = html_of(client.get(centre_index.url, {"near": "Utrecht", "radius": "30"}))

    assert '<option value="30" selected>' in html


@pytest.mark.parametrize(
    "params",
    [
        {"near": "x" * 5000, "radius": "-1"},
        {"near": "3511", "radius": "99999999999999999999"},
        {"province": "\x00", "near": "%00"},
        {"near": ["Utrecht", "Amsterdam"], "province": ["Utrecht", "Zeeland"]},
    ],
)
def test_odd_input_never_breaks_the_page(client, centres, centre_index, params):
    assert client.get(centre_index.url, params).status_code == 200


@pytest.mark.parametrize("count", [2, 40])
@pytest.mark.parametrize("params", [{}, {"near": "Utrecht", "radius": "100", "province": "Utrecht"}])
def test_the_index_runs_the_same_queries_for_few_or_many_centres(
    client, centre_index, django_assert_num_queries, count, params
):
    for number in range(count):
        CentrePageFactory(parent=centre_index, title=f"Centrum {number}", postcode=f"{3500 + number % 20} AA")
    client.get(centre_index.url, params)

    with django_assert_num_queries(CENTRE_INDEX_QUERIES):
        response = client.get(centre_index.url, params)

    assert response.context["result_count"] >= 1


def test_with_none_in_range_the_nearest_centre_is_named_however_far(client, centres, centre_index):
    response = client.get(centre_index.url, {"near": "Maastricht", "radius": "10"})

    html = html_of(response)
    assert listed(response) == []
    assert "Er is geen centrum binnen 10 km van Maastricht. Het dichtstbijzijnde centrum is:" in html
    assert response.context["nearest"].title == "Inloophuis De Boei"  # Utrecht, the nearest of the four
    assert re.search(r'<p class="centre-card__distance">op \d+ km afstand</p>', html)
    assert "het dichtstbij is, staat bovenaan" not in html  # said of a list there is not


def test_the_nearest_centre_keeps_to_the_chosen_province(client, centres, centre_index):
    response = client.get(centre_index.url, {"near": "Maastricht", "radius": "5", "province": "Groningen"})

    assert response.context["nearest"].title == "Noorderhuis"


def test_no_nearest_centre_without_a_place_or_when_some_are_in_range(client, centres, centre_index):
    assert client.get(centre_index.url, {"province": "Zeeland"}).context["nearest"] is None
    assert client.get(centre_index.url, {"near": "Utrecht"}).context["nearest"] is None
