"""Who reviews what: each centre's staff group, and the "Centre review" workflow task.

A centre's staff group is linked to the centre page that made it, so renaming the centre renames the
group. The link is by page and looked up through the page's translation key, so an English
translation of a centre page belongs to the same staff.
"""

from django import forms
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task, TaskState

from .centres import CentrePage, centre_of


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
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if not user.is_authenticated:
            return TaskState.objects.none()
        if self.user_is_moderator(user):
            return in_progress
        page_ids = pages_under_centres(centres_of(user)).annotate(key=Cast("pk", CharField())).values("key")
        return in_progress.filter(
            workflow_state__base_content_type=ContentType.objects.get_for_model(Page),
            workflow_state__object_id__in=page_ids,
        )
