"""Wagtail's dashboard panel "Awaiting your review", bounded and without the events.

Events waiting for review are the "To review" panel's (``panels.ReviewPanel``), soonest first with
what changed; listing them here as well showed each one twice. This panel keeps the other pages in
a workflow (a centre's profile, a content page), which nothing else on the dashboard shows.

Wagtail's own panel (``wagtail.admin.views.home.WorkflowObjectsToModeratePanel``) reads every task
state the user may review, with each one's object, revisions and workflow tasks. With thousands of
imported events waiting, that took 38-83 seconds and 45 MB on PostgreSQL, and SQLite refused the
query ("Expression tree is too large"). This one shows the latest few and counts the rest in the
database, in the same number of queries at any backlog.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState

from agenda_pages.models import EventPage


class AwaitingReviewPanel(Component):
    name = "workflow_objects_to_moderate"  # Wagtail's name: it takes that panel's place
    template_name = "agenda_pages/admin/awaiting_review_panel.html"
    order = 220
    limit = 10

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        if not getattr(settings, "WAGTAIL_WORKFLOW_ENABLED", True):
            return {"rows": []}
        events = ContentType.objects.get_for_model(EventPage)
        reviewable = TaskState.objects.reviewable_by(request.user).exclude(revision__content_type=events)
        latest = reviewable.select_related("task", "revision", "revision__user").order_by("-started_at", "-pk")
        states = list(latest[: self.limit])
        total = reviewable.count() if states else 0
        return {
            "rows": list(self.rows(states)),
            "total": total,
            "not_shown": total - len(states),
        }

    def rows(self, states):
        """(object, edit url, state) for each state: the pages in one query, other objects (snippets
        in a workflow; the site has none yet) one by one."""
        page_ids = [int(state.revision.object_id) for state in states if self.is_page(state)]
        pages = Page.objects.in_bulk(page_ids)
        for state in states:
            if self.is_page(state):
                page = pages.get(int(state.revision.object_id))
                if page is not None:
                    yield page, reverse("wagtailadmin_pages:edit", args=(page.pk,)), state
            elif (obj := state.revision.content_object) is not None:
                yield obj, None, state

    @staticmethod
    def is_page(state) -> bool:
        return state.revision.base_content_type_id == _page_content_type_id()


def _page_content_type_id() -> int:
    return ContentType.objects.get_for_model(Page).pk
