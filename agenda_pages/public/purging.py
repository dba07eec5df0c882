"""Telling a CDN or caching proxy in front of the site which of the agenda's addresses changed.

Wagtail's ``frontend_cache`` purges a page when it is published or unpublished. An event shows in
more places than its own page: the agenda in every language and its feeds, embed and print pages,
its centre's page and printed programme, and the home page's "upcoming activities". Those are
purged here when an event is published or unpublished and when an import changed events, in one
``PurgeBatch``, which Wagtail sends from a background task. Nothing is done (not even a query) when
no purge backend is configured (``WAGTAILFRONTENDCACHE``).
"""

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from agenda_pages import conf
from agenda_pages.models import AgendaIndexPage, CentrePage


def _with_translations(pages) -> list[Page]:
    keys = {page.translation_key for page in pages}
    if not keys:
        return []
    return list(Page.objects.live().public().filter(translation_key__in=keys).specific())


def affected_pages(centre: CentrePage | None) -> list[Page]:
    """Every live agenda, the centre's page in each language, and each site's home page."""
    pages = list(AgendaIndexPage.objects.live().public())
    roots = [site.root_page for site in Site.objects.select_related("root_page")]
    return [*pages, *_with_translations([*roots, *([centre] if centre is not None else [])])]


def _purge(pages) -> None:
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


def purge_for_event(event) -> None:
    """An event was published or unpublished; Wagtail purges the event page itself."""
    if conf.purges_frontend_cache():
        _purge(affected_pages(event.centre()))


def purge_for_source(source) -> None:
    """An import changed the events of ``source``'s centre."""
    if conf.purges_frontend_cache():
        _purge(affected_pages(source.centre))
