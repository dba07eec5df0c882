"""Wagtail's page bulk actions, whose confirmation screen names only pages the user may explore.

``wagtail_hooks`` registers these after Wagtail's own (``order=1``), so they replace them: the page
ids are in the address and can be guessed, and the screen would otherwise show another centre's
page titles. Publishing and unpublishing many events purges a CDN's agenda once, not once per event.
"""

from wagtail.admin.views.pages.bulk_actions import (
    DeleteBulkAction,
    MoveBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
)

from agenda_pages.moderation.access import HideUnexplorablePagesMixin
from agenda_pages.public import purging


class PurgeOnceMixin:
    """Publishing or unpublishing many events tells a CDN about the agenda once, at the end."""

    @classmethod
    def execute_action(cls, objects, *args, **kwargs):
        with purging.batched():
            return super().execute_action(objects, *args, **kwargs)


class PublishPagesBulkAction(HideUnexplorablePagesMixin, PurgeOnceMixin, PublishBulkAction):
    pass


class UnpublishPagesBulkAction(HideUnexplorablePagesMixin, PurgeOnceMixin, UnpublishBulkAction):
    pass


class DeletePagesBulkAction(HideUnexplorablePagesMixin, DeleteBulkAction):
    pass


class MovePagesBulkAction(HideUnexplorablePagesMixin, MoveBulkAction):
    pass


PAGE_BULK_ACTIONS = (PublishPagesBulkAction, UnpublishPagesBulkAction, DeletePagesBulkAction, MovePagesBulkAction)
