"""Who reviews what: each centre's staff group, and the "Centre review" workflow task.

A centre's staff group is linked to the centre page that made it, so renaming the centre renames the
group. The link is by page and looked up through the page's translation key, so an English
translation of a centre page belongs to the same staff.
"""

from django import forms
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, F, IntegerField, Min, OuterRef, Q, Subquery
from django.db.models.functions import Cast, Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from .centres import CentrePage, centre_of
from .events import EventOccurrence, EventPage, OccurrenceStatus


class CentreStaffGroupQuerySet(models.QuerySet):
    def for_user(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(group__in=user.groups.all())

    def for_centre(self, centre: Page):
        return self.filter(centre__translation_key=centre.translation_key)


class CentreStaffGroup(models.Model):
    """The Wagtail group of one centre's staff ("Centrum <name>")."""

    centre = models.OneToOneField(
        "agenda_pages.CentrePage", verbose_name=_("centre"), on_delete=models.CASCADE, related_name="staff_group"
    )
    group = models.OneToOneField(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="centre_link")

    objects = CentreStaffGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("centre staff group")
        verbose_name_plural = _("centre staff groups")

    def __str__(self):
        return self.group.name


def centres_of(user):
    """The centre pages (in every language) whose staff ``user`` belongs to."""
    keys = CentreStaffGroup.objects.for_user(user).values("centre__translation_key")
    return CentrePage.objects.filter(translation_key__in=keys)


def pages_under_centres(centres) -> models.QuerySet:
    """Every page below the given centre pages (their events), as one query."""
    condition = Q(pk__in=[])
    for centre in centres:
        condition |= Q(path__startswith=centre.path, depth__gt=centre.depth)
    return Page.objects.filter(condition)


class CentreReviewTask(Task):
    """Approved by the staff of the centre the page lives under; moderators may act on any centre.

    A centre's own profile page is not one of its events, so only moderators review it.
    """

    moderator_groups = models.ManyToManyField(
        Group,
        verbose_name=_("moderator groups"),
        blank=True,
        related_name="+",
        help_text=_("Members of these groups may review the events of every centre."),
    )

    admin_form_fields = [*Task.admin_form_fields, "moderator_groups"]
    admin_form_widgets = {"moderator_groups": forms.CheckboxSelectMultiple}

    class Meta:
        verbose_name = _("centre review")
        verbose_name_plural = _("centre reviews")

    @classmethod
    def get_description(cls):
        return _("The staff of the centre an event belongs to approve it; moderators may approve any.")

    def user_is_moderator(self, user) -> bool:
        # Cached on the user for the request, as Wagtail's group approval task does: the admin asks
        # this several times per page.
        cache = user.__dict__.setdefault("_centre_review_moderator", {})
        if self.pk not in cache:
            cache[self.pk] = user.is_superuser or self.moderator_groups.filter(id__in=user.groups.all()).exists()
        return cache[self.pk]

    def user_can_review(self, obj, user) -> bool:
        if not user.is_authenticated:
            return False
        if self.user_is_moderator(user):
            return True
        centre = centre_of(obj) if isinstance(obj, Page) else None
        return centre is not None and CentreStaffGroup.objects.for_user(user).for_centre(centre).exists()

    def user_can_access_editor(self, obj, user):
        return self.user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_review(obj, user)

    def get_actions(self, obj, user):
        if not self.user_can_review(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not user.is_authenticated:
            return TaskState.objects.none()
        if self.user_is_moderator(user):
            # Every page in this task, a centre's own profile page too: only moderators review those.
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return pending_event_reviews(user).filter(task=self)


class PendingReviewQuerySet(models.QuerySet):
    """Wagtail's task states, narrowed by ``pending_event_reviews`` to the events waiting for review."""

    def for_reviewer(self, user):
        """What ``user`` may review: moderators (of a task) all its events, centre staff the events
        under their centres. Two queries together with the states: the user's centres, then the states."""
        if not user.is_authenticated:
            return self.none()
        if user.is_superuser:
            return self
        moderated_tasks = CentreReviewTask.objects.filter(moderator_groups__in=user.groups.all()).values("pk")
        own_events = pages_under_centres(centres_of(user)).values("pk")
        return self.filter(Q(task__in=moderated_tasks) | Q(event_id__in=own_events))

    def in_review_order(self, now):
        """Soonest first: by the event's first upcoming date, those without one last, then the
        longest waiting. Ordered by the database so the review list can be paginated at any
        backlog. The date is read from the dates table, which for a new event is the version waiting
        for review; for an update of a live event it is the live version's date (the waiting
        version's dates exist only in its revision's JSON), which is how it sorts until approved."""
        first_start = (
            EventOccurrence.objects.filter(page_id=OuterRef("event_id"))
            .upcoming(now)
            .exclude(status=OccurrenceStatus.WITHDRAWN)
            .order_by("start")
            .values("start")[:1]
        )
        return self.annotate(first_start=Subquery(first_start)).order_by(
            F("first_start").asc(nulls_last=True), "started_at", "pk"
        )

    def with_centre_path(self):
        """The event's centre's page path as ``centre_path``: an event always lives directly under its
        centre, so that is the event's path minus its last step."""
        event_path = Page.objects.filter(pk=OuterRef("event_id")).values("path")[:1]
        return self.annotate(event_path=Subquery(event_path)).annotate(
            centre_path=Substr("event_path", 1, Length("event_path") - Page.steplen)
        )

    def per_centre(self):
        """Per centre path: how many events wait, and since when the oldest waits. Oldest first."""
        return (
            self.with_centre_path()
            .values("centre_path")
            .annotate(pending=Count("pk"), oldest=Min("started_at"))
            .order_by("oldest", "centre_path")
        )


def pending_event_reviews(reviewer=None) -> PendingReviewQuerySet:
    """In-progress centre reviews of event pages, with the event's page id as ``event_id``; with a
    ``reviewer``, only those the reviewer may act on. The one read behind the review list, the
    dashboard panel, the reminder mail, the moderation report and the task's own
    ``get_task_states_user_can_moderate``.

    A workflow state points at its page by a text ``object_id``. Casting that to the page's integer key
    (rather than every page key to text, as Wagtail does) lets the database use the primary key.
    Inactive tasks are left out, as Wagtail does: deactivating a task cancels its reviews.
    """
    states = PendingReviewQuerySet(TaskState).filter(
        status=TaskState.STATUS_IN_PROGRESS,
        task__in=CentreReviewTask.objects.filter(active=True).values("pk"),
        workflow_state__content_type=ContentType.objects.get_for_model(EventPage),
    )
    states = states.annotate(event_id=Cast("workflow_state__object_id", IntegerField()))
    return states if reviewer is None else states.for_reviewer(reviewer)
