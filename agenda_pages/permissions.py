"""Centre staff see their own centre's feed sources; moderators (model permissions) see them all.

Registered as the permission policy of ``FeedSource``, so the generic admin views (listing, edit,
delete) and our own import and run-history screens all give the same answer.
"""

from django.contrib.auth import get_user_model
from wagtail.permission_policies import ModelPermissionPolicy

from agenda_pages.models.moderation import CentreStaffGroup, centres_of

# What staff may do with their own centre's sources: follow the imports. Changing the address or
# the defaults stays with the moderators, who onboard centres.
STAFF_ACTIONS = frozenset({"view"})


class FeedSourcePermissionPolicy(ModelPermissionPolicy):
    def _is_staff(self, user) -> bool:
        return user.is_active and CentreStaffGroup.objects.for_user(user).exists()

    def user_has_permission(self, user, action):
        return super().user_has_permission(user, action) or (action in STAFF_ACTIONS and self._is_staff(user))

    def users_with_any_permission(self, actions):
        users = super().users_with_any_permission(actions)
        if STAFF_ACTIONS.intersection(actions):
            staff = get_user_model().objects.filter(is_active=True, groups__centre_link__isnull=False)
            users = (users | staff).distinct()
        return users

    def user_has_permission_for_instance(self, user, action, instance):
        if super().user_has_permission(user, action):
            return True
        return action in STAFF_ACTIONS and centres_of(user).filter(pk=instance.centre_id).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if any(super(FeedSourcePermissionPolicy, self).user_has_permission(user, action) for action in actions):
            return self.model._default_manager.all()
        if STAFF_ACTIONS.intersection(actions) and user.is_active:
            return self.model._default_manager.filter(centre__in=centres_of(user))
        return self.model._default_manager.none()
