"""The site's roles, as Wagtail groups, permissions and workflows.

- "Redactie" (communication editors): add and edit pages anywhere, submit them for moderation.
- "Eindredactie" (moderators): approve in the "Redactie" workflow, publish, manage centres and feeds.
- "Centrum <name>", one per centre page: edit, publish and approve the events under their own centre
  page, edit the centre's profile (which moderators publish), follow their own feeds.

``ensure_roles`` is idempotent: it runs after every ``migrate`` and from ``setup_roles``, adding what
is missing and never taking away rights an administrator granted on top, nor replacing a workflow
an administrator assigned.
"""

import re

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from agenda_pages.models import CentreIndexPage, CentrePage, CentreReviewTask, CentreStaffGroup

EDITORS = "Redactie"
MODERATORS = "Eindredactie"
CENTRE_GROUP_PREFIX = "Centrum"
EDITORIAL_WORKFLOW = "Redactie"
EDITORIAL_TASK = "Goedkeuring eindredactie"
EVENTS_WORKFLOW = "Evenementen"
EVENTS_TASK = "Beoordeling door het centrum"

EDITOR_PAGE_PERMISSIONS = ("add", "change", "lock", "unlock")
MODERATOR_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock", "bulk_delete")
CENTRE_PAGE_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
MEDIA_PERMISSIONS = ("add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document")
CENTRE_MEDIA_PERMISSIONS = ("add_image", "choose_image")
MODERATOR_MODEL_PERMISSIONS = (
    ("agenda_pages", "add_feedsource"),
    ("agenda_pages", "change_feedsource"),
    ("agenda_pages", "delete_feedsource"),
    ("agenda_pages", "view_feedsource"),
    # Themes and their keywords; not deleting one, which would break the links that name it.
    ("agenda_pages", "add_theme"),
    ("agenda_pages", "change_theme"),
    ("agenda_pages", "view_theme"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
)


def _permission(app_label: str, codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_admin_access(group: Group) -> None:
    group.permissions.add(_permission("wagtailadmin", "access_admin"))


def _grant_pages(group: Group, page: Page, actions) -> None:
    for action in actions:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_permission("wagtailcore", f"{action}_page")
        )


def _grant_media(group: Group, codenames) -> None:
    root = Collection.get_first_root_node()
    for codename in codenames:
        app_label = "wagtailimages" if codename.endswith("_image") else "wagtaildocs"
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=_permission(app_label, codename)
        )


def _workflow(name: str, task) -> tuple[Workflow, bool]:
    workflow, created = Workflow.objects.get_or_create(name=name)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow, created


def events_workflow() -> Workflow | None:
    return Workflow.objects.filter(name=EVENTS_WORKFLOW).first()


def assign_events_workflow(index_page: Page) -> None:
    """Every event enters "Evenementen": it is assigned to each centres index page that has no
    workflow of its own yet (a moderator's later choice stands)."""
    if workflow := events_workflow():
        WorkflowPage.objects.get_or_create(page=index_page, defaults={"workflow": workflow})


@transaction.atomic
def ensure_roles() -> None:
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    root = Page.get_first_root_node()
    for group, page_actions in ((editors, EDITOR_PAGE_PERMISSIONS), (moderators, MODERATOR_PAGE_PERMISSIONS)):
        _grant_admin_access(group)
        _grant_pages(group, root, page_actions)
        _grant_media(group, MEDIA_PERMISSIONS)
    moderators.permissions.add(*(_permission(app, codename) for app, codename in MODERATOR_MODEL_PERMISSIONS))

    editorial_task, _created = GroupApprovalTask.objects.get_or_create(name=EDITORIAL_TASK)
    editorial_task.groups.add(moderators)
    editorial, created = _workflow(EDITORIAL_WORKFLOW, editorial_task)
    if created:
        # The first set-up replaces Wagtail's default "Moderators approval" on the root; after that,
        # whatever workflow an administrator put there stands.
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": editorial})

    centre_task, _created = CentreReviewTask.objects.get_or_create(name=EVENTS_TASK)
    centre_task.moderator_groups.add(moderators)
    _workflow(EVENTS_WORKFLOW, centre_task)
    for index_page in CentreIndexPage.objects.all():
        assign_events_workflow(index_page)
    for centre in CentrePage.objects.all():
        ensure_centre_group(centre)


def _unique_group_name(wanted: str, current: Group | None) -> str:
    wanted = wanted[:140]
    taken = Group.objects.exclude(pk=current.pk if current else None)
    name, number = wanted, 2
    while taken.filter(name=name).exists():
        name, number = f"{wanted} ({number})", number + 1
    return name


def _is_named(group: Group, wanted: str) -> bool:
    """True for "Centrum X" and for "Centrum X (2)", the name it got when "Centrum X" was taken."""
    return re.fullmatch(re.escape(wanted[:140]) + r"( \(\d+\))?", group.name) is not None


def ensure_centre_group(centre) -> Group:
    """Create the centre's staff group with its rights, or rename it after the centre."""
    link = CentreStaffGroup.objects.for_centre(centre).select_related("group").first()
    wanted = f"{CENTRE_GROUP_PREFIX} {centre.title}"
    if link is None:
        group = Group.objects.create(name=_unique_group_name(wanted, None))
        CentreStaffGroup.objects.create(centre=centre, group=group)
    else:
        group = link.group
        if link.centre_id == centre.pk and not _is_named(group, wanted):
            group.name = _unique_group_name(wanted, group)
            group.save(update_fields=["name"])
    _grant_admin_access(group)
    _grant_media(group, CENTRE_MEDIA_PERMISSIONS)
    for page in CentrePage.objects.filter(translation_key=centre.translation_key):
        _grant_pages(group, page, CENTRE_PAGE_PERMISSIONS)
    return group


def create_all_permissions(using: str = "default") -> None:
    """Django creates permissions app by app after ``migrate``; roles need them all at once."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
