"""Replace Wagtail's "Welcome to your new Wagtail site!" page with this site's page tree.

On a new database ``migrate`` then leaves what the rest of the site expects (as a project made with
``wagtail start`` does with its home page): the Dutch home page as the default site's root, with
the agenda and the centres index under it, and their English translations under an English home
page, a sibling under the tree root that shares the Dutch home's translation key. Onboarding,
imports and ``load_demo`` find these pages and only add to them.

A database that has content is left alone: the welcome page is replaced only while it is still
Wagtail's untouched plain page, the root's only child, without children or revisions.

The pages are made with the historical models, so everything Wagtail's tree methods would fill in
is set here (path, depth, numchild, url_path, draft_title, locale, translation_key, live, the
content type). No revision is made: Wagtail makes the first when the page is saved or published.
The titles and slugs are those of the demo (``home/demo_content.py``) and of onboarding
(``agenda_pages/onboarding.py``), copied so this migration stays as it is when those change;
``tests/home/test_fresh_database.py`` checks that they agree.
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import migrations
from django.utils import timezone
from treebeard.mp_tree import MP_Node
from treebeard.numconv import NumConv

# Wagtail's own 0002_initial_data makes the default site with these.
WAGTAIL_DEFAULT_HOSTNAME, WAGTAIL_DEFAULT_PORT = "localhost", 80

HOME = {
    "nl": {
        "title": "Home",
        "slug": "home",
        "search_description": (
            "Activiteiten van de centra voor leven met en na kanker bij u in de buurt, "
            "en kennis voor de mensen die deze centra draaien."
        ),
    },
    "en": {
        "title": "Home",
        "slug": "home-en",
        "search_description": (
            "Activities at the centres for living with and after cancer near you, "
            "and knowledge for the people who run them."
        ),
    },
}
AGENDA = {
    "nl": {
        "title": "Agenda",
        "slug": "agenda",
        "search_description": (
            "Activiteiten van alle centra voor leven met en na kanker. Zoek op onderwerp, datum of plaats."
        ),
        "intro": (
            "Hier vindt u de activiteiten van alle centra en van hun partners. Zoek op onderwerp, "
            "op datum of op een plaats bij u in de buurt."
        ),
    },
    "en": {
        "title": "Agenda",
        "slug": "agenda",
        "search_description": (
            "Activities of all centres for living with and after cancer. Search by topic, date or place."
        ),
        "intro": (
            "Here you find the activities of all centres and their partners. Search by topic, by date "
            "or by a place near you."
        ),
    },
}
CENTRES = {"nl": {"title": "Centra", "slug": "centra"}, "en": {"title": "Centres", "slug": "centres"}}


def path_step(number: int) -> str:
    """The ``number``-th step of a page's path (1 is "0001"), as treebeard writes it for Wagtail's pages."""
    return NumConv(MP_Node.alphabet).int2str(number).rjust(MP_Node.steplen, "0")


def untouched_welcome_page(Page):
    """Wagtail's welcome page when nothing has been done to the tree yet, else None."""
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return None
    children = list(Page.objects.filter(depth=2, path__startswith=root.path).select_related("content_type"))
    if len(children) != 1:
        return None
    [welcome] = children
    plain = (welcome.content_type.app_label, welcome.content_type.model) == ("wagtailcore", "page")
    untouched = welcome.numchild == 0 and welcome.latest_revision_id is None
    if not plain or not untouched or Page.objects.filter(path__startswith=welcome.path).count() != 1:
        return None
    return welcome


class TreeBuilder:
    """Makes published pages with the historical models, filling in what ``add_child`` would."""

    def __init__(self, apps, Page):
        self.apps = apps
        self.Page = Page
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.now = timezone.now()

    def add(self, parent, position: int, model_name: str, *, locale, translation_key, title, slug, **fields):
        app_label, model = model_name.split(".")
        content_type, _created = self.ContentType.objects.get_or_create(app_label=app_label, model=model.lower())
        page = self.apps.get_model(app_label, model).objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=parent.path + path_step(position),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            locale=locale,
            translation_key=translation_key,
            live=True,
            has_unpublished_changes=False,
            first_published_at=self.now,
            last_published_at=self.now,
            **fields,
        )
        self.Page.objects.filter(pk=parent.pk).update(numchild=position)
        return page

    def home_tree(self, root, position: int, language: str, locale, keys: dict):
        home = self.add(
            root, position, "home.HomePage", locale=locale, translation_key=keys["home"], body=[], **HOME[language]
        )
        self.add(
            home,
            1,
            "agenda_pages.AgendaIndexPage",
            locale=locale,
            translation_key=keys["agenda"],
            show_in_menus=True,
            **AGENDA[language],
        )
        self.add(
            home,
            2,
            "agenda_pages.CentreIndexPage",
            locale=locale,
            translation_key=keys["centres"],
            show_in_menus=True,
            **CENTRES[language],
        )
        return home


def configure_default_site(Site, home) -> None:
    """The default site shows the home page, at the address the admin links to
    (WAGTAILADMIN_BASE_URL) and with the site's name, unless someone set those already."""
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.root_page = home
    if site.pk is None or (site.hostname, site.port) == (WAGTAIL_DEFAULT_HOSTNAME, WAGTAIL_DEFAULT_PORT):
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        hostname = base_url.hostname or WAGTAIL_DEFAULT_HOSTNAME
        port = base_url.port or (443 if base_url.scheme == "https" else 80)
        if not Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
            site.hostname, site.port = hostname, port
    site.site_name = site.site_name or settings.WAGTAIL_SITE_NAME
    site.save()


def replace_welcome_page(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    welcome = untouched_welcome_page(Page)
    if welcome is None:
        return
    root = Page.objects.get(depth=1, path=welcome.path[: MP_Node.steplen])
    locales = {language: Locale.objects.get_or_create(language_code=language)[0] for language in ("nl", "en")}
    keys = {name: uuid.uuid4() for name in ("home", "agenda", "centres")}

    # Deleting the welcome page would delete the sites that show it with it: they show the
    # root until the new home page has taken its place in the tree.
    sites = list(Site.objects.filter(root_page=welcome).values_list("pk", flat=True))
    Site.objects.filter(pk__in=sites).update(root_page=root)
    welcome.delete()
    Page.objects.filter(pk=root.pk).update(numchild=0)

    builder = TreeBuilder(apps, Page)
    home = builder.home_tree(root, 1, "nl", locales["nl"], keys)
    builder.home_tree(root, 2, "en", locales["en"], keys)
    Site.objects.filter(pk__in=sites).update(root_page=home)
    configure_default_site(Site, home)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("home", "0003_nearby_search_block"),
        ("agenda_pages", "0008_search_index"),
    ]

    operations = [migrations.RunPython(replace_welcome_page, migrations.RunPython.noop)]
