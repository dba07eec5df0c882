"""What the toolbox's pages show to the public: ``presenters`` builds each page's context."""

from . import presenters


def register() -> None:
    presenters.register()
