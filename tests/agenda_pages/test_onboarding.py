"""Bulk onboarding of centres from a CSV file, on a fresh site and again on a filled one."""

import io
from pathlib import Path

import pytest
from wagtail.models import Page, Revision

from agenda_pages.models import CentreIndexPage, CentrePage, FeedSource
from agenda_pages.onboarding import onboard_centre, onboard_csv
from agenda_pages.onboarding_rows import OnboardingError, normalise_postcode
from tests.agenda_pages.factories import CentreIndexPageFactory, CentrePageFactory, FeedSourceFactory

FILES = Path(__file__).parent / "files"
HEADER = "name,kind,postcode,city,website,feed_url,feed_format\n"


def onboard_file(name: str):
    with open(FILES / name, encoding="utf-8-sig", newline="") as stream:
        return onboard_csv(stream)


def centre_row(**values) -> dict:
    row = {
        "name": "Inloophuis De Boei",
        "kind": "centrum",
        "postcode": "3511 AB",
        "city": "Utrecht",
        "website": "https://deboei.example.nl/",
        "feed_url": "https://deboei.example.nl/agenda.ics",
        "feed_format": "",
    }
    return row | values


def test_fresh_site_gets_a_centres_index_and_published_centres(site_home):
    assert not CentreIndexPage.objects.exists()
    outcomes = onboard_file("centres.csv")

    assert [(o.row, o.name, o.action, o.error) for o in outcomes] == [
        (2, "Inloophuis De Boei", "created", None),
        (3, "Stichting Samen Verder", "created", None),
        (4, "Centrum Het Anker", "created", None),
    ]
    index = CentreIndexPage.objects.get()
    assert (index.title, index.slug, index.live) == ("Centra", "centra", True)
    assert index.get_parent().specific == site_home
    assert index.locale == site_home.locale

    centres = {centre.title: centre for centre in CentrePage.objects.child_of(index)}
    boei = centres["Inloophuis De Boei"]
    assert (boei.kind, boei.postcode, boei.city, boei.website) == (
        "centre",
        "3511 AB",
        "Utrecht",
        "https://deboei.example.nl/",
    )
    assert boei.live and not boei.has_unpublished_changes
    assert boei.revisions.count() == 1
    partner, anker = centres["Stichting Samen Verder"], centres["Centrum Het Anker"]
    assert (partner.kind, partner.postcode) == ("partner", "1012 AB")
    assert (anker.postcode, anker.website) == ("9711", "")

    sources = {source.centre.title: source for source in FeedSource.objects.select_related("centre")}
    assert {title: (s.url, s.format, s.is_active) for title, s in sources.items()} == {
        "Inloophuis De Boei": ("https://deboei.example.nl/agenda.ics", "ics", True),
        "Stichting Samen Verder": ("https://samenverder.example.nl/wp-json/tribe/events/v1/events", "tec-json", True),
        "Centrum Het Anker": ("https://hetanker.example.nl/agenda/", "auto", True),
    }


def test_running_the_same_file_twice_changes_nothing(site_home):
    onboard_file("centres.csv")
    pages, revisions, sources = Page.objects.count(), Revision.objects.count(), FeedSource.objects.count()

    outcomes = onboard_file("centres.csv")

    assert [outcome.action for outcome in outcomes] == ["unchanged"] * 3
    assert (Page.objects.count(), Revision.objects.count(), FeedSource.objects.count()) == (pages, revisions, sources)
    assert CentreIndexPage.objects.count() == 1


def test_bad_rows_are_reported_and_the_good_ones_proceed(site_home):
    outcomes = onboard_file("centres_with_errors.csv")

    assert [(outcome.row, outcome.action) for outcome in outcomes] == [
        (2, "created"),
        (3, None),
        (4, None),
        (5, None),
        (6, None),
        (7, None),
        (8, "created"),
    ]
    errors = {outcome.row: outcome.error for outcome in outcomes if not outcome.ok}
    assert errors[3] == "row 3: name: is required"
    assert errors[4].startswith("row 4: kind: 'ziekenhuis' is not one of")
    assert errors[5] == "row 5: postcode: '35111' is not a Dutch postcode (4 digits and 2 letters, like 1234 AB)"
    assert errors[6] == "row 6: website: 'ftp://noord.example.nl/' is not a valid http or https address"
    assert errors[7].startswith("row 7: feed_format: 'rss' is not one of auto, ics, tec-json, jsonld")
    assert set(CentrePage.objects.values_list("title", flat=True)) == {"Inloophuis De Boei", "Toon Hermans Huis"}
    assert FeedSource.objects.count() == 2


def test_all_problems_of_a_row_are_named_at_once(site_home):
    with pytest.raises(OnboardingError) as caught:
        onboard_centre(**centre_row(kind="", postcode="AB 1234", feed_url="deboei.example.nl/agenda.ics"))
    assert [field for field, _message in caught.value.problems] == ["kind", "postcode", "feed_url"]
    assert not CentrePage.objects.exists()


def test_a_bad_header_stops_the_file(site_home):
    outcomes = onboard_file("centres_bad_header.csv")

    assert len(outcomes) == 1
    assert outcomes[0].row == 1
    assert outcomes[0].error == (
        "Bad header (missing name, feed_format; unexpected 'naam'); "
        "the columns must be name,kind,postcode,city,website,feed_url,feed_format "
        "(and optionally street,phone,opening_hours,description)."
    )
    assert not CentrePage.objects.exists()


def test_columns_may_come_in_any_order_and_blank_lines_are_skipped(site_home):
    text = "feed_format,feed_url,website,city,postcode,kind,name\n\n,,,Utrecht,3511 AB,centrum,Inloophuis De Boei\n"
    outcomes = onboard_csv(io.StringIO(text))
    assert [(outcome.row, outcome.action) for outcome in outcomes] == [(3, "created")]


def test_a_row_with_too_many_fields_is_reported(site_home):
    outcomes = onboard_csv(io.StringIO(HEADER + "Inloophuis De Boei,centrum,3511 AB,Utrecht,,,,extra\n"))
    assert outcomes[0].error == "row 2: has 8 fields, the header has 7"


def test_a_site_whose_root_is_not_a_home_page_is_a_clear_error(plain_page_as_site_root):
    assert type(plain_page_as_site_root.specific) is Page

    outcomes = onboard_file("centres.csv")

    assert len(outcomes) == 1
    assert outcomes[0].row is None
    assert "is not a home page" in outcomes[0].error
    assert not CentreIndexPage.objects.exists() and not CentrePage.objects.exists()


def test_an_existing_centre_is_matched_by_title_whatever_the_case(site_home):
    index = CentreIndexPageFactory(parent=site_home)
    existing = CentrePageFactory(parent=index, title="Inloophuis de Boei", postcode="3511 AB", city="Utrecht")
    existing.save_revision().publish()

    result = onboard_centre(**centre_row(name="INLOOPHUIS DE BOEI", city="Utrecht Centrum"))

    assert result.action == "updated"
    assert result.centre.pk == existing.pk
    assert CentrePage.objects.count() == 1 and CentreIndexPage.objects.count() == 1
    existing.refresh_from_db()
    assert (existing.title, existing.city, existing.website) == (
        "Inloophuis de Boei",
        "Utrecht Centrum",
        "https://deboei.example.nl/",
    )
    assert existing.live and not existing.has_unpublished_changes
    assert result.feed_source.centre_id == existing.pk


def test_a_new_feed_for_an_existing_centre_counts_as_an_update(site_home):
    onboard_centre(**centre_row())
    result = onboard_centre(**centre_row(feed_url="https://deboei.example.nl/agenda-2.ics", feed_format="ics"))
    assert result.action == "updated"
    assert FeedSource.objects.filter(centre=result.centre).count() == 2


def test_blank_cells_leave_what_an_editor_filled_in(site_home):
    centre = onboard_centre(**centre_row(feed_format="ics")).centre
    revisions = Revision.objects.count()

    result = onboard_centre(**centre_row(postcode="", city="", website="", feed_format=""))

    assert result.action == "unchanged"
    centre.refresh_from_db()
    assert (centre.postcode, centre.city, centre.website) == ("3511 AB", "Utrecht", "https://deboei.example.nl/")
    assert FeedSource.objects.get().format == "ics"
    assert Revision.objects.count() == revisions


def test_a_changed_format_updates_the_feed_source(site_home):
    onboard_centre(**centre_row())
    result = onboard_centre(**centre_row(feed_format="jsonld"))
    assert result.action == "updated"
    assert FeedSource.objects.get().format == "jsonld"


def test_an_editors_unpublished_draft_is_not_published_along(site_home):
    centre = onboard_centre(**centre_row()).centre
    draft = centre.get_latest_revision_as_object()
    draft.short_description = "Nog niet klaar"
    draft.save_revision()

    with pytest.raises(OnboardingError, match="has unpublished changes"):
        onboard_centre(**centre_row(city="Zeist"))

    centre.refresh_from_db()
    assert centre.city == "Utrecht" and centre.short_description == ""
    assert centre.has_unpublished_changes


def test_a_feed_of_another_centre_is_refused(site_home):
    onboard_centre(**centre_row())
    with pytest.raises(OnboardingError, match="already the feed of 'Inloophuis De Boei'"):
        onboard_centre(**centre_row(name="Inloophuis Oost"))
    assert not CentrePage.objects.filter(title="Inloophuis Oost").exists()


def test_an_inactive_feed_source_stays_inactive(site_home):
    centre = onboard_centre(**centre_row(feed_url="")).centre
    FeedSourceFactory(centre=centre, url="https://deboei.example.nl/agenda.ics", is_active=False)
    assert onboard_centre(**centre_row()).action == "unchanged"
    assert not FeedSource.objects.get().is_active


@pytest.mark.parametrize(
    ("value", "expected"),
    [("3511ab", "3511 AB"), ("3511 AB", "3511 AB"), (" 3511  Ab ", "3511 AB"), ("3511", "3511")],
)
def test_postcodes_are_normalised(value, expected):
    assert normalise_postcode(value) == expected


@pytest.mark.parametrize("value", ["0511 AB", "351 AB", "35111", "3511 A", "3511 ABC", "AB 3511"])
def test_invalid_postcodes_are_refused(value):
    with pytest.raises(ValueError):
        normalise_postcode(value)


# The centre's profile: street, phone, opening hours and description -------------------------------


def test_the_profile_columns_fill_the_centre_page(site_home):
    outcomes = onboard_file("centres_with_profile.csv")

    assert [(outcome.row, outcome.action, outcome.error) for outcome in outcomes] == [
        (2, "created", None),
        (3, "created", None),
    ]
    boei = CentrePage.objects.get(title="Inloophuis De Boei")
    assert boei.street_address == "Oudegracht 12"
    assert boei.phone == "030 - 123 45 67"
    assert boei.opening_hours == "dinsdag t/m donderdag 10:00-16:00\nvrijdag 10:00-12:30\nIn de zomer op afspraak"
    assert boei.short_description == "Een huiskamer voor iedereen die met kanker te maken heeft. Loop gerust binnen."
    anker = CentrePage.objects.get(title="Centrum Het Anker")  # one line per day, from a cell with ";"
    assert anker.opening_hours == "ma 10-16\nwo 10-16"
    assert (anker.street_address, anker.phone) == ("", "")


def test_a_file_without_the_profile_columns_still_reads(site_home):
    assert [outcome.action for outcome in onboard_file("centres.csv")] == ["created", "created", "created"]


def test_a_wrong_phone_number_and_overlong_profile_values_are_refused(site_home):
    with pytest.raises(OnboardingError) as caught:
        onboard_centre(**centre_row(phone="bel ons", street="x" * 201, description="y" * 501))

    problems = dict(caught.value.problems)
    assert list(problems) == ["street", "phone", "description"]
    assert problems["phone"] == "'bel ons' is not a Dutch phone number (like 030 123 45 67 or +31 30 123 45 67)"
    assert not CentrePage.objects.exists()


@pytest.mark.parametrize("phone", ["+31 (0)30 123 45 67", "06-12345678", "0800 1234", "0031 30 1234567"])
def test_common_ways_of_writing_a_phone_number_are_accepted(site_home, phone):
    assert onboard_centre(**centre_row(phone=phone)).centre.phone == phone


def test_blank_profile_cells_leave_what_an_editor_filled_in(site_home):
    centre = onboard_centre(**centre_row(street="Oudegracht 12", phone="030 123 45 67")).centre
    centre.opening_hours = "dinsdag 10-16"
    centre.save_revision().publish()

    unchanged = onboard_centre(**centre_row(street="", phone="", opening_hours="", description=""))
    updated = onboard_centre(**centre_row(phone="030 765 43 21"))

    assert unchanged.action == "unchanged"
    assert updated.action == "updated"
    centre.refresh_from_db()
    assert (centre.street_address, centre.phone, centre.opening_hours) == (
        "Oudegracht 12",
        "030 765 43 21",
        "dinsdag 10-16",
    )


def test_onboarding_makes_the_english_centres_index_for_the_english_menu(demo_site, client):
    """The English menu had no "Centres": the index had no English translation."""
    onboard_centre(name="Inloophuis De Boei", kind="centre", postcode="3511 AB", city="Utrecht")
    onboard_centre(name="Centrum Het Baken", kind="centre", postcode="8011 CW", city="Zwolle")  # once only

    dutch = CentreIndexPage.objects.get(locale__language_code="nl")
    english = CentreIndexPage.objects.get(locale__language_code="en")
    assert (english.title, english.url, english.live, english.show_in_menus) == ("Centres", "/en/centres/", True, True)
    assert english.translation_key == dutch.translation_key
    html = client.get("/en/").content.decode()
    nav = html[html.index('class="site-nav"') :]
    assert '<a href="/en/centres/">Centres</a>' in nav[: nav.index("</nav>")]
    # It lists the centres, which are not translated.
    listing = client.get("/en/centres/").content.decode()
    assert "Inloophuis De Boei" in listing and "Centrum Het Baken" in listing
