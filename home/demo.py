"""Builds the demo site: a Dutch page tree with English translations.

Create-only and keyed on slugs (the agenda on its page type), so running it again changes nothing
and never overwrites what an editor has changed since.
"""

import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Locale, Page, Site
from wagtail.search.index import insert_or_update_object

from agenda_pages.models import AgendaIndexPage

from .demo_content import AGENDA, HOME, STANDARD_PAGES, DemoStandardPage, DemoText
from .models import HomePage, StandardPage

DEMO_ADMIN_USERNAME = "admin"


@dataclass
class DemoResult:
    created: list[str] = field(default_factory=list)
    admin_password: str | None = None


def _paragraph_blocks(text: DemoText) -> list[dict]:
    return [{"type": "paragraph", "value": html} for html in text.paragraphs]


def _home_body(language: str, pages: dict[str, Page]) -> str:
    heading, intro = HOME.hero_nl if language == "nl" else HOME.hero_en
    text = HOME.nl if language == "nl" else HOME.en
    cards = []
    for card in HOME.cards:
        title, card_text, link_text = card.nl if language == "nl" else card.en
        cards.append({"title": title, "text": card_text, "link": {"text": link_text, "page": pages[card.target].pk}})
    upcoming = {"heading": HOME.upcoming_heading[language], "number_of_items": HOME.upcoming_count}
    body = [
        {"type": "hero", "value": {"heading": heading, "intro": intro}},
        {"type": "nearby_search", "value": {"heading": HOME.nearby_heading[language]}},
        *_paragraph_blocks(text),
        {"type": "upcoming_activities", "value": upcoming},
        {"type": "cards", "value": {"heading": HOME.cards_heading[language], "cards": cards}},
    ]
    return json.dumps(body)


def publish(page: Page) -> None:
    page.save_revision().publish()


def create_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    publish(page)
    return page


def _ensure_home(root: Page, nl: Locale) -> tuple[HomePage, bool]:
    home = HomePage.objects.filter(depth=2, locale=nl).first()
    if home:
        return home, False
    # A database migrated before home/migrations/0004 may still have Wagtail's plain welcome page.
    Page.objects.filter(depth=2, content_type__model="page", content_type__app_label="wagtailcore").delete()
    home = HomePage(title=HOME.nl.title, slug=HOME.nl.slug, locale=nl, search_description=HOME.nl.search_description)
    return create_child(root, home), True


def _ensure_site(home: HomePage) -> None:
    """Point the default site at our home page, at the address the admin links to."""
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if base_url.scheme == "https" else 80
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    if site.pk and site.root_page_id == home.pk:
        return
    site.hostname = base_url.hostname or "localhost"
    site.port = base_url.port or default_port
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()


def _standard_page(text: DemoText, spec: DemoStandardPage, **fields) -> StandardPage:
    return StandardPage(
        title=text.title,
        slug=text.slug,
        intro=text.intro,
        search_description=text.search_description,
        body=json.dumps(_paragraph_blocks(text)),
        show_in_menus=spec.show_in_menus,
        show_in_footer=spec.show_in_footer,
        **fields,
    )


def _ensure_standard_page(parent: Page, spec: DemoStandardPage) -> tuple[StandardPage, bool]:
    existing = StandardPage.objects.child_of(parent).filter(slug=spec.nl.slug).first()
    if existing:
        return existing, False
    return create_child(parent, _standard_page(spec.nl, spec, locale=parent.locale)), True


def _free_slug(parent: Page, *slugs: str) -> str:
    """The first of ``slugs`` that no child of ``parent`` uses yet (the last one if all are taken)."""
    taken = set(Page.objects.child_of(parent).filter(slug__in=slugs).values_list("slug", flat=True))
    return next((slug for slug in slugs if slug not in taken), slugs[-1])


def _agenda_index(parent: Page, text: DemoText, language: str) -> AgendaIndexPage:
    """The agenda page, at ``/agenda/`` unless another page has that address.

    An older demo, or an editor, may have put a page at /agenda/; that page is left alone.
    """
    return AgendaIndexPage(
        title=text.title,
        slug=_free_slug(parent, text.slug, AGENDA.fallback_slugs[language]),
        intro=text.intro,
        search_description=text.search_description,
        show_in_menus=True,
    )


def _ensure_agenda_index(home: HomePage) -> tuple[AgendaIndexPage, bool]:
    existing = AgendaIndexPage.objects.child_of(home).first()
    if existing:
        return existing, False
    return create_child(home, _agenda_index(home, AGENDA.nl, "nl")), True


def ensure_translation(source: Page, parent: Page, translation: Page, locale: Locale) -> tuple[Page, bool]:
    """Add ``translation`` (an unsaved page) as the translation of ``source`` unless one exists.

    Built as a new page rather than with ``copy_for_translation``: a copy carries the Dutch slug,
    and renaming it afterwards leaves a needless redirect behind.
    """
    existing = source.get_translation_or_none(locale)
    if existing:
        return existing.specific, False
    translation.locale = locale
    translation.translation_key = source.translation_key
    return create_child(parent, translation), True


def _ensure_demo_admin(result: DemoResult) -> None:
    password = settings.DEMO_ADMIN_PASSWORD
    if not password:
        return
    user, _created = get_user_model().objects.get_or_create(
        username=DEMO_ADMIN_USERNAME, defaults={"email": "admin@example.org"}
    )
    # Reset every time so the login printed by `make run` always works.
    user.is_staff = user.is_superuser = user.is_active = True
    user.set_password(password)
    user.save()
    result.admin_password = password


@transaction.atomic
def load_demo_content() -> DemoResult:
    result = DemoResult()
    nl = Locale.objects.get_or_create(language_code="nl")[0]
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()

    def note(page: Page, created: bool) -> Page:
        if created:
            result.created.append(page.url_path)
        return page

    home = note(*_ensure_home(root, nl))
    _ensure_site(home)
    agenda = note(*_ensure_agenda_index(home))
    pages_nl = {spec.key: note(*_ensure_standard_page(home, spec)) for spec in STANDARD_PAGES}
    pages_nl["agenda"] = agenda
    if not home.body:
        home.body = _home_body("nl", pages_nl)
        publish(home)

    # The English home is a sibling of the Dutch one under the tree root, sharing its translation key.
    english_home = HomePage(title=HOME.en.title, slug=HOME.en.slug, search_description=HOME.en.search_description)
    home_en = note(*ensure_translation(home, root, english_home, en))
    agenda_en = note(*ensure_translation(agenda, home_en, _agenda_index(home_en, AGENDA.en, "en"), en))
    pages_en = {
        spec.key: note(*ensure_translation(pages_nl[spec.key], home_en, _standard_page(spec.en, spec), en))
        for spec in STANDARD_PAGES
    }
    pages_en["agenda"] = agenda_en
    if not home_en.body:  # the migration's English home (home/migrations/0004) starts empty too
        home_en.body = _home_body("en", pages_en)
        publish(home_en)

    # The agenda pages of a new database (home/migrations/0004) are not in the site search until they
    # are first published; the demo's search finds them, as it did when the demo made them.
    for page in (agenda, agenda_en):
        insert_or_update_object(page)

    _ensure_demo_admin(result)
    return result
