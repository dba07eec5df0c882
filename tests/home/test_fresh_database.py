"""A new production database, set up the way the README says: ``migrate`` (pytest-django has run it
for every test), ``createsuperuser``, ``onboard_centres``; then the first import, review and the
public agenda. No demo content is loaded."""

import importlib
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Site, WorkflowPage
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from agenda_pages.models import AgendaIndexPage, CentreIndexPage, CentrePage, EventPage
from agenda_pages.onboarding import CENTRE_INDEX_SLUG, CENTRE_INDEX_TITLE, CENTRE_INDEX_TRANSLATIONS
from home.demo_content import AGENDA, HOME
from home.models import HomePage
from tests.agenda_pages.ics_samples import NOW, WALK, calendar
from tests.home.page_tree import MIGRATED_TREE, page_tree

MIGRATION = importlib.import_module("home.migrations.0004_replace_welcome_page")
PASSWORD = "een-lang-beheerwachtwoord-2026"
REVIEW_URL = "/admin/agenda/review/"


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_migrate_makes_the_home_pages_with_the_agenda_and_the_centres_index(db):
    assert page_tree() == MIGRATED_TREE
    pages = Page.objects.filter(depth__gt=1)
    assert all(page.live and not page.has_unpublished_changes for page in pages)
    assert {page.url_path: page.url for page in pages.specific()} == {
        "/home/": "/",
        "/home/agenda/": "/agenda/",
        "/home/centra/": "/centra/",
        "/home-en/": "/en/",
        "/home-en/agenda/": "/en/agenda/",
        "/home-en/centres/": "/en/centres/",
    }
    # Each English page is the translation of the Dutch one.
    for model in (HomePage, AgendaIndexPage, CentreIndexPage):
        dutch, english = model.objects.order_by("-locale__language_code")
        assert english.translation_key == dutch.translation_key and english.pk != dutch.pk
    site = Site.objects.get()
    assert site.is_default_site and site.root_page.specific == HomePage.objects.get(locale__language_code="nl")
    assert (site.hostname, site.port, site.site_name) == ("testserver", 80, "Centra voor leven met en na kanker")
    # migrate's post_migrate step (setup_roles) found the centres indexes: every event gets reviewed.
    assert set(WorkflowPage.objects.filter(page__depth=3).values_list("page__title", "workflow__name")) == {
        ("Centra", "Evenementen"),
        ("Centres", "Evenementen"),
    }


def test_the_migrated_tree_is_valid(db):
    assert Page.find_problems() == ([], [], [], [], [])
    assert run("fixtree").count("No problems found.") == 2


@pytest.mark.parametrize("url", ["/", "/agenda/", "/centra/", "/en/", "/en/agenda/", "/en/centres/"])
def test_the_migrated_pages_are_served(db, client, url):
    assert client.get(url).status_code == 200


def test_the_migrated_pages_can_be_published_without_a_revision_of_their_own(db):
    for page in Page.objects.filter(depth__gt=1).specific():
        assert page.latest_revision is None
        page.save_revision().publish()
        page.refresh_from_db()
        assert page.live_revision is not None and not page.has_unpublished_changes
    assert Page.find_problems() == ([], [], [], [], [])


def test_the_migrated_pages_can_be_edited_in_the_admin(admin_client):
    home = HomePage.objects.get(locale__language_code="nl")
    agenda = AgendaIndexPage.objects.get(locale__language_code="nl")
    for page in (home, agenda):
        assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200

    hero = {"heading": "Samen verder na kanker", "intro": "Bij een centrum bij u in de buurt."}
    home_data = {"title": "Home", "slug": "home", "body": streamfield([("hero", hero)])}
    agenda_data = {"title": "Activiteiten", "slug": "agenda", "intro": "Alle activiteiten van de centra."}
    for page, data in ((home, home_data), (agenda, agenda_data)):
        form = nested_form_data({**data, "comments": inline_formset([])}) | {"action-publish": "publish"}
        response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), form)
        assert response.status_code == 302, response.context["form"].errors if response.context else response
        page.refresh_from_db()
        assert page.live_revision is not None and not page.has_unpublished_changes

    assert home.body[0].value["heading"] == "Samen verder na kanker"
    assert agenda.title == "Activiteiten"
    assert Page.find_problems() == ([], [], [], [], [])


def test_the_migration_uses_the_titles_and_slugs_of_the_demo_and_of_onboarding():
    """load_demo and onboarding find the pages by type and translation, not by slug; the same names
    keep the addresses (/agenda/, /centra/, /en/centres/) the same whichever made the page."""
    for language in ("nl", "en"):
        home, agenda = getattr(HOME, language), getattr(AGENDA, language)
        migrated_home, migrated_agenda = MIGRATION.HOME[language], MIGRATION.AGENDA[language]
        assert (migrated_home["title"], migrated_home["slug"]) == (home.title, home.slug)
        assert migrated_home["search_description"] == home.search_description
        assert (migrated_agenda["title"], migrated_agenda["slug"]) == (agenda.title, agenda.slug)
        assert (migrated_agenda["intro"], migrated_agenda["search_description"]) == (
            agenda.intro,
            agenda.search_description,
        )
    onboarding = {"nl": (CENTRE_INDEX_TITLE, CENTRE_INDEX_SLUG), **CENTRE_INDEX_TRANSLATIONS}
    assert {language: (names["title"], names["slug"]) for language, names in MIGRATION.CENTRES.items()} == onboarding


def test_a_new_administrator_onboards_imports_reviews_and_sees_the_agenda(
    db, client, feed_server, monkeypatch, settings, tmp_path
):
    settings.AGENDA_FEEDS_ALLOW_PRIVATE_HOSTS = True  # the feed server is on 127.0.0.1
    feed_server.add("/agenda.ics", calendar(WALK), Content_Type="text/calendar")
    centres_csv = tmp_path / "centres.csv"
    centres_csv.write_text(
        "name,kind,postcode,city,website,feed_url,feed_format\n"
        f"Inloophuis De Boei,centrum,3511 AB,Utrecht,https://deboei.example.nl/,{feed_server.url('/agenda.ics')},ics\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", PASSWORD)

    with time_machine.travel(NOW, tick=True):
        run("createsuperuser", "--noinput", "--username", "beheer", "--email", "beheer@example.org")
        assert get_user_model().objects.get(username="beheer").is_superuser

        output = run("onboard_centres", str(centres_csv))
        assert output.splitlines() == ["row 2: Inloophuis De Boei: created", "1 rows onboarded."]
        centre = CentrePage.objects.get()
        assert centre.url_path == "/home/centra/inloophuis-de-boei/" and centre.live

        run("import_feeds")
        event = EventPage.objects.get()
        assert event.title == "Wandelgroep" and not event.live
        assert event.current_workflow_state.workflow.name == "Evenementen"
        assert "Wandelgroep" not in client.get("/agenda/").content.decode()

        assert client.login(username="beheer", password=PASSWORD)
        response = client.post(REVIEW_URL, {"action": "approve", "page": [event.pk]})
        assert response.status_code == 302
        client.logout()

        event.refresh_from_db()
        assert event.live and not event.has_unpublished_changes
        for url in ("/agenda/", "/en/agenda/", "/centra/inloophuis-de-boei/"):
            response = client.get(url)
            assert response.status_code == 200
            assert "Wandelgroep" in response.content.decode(), url
        assert "Inloophuis De Boei" in client.get("/en/centres/").content.decode()


def test_load_demo_after_the_migration_adds_to_the_migrated_pages(db, settings):
    settings.AGENDA_FEEDS_ALLOW_FILE_URLS = True  # so the demo centres are onboarded too, as in development
    migrated = dict(Page.objects.filter(depth__gt=1).values_list("url_path", "pk"))

    run("load_demo")

    for model in (HomePage, AgendaIndexPage, CentreIndexPage):
        assert model.objects.count() == 2, model
    assert dict(Page.objects.filter(url_path__in=migrated).values_list("url_path", "pk")) == migrated
    assert CentrePage.objects.child_of(CentreIndexPage.objects.get(locale__language_code="nl")).count() == 4
    # Both home pages got the demo's content, though the migration made them.
    assert all(home.body for home in HomePage.objects.all())
    assert Site.objects.get().root_page_id == migrated["/home/"]
    assert Page.find_problems() == ([], [], [], [], [])
