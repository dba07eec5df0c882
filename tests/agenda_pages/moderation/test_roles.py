"""The roles as groups, rights and workflows: setup_roles, a staff group per centre, who reviews what."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from agenda_pages.importing.service import import_source
from agenda_pages.models import CentrePage, CentreReviewTask, CentreStaffGroup, EventPage
from agenda_pages.moderation.roles import EDITORS, MODERATORS
from tests.agenda_pages.factories import CentrePageFactory, EventPageFactory
from tests.agenda_pages.ics_samples import WALK, calendar
from tests.home.factories import StandardPageFactory


def setup_roles():
    call_command("setup_roles", stdout=StringIO())


def role_rows() -> dict[str, int]:
    """How many rows each part of the roles has: running setup_roles again must not change one."""
    return {
        "groups": Group.objects.count(),
        "group permissions": Group.permissions.through.objects.count(),
        "page permissions": GroupPagePermission.objects.count(),
        "collection permissions": GroupCollectionPermission.objects.count(),
        "workflows": Workflow.objects.count(),
        "workflow pages": WorkflowPage.objects.count(),
        "workflow tasks": WorkflowTask.objects.count(),
        "tasks": Task.objects.count(),
        "staff groups": CentreStaffGroup.objects.count(),
    }


def page_rights(group, page) -> set[str]:
    rights = GroupPagePermission.objects.filter(group=group, page=page).values_list("permission__codename", flat=True)
    return {codename.removesuffix("_page") for codename in rights}


def staff_group(centre) -> Group:
    return CentreStaffGroup.objects.for_centre(centre).get().group


# setup_roles -------------------------------------------------------------------------------------


def test_setup_roles_keeps_workflows_an_administrator_assigned(centre):
    own = Workflow.objects.create(name="Eigen route")
    root, index = Page.get_first_root_node(), centre.get_parent()
    for page in (root, index):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": own})

    setup_roles()

    assert Page.get_first_root_node().get_workflow() == own
    assert Page.objects.get(pk=index.pk).get_workflow() == own


def test_setup_roles_twice_changes_nothing(centre):
    before = role_rows()  # migrate ran ensure_roles; creating the centre added its group
    setup_roles()
    after_once = role_rows()
    setup_roles()
    assert before == after_once == role_rows()


def test_setup_roles_repairs_what_is_missing_and_keeps_what_was_added(centre):
    group = staff_group(centre)
    GroupPagePermission.objects.filter(group=group, permission__codename="publish_page").delete()
    WorkflowPage.objects.filter(page=centre.get_parent()).delete()
    extra = Permission.objects.get(codename="add_redirect")
    group.permissions.add(extra)  # an administrator's own addition

    setup_roles()

    assert page_rights(group, centre) == {"add", "change", "publish", "lock", "unlock"}
    assert centre.get_parent().specific.get_workflow().name == "Evenementen"
    assert group.permissions.filter(pk=extra.pk).exists()


def test_editors_and_moderators_rights(db):
    root = Page.get_first_root_node()
    editors, moderators = Group.objects.get(name=EDITORS), Group.objects.get(name=MODERATORS)
    assert page_rights(editors, root) == {"add", "change", "lock", "unlock"}
    assert page_rights(moderators, root) == {"add", "change", "publish", "lock", "unlock", "bulk_delete"}
    model_rights = set(moderators.permissions.values_list("codename", flat=True))
    assert {"access_admin", "add_feedsource", "change_feedsource", "delete_feedsource"} <= model_rights
    assert {"add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"} <= model_rights
    assert not editors.permissions.filter(content_type__app_label="agenda_pages").exists()


# One staff group per centre ----------------------------------------------------------------------


def test_a_new_centre_gets_its_staff_group(centre):
    group = Group.objects.get(name="Centrum Inloophuis De Boei")
    assert CentreStaffGroup.objects.get(group=group).centre_id == centre.pk
    assert page_rights(group, centre) == {"add", "change", "publish", "lock", "unlock"}
    assert GroupPagePermission.objects.filter(group=group).count() == 5  # nowhere else
    assert group.permissions.filter(codename="access_admin").exists()
    collection_rights = GroupCollectionPermission.objects.filter(group=group)
    assert set(collection_rights.values_list("permission__codename", flat=True)) == {"add_image", "choose_image"}


def test_publishing_a_renamed_centre_renames_its_group(centre):
    group = staff_group(centre)
    centre.title = "Inloophuis De Vuurtoren"
    centre.save_revision().publish()
    group.refresh_from_db()
    assert group.name == "Centrum Inloophuis De Vuurtoren"


def test_a_draft_title_does_not_rename_the_group(centre):
    """The group follows the centre's published name, not a draft waiting for the moderators."""
    centre.title = "Inloophuis De Vuurtoren"
    centre.save_revision()
    assert staff_group(centre).name == "Centrum Inloophuis De Boei"


def test_two_centres_with_the_same_title_get_distinct_groups(centre):
    namesake = CentrePageFactory(parent=centre.get_parent(), title="Inloophuis De Boei", slug="de-boei-2")
    first, second = staff_group(centre), staff_group(namesake)
    assert (first.name, second.name) == ("Centrum Inloophuis De Boei", "Centrum Inloophuis De Boei (2)")
    assert page_rights(second, namesake) == page_rights(first, centre)
    assert not GroupPagePermission.objects.filter(group=second, page=centre).exists()

    namesake.save_revision().publish()  # saving again keeps the number it got
    assert staff_group(namesake).name == "Centrum Inloophuis De Boei (2)"


def test_deleting_a_centre_removes_its_group(centre):
    group = staff_group(centre)
    centre.delete()
    assert not Group.objects.filter(pk=group.pk).exists()
    assert not CentreStaffGroup.objects.exists()


def test_deleting_the_centres_index_removes_every_centres_group(centre):
    CentrePageFactory(parent=centre.get_parent(), title="Inloophuis Het Anker")
    centre.get_parent().delete()
    assert not Group.objects.filter(name__startswith="Centrum ").exists()


def test_a_centres_translation_shares_its_staff_group(centre, locales):
    centre.get_parent().copy_for_translation(locales["en"], copy_parents=True)
    translation = centre.copy_for_translation(locales["en"])
    assert not Group.objects.filter(name__startswith="Centrum Inloophuis De Boei (").exists()
    assert page_rights(staff_group(centre), translation) == {"add", "change", "publish", "lock", "unlock"}
    assert staff_group(translation) == staff_group(centre)


# Workflows ---------------------------------------------------------------------------------------


def test_an_event_made_by_hand_enters_the_centres_review(centre):
    event = EventPageFactory(parent=centre, title="Wandelgroep", live=False)
    workflow = event.get_workflow()
    assert workflow.name == "Evenementen"
    [task] = workflow.tasks.specific()
    assert isinstance(task, CentreReviewTask)


def test_an_imported_event_waits_in_the_centres_review(source, feed_server, frozen_now):
    feed_server.add("/agenda.ics", calendar(WALK), Content_Type="text/calendar")
    import_source(source.pk)
    event = EventPage.objects.get(source=source)
    assert not event.live
    assert event.current_workflow_state.workflow.name == "Evenementen"
    assert isinstance(event.current_workflow_task, CentreReviewTask)


def test_a_standard_page_is_reviewed_by_the_moderators(site_home):
    page = StandardPageFactory(parent=site_home)
    workflow = page.get_workflow()
    assert workflow.name == "Redactie"
    [task] = workflow.tasks.specific()
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


# Who reviews what --------------------------------------------------------------------------------


@pytest.fixture
def people(centre, django_user_model):
    other = CentrePageFactory(parent=centre.get_parent(), title="Inloophuis Het Anker")

    def member(username, group):
        user = django_user_model.objects.create_user(username)
        user.groups.add(group)
        return user

    return {
        "own staff": member("boei", staff_group(centre)),
        "other staff": member("anker", staff_group(other)),
        "moderator": member("eindredacteur", Group.objects.get(name=MODERATORS)),
        "editor": member("redacteur", Group.objects.get(name=EDITORS)),
    }


@pytest.mark.parametrize(
    "person, reviews_event, reviews_profile",
    [
        ("own staff", True, False),
        ("other staff", False, False),
        ("moderator", True, True),
        ("editor", False, False),
    ],
)
def test_who_may_review(centre, people, person, reviews_event, reviews_profile):
    task = CentreReviewTask.objects.get()
    event = EventPageFactory(parent=centre, live=False)
    user = people[person]
    assert task.user_can_review(event, user) is reviews_event
    assert bool(task.get_actions(event, user)) is reviews_event
    assert task.user_can_review(CentrePage.objects.get(pk=centre.pk), user) is reviews_profile


def test_task_states_to_moderate_are_those_of_the_own_centre(centre, people):
    other = CentrePage.objects.get(title="Inloophuis Het Anker")
    own_event, other_event = EventPageFactory(parent=centre, live=False), EventPageFactory(parent=other, live=False)
    for event in (own_event, other_event):
        event.save_revision()
        event.get_workflow().start(event, user=None)
    task = CentreReviewTask.objects.get()

    def moderated_by(person):
        states = task.get_task_states_user_can_moderate(people[person])
        return {int(state.workflow_state.object_id) for state in states}

    assert moderated_by("own staff") == {own_event.pk}
    assert moderated_by("other staff") == {other_event.pk}
    assert moderated_by("moderator") == {own_event.pk, other_event.pk}
    assert moderated_by("editor") == set()
