"""What the toolbox's pages show to the public: ``presenters`` builds each page's context, ``search``
answers the overview's ``zoeken/`` route (see ``finding`` for its queries, ``facets`` for its rules)."""

from kankernl_site.registries import register_responder
from toolbox.models import ToolboxIndexPage

from . import presenters, search


def register() -> None:
    presenters.register()
    register_responder(ToolboxIndexPage, "search", search.search)
