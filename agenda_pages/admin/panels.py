"""Dashboard panels for the Wagtail admin home page."""

from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.admin.ui.components import Component

from agenda_pages.admin.awaiting_review import AwaitingReviewPanel
from agenda_pages.models.moderation import pending_event_reviews
from agenda_pages.moderation.access import user_can_edit_source, visible_sources
from agenda_pages.moderation.review import pending_events


class FailingFeedsPanel(Component):
    """Active feed sources that failed their last import(s) or wait for review; renders nothing when all is well."""

    name = "failing_feeds"
    template_name = "agenda_pages/admin/failing_feeds_panel.html"
    order = 150
    edit_url_name = "agenda_feeds:edit"

    def get_sources(self, user):
        return visible_sources(user).needing_attention().select_related("centre")

    def get_context_data(self, parent_context):
        # The template renders nothing without sources, as Wagtail's own "locked pages" panel does.
        user = parent_context["request"].user
        return {"sources": [(source, self.get_edit_url(user, source)) for source in self.get_sources(user)]}

    def get_edit_url(self, user, source):
        if user_can_edit_source(user, source):
            return reverse(self.edit_url_name, args=(quote(source.pk),))


class ReviewPanel(Component):
    """The first events waiting for the user's review, soonest first; renders nothing when there are none."""

    name = "agenda_review"
    template_name = "agenda_pages/admin/review_panel.html"
    order = 140  # above the failing feeds and Wagtail's own "Awaiting your review"
    limit = 10

    def get_context_data(self, parent_context):
        # The first few read, the rest counted by the database: the panel costs the same at any backlog.
        user = parent_context["request"].user
        events = pending_events(user, limit=self.limit)
        total = pending_event_reviews(user).count() if events else 0
        return {"events": events, "total": total, "list_url": reverse("agenda_review")}


def agenda_panels(request, panels):
    """The dashboard's agenda panels (hook ``construct_homepage_panels``), and Wagtail's "Awaiting your
    review" replaced by one that reads a bounded number of pages (see ``awaiting_review``)."""
    panels[:] = [AwaitingReviewPanel() if panel.name == AwaitingReviewPanel.name else panel for panel in panels]
    panels += [ReviewPanel(), FailingFeedsPanel()]
