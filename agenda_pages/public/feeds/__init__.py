"""The agenda's selection taken along: a calendar subscription (``ical/``) and a feed (``rss/``).

Both read the agenda's own filter parameters (``selection``), list what the public agenda lists
(``content``; drafts, changes waiting for review, withdrawn dates and private pages never), and are
plain 200 responses without cookies, so the page cache keeps them per address until the content
version changes. The agenda page offers them in "Abonneer in uw agenda-app" (``links``).
"""

from agenda_pages.models import AgendaIndexPage
from kankernl_site import registries

from .ical import ical_feed
from .rss import rss_feed


def register() -> None:
    """Called once from ``AgendaPagesConfig.ready``."""
    registries.register_responder(AgendaIndexPage, "ical", ical_feed)
    registries.register_responder(AgendaIndexPage, "rss", rss_feed)
