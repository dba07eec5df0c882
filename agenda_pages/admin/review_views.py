"""The "To review" list: a centre's (or a moderator's) pending events, approved or sent back in bulk.

Plain HTML forms: the checkboxes, the comment and the two buttons are one POST form, so it works
without JavaScript. What may be done to which event is decided in ``agenda_pages.moderation.review``.
"""

from dataclasses import dataclass

from django import forms
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from agenda_pages.models.moderation import pending_event_reviews
from agenda_pages.moderation.review import (
    APPROVE,
    REJECT,
    PendingEvent,
    ReviewOutcome,
    approve_events,
    events_of,
    is_moderator,
    reject_events,
    review_tasks,
)
from agenda_pages.public import purging
from agenda_pages.tasks import review_all_waiting

URL_NAME = "agenda_review"


class ReviewActionForm(forms.Form):
    action = forms.ChoiceField(choices=[(APPROVE, _("Approve")), (REJECT, _("Request changes"))])
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed when you request changes. The centre sees it with each of the selected events."),
    )

    select_all = forms.BooleanField(required=False)

    def clean(self):
        cleaned = super().clean()
        # The selected page ids: checked again one by one when acting, never trusted as they are.
        cleaned["pages"] = [int(value) for value in self.data.getlist("page") if value.isascii() and value.isdigit()]
        if not cleaned["pages"] and not cleaned.get("select_all"):
            raise forms.ValidationError(_("Select one or more events."))
        if cleaned.get("action") == REJECT and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("Write a comment for the centre: what should change?"))
        return cleaned


@dataclass(frozen=True)
class ReviewRow:
    event: PendingEvent
    checked: bool

    @property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=(self.event.page.pk,))

    @property
    def preview_url(self):
        return reverse("wagtailadmin_pages:workflow_preview", args=(self.event.page.pk, self.event.task_state.task_id))

    @property
    def compare_url(self):
        """Live version next to the waiting one, for updates only."""
        if self.event.update_waiting:
            return reverse("wagtailadmin_pages:revisions_compare", args=(self.event.page.pk, "live", "latest"))


class ReviewListView(WagtailAdminTemplateMixin, TemplateView):
    """One page of ``paginate_by`` events at a time, ordered and counted by the database, so the list
    costs the same queries and bytes with ten or ten thousand events waiting. The bulk actions act on
    the rows checked on this page, or with "select all" on every event waiting for the user (a task)."""

    template_name = "agenda_pages/admin/review_list.html"
    page_title = _("To review")
    header_icon = "tasks"
    paginate_by = 50

    def get_breadcrumbs_items(self):
        # Wagtail's header names the last breadcrumb; without this one it read "Home".
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        selected = set(form.data.getlist("page")) if form is not None else set()
        now = timezone.now()
        paginator = Paginator(pending_event_reviews(self.request.user).in_review_order(now), self.paginate_by)
        page = paginator.get_page(self.request.GET.get("p"))
        context.update(
            rows=[
                ReviewRow(event, str(event.page.pk) in selected)
                for event in events_of(page.object_list, now, with_themes=True)
            ],
            items=page,
            elided_page_range=paginator.get_elided_page_range(page.number),
            total=paginator.count,
            form=form or ReviewActionForm(),
            action_url=self.request.get_full_path(),
        )
        return context

    def post(self, request, *args, **kwargs):
        form = ReviewActionForm(request.POST)
        if not form.is_valid():
            messages.error(request, gettext("Nothing was done: see the message below."))
            return self.render_to_response(self.get_context_data(form=form))
        pages, comment = form.cleaned_data["pages"], form.cleaned_data["comment"]
        if form.cleaned_data["select_all"]:
            return self.review_all(form.cleaned_data["action"], comment)
        if form.cleaned_data["action"] == APPROVE:
            with purging.batched():  # the CDN hears once of the agenda, not once per event
                outcome = approve_events(request.user, pages, comment)
            done = ngettext("%(count)s event approved.", "%(count)s events approved.", len(outcome.done))
        else:
            outcome = reject_events(request.user, pages, comment)
            done = ngettext(
                "%(count)s event sent back to the centre with your comment.",
                "%(count)s events sent back to the centre with your comment.",
                len(outcome.done),
            )
        if outcome.done:
            messages.success(request, done % {"count": len(outcome.done)})
        self.report_problems(outcome)
        return redirect(request.get_full_path())

    def review_all(self, action: str, comment: str):
        """Every event waiting for the user, in the background: it takes minutes at thousands."""
        count = pending_event_reviews(self.request.user).count()
        review_all_waiting.enqueue(self.request.user.pk, action, comment)
        message = ngettext(
            "%(count)s event is being handled in the background; it leaves this list when it is done.",
            "%(count)s events are being handled in the background; they leave this list as they are done.",
            count,
        )
        messages.success(self.request, message % {"count": count})
        return redirect(URL_NAME)

    def report_problems(self, outcome: ReviewOutcome):
        if outcome.refused:
            # Not named: the ids may be another centre's events, whose titles are not this user's to see.
            count = len(outcome.refused)
            message = ngettext(
                "%(count)s selected event was not changed: you may not review it, or it no longer waits for review.",
                "%(count)s selected events were not changed: you may not review them, or they no longer wait for "
                "review.",
                count,
            )
            messages.error(self.request, message % {"count": count})
        for page, error in outcome.failed:
            messages.error(
                self.request,
                gettext("'%(title)s' could not be handled: %(error)s") % {"title": page.draft_title, "error": error},
            )


class ReviewMenuItem(MenuItem):
    """Shown to moderators, and to others only while they have events to review."""

    def is_shown(self, request):
        return is_moderator(request.user, review_tasks()) or pending_event_reviews(request.user).exists()


def review_menu_item() -> ReviewMenuItem:
    return ReviewMenuItem(_("To review"), reverse(URL_NAME), name="agenda-review", icon_name="tasks", order=245)


def urlpatterns():
    return [path("agenda/review/", ReviewListView.as_view(), name=URL_NAME)]
