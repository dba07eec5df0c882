"""What the page models hand over to the packages above them, without importing those packages.

A Wagtail page serves itself, so its model is where a request for it arrives. What the page then
shows is decided in ``agenda_pages.public``, who may change it in ``agenda_pages.moderation`` and
how its edit form behaves in ``agenda_pages.admin``; they import the models. They put their
functions here when the app is ready (``AgendaPagesConfig.ready``), so the models stay the bottom
layer and import none of them.
"""

from collections.abc import Callable

# Page model -> function(page, request, context) -> context, for ``get_context``.
_presenters: dict[type, Callable] = {}
# (Page model, name) -> function(page, request) -> HttpResponse, for the pages' sub-routes.
_responders: dict[tuple[type, str], Callable] = {}
# Page model -> PagePermissionTester subclass.
_permission_testers: dict[type, type] = {}
# Page model -> the admin's form class for it (``base_form_class``).
_form_classes: dict[type, type] = {}


def register_presenter(model: type, presenter: Callable) -> None:
    _presenters[model] = presenter


def register_responder(model: type, name: str, responder: Callable) -> None:
    _responders[(model, name)] = responder


def register_permission_tester(model: type, tester: type) -> None:
    _permission_testers[model] = tester


def register_form_class(model: type, form_class: type) -> None:
    _form_classes[model] = form_class


def form_class_for(model: type, default: type) -> type:
    return _form_classes.get(model, default)


def presenter_for(model: type) -> Callable:
    return _presenters[model]


def responder_for(model: type, name: str) -> Callable:
    return _responders[(model, name)]


def permission_tester_for(model: type) -> type | None:
    return _permission_testers.get(model)


class PresentedPage:
    """Mixin for a page whose context is built by the presenter registered for its model."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return presenter_for(type(self))(self, request, context)
