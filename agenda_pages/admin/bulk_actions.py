"""Wagtail's page bulk actions, whose confirmation screen names only pages the user may explore.

``wagtail_hooks`` registers these after Wagtail's own (``order=1``), so they replace them: the page
ids are in the address and can be guessed, and the screen would otherwise show another centre's
page titles.
"""

from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)

from agenda_pages.moderation.access import HideUnexplorablePagesMixin


class PublishPagesBulkAction(HideUnexplorablePagesMixin, PublishBulkAction):
    pass


class UnpublishPagesBulkAction(HideUnexplorablePagesMixin, UnpublishBulkAction):
    pass


class DeletePagesBulkAction(HideUnexplorablePagesMixin, DeleteBulkAction):
    pass


class MovePagesBulkAction(HideUnexplorablePagesMixin, MoveBulkAction):
    pass


PAGE_BULK_ACTIONS = (PublishPagesBulkAction, UnpublishPagesBulkAction, DeletePagesBulkAction, MovePagesBulkAction)
