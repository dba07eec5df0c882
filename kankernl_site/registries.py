"""What page models hand over to the packages above them, without importing those packages.

A Wagtail page serves itself, so its model is where a request for it arrives. What the page then
shows is decided in each app's public package (``agenda_pages.public``, ``elearning_pages.learning``
...), which imports the models. Those packages put their functions here when their app is ready
(``AppConfig.ready``), so the models stay the bottom layer and import none of them.
"""

from collections.abc import Callable

# Page model -> function(page, request, context) -> context, for ``get_context``.
_presenters: dict[type, Callable] = {}
# (Page model or route mixin, name) -> function(page, request, **kwargs) -> HttpResponse, for sub-routes.
_responders: dict[tuple[type, str], Callable] = {}


def register_presenter(model: type, presenter: Callable) -> None:
    _presenters[model] = presenter


def register_responder(model: type, name: str, responder: Callable) -> None:
    _responders[(model, name)] = responder


def presenter_for(model: type) -> Callable:
    return _presenters[model]


def responder_for(model: type, name: str) -> Callable:
    return _responders[(model, name)]


class PresentedPage:
    """Mixin for a page whose context is built by the presenter registered for its model."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return presenter_for(type(self))(self, request, context)
