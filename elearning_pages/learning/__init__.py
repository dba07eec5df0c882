"""Learning without an account: answers, progress, the pages that show them and saving progress.

``register()`` hands the page models their presenters and sub-route responders
(``kankernl_site.registries``); ``elearning_pages.apps`` calls it when the app is ready.
"""

from . import presenters, responders
from .saving import responders as saving_responders


def register() -> None:
    presenters.register()
    responders.register()
    saving_responders.register()
