"""Keep roles in step with the page tree: a centre gets its staff group when it is created and the
group is renamed when the centre is published under a new name; a new centres index enters the events
workflow. After an import run (``feed_imported``): the centre's reviewers are told what waits for
them, and if the run changed dates of live pages in place, the page cache is made stale and a CDN in
front of the site forgets the agenda and the centre page (as it does when an event is published or
unpublished; `public/purging.py`). A theme's name or icon changed: the page cache is stale."""

import logging

from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from agenda_pages.importing.signals import feed_imported
from agenda_pages.models import CentreIndexPage, CentrePage, CentreStaffGroup, EventPage, Theme
from agenda_pages.moderation import roles
from agenda_pages.moderation.notifications import send_review_digest
from agenda_pages.public import purging
from kankernl_site.page_cache import bump_version

logger = logging.getLogger(__name__)

DIGEST_FAILED = "The e-mail to the centre's reviewers could not be sent, so they do not know about these events yet."


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


@receiver(post_save, sender=Theme, dispatch_uid="agenda_pages.theme_saved_bumps_page_cache")
@receiver(post_delete, sender=Theme, dispatch_uid="agenda_pages.theme_deleted_bumps_page_cache")
def theme_changed(sender, raw=False, **kwargs):
    """Agenda cards, filters and event pages show the themes' names: cached copies are stale."""
    if not raw:
        bump_version()


def roles_after_migrate(sender, using="default", **kwargs):
    roles.create_all_permissions(using)
    roles.ensure_roles()


def connect_post_migrate(app_config):
    post_migrate.connect(roles_after_migrate, sender=app_config, dispatch_uid="agenda_pages.moderation.roles")


@receiver(feed_imported, dispatch_uid="agenda_pages.import_bumps_page_cache")
def import_bumps_page_cache(sender, source, changed_live, **kwargs):
    """Only dates changed in place on live pages make public pages stale. New drafts do not (they
    wait for review), and changes the run published bump and purge through ``page_published``. So an
    import round that only wrote drafts leaves every node's page cache, and the CDN, as they were."""
    if changed_live:
        bump_version()  # the anonymous page cache (agenda, event and centre pages) is stale now
        purging.purge_for_source(source)  # and so is a CDN's copy, when there is one


@receiver(page_published, sender=EventPage, dispatch_uid="agenda_pages.event_published_purges_cdn")
@receiver(page_unpublished, sender=EventPage, dispatch_uid="agenda_pages.event_unpublished_purges_cdn")
def event_changed(sender, instance, **kwargs):
    """The agenda, its feeds and the centre's page list the event: a CDN must forget them too."""
    purging.purge_for_event(instance)


@receiver(feed_imported, dispatch_uid="agenda_pages.import_tells_reviewers")
def import_tells_reviewers(sender, source, run, report, awaiting_review, **kwargs):
    """Send the run's one digest e-mail. Telling people is not part of importing: whatever goes wrong
    with the mail (the mail server is down, an address is refused), the import stands and its run
    record says the centre was not told."""
    if not awaiting_review:
        return
    try:
        send_review_digest(source, awaiting_review, run=run)
    except Exception:
        logger.exception("The review e-mail for import run %s could not be sent.", run.pk)
        run.warnings = [*run.warnings, DIGEST_FAILED]
        run.save(update_fields=["warnings"])
        report.warnings.append(DIGEST_FAILED)
