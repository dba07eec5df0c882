"""Who may do what in the admin: a matrix over Wagtail's real admin views, one logged-in user per role.

Everything is asked about centre A's pages and feed source. Centre A's staff answer for "own
centre", centre B's staff for "another centre"; Redactie, Eindredactie and a superuser complete
the rows. Each row of ``MATRIX`` is one test, run once per role through the admin view that does
it; a "no" means the view refuses or shows nothing of the page, and the change does not happen.
"""

import json
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, Site
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, rich_text, streamfield

from agenda_pages.models import CentreReviewTask, CentreStaffGroup, EventOccurrence, FeedSource, ImportRun
from agenda_pages.moderation.roles import EDITORS, MODERATORS
from home.models import StandardPage
from tests.agenda_pages.factories import (
    CentreIndexPageFactory,
    CentrePageFactory,
    EventPageFactory,
    FeedSourceFactory,
)
from tests.home.factories import HomePageFactory, StandardPageFactory

# Every test runs with the route cache off and on (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("route_cache_on_and_off")

ROLES = ("superuser", "eindredactie", "redactie", "staff_a", "staff_b")
Y, N = True, False

# What each role may do with centre A's pages and feed source (and with the standard page).
#                                                    superuser  eindredactie  redactie  staff_a  staff_b
MATRIX = {
    "explore centre A":                             (Y,         Y,            Y,        Y,       N),
    "find A's events in the admin search":          (Y,         Y,            Y,        Y,       N),
    "find A's events in the page chooser":          (Y,         Y,            Y,        Y,       N),
    "open A's event in the editor":                 (Y,         Y,            Y,        Y,       N),
    "save a draft of A's event under review":       (Y,         Y,            N,        Y,       N),
    "publish A's event from the editor":            (Y,         Y,            N,        Y,       N),
    "approve A's event from the editor":            (Y,         Y,            N,        Y,       N),
    "approve A's event (workflow action)":          (Y,         Y,            N,        Y,       N),
    "publish A's event (bulk action)":              (Y,         Y,            N,        Y,       N),
    "see A's event in a bulk action":               (Y,         Y,            Y,        Y,       N),
    "unpublish A's live event":                     (Y,         Y,            N,        Y,       N),
    "delete A's live event":                        (Y,         Y,            N,        Y,       N),
    "read A's event history":                       (Y,         Y,            Y,        Y,       N),
    "review A's event on the dashboard":            (Y,         Y,            N,        Y,       N),
    "see A's event in the review list":             (Y,         Y,            N,        Y,       N),
    "approve A's event from the review list":       (Y,         Y,            N,        Y,       N),
    "see A's centre in the moderation report":      (Y,         Y,            N,        N,       N),
    "see A's event in the workflow report":         (Y,         Y,            Y,        Y,       N),
    "see A's event in the workflow tasks report":   (Y,         Y,            Y,        Y,       N),
    "see A's event in the site history":            (Y,         Y,            Y,        Y,       N),
    "see A's event in the aging pages report":      (Y,         Y,            N,        Y,       N),
    "see A's event in the locked pages report":     (Y,         Y,            Y,        Y,       N),
    "open A's profile in the editor":               (Y,         Y,            Y,        Y,       N),
    "publish A's profile from the editor":          (Y,         Y,            N,        N,       N),
    "approve A's profile":                          (Y,         Y,            N,        N,       N),
    "unpublish A's profile":                        (Y,         Y,            N,        N,       N),
    "move A's profile":                             (Y,         Y,            N,        N,       N),
    "delete A's profile":                           (Y,         Y,            N,        N,       N),
    "open the standard page in the editor":         (Y,         Y,            Y,        N,       N),
    "publish the standard page":                    (Y,         Y,            N,        N,       N),
    "approve the standard page":                    (Y,         Y,            N,        N,       N),
    "list A's feed source":                         (Y,         Y,            N,        Y,       N),
    "add a feed source":                            (Y,         Y,            N,        N,       N),
    "edit A's feed source":                         (Y,         Y,            N,        N,       N),
    "read A's feed source's change history":        (Y,         Y,            N,        N,       N),
    "delete A's feed source":                       (Y,         Y,            N,        N,       N),
    "import A's feed source now":                   (Y,         Y,            N,        N,       N),
    "dry-run A's feed source":                      (Y,         Y,            N,        N,       N),
    "read A's import runs":                         (Y,         Y,            N,        Y,       N),
    "see A's failing feed on the dashboard":        (Y,         Y,            N,        Y,       N),
}  # fmt: skip


def row(name):
    return pytest.mark.parametrize("role, allowed", list(zip(ROLES, MATRIX[name], strict=True)), ids=ROLES)


# Titles that appear nowhere else, so their presence in a response means the page was shown.
A_PENDING, A_LIVE = "Boetseerochtend Boei", "Wandelgroep Boei"
B_PENDING, B_LIVE = "Schilderavond Anker", "Yogales Anker"
# Sources are never fetched here: a refused import must not even try. Port 9 refuses at once.
A_FEED, B_FEED = "http://127.0.0.1:9/boei.ics", "http://127.0.0.1:9/anker.ics"
STANDARD_BODY = "<p>Bij ons bent u welkom zonder afspraak.</p>"


@dataclass(frozen=True)
class World:
    standard: Page
    centre_a: Page
    centre_b: Page
    a_pending: Page
    a_live: Page
    b_pending: Page
    b_live: Page
    source_a: FeedSource
    source_b: FeedSource
    run_a: ImportRun
    users: dict

    def fresh(self) -> "World":
        """The same rows, loaded anew: a test must not see the instances another test changed."""
        rows = {name: reload(getattr(self, name)) for name in self.__dataclass_fields__ if name != "users"}
        return World(**rows, users={role: reload(user) for role, user in self.users.items()})


def reload(instance):
    return type(instance)._default_manager.get(pk=instance.pk)


def add_event(centre, title, *, live):
    """An event made by hand: a draft in the centre's review (as an import leaves it), or published."""
    event = EventPageFactory(parent=centre, title=title, live=False)
    EventOccurrence.objects.create(page=event, start=datetime(2026, 12, 1, 10, tzinfo=UTC))
    revision = event.save_revision(log_action=True)
    if live:
        revision.publish()
    else:
        event.get_workflow().start(event, user=None)
    return event


def staff_group(centre) -> Group:
    return CentreStaffGroup.objects.for_centre(centre).get().group


def build_world() -> World:
    User = get_user_model()

    def member(username, group):
        user = User.objects.create_user(username, f"{username}@example.org", "pw")
        user.groups.add(group)
        return user

    home = HomePageFactory(parent=Page.get_first_root_node(), title="Welkom")
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()  # save(), not update(): clears Wagtail's cached site root paths
    index = CentreIndexPageFactory(parent=home)
    centre_a = CentrePageFactory(parent=index, title="Inloophuis De Boei", short_description="Aan de haven.")
    centre_b = CentrePageFactory(parent=index, title="Inloophuis Het Anker")
    source_a = FeedSourceFactory(centre=centre_a, url=A_FEED, consecutive_failures=2)
    return World(
        standard=StandardPageFactory(
            parent=home, title="Over ons", body=json.dumps([{"type": "paragraph", "value": STANDARD_BODY}])
        ),
        centre_a=centre_a,
        centre_b=centre_b,
        a_pending=add_event(centre_a, A_PENDING, live=False),
        a_live=add_event(centre_a, A_LIVE, live=True),
        b_pending=add_event(centre_b, B_PENDING, live=False),
        b_live=add_event(centre_b, B_LIVE, live=True),
        source_a=source_a,
        source_b=FeedSourceFactory(centre=centre_b, url=B_FEED, consecutive_failures=2),
        run_a=ImportRun.objects.create(source=source_a, status="error", error_message="Boei-fout-1184"),
        users={
            "superuser": User.objects.create_superuser("beheer", "beheer@example.org", "pw"),
            "eindredactie": member("eindredacteur", Group.objects.get(name=MODERATORS)),
            "redactie": member("redacteur", Group.objects.get(name=EDITORS)),
            "staff_a": member("medewerker_boei", staff_group(centre_a)),
            "staff_b": member("medewerker_anker", staff_group(centre_b)),
        },
    )


@pytest.fixture(scope="module")
def saved_world(django_db_setup, django_db_blocker):
    """Built once for this module and rolled back after it, as Django's ``setUpTestData`` does: each
    test runs in a savepoint inside it (the ``db`` fixture), so whatever a test changes is undone."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)
    Site.clear_site_root_paths_cache()  # the rollback sends no signal that would clear it


@pytest.fixture
def world(saved_world, db):
    return saved_world.fresh()


@pytest.fixture
def users(world):
    return world.users


@pytest.fixture
def login(users):
    def login(role) -> Client:
        client = Client()
        client.force_login(users[role])
        return client

    return login


def body(response) -> str:
    return response.content.decode()


def page_url(name, *args):
    return reverse(f"wagtailadmin_pages:{name}", args=args)


def edit_form_data(login, page, **actions):
    """The page's edit form as the browser would submit it, read as a superuser (who may open any).

    A StreamField is built by the browser's script, so the standard page's body is added by hand."""
    html = body(login("superuser").get(page_url("edit", page.pk)))
    data = querydict_from_html(html, form_id="page-edit-form")
    if isinstance(page, StandardPage):
        data.update(nested_form_data({"body": streamfield([("paragraph", rich_text(STANDARD_BODY))])}))
    data.update(actions)
    return data


# Pages of centre A -----------------------------------------------------------------------------


@row("explore centre A")
def test_explorer_listing_of_centre_a(world, login, role, allowed):
    response = login(role).get(reverse("wagtailadmin_explore", args=(world.centre_a.pk,)))
    assert (A_PENDING in body(response) and A_LIVE in body(response)) is allowed
    if not allowed:  # another centre's staff land on their own centre instead
        assert response["Location"] == reverse("wagtailadmin_explore", args=(world.centre_b.pk,))


@row("find A's events in the admin search")
def test_admin_page_search(world, login, role, allowed):
    client = login(role)
    for title in (A_PENDING, A_LIVE):
        # Search for the first word only: the search box repeats the query, the results the whole title.
        response = client.get(reverse("wagtailadmin_pages:search"), {"q": title.split()[0]})
        assert response.status_code == 200
        assert (title in body(response)) is allowed, title


@row("find A's events in the page chooser")
def test_page_chooser_browse_and_search(world, login, role, allowed):
    client = login(role)
    browse = client.get(reverse("wagtailadmin_choose_page_child", args=(world.centre_a.pk,)))
    assert (A_PENDING in body(browse)) is allowed
    search = client.get(reverse("wagtailadmin_choose_page_search"), {"q": A_PENDING.split()[0]})
    assert search.status_code == 200
    assert (A_PENDING in body(search)) is allowed


@row("open A's event in the editor")
def test_event_edit_form(world, login, role, allowed):
    response = login(role).get(page_url("edit", world.a_pending.pk))
    assert response.status_code == (200 if allowed else 302)
    assert (A_PENDING in body(response)) is allowed


@row("save a draft of A's event under review")
def test_event_save_draft_during_review(world, login, role, allowed):
    """The review locks the event for everyone but its reviewers: Redactie may open it, not change it."""
    data = edit_form_data(login, world.a_pending)
    data["venue_name"] = "De Boei, zaal 2"
    login(role).post(page_url("edit", world.a_pending.pk), data)
    assert (reload(world.a_pending).get_latest_revision_as_object().venue_name == "De Boei, zaal 2") is allowed


@row("publish A's event from the editor")
def test_event_publish_from_editor(world, login, role, allowed):
    data = edit_form_data(login, world.a_pending, **{"action-publish": "action-publish"})
    login(role).post(page_url("edit", world.a_pending.pk), data)
    assert reload(world.a_pending).live is allowed


@row("approve A's event from the editor")
def test_event_approve_from_editor(world, login, role, allowed):
    data = edit_form_data(
        login, world.a_pending, **{"action-workflow-action": "true", "workflow-action-name": "approve"}
    )
    login(role).post(page_url("edit", world.a_pending.pk), data)
    assert reload(world.a_pending).live is allowed


@row("approve A's event (workflow action)")
def test_event_approve_through_workflow_action(world, login, role, allowed):
    task_state = world.a_pending.current_workflow_task_state
    assert isinstance(task_state.task.specific, CentreReviewTask)
    login(role).post(page_url("workflow_action", world.a_pending.pk, "approve", task_state.pk))
    assert reload(world.a_pending).live is allowed


@row("publish A's event (bulk action)")
def test_event_bulk_publish(world, login, role, allowed):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    login(role).post(f"{url}?id={world.a_pending.pk}", {"include_descendants": ""})
    assert reload(world.a_pending).live is allowed


@row("see A's event in a bulk action")
@pytest.mark.parametrize("action", ["publish", "unpublish", "delete", "move"])
def test_bulk_action_confirmation_names_only_explorable_pages(world, login, role, allowed, action):
    """Wagtail lists the pages a user may not act on by title; guessing ids must not reveal them."""
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    response = login(role).get(f"{url}?id={world.a_pending.pk}&id={world.a_live.pk}")
    assert (A_PENDING in body(response) or A_LIVE in body(response)) is allowed


@row("unpublish A's live event")
def test_event_unpublish(world, login, role, allowed):
    login(role).post(page_url("unpublish", world.a_live.pk))
    assert reload(world.a_live).live is not allowed


@row("delete A's live event")
def test_event_delete(world, login, role, allowed):
    login(role).post(page_url("delete", world.a_live.pk))
    assert Page.objects.filter(pk=world.a_live.pk).exists() is not allowed


@row("read A's event history")
def test_event_history(world, login, role, allowed):
    response = login(role).get(page_url("history", world.a_live.pk))
    assert response.status_code == (200 if allowed else 302)
    assert (A_LIVE in body(response)) is allowed


@row("review A's event on the dashboard")
def test_dashboard_pages_awaiting_moderation(world, login, role, allowed):
    response = login(role).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert (A_PENDING in body(response)) is allowed


@row("see A's event in the workflow report")
def test_workflow_report(world, login, role, allowed):
    response = login(role).get(reverse("wagtailadmin_reports:workflow"))
    assert (A_PENDING in body(response)) is allowed


@row("see A's event in the workflow tasks report")
def test_workflow_tasks_report(world, login, role, allowed):
    response = login(role).get(reverse("wagtailadmin_reports:workflow_tasks"))
    assert (A_PENDING in body(response)) is allowed


@row("see A's event in the site history")
def test_site_history_report(world, login, role, allowed):
    response = login(role).get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert (A_LIVE in body(response)) is allowed


@row("see A's event in the aging pages report")
def test_aging_pages_report(world, login, role, allowed):
    response = login(role).get(reverse("wagtailadmin_reports:aging_pages"))
    assert (A_LIVE in body(response)) is allowed


@row("see A's event in the locked pages report")
def test_locked_pages_report(world, login, role, allowed):
    Page.objects.filter(pk=world.a_live.pk).update(locked=True, locked_at=datetime(2026, 11, 1, tzinfo=UTC))
    response = login(role).get(reverse("wagtailadmin_reports:locked_pages"))
    assert (A_LIVE in body(response)) is allowed


# Every admin address of one of centre A's pages, as another centre's staff would guess it. Each one
# must refuse them (or show nothing of the page): it is how a page id leaks.
ADDRESSES_OF_A_PAGES = {
    "edit": lambda w: page_url("edit", w.a_pending.pk),
    "view draft": lambda w: page_url("view_draft", w.a_pending.pk),
    "usage": lambda w: page_url("usage", w.a_pending.pk),
    "history": lambda w: page_url("history", w.a_live.pk),
    "history results": lambda w: page_url("history_results", w.a_live.pk),
    "workflow history": lambda w: page_url("workflow_history", w.a_pending.pk),
    "workflow history detail": lambda w: page_url(
        "workflow_history_detail", w.a_pending.pk, w.a_pending.current_workflow_state.pk
    ),
    "revisions": lambda w: page_url("revisions_index", w.a_pending.pk),
    "revision": lambda w: page_url("revisions_view", w.a_pending.pk, w.a_pending.latest_revision_id),
    "compare": lambda w: page_url("revisions_compare", w.a_live.pk, "live", w.a_live.latest_revision_id),
    "workflow preview": lambda w: page_url(
        "workflow_preview", w.a_pending.pk, w.a_pending.current_workflow_task_state.task_id
    ),
    "workflow action": lambda w: page_url(
        "workflow_action", w.a_pending.pk, "approve", w.a_pending.current_workflow_task_state.pk
    ),
    "collect workflow action data": lambda w: page_url(
        "collect_workflow_action_data", w.a_pending.pk, "approve", w.a_pending.current_workflow_task_state.pk
    ),
    "copy": lambda w: page_url("copy", w.a_live.pk),
    "move": lambda w: page_url("move", w.a_live.pk),
    "move to own centre": lambda w: page_url("move_confirm", w.a_live.pk, w.centre_b.pk),
    "delete": lambda w: page_url("delete", w.a_live.pk),
    "unpublish": lambda w: page_url("unpublish", w.a_live.pk),
    "privacy": lambda w: page_url("set_privacy", w.a_live.pk),
    "add event": lambda w: page_url("add_subpage", w.centre_a.pk),
    "edit profile": lambda w: page_url("edit", w.centre_a.pk),
    "translate": lambda w: reverse("wagtail_localize:submit_page_translation", args=(w.a_live.pk,)),
    "admin API": lambda w: reverse("wagtailadmin_api:pages:detail", args=(w.a_live.pk,)),
    "admin API children": lambda w: reverse("wagtailadmin_api:pages:listing") + f"?child_of={w.centre_a.pk}",
}


@pytest.mark.parametrize("address", ADDRESSES_OF_A_PAGES)
def test_another_centres_staff_reach_nothing_by_address(world, login, address):
    response = login("staff_b").get(ADDRESSES_OF_A_PAGES[address](world))
    assert response.status_code != 200 or address == "admin API children"
    assert A_PENDING not in body(response) and A_LIVE not in body(response)


@pytest.mark.parametrize("action", ["lock", "unlock"])
def test_another_centres_staff_cannot_lock(world, login, action):
    Page.objects.filter(pk=world.a_live.pk).update(locked=action == "unlock")
    login("staff_b").post(page_url(action, world.a_live.pk))
    assert reload(world.a_live).locked is (action == "unlock")


def test_page_types_report_is_not_in_centre_staffs_menu(world, login):
    report = reverse("wagtailadmin_reports:page_types_usage")
    assert report in body(login("eindredactie").get(reverse("wagtailadmin_home")))
    assert report not in body(login("staff_a").get(reverse("wagtailadmin_home")))


@pytest.mark.parametrize("url_name", ["page_types_usage", "page_types_usage_results"])
def test_page_types_report_names_no_other_centres_page(world, login, url_name):
    response = login("staff_a").get(reverse(f"wagtailadmin_reports:{url_name}"))
    assert response.status_code == 200
    assert B_LIVE not in body(response) and B_PENDING not in body(response)


def test_page_types_report_still_names_the_last_edited_page_to_moderators(world, login):
    response = login("eindredactie").get(reverse("wagtailadmin_reports:page_types_usage"))
    assert B_LIVE in body(response) or B_PENDING in body(response)


# Centre A's profile page -----------------------------------------------------------------------


@row("open A's profile in the editor")
def test_profile_edit_form(world, login, role, allowed):
    response = login(role).get(page_url("edit", world.centre_a.pk))
    assert response.status_code == (200 if allowed else 302)
    assert ("Aan de haven." in body(response)) is allowed


@row("publish A's profile from the editor")
def test_profile_publish_from_editor(world, login, role, allowed):
    data = edit_form_data(login, world.centre_a, **{"action-publish": "action-publish"})
    data["short_description"] = "Nu ook op zaterdag open."
    login(role).post(page_url("edit", world.centre_a.pk), data)
    assert (reload(world.centre_a).short_description == "Nu ook op zaterdag open.") is allowed


@row("approve A's profile")
def test_profile_approve(world, login, role, allowed):
    """Staff submit their profile; only moderators approve it, though it is in the events workflow."""
    data = edit_form_data(login, world.centre_a, **{"action-submit": "action-submit"})
    data["short_description"] = "Nu ook op zaterdag open."
    login("staff_a").post(page_url("edit", world.centre_a.pk), data)
    task_state = reload(world.centre_a).current_workflow_task_state
    assert isinstance(task_state.task.specific, CentreReviewTask)
    login(role).post(page_url("workflow_action", world.centre_a.pk, "approve", task_state.pk))
    assert (reload(world.centre_a).short_description == "Nu ook op zaterdag open.") is allowed


@row("unpublish A's profile")
def test_profile_unpublish(world, login, role, allowed):
    login(role).post(page_url("unpublish", world.centre_a.pk))
    assert reload(world.centre_a).live is not allowed


@row("delete A's profile")
def test_profile_delete(world, login, role, allowed):
    login(role).post(page_url("delete", world.centre_a.pk))
    assert Page.objects.filter(pk=world.centre_a.pk).exists() is not allowed


@row("move A's profile")
def test_profile_move(world, login, role, allowed):
    other_index = CentreIndexPageFactory(parent=HomePageFactory(parent=Page.get_first_root_node()))
    login(role).post(page_url("move_confirm", world.centre_a.pk, other_index.pk))
    assert (reload(world.centre_a).get_parent().pk == other_index.pk) is allowed


def test_staff_cannot_delete_their_own_profile(world, users, login):
    """Not even a draft one without events: deleting a centre takes a right granted above it."""
    draft_centre = CentrePageFactory(parent=world.centre_a.get_parent(), title="Inloophuis Nieuw", live=False)
    users["staff_a"].groups.add(staff_group(draft_centre))
    login("staff_a").post(page_url("delete", draft_centre.pk))
    assert Page.objects.filter(pk=draft_centre.pk).exists()


# The standard page: Redactie edit and submit, Eindredactie approve -------------------------------


@row("open the standard page in the editor")
def test_standard_page_edit_form(world, login, role, allowed):
    response = login(role).get(page_url("edit", world.standard.pk))
    assert response.status_code == (200 if allowed else 302)


@row("publish the standard page")
def test_standard_page_publish(world, login, role, allowed):
    data = edit_form_data(login, world.standard, **{"action-publish": "action-publish"})
    data["intro"] = "Wie wij zijn en wat wij doen."
    login(role).post(page_url("edit", world.standard.pk), data)
    assert (reload(world.standard).intro == "Wie wij zijn en wat wij doen.") is allowed


@row("approve the standard page")
def test_standard_page_approve(world, login, role, allowed):
    data = edit_form_data(login, world.standard, **{"action-submit": "action-submit"})
    data["intro"] = "Wie wij zijn en wat wij doen."
    login("redactie").post(page_url("edit", world.standard.pk), data)
    task_state = reload(world.standard).current_workflow_task_state
    assert isinstance(task_state.task.specific, GroupApprovalTask)
    login(role).post(page_url("workflow_action", world.standard.pk, "approve", task_state.pk))
    assert (reload(world.standard).intro == "Wie wij zijn en wat wij doen.") is allowed


# Centre A's feed source --------------------------------------------------------------------------


def feeds_url(name, *args):
    return reverse(f"agenda_feeds:{name}", args=args)


@row("list A's feed source")
def test_feed_source_listing(world, login, role, allowed):
    response = login(role).get(feeds_url("index"))
    assert (A_FEED in body(response)) is allowed
    if role == "staff_a":
        assert B_FEED not in body(response)


@row("edit A's feed source")
def test_feed_source_edit(world, login, role, allowed):
    client = login(role)
    assert client.get(feeds_url("edit", world.source_a.pk)).status_code == (200 if allowed else 302)
    if not allowed:
        client.post(feeds_url("edit", world.source_a.pk), {"centre": world.centre_a.pk, "url": "https://x.example/"})
        assert reload(world.source_a).url == A_FEED


@row("add a feed source")
def test_feed_source_add(world, login, role, allowed):
    assert login(role).get(feeds_url("add")).status_code == (200 if allowed else 302)


@row("read A's feed source's change history")
def test_feed_source_history_and_usage(world, login, role, allowed):
    client = login(role)
    assert client.get(feeds_url("history", world.source_a.pk)).status_code == (200 if allowed else 302)
    assert client.get(feeds_url("usage", world.source_a.pk)).status_code == (200 if allowed else 302)


@row("delete A's feed source")
def test_feed_source_delete(world, login, role, allowed):
    client = login(role)
    assert client.get(feeds_url("delete", world.source_a.pk)).status_code == (200 if allowed else 302)
    client.post(feeds_url("delete", world.source_a.pk))
    assert FeedSource.objects.filter(pk=world.source_a.pk).exists() is not allowed


@row("import A's feed source now")
def test_feed_source_import_now(world, login, role, allowed):
    client = login(role)
    assert client.get(feeds_url("import", world.source_a.pk)).status_code == (200 if allowed else 302)
    if not allowed:
        client.post(feeds_url("import", world.source_a.pk))
        assert world.source_a.runs.count() == 1  # only the fixture's run: nothing was fetched


@row("dry-run A's feed source")
def test_feed_source_dry_run(world, login, role, allowed):
    client = login(role)
    assert client.get(feeds_url("dry_run", world.source_a.pk)).status_code == (200 if allowed else 302)
    if not allowed:
        client.post(feeds_url("dry_run", world.source_a.pk))
        assert world.source_a.runs.count() == 1


@row("read A's import runs")
def test_feed_source_run_history(world, login, role, allowed):
    client = login(role)
    runs = client.get(feeds_url("runs", world.source_a.pk))
    assert runs.status_code == (200 if allowed else 302)
    run = client.get(feeds_url("run", world.source_a.pk, world.run_a.pk))
    assert run.status_code == (200 if allowed else 302)
    assert ("Boei-fout-1184" in body(runs) + body(run)) is allowed


@row("see A's failing feed on the dashboard")
def test_failing_feeds_panel(world, login, role, allowed):
    response = login(role).get(reverse("wagtailadmin_home"))
    assert (A_FEED in body(response)) is allowed


# Our own review list and moderation report --------------------------------------------------------


@row("see A's event in the review list")
def test_review_list(world, login, role, allowed):
    response = login(role).get(reverse("agenda_review"))
    assert response.status_code == 200
    assert (A_PENDING in body(response)) is allowed


@row("approve A's event from the review list")
def test_review_list_bulk_approve(world, login, role, allowed):
    login(role).post(reverse("agenda_review"), {"action": "approve", "page": [world.a_pending.pk]})
    assert reload(world.a_pending).live is allowed


@row("see A's centre in the moderation report")
def test_moderation_report(world, login, role, allowed):
    response = login(role).get(reverse("agenda_moderation_report"))
    assert response.status_code == (200 if allowed else 302)
    assert (world.centre_a.title in body(response)) is allowed
