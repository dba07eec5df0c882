"""What the agenda's page models hand over to the packages above them, without importing those packages.

Who may change a page is decided in ``agenda_pages.moderation`` and how its edit form behaves in
``agenda_pages.admin``; they import the models and put their classes here when the app is ready
(``AgendaPagesConfig.ready``), so the models stay the bottom layer and import neither. What a page
shows goes the same way through the site-wide ``kankernl_site.registries``.
"""

# Page model -> PagePermissionTester subclass.
_permission_testers: dict[type, type] = {}
# Page model -> the admin's form class for it (``base_form_class``).
_form_classes: dict[type, type] = {}


def register_permission_tester(model: type, tester: type) -> None:
    _permission_testers[model] = tester


def register_form_class(model: type, form_class: type) -> None:
    _form_classes[model] = form_class


def form_class_for(model: type, default: type) -> type:
    return _form_classes.get(model, default)


def permission_tester_for(model: type) -> type | None:
    return _permission_testers.get(model)
