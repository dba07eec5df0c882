"""Keep roles in step with the page tree: a centre gets its staff group when it is created and the
group is renamed when the centre is published under a new name; a new centres index enters the events
workflow."""

from django.db.models.signals import post_migrate, post_save, pre_delete
from django.dispatch import receiver

from agenda_pages.models import CentreIndexPage, CentrePage, CentreStaffGroup
from agenda_pages.moderation import roles


@receiver(post_save, sender=CentrePage)
def centre_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    # Saving a draft writes only the draft's bookkeeping (update_fields without "title") while the
    # instance carries the draft title: the group follows the published name, not a proposal that
    # the moderators may still reject.
    if raw or (update_fields is not None and "title" not in update_fields):
        return
    roles.ensure_centre_group(instance)


@receiver(pre_delete, sender=CentrePage)
def centre_deleted(sender, instance, **kwargs):
    link = CentreStaffGroup.objects.filter(centre=instance).select_related("group").first()
    if link is not None:
        link.group.delete()


@receiver(post_save, sender=CentreIndexPage)
def centre_index_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        roles.assign_events_workflow(instance)


def roles_after_migrate(sender, using="default", **kwargs):
    roles.create_all_permissions(using)
    roles.ensure_roles()


def connect_post_migrate(app_config):
    post_migrate.connect(roles_after_migrate, sender=app_config, dispatch_uid="agenda_pages.moderation.roles")
