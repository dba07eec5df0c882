"""Who is reminded of an item: its owner, else the members of its owner group, else the moderators.

Only active accounts with an e-mail address count: an owner who left, or a group nobody with an
address is in, passes the item on (to the group, then to the moderators) instead of letting it go
unmentioned.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.auth import get_user_model

from agenda_pages.moderation import roles
from toolbox.models import ToolboxItemPage


def moderator_addresses() -> list[str]:
    moderators = get_user_model().objects.filter(groups__name=roles.MODERATORS, is_active=True).exclude(email="")
    return sorted(set(moderators.values_list("email", flat=True)))


def addresses_per_item(items: Iterable[ToolboxItemPage]) -> dict[int, list[str]]:
    """The addresses to remind of each item (by page id), in at most two queries whatever their number.

    Items must come with ``owner_user`` selected.
    """
    items = list(items)
    group_ids = {item.owner_group_id for item in items if item.owner_group_id}
    members = defaultdict(set)
    if group_ids:
        memberships = (
            get_user_model()
            .groups.through.objects.filter(group_id__in=group_ids, user__is_active=True)
            .exclude(user__email="")
        )
        for group_id, address in memberships.values_list("group_id", "user__email"):
            members[group_id].add(address)
    moderators = None
    result = {}
    for item in items:
        user = item.owner_user
        if user is not None and user.is_active and user.email:
            result[item.pk] = [user.email]
        elif members.get(item.owner_group_id):
            result[item.pk] = sorted(members[item.owner_group_id])
        else:
            if moderators is None:
                moderators = moderator_addresses()
            result[item.pk] = moderators
    return result
