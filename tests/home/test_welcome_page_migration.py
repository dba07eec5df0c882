"""The migration that replaces Wagtail's welcome page (home/migrations/0004), run again with its
historical models on other trees: it replaces only an untouched welcome page and leaves any other
tree, and the site, as they are."""

import importlib

import pytest
from django.db.migrations.loader import MigrationLoader
from wagtail.models import Page, Site

from home.models import HomePage
from tests.home.page_tree import MIGRATED_TREE, page_tree, tree_rows

MIGRATION = importlib.import_module("home.migrations.0004_replace_welcome_page")
WELCOME = "Welcome to your new Wagtail site!"


@pytest.fixture(scope="module")
def migration_apps():
    """The models as they are when the migration runs."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return loader.project_state(("home", "0004_replace_welcome_page")).apps


@pytest.fixture
def welcome_page(root_page, empty_page_tree):
    """The tree and the default site as Wagtail's own migrations leave them."""
    page = root_page.add_child(instance=Page(title=WELCOME, slug="home"))
    empty_page_tree.root_page = page
    empty_page_tree.save()
    return page


def migrate_again(apps) -> None:
    MIGRATION.replace_welcome_page(apps, schema_editor=None)


def site_rows() -> list[dict]:
    return list(Site.objects.order_by("pk").values())


def test_an_untouched_welcome_page_is_replaced(welcome_page, migration_apps):
    site = Site.objects.get()

    migrate_again(migration_apps)

    assert page_tree() == MIGRATED_TREE
    assert not Page.objects.filter(pk=welcome_page.pk).exists()
    home = HomePage.objects.get(locale__language_code="nl")
    assert site_rows() == [
        {
            "id": site.pk,
            "hostname": "testserver",  # WAGTAILADMIN_BASE_URL of the test settings
            "port": 80,
            "site_name": "Centra voor leven met en na kanker",
            "root_page_id": home.pk,
            "is_default_site": True,
        }
    ]
    assert Page.find_problems() == ([], [], [], [], [])


def test_an_address_and_name_someone_gave_the_site_are_kept(welcome_page, migration_apps):
    Site.objects.update(hostname="www.centra.example", port=443, site_name="Centra")

    migrate_again(migration_apps)

    site = Site.objects.get()
    assert (site.hostname, site.port, site.site_name) == ("www.centra.example", 443, "Centra")
    assert site.root_page.specific == HomePage.objects.get(locale__language_code="nl")


def edit(welcome: Page) -> None:
    welcome.title = "Welkom"
    welcome.save_revision()


def add_a_child(welcome: Page) -> None:
    welcome.add_child(instance=Page(title="Over ons", slug="over-ons"))


def add_a_home_beside_it(welcome: Page) -> None:
    Page.get_first_root_node().add_child(instance=HomePage(title="Home", slug="thuis"))


@pytest.mark.parametrize("change", [edit, add_a_child, add_a_home_beside_it])
def test_a_welcome_page_someone_worked_on_is_left_alone(welcome_page, migration_apps, change):
    change(welcome_page)
    pages, sites = tree_rows(), site_rows()

    migrate_again(migration_apps)

    assert (tree_rows(), site_rows()) == (pages, sites)


def test_the_migrated_tree_is_left_alone(db, migration_apps):
    pages, sites = tree_rows(), site_rows()

    migrate_again(migration_apps)

    assert (tree_rows(), site_rows()) == (pages, sites)
    assert page_tree() == MIGRATED_TREE


def test_a_tree_with_its_own_home_page_is_left_alone(site_home, migration_apps):
    pages, sites = tree_rows(), site_rows()

    migrate_again(migration_apps)

    assert (tree_rows(), site_rows()) == (pages, sites)


def test_the_migration_can_be_reversed_without_undoing_anything():
    [operation] = MIGRATION.Migration.operations
    assert operation.reversible
