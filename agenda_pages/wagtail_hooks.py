from wagtail import hooks

from .panels import FailingFeedsPanel
from .viewsets import agenda_viewset_group


@hooks.register("register_admin_viewset")
def register_agenda_viewsets():
    return agenda_viewset_group


@hooks.register("construct_homepage_panels")
def add_failing_feeds_panel(request, panels):
    panels.append(FailingFeedsPanel())
