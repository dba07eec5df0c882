"""Admin screens that would show another centre's pages to centre staff, closed (issue 4).

Wagtail's explorer, admin search, reports and page history already filter by what a user may
explore; these close the screens that do not (see
tests/agenda_pages/moderation/test_permission_matrix.py). ``wagtail_hooks`` registers them.
"""

from wagtail.admin.auth import permission_denied

from agenda_pages.moderation.access import sees_only_own_centres, without_unexplorable_centres


def hide_other_centres_in_page_chooser(pages, request):
    # The chooser lists every page, drafts included, whatever the user's rights.
    return without_unexplorable_centres(pages, request.user)


def refuse_move_confirmation_without_permission(request, page, destination):
    # Wagtail checks the move only when it is posted; its confirmation screen would show the title
    # of any page whose id is guessed.
    if not page.permissions_for_user(request.user).can_move():
        return permission_denied(request)
    return None


def hide_page_types_report_from_centre_staff(request, menu_items):
    # "Page types usage" names the most recently edited page of each type, whoever's it is (another
    # centre's draft event, say), and offers no way to filter that.
    if sees_only_own_centres(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
