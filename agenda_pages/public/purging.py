"""Telling a CDN or caching proxy in front of the site which of the agenda's addresses changed.

Wagtail's ``frontend_cache`` purges a page when it is published or unpublished. An event shows in
more places than its own page: the agenda in every language and its feeds, embed and print pages,
its centre's page and printed programme, and the home page's "upcoming activities". Those are
purged here when an event is published or unpublished and when an import changed events, in one
``PurgeBatch``, which Wagtail sends from a background task. Nothing is done (not even a query) when
no purge backend is configured (``WAGTAILFRONTENDCACHE``).

Approving many events at once (the review list, "select all", Wagtail's bulk publish) runs inside
``batched()``: the addresses of all their centres are purged once at the end, instead of the same
agenda addresses once per event.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from agenda_pages import conf
from agenda_pages.models import AgendaIndexPage, CentrePage


def _with_translations(pages) -> list[Page]:
    keys = {page.translation_key for page in pages}
    if not keys:
        return []
    return list(Page.objects.live().public().filter(translation_key__in=keys).specific())


# The centres (by id; None: an event without one) whose addresses wait for the end of the current
# ``batched()`` block; None outside one.
_pending: ContextVar[dict[int | None, CentrePage | None] | None] = ContextVar("purging_pending", default=None)


def affected_pages(*centres: CentrePage | None) -> list[Page]:
    """Every live agenda, the centres' pages in each language, and each site's home page."""
    pages = list(AgendaIndexPage.objects.live().public())
    roots = [site.root_page for site in Site.objects.select_related("root_page")]
    return [*pages, *_with_translations([*roots, *(centre for centre in centres if centre is not None)])]


def _purge(pages) -> None:
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


def _purge_for(centre: CentrePage | None) -> None:
    pending = _pending.get()
    if pending is None:
        _purge(affected_pages(centre))
    else:
        pending[centre.pk if centre is not None else None] = centre


def purge_for_event(event) -> None:
    """An event was published or unpublished; Wagtail purges the event page itself."""
    if conf.purges_frontend_cache():
        _purge_for(event.centre())


def purge_for_source(source) -> None:
    """An import changed the events of ``source``'s centre."""
    if conf.purges_frontend_cache():
        _purge_for(source.centre)


@contextmanager
def batched():
    """Purge what everything inside changes once, at the end. Events approved one by one in their
    own transactions are live at the end even if a later one failed, so the end purges in any
    case. A block inside another joins the outer one."""
    if _pending.get() is not None:
        yield
        return
    token = _pending.set({})
    try:
        yield
    finally:
        centres = _pending.get()
        _pending.reset(token)
        if centres:
            _purge(affected_pages(*centres.values()))
