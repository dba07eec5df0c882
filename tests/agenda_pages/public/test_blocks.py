"""The "upcoming activities" block: the next matching dates and a link to the same selection in the agenda."""

import datetime as dt
import json
import re
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Locale

from agenda_pages.models import AgendaIndexPage, Audience, EventOccurrence, Theme
from agenda_pages.public.blocks import NearbySearchBlock, ThemeChoiceBlock, UpcomingActivitiesBlock, theme_choices
from home.blocks import ContentStreamBlock, HomeStreamBlock
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, EventPageFactory
from tests.agenda_pages.factories import themes as theme_rows
from tests.home.factories import HomePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
NOW = dt.datetime(2026, 11, 23, 9, 0, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def centres(site_home):
    index = CentreIndexPageFactory(parent=site_home)
    return {
        "boei": CentrePageFactory(parent=index, title="Inloophuis De Boei", slug="de-boei"),
        "baken": CentrePageFactory(parent=index, title="Centrum Het Baken", slug="het-baken"),
    }


def make_event(centre, title, days, *, themes=(), audience=(), **fields):
    """An event with a date at 10:00 on each of ``days`` from now."""
    event = EventPageFactory(parent=centre, title=title, **fields)
    event.themes.add(*theme_rows(*themes))
    event.audience.set(Audience.objects.filter(code__in=audience))
    event.save()
    EventOccurrence.objects.bulk_create(
        EventOccurrence(page=event, start=(NOW + dt.timedelta(days=day)).replace(hour=10)) for day in days
    )
    return event


def block_value(**fields):
    block = UpcomingActivitiesBlock()
    raw = {"heading": "", "themes": [], "audience": "", "centre": None, "number_of_items": 3, "link_text": ""}
    return block, block.to_python({**raw, **fields})


def render(rf, **fields) -> str:
    block, value = block_value(**fields)
    return block.render(value, context={"request": rf.get("/")})


def listed_titles(html: str) -> list[str]:
    return re.findall(r'class="occurrence__title"><a href="[^"]*">([^<]+)</a>', html)


def agenda_link(html: str) -> str:
    return re.findall(r'<a href="([^"]*)">[^<]*</a>\s*</p>\s*</section>', html)[0].replace("&amp;", "&")


def test_shows_the_next_dates_soonest_first_with_a_link_to_the_agenda(rf, agenda, centres):
    make_event(centres["boei"], "Wandelgroep", [1, 8, 15, 22])
    make_event(centres["baken"], "Yoga", [2, 30])

    html = render(rf, heading="Binnenkort")

    assert "<h2>Binnenkort</h2>" in html
    assert listed_titles(html) == ["Wandelgroep", "Yoga", "Wandelgroep"]
    assert agenda_link(html) == "/agenda/"
    assert gettext("See all activities in the agenda") in html  # nothing chosen, so nothing to "match"


def test_themes_audience_and_centre_narrow_the_dates_and_the_link(rf, agenda, centres):
    make_event(centres["boei"], "Wandelgroep", [1], themes=["bewegen"], audience=["patients"])
    make_event(centres["boei"], "Yoga voor naasten", [2], themes=["bewegen"], audience=["relatives"])
    make_event(centres["boei"], "Schilderen", [3], themes=["creatief"], audience=["patients"])
    make_event(centres["baken"], "Wandelen in Zwolle", [4], themes=["bewegen"], audience=["patients"])

    html = render(rf, themes=["bewegen", "creatief"])
    assert listed_titles(html) == ["Wandelgroep", "Yoga voor naasten", "Schilderen"]
    assert agenda_link(html) == "/agenda/?theme=bewegen&theme=creatief"
    assert gettext("See all matching activities in the agenda") in html
    html = render(rf, themes=["bewegen"], audience="patients", centre=centres["boei"].pk, link_text="Alle wandelingen")
    assert listed_titles(html) == ["Wandelgroep"]
    assert agenda_link(html) == "/agenda/?theme=bewegen&audience=patients&centre=de-boei"
    assert "Alle wandelingen" in html


def test_number_of_items_is_one_to_twelve(rf, agenda, centres):
    make_event(centres["boei"], "Vrije inloop", range(1, 20))

    assert len(listed_titles(render(rf, number_of_items=12))) == 12
    block, value = block_value(number_of_items=13)
    with pytest.raises(ValidationError):
        block.clean(value)
    assert UpcomingActivitiesBlock().child_blocks["number_of_items"].get_default() == 3


def test_no_matching_dates_says_so_and_links_to_the_whole_agenda(rf, agenda, centres):
    make_event(centres["boei"], "Wandelgroep", [1], themes=["bewegen"])
    make_event(centres["boei"], "Vorige week", [-7], themes=["creatief"])  # passed

    html = render(rf, themes=["creatief"], link_text="Alle creatieve activiteiten")

    assert gettext("No activities are planned for this at the moment.") in html
    assert agenda_link(html) == "/agenda/"
    assert gettext("See all activities in the agenda") in html


def test_a_chosen_centre_that_was_unpublished_shows_none_of_its_dates(rf, agenda, centres):
    # An editor chose a centre; it closed. The block must not fall back to every centre's dates.
    make_event(centres["boei"], "Wandelgroep", [1])
    make_event(centres["baken"], "Yoga", [2])
    centres["boei"].unpublish()

    html = render(rf, centre=centres["boei"].pk)

    assert listed_titles(html) == []
    assert gettext("No activities are planned for this at the moment.") in html
    assert agenda_link(html) == "/agenda/"


def test_without_an_agenda_page_the_block_still_renders(rf, centres):
    make_event(centres["boei"], "Wandelgroep", [1])

    html = render(rf)

    assert listed_titles(html) == ["Wandelgroep"]
    assert "/agenda/" not in html


@pytest.fixture
def english_home(site_home, root_page):
    english = Locale.objects.get_or_create(language_code="en")[0]
    return HomePageFactory(
        parent=root_page, title="Welcome", slug="home-en", locale=english, translation_key=site_home.translation_key
    )


def test_links_to_the_agenda_in_the_reader_language(rf, agenda, centres, english_home):
    english_agenda = AgendaIndexPage(
        title="Agenda", slug="agenda", locale=english_home.locale, translation_key=agenda.translation_key
    )
    english_home.add_child(instance=english_agenda)
    make_event(centres["boei"], "Wandelgroep", [1], themes=["bewegen"])

    with translation.override("en"):
        html = render(rf, themes=["bewegen"])

    assert agenda_link(html) == "/en/agenda/?theme=bewegen"
    assert "See all matching activities in the agenda" in html


def test_falls_back_to_the_dutch_agenda_without_an_english_one(rf, agenda, centres, english_home):
    make_event(centres["boei"], "Wandelgroep", [1])

    with translation.override("en"):
        assert agenda_link(render(rf)) == "/agenda/"


def test_editors_choose_from_the_themes_by_their_names():
    themes = UpcomingActivitiesBlock().child_blocks["themes"]

    assert theme_choices()[:3] == [
        ("bewegen", "Bewegen en sport"),
        ("creatief", "Creatief"),
        ("informatie", "Informatie en voorlichting"),
    ]
    Theme.objects.create(slug="zingen", label_nl="Zingen", label_en="Singing", icon="palette")
    assert ("zingen", "Zingen") in list(themes.field.choices)  # read again, no restart needed
    assert 'type="checkbox"' in themes.field.widget.render("themes", ["bewegen"])


def test_stored_themes_are_read_without_queries(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert ThemeChoiceBlock(choices=theme_choices).to_python(["bewegen", "creatief"]) == ["bewegen", "creatief"]


def test_editors_can_place_the_block_on_home_and_content_pages():
    for stream in (HomeStreamBlock(), ContentStreamBlock()):
        block = stream.child_blocks["upcoming_activities"]
        assert isinstance(block, UpcomingActivitiesBlock)
        assert block.meta.template and block.meta.icon and block.meta.description
        assert block.get_preview_value()["number_of_items"] == 3


def test_preview_renders(rf, agenda, centres):
    make_event(centres["boei"], "Wandelgroep", [1])
    block = UpcomingActivitiesBlock()
    html = block.render(block.get_preview_value(), context={"request": rf.get("/")})
    assert "Binnenkort" in html and "Wandelgroep" in html


def four_events(centres) -> list:
    """Four events in two centres, each with its own themes."""
    return [
        make_event(centres["boei"], "Wandelgroep", [], themes=["bewegen", "lotgenotencontact"]),
        make_event(centres["boei"], "Schilderen", [], themes=["creatief"]),
        make_event(centres["baken"], "Yoga", [], themes=["bewegen"], audience=["patients"]),
        make_event(centres["baken"], "Koffie-uur", [], themes=["lotgenotencontact"]),
    ]


def add_dates(events, count: int) -> None:
    """``count`` more dates, every three hours, taking turns over ``events``."""
    first = EventOccurrence.objects.count()
    EventOccurrence.objects.bulk_create(
        EventOccurrence(page=events[number % len(events)], start=NOW + dt.timedelta(hours=3 * number + 1))
        for number in range(first, first + count)
    )


# The block's own cost.
BLOCK_QUERIES = 5  # dates, themes, centres, the series of the listed events, the agenda page


@pytest.mark.parametrize("dates", [3, 300])
def test_the_block_costs_the_same_queries_for_3_or_300_dates(rf, agenda, centres, django_assert_num_queries, dates):
    add_dates(four_events(centres), dates)
    block, value = block_value(number_of_items=12)
    request = rf.get("/")
    block.render(value, context={"request": request})  # warm the request's site root paths

    with django_assert_num_queries(BLOCK_QUERIES):
        html = block.render(value, context={"request": request})
    assert len(listed_titles(html)) == min(dates, 12)


def test_a_page_with_the_block_costs_the_same_queries_for_3_or_300_dates(client, site_home, agenda, centres):
    body = [{"type": "upcoming_activities", "value": {"heading": "Binnenkort", "themes": [], "number_of_items": 12}}]
    page = StandardPageFactory(parent=site_home, slug="meedoen", body=json.dumps(body))
    events, counts = four_events(centres), []
    for dates in (3, 297):  # 3, then 300 in all
        add_dates(events, dates)
        client.get(page.url)  # warm Wagtail's site root paths, as on a running server
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page.url)
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


# "Zoek een centrum of activiteit bij u in de buurt"


def render_nearby(rf) -> str:
    block = NearbySearchBlock()
    value = block.to_python({"heading": "Zoek in de buurt", "intro": ""})
    return block.render(value, context={"request": rf.get("/")})


def test_the_nearby_search_sends_the_place_to_the_agenda_or_the_centres(rf, agenda, site_home):
    CentreIndexPageFactory(parent=site_home, slug="centra")

    html = render_nearby(rf)

    assert '<form method="get" action="/agenda/">' in html
    assert 'formaction="/centra/"' in html
    assert 'name="near"' in html and " required" in html  # an empty box is not sent


def test_without_a_centres_index_the_nearby_search_offers_the_agenda_only(rf, agenda):
    html = render_nearby(rf)

    assert '<form method="get" action="/agenda/">' in html
    assert "formaction" not in html


def test_without_an_agenda_the_nearby_search_shows_nothing(rf, site_home):
    CentreIndexPageFactory(parent=site_home, slug="centra")

    assert render_nearby(rf).strip() == ""
