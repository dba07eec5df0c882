from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)

from agenda_pages.admin import review_views
from agenda_pages.admin.panels import FailingFeedsPanel, ReviewPanel
from agenda_pages.admin.viewsets import agenda_viewset_group
from agenda_pages.moderation import reports
from agenda_pages.moderation.access import (
    HideUnexplorablePagesMixin,
    sees_only_own_centres,
    without_unexplorable_centres,
)


@hooks.register("register_admin_viewset")
def register_agenda_viewsets():
    return agenda_viewset_group


@hooks.register("construct_homepage_panels")
def add_agenda_panels(request, panels):
    panels += [ReviewPanel(), FailingFeedsPanel()]


@hooks.register("register_admin_urls")
def register_agenda_urls():
    return [*review_views.urlpatterns(), *reports.urlpatterns]


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return review_views.review_menu_item()


@hooks.register("register_reports_menu_item")
def register_moderation_report_menu_item():
    return reports.menu_item()


# Centre staff must not see another centre's pages anywhere in the admin (issue 4). Wagtail's
# explorer, admin search, reports and page history already filter by what a user may explore; the
# hooks below close the screens that do not (see tests/agenda_pages/moderation/test_permission_matrix.py).


@hooks.register("construct_page_chooser_queryset")
def hide_other_centres_in_page_chooser(pages, request):
    # The chooser lists every page, drafts included, whatever the user's rights.
    return without_unexplorable_centres(pages, request.user)


@hooks.register("before_move_page")
def refuse_move_confirmation_without_permission(request, page, destination):
    # Wagtail checks the move only when it is posted; its confirmation screen would show the title
    # of any page whose id is guessed.
    if not page.permissions_for_user(request.user).can_move():
        return permission_denied(request)


@hooks.register("construct_reports_menu")
def hide_page_types_report_from_centre_staff(request, menu_items):
    # "Page types usage" names the most recently edited page of each type, whoever's it is (another
    # centre's draft event, say), and offers no way to filter that.
    if sees_only_own_centres(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


# Wagtail's page bulk actions, replaced (registered after Wagtail's own, order=1) by the same actions
# whose confirmation screen names only pages the user may explore: ids in the address are guessable.
@hooks.register("register_bulk_action", order=1)
class PublishPagesBulkAction(HideUnexplorablePagesMixin, PublishBulkAction):
    pass


@hooks.register("register_bulk_action", order=1)
class UnpublishPagesBulkAction(HideUnexplorablePagesMixin, UnpublishBulkAction):
    pass


@hooks.register("register_bulk_action", order=1)
class DeletePagesBulkAction(HideUnexplorablePagesMixin, DeleteBulkAction):
    pass


@hooks.register("register_bulk_action", order=1)
class MovePagesBulkAction(HideUnexplorablePagesMixin, MoveBulkAction):
    pass
