"""What centre staff may see in the admin beyond their own centre: nothing.

- Feed sources: centre staff see their own centre's sources; moderators (model permissions) see them
  all. ``FeedSourcePermissionPolicy`` is registered as the permission policy of ``FeedSource``, so the
  generic admin views (listing, edit, delete) and our own import and run-history screens all give
  the same answer.
- Pages: Wagtail's explorer, admin search, reports and page history already show a user only the
  pages they may explore. A few admin screens list pages regardless (the page chooser, the
  confirmation of a bulk action); the helpers below leave out another centre's pages there, and
  ``wagtail_hooks`` applies them.
"""

from functools import partial

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from agenda_pages.models import FeedSource, registries
from agenda_pages.models.centres import CentrePage
from agenda_pages.models.moderation import CentreStaffGroup, centres_of

# What staff may do with their own centre's sources: follow the imports. Changing the address or
# the defaults stays with the moderators, who onboard centres.
STAFF_ACTIONS = frozenset({"view"})


class FeedSourcePermissionPolicy(ModelPermissionPolicy):
    def _model_permission(self, user, action) -> bool:
        """The Django permission alone (moderators), without the rights staff have on their own centre."""
        return super().user_has_permission(user, action)

    def _is_staff(self, user) -> bool:
        return user.is_active and CentreStaffGroup.objects.for_user(user).exists()

    def user_has_permission(self, user, action):
        return self._model_permission(user, action) or (action in STAFF_ACTIONS and self._is_staff(user))

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        if STAFF_ACTIONS.intersection(actions):
            staff = get_user_model().objects.filter(is_active=True, groups__centre_link__isnull=False)
            users = (users | staff).distinct()
        return users

    def user_has_permission_for_instance(self, user, action, instance):
        if self._model_permission(user, action):
            return True
        return action in STAFF_ACTIONS and centres_of(user).filter(pk=instance.centre_id).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if any(self._model_permission(user, action) for action in actions):
            return self.model._default_manager.all()
        if STAFF_ACTIONS.intersection(actions) and user.is_active:
            return self.model._default_manager.filter(centre__in=centres_of(user))
        return self.model._default_manager.none()


def explorable_pages(user):
    """The pages ``user`` may see in the explorer: those they hold a right on, with their ancestors."""
    return policy_registry.get_by_type(Page).explorable_instances(user)


def without_unexplorable_centres(pages, user):
    """``pages`` without the centres ``user`` may not explore, nor anything below them.

    Wagtail's page chooser lists every page of the tree, drafts included, whatever the user's rights:
    right for linking to any public page, wrong for another centre's draft events. Pages outside the
    centres stay choosable, and so does everything for users who may explore the whole tree.
    """
    if user.is_superuser:
        return pages
    hidden = CentrePage.objects.exclude(pk__in=explorable_pages(user).values("pk")).values_list("path", flat=True)
    below_hidden = Q()
    for path in hidden:
        below_hidden |= Q(path__startswith=path)
    return pages.exclude(below_hidden) if below_hidden else pages


def sees_only_own_centres(user) -> bool:
    """True for centre staff without wider rights: every page right they hold is on a centre page."""
    if user.is_superuser or not user.is_active:
        return False
    rights = policy_registry.get_by_type(Page).get_cached_permissions_for_user(user)
    centre_type = ContentType.objects.get_for_model(CentrePage).pk
    return bool(rights) and all(right.page.content_type_id == centre_type for right in rights)


class HideUnexplorablePagesMixin:
    """For Wagtail's page bulk actions (publish, unpublish, delete, move).

    Their confirmation screen names, by title, each chosen page the user may not act on. Page ids in
    the address are easy to guess, so a page the user may not even explore is left out of that list:
    another centre's staff learn nothing from it. Acting on it was refused already.
    """

    def get_actionable_objects(self):
        objects, context = super().get_actionable_objects()
        refused = context["items_with_no_access"]
        if refused and not self.request.user.is_superuser:
            visible = set(
                explorable_pages(self.request.user)
                .filter(pk__in=[page.pk for page in refused])
                .values_list("pk", flat=True)
            )
            context["items_with_no_access"] = [page for page in refused if page.pk in visible]
        return objects, context


def feed_source_policy():
    """The policy ``register()`` installed for feed sources."""
    return policy_registry.get_by_type(FeedSource)


def user_can_edit_source(user, source: FeedSource) -> bool:
    return feed_source_policy().user_has_permission_for_instance(user, "change", source)


def user_can_import_source(user, source: FeedSource) -> bool:
    """Import now and dry run both need change permission: they fetch the feed on the user's behalf."""
    return feed_source_policy().user_has_permission_for_instance(user, "change", source)


def user_can_view_runs(user, source: FeedSource) -> bool:
    return feed_source_policy().user_has_any_permission_for_instance(user, ["view", "change"], source)


def user_may_view_report(user) -> bool:
    """The moderation report is for those who may change every centre's sources: the moderators."""
    return feed_source_policy().user_has_permission(user, "change")


def visible_sources(user):
    """The sources a user may see at all (the listing, the dashboard panel)."""
    return feed_source_policy().instances_user_has_any_permission_for(user, ["add", "change", "delete", "view"])


class CentrePagePermissionTester(PagePermissionTester):
    """A centre's staff hold their rights on their centre page, and Wagtail applies such a right to
    the page itself as well as to the events below it. The profile page itself speaks for the centre
    to the public, so publishing, unpublishing, deleting or moving it takes a right granted above it
    (moderators); rights granted on the page itself only let staff edit it and submit it."""

    granted_on_itself = frozenset({"add", "change", "lock", "unlock"})

    def __init__(self, user, page):
        super().__init__(user, page)
        self.subtree_permissions, self.permissions_from_above = set(), set()  # superusers need neither
        if self.user.is_active and not self.user.is_superuser:
            self.subtree_permissions = self.permissions
            self.permissions = set()
            for perm in self.permission_policy.get_cached_permissions_for_user(user):
                action = perm.permission.codename.rsplit("_", maxsplit=1)[0]
                if not self.page.path.startswith(perm.page.path):
                    continue
                if perm.page.path != self.page.path:
                    self.permissions_from_above.add(action)
                    self.permissions.add(action)
                elif action in self.granted_on_itself:
                    self.permissions.add(action)

    def _checked_with(self, permissions, check):
        if self.user.is_superuser or not self.user.is_active:
            return check()
        own, self.permissions = self.permissions, permissions
        try:
            return check()
        finally:
            self.permissions = own

    def can_publish_subpage(self):
        return self._checked_with(self.subtree_permissions, super().can_publish_subpage)

    def can_reorder_children(self):
        return self._checked_with(self.subtree_permissions, super().can_reorder_children)

    def can_delete(self, ignore_bulk=False):
        # Wagtail lets "change" delete a page that is not live, so a right granted on the page itself
        # would let staff delete their centre while it is a draft (and its staff group with it).
        # Moving asks this too (``can_move``).
        return self._checked_with(self.permissions_from_above, partial(super().can_delete, ignore_bulk))


def register() -> None:
    """Called once from ``AgendaPagesConfig.ready``."""
    register_permission_policy(FeedSource, FeedSourcePermissionPolicy(FeedSource))
    registries.register_permission_tester(CentrePage, CentrePagePermissionTester)
