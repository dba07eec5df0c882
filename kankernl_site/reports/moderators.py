"""Reports for the moderators ("Eindredactie") and superusers only.

Like the agenda's moderation report and the e-mail alerts report, they are guarded by the feed
sources' "change" permission, which moderators hold and editors and a centre's staff do not: those get
no menu entry, and at the address Wagtail's answer to a missing permission (a redirect with a message).
"""

from django.utils.functional import cached_property
from wagtail.admin.menu import MenuItem

from agenda_pages.moderation.access import feed_source_policy, user_may_view_report


class ModeratorsOnly:
    """For a Wagtail ``ReportView``: its page, its results and its exports."""

    permission_required = "change"

    @cached_property
    def permission_policy(self):
        return feed_source_policy()


class ShownToModerators:
    """For a Wagtail menu item (or submenu)."""

    def is_shown(self, request):
        return user_may_view_report(request.user)


class ModeratorMenuItem(ShownToModerators, MenuItem):
    pass
