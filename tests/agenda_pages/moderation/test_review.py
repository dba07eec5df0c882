"""The "To review" list, its dashboard panel and its bulk actions, for centre staff and moderators."""

import re
from html import unescape

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from wagtail.admin.menu import admin_menu
from wagtail.models import TaskState
from wagtail.users.models import UserProfile

from agenda_pages.importing.service import import_source
from agenda_pages.models import EventPage
from agenda_pages.moderation import roles
from agenda_pages.moderation.review import approve_events, pending_events, reject_events
from tests.agenda_pages.factories import CentrePageFactory, EventOccurrenceFactory, EventPageFactory, FeedSourceFactory
from tests.agenda_pages.ics_samples import NOW, WALK, YOGA, calendar, vevent

LIST_URL = "/admin/agenda/review/"


def serve(feed_server, *events: str, path="/agenda.ics") -> None:
    feed_server.add(path, calendar(*events), Content_Type="text/calendar")


def import_now(source):
    report = import_source(source.pk, now=NOW)
    assert report.status == "ok", report.error


def walks(count: int, title="Wandelgroep") -> list[str]:
    return [
        vevent(f"walk-{n}@inloophuis.example", f"{title} {n}", f"202612{n % 28 + 1:02d}T100000") for n in range(count)
    ]


def user_in(django_user_model, username: str, group: Group | None = None):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", "pw")
    if group is not None:
        user.groups.add(group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the English msgids, whatever the Dutch catalogue holds
    profile.save()
    return user


def messages_of(response) -> list[str]:
    return [unescape(str(message)).strip() for message in get_messages(response.wsgi_request)]


@pytest.fixture
def staff(django_user_model, centre):
    return user_in(django_user_model, "boei", centre.staff_group.group)


@pytest.fixture
def other_centre(centre):
    return CentrePageFactory(parent=centre.get_parent(), title="Inloophuis Het Anker")


@pytest.fixture
def other_source(other_centre, feed_server):
    return FeedSourceFactory(centre=other_centre, url=feed_server.url("/anker.ics"), format="ics")


@pytest.fixture
def other_staff(django_user_model, other_centre):
    return user_in(django_user_model, "anker", other_centre.staff_group.group)


@pytest.fixture
def moderator(django_user_model, centre):
    return user_in(django_user_model, "eindredactie", Group.objects.get(name=roles.MODERATORS))


@pytest.fixture
def imported(source, feed_server):
    """Wandelgroep (1 December) and Yoga (weekly, 4 dates from 3 December), waiting for review."""
    serve(feed_server, WALK, YOGA)
    import_now(source)
    return {page.title: page for page in EventPage.objects.filter(source=source)}


def approve_all(source, user):
    approve_events(user, EventPage.objects.filter(source=source).values_list("pk", flat=True))


# What the list holds


def test_pending_events_of_a_centre_soonest_first(staff, imported, source, centre):
    walk, yoga = pending_events(staff, now=NOW)
    assert (walk.title, yoga.title) == ("Wandelgroep", "Yoga")
    assert walk.start.isoformat() == "2026-12-01T09:00:00+00:00"
    assert (walk.dates, yoga.dates) == (1, 4)
    assert (walk.centre, walk.source, walk.source_host) == (centre, source, "127.0.0.1")
    assert walk.is_new and walk.changed is None and not walk.update_waiting
    assert walk.waiting_since is not None


def test_another_centres_staff_has_nothing_to_review(other_staff, imported):
    assert pending_events(other_staff, now=NOW) == []


def test_moderators_review_every_centre(moderator, imported, other_source, feed_server):
    serve(feed_server, vevent("koor@anker.example", "Koor", "20261202T190000"), path="/anker.ics")
    import_now(other_source)
    titles = [event.title for event in pending_events(moderator, now=NOW)]
    assert titles == ["Wandelgroep", "Koor", "Yoga"]


def test_an_editor_without_a_centre_has_nothing_to_review(django_user_model, imported):
    assert pending_events(user_in(django_user_model, "redacteur", Group.objects.get(name=roles.EDITORS))) == []


def test_a_centres_profile_page_is_not_an_event_to_review(moderator, centre):
    revision = centre.save_revision()
    centre.get_workflow().start(centre, user=None)
    assert TaskState.objects.filter(revision=revision).exists()
    assert pending_events(moderator, now=NOW) == []


def test_a_live_event_with_changes_shows_what_changed(staff, imported, source, feed_server):
    approve_all(source, staff)
    changed_walk = WALK.replace("SUMMARY:Wandelgroep", "SUMMARY:Wandelgroep in het park").replace(
        "END:VEVENT", "DESCRIPTION:Verzamelen bij de ingang.\r\nEND:VEVENT"
    )
    serve(feed_server, changed_walk, YOGA.replace("COUNT=4", "COUNT=6"))
    import_now(source)
    with translation.override("en"):
        walk, yoga = pending_events(staff, now=NOW)
        assert (walk.title, walk.changed, walk.update_waiting) == (
            "Wandelgroep in het park",
            ("Title", "Description"),
            True,
        )
        assert (yoga.changed, yoga.dates) == (("Dates",), 6)


def test_an_event_made_live_without_a_revision_is_compared_with_its_tables(staff, centre):
    page = EventPageFactory(parent=centre, title="Schilderen", live=True)
    EventOccurrenceFactory(page=page, start=NOW.replace(month=12))
    draft = page.get_latest_revision_as_object()
    draft.cost = "5 euro"
    draft.save_revision()
    page.get_workflow().start(page, user=None)
    [event] = pending_events(staff, now=NOW)
    with translation.override("en"):
        assert (event.changed, event.start, event.update_waiting) == (("Cost",), NOW.replace(month=12), True)


# Query counts: constant in the number of events


def pending_mix(source, feed_server, moderator, count: int) -> None:
    """``count`` events waiting: half of them new, half changes to live events."""
    serve(feed_server, *walks(count))
    import_now(source)
    live = EventPage.objects.filter(source=source).order_by("pk")[: count // 2]
    approve_events(moderator, [page.pk for page in live])
    serve(feed_server, *walks(count // 2, title="Wandelen"), *walks(count)[count // 2 :])
    import_now(source)


@pytest.mark.parametrize("count", [2, 20])
def test_pending_events_cost_the_same_queries_for_2_or_20_events(
    count, source, feed_server, staff, moderator, django_user_model, django_assert_num_queries
):
    pending_mix(source, feed_server, moderator, count)
    # Fresh user objects: the review task caches "is a moderator" on the user.
    staff, moderator = (django_user_model.objects.get(pk=user.pk) for user in (staff, moderator))
    # The user's centres (none for a moderator), the task states (whether the user moderates is a
    # subquery), the pages, their centres.
    with django_assert_num_queries(4):
        assert len(pending_events(staff, now=NOW)) == count
    with django_assert_num_queries(4):
        assert len(pending_events(moderator, now=NOW)) == count


@pytest.mark.parametrize("count", [2, 20])
def test_the_list_costs_the_same_queries_for_2_or_20_events(
    count, source, feed_server, staff, moderator, client, django_assert_num_queries, frozen_now
):
    pending_mix(source, feed_server, moderator, count)
    client.force_login(staff)
    client.get(LIST_URL)  # warm the per-process caches (content types, site, menu)
    # One more than before pagination: the database counts the events for the pages; one more for
    # the themes (a small table read once) that each row shows, or suggests.
    with django_assert_num_queries(21):
        response = client.get(LIST_URL)
    assert response.content.decode().count('name="page"') == count


# The list view


def test_the_list_shows_each_event_with_its_links(client, staff, imported, frozen_now):
    client.force_login(staff)
    response = client.get(reverse("agenda_review"))
    assert response.status_code == 200
    html = response.content.decode()
    walk, yoga = imported["Wandelgroep"], imported["Yoga"]
    for page in (walk, yoga):
        assert f'name="page" value="{page.pk}"' in html
        assert reverse("wagtailadmin_pages:edit", args=(page.pk,)) in html
        task_id = TaskState.objects.get(revision__object_id=str(page.pk)).task_id
        preview_url = reverse("wagtailadmin_pages:workflow_preview", args=(page.pk, task_id))
        assert preview_url in html
        assert client.get(preview_url).status_code == 200
    assert "4 dates" in html and "New event" in html
    assert "Inloophuis De Boei" in html and "Feed of 127.0.0.1" in html
    assert "Update waiting" not in html


def test_the_list_shows_each_events_themes_or_what_is_suggested(client, staff, source, feed_server, frozen_now):
    serve(
        feed_server,
        WALK.replace("END:VEVENT", "CATEGORIES:Creatief\r\nEND:VEVENT"),  # a theme from the feed
        YOGA,  # none from the feed; "yoga" is a keyword of Bewegen en sport
        vevent("market@inloophuis.example", "Kerstmarkt", "20261207T100000"),  # nothing to go on
    )
    import_now(source)
    client.force_login(staff)

    html = client.get(LIST_URL).content.decode()
    text = unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))

    yoga = EventPage.objects.get(title="Yoga")
    assert "Themes: Creative" in text  # in the reviewer's language (English here)
    assert "Suggested themes: Exercise and sport. Check and confirm Yoga" in text
    assert f'href="{reverse("wagtailadmin_pages:edit", args=(yoga.pk,))}">Check and confirm' in html
    assert text.count("No theme yet") == 1  # the Christmas market


def test_the_list_marks_updates_of_live_events(client, staff, imported, source, feed_server, frozen_now):
    approve_all(source, staff)
    serve(feed_server, WALK.replace("SUMMARY:Wandelgroep", "SUMMARY:Wandelgroep in het park"), YOGA)
    import_now(source)
    client.force_login(staff)
    html = client.get(LIST_URL).content.decode()
    assert "Update waiting" in html and "Wandelgroep in het park" in html
    compare_url = reverse("wagtailadmin_pages:revisions_compare", args=(imported["Wandelgroep"].pk, "live", "latest"))
    assert compare_url in html
    assert client.get(compare_url).status_code == 200  # the centre's staff may follow the link
    assert "Yoga" not in html  # approved and unchanged


def test_an_event_made_by_hand_says_so(client, staff, centre, frozen_now):
    page = EventPageFactory(parent=centre, title="Schilderen", live=False)
    EventOccurrenceFactory(page=page, start=NOW.replace(month=12))
    page.save_revision()
    page.get_workflow().start(page, user=None)
    client.force_login(staff)
    assert "By hand" in client.get(LIST_URL).content.decode()


def test_the_list_with_nothing_to_review(client, other_staff, imported):
    client.force_login(other_staff)
    html = client.get(LIST_URL).content.decode()
    assert "Nothing to review" in html and "Wandelgroep" not in html


def test_the_menu_item_is_for_moderators_and_whoever_has_events_to_review(
    django_user_model, staff, other_staff, moderator, imported
):
    editor = user_in(django_user_model, "redacteur", Group.objects.get(name=roles.EDITORS))

    def menu_names(user):
        request = RequestFactory().get("/admin/")
        request.user = django_user_model.objects.get(pk=user.pk)
        return {item.name for item in admin_menu.menu_items_for_request(request)}

    assert "agenda-review" in menu_names(staff)
    assert "agenda-review" in menu_names(moderator)
    assert "agenda-review" not in menu_names(other_staff)
    assert "agenda-review" not in menu_names(editor)


# Bulk approve and reject


def test_bulk_approve_publishes_the_selected_events(client, staff, imported, frozen_now):
    client.force_login(staff)
    walk, yoga = imported["Wandelgroep"], imported["Yoga"]
    response = client.post(LIST_URL, {"action": "approve", "page": [walk.pk, yoga.pk]})
    assert response.status_code == 302 and response["Location"] == LIST_URL
    assert messages_of(response) == ["2 events approved."]
    for page in (walk, yoga):
        page.refresh_from_db()
        assert page.live and not page.has_unpublished_changes
    assert TaskState.objects.get(revision__object_id=str(walk.pk)).finished_by == staff


def test_bulk_reject_needs_a_comment(client, staff, imported, frozen_now):
    client.force_login(staff)
    walk = imported["Wandelgroep"]
    response = client.post(LIST_URL, {"action": "reject", "page": [walk.pk], "comment": "  "})
    assert response.status_code == 200
    assert "Write a comment for the centre" in response.content.decode()
    assert f'value="{walk.pk}" id="review-page-{walk.pk}" checked' in response.content.decode()
    assert TaskState.objects.get(revision__object_id=str(walk.pk)).status == TaskState.STATUS_IN_PROGRESS


def test_bulk_reject_stores_one_comment_on_each_event(client, staff, imported, frozen_now):
    client.force_login(staff)
    walk, yoga = imported["Wandelgroep"], imported["Yoga"]
    response = client.post(LIST_URL, {"action": "reject", "page": [walk.pk, yoga.pk], "comment": "Adres ontbreekt."})
    assert messages_of(response) == ["2 events sent back to the centre with your comment."]
    for page in (walk, yoga):
        state = TaskState.objects.get(revision__object_id=str(page.pk))
        assert (state.status, state.comment, state.finished_by) == (
            TaskState.STATUS_REJECTED,
            "Adres ontbreekt.",
            staff,
        )
        page.refresh_from_db()
        assert not page.live


def test_nothing_selected_does_nothing(client, staff, imported, frozen_now):
    client.force_login(staff)
    response = client.post(LIST_URL, {"action": "approve"})
    assert response.status_code == 200 and "Select one or more events" in response.content.decode()
    assert not EventPage.objects.filter(live=True).exists()


def test_another_centres_events_are_refused(client, staff, imported, other_source, feed_server, frozen_now):
    serve(feed_server, vevent("koor@anker.example", "Koor", "20261202T190000"), path="/anker.ics")
    import_now(other_source)
    theirs = EventPage.objects.get(source=other_source)
    ours = imported["Wandelgroep"]
    client.force_login(staff)
    response = client.post(LIST_URL, {"action": "approve", "page": [ours.pk, theirs.pk, "x"]})
    assert messages_of(response) == [
        "1 event approved.",
        "1 selected event was not changed: you may not review it, or it no longer waits for review.",
    ]
    theirs.refresh_from_db()
    assert not theirs.live and theirs.workflow_in_progress
    assert TaskState.objects.get(revision__object_id=str(theirs.pk)).status == TaskState.STATUS_IN_PROGRESS
    assert "Koor" not in " ".join(messages_of(response))


def test_rejecting_another_centres_event_leaves_it_alone(other_staff, imported):
    walk = imported["Wandelgroep"]
    outcome = reject_events(other_staff, [walk.pk], "Weg ermee.")
    assert (outcome.done, outcome.refused) == ([], [walk.pk])
    assert TaskState.objects.get(revision__object_id=str(walk.pk)).status == TaskState.STATUS_IN_PROGRESS


def test_an_event_already_approved_is_not_approved_twice(staff, moderator, imported):
    walk = imported["Wandelgroep"]
    assert approve_events(moderator, [walk.pk]).done == [walk]
    assert approve_events(staff, [walk.pk]).refused == [walk.pk]


def test_the_list_needs_admin_access(client, django_user_model, imported):
    client.force_login(django_user_model.objects.create_user("bezoeker", "b@example.org", "pw"))
    assert client.get(LIST_URL).status_code in (302, 403)


def test_admin_access_alone_lists_nothing(client, django_user_model, imported):
    user = user_in(django_user_model, "lezer")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.post(LIST_URL, {"action": "approve", "page": [imported["Wandelgroep"].pk]})
    assert "1 selected event was not changed" in messages_of(response)[0]
    assert not EventPage.objects.filter(live=True).exists()


# The dashboard panel


def review_panel(html: str) -> str:
    """Our panel's part of the dashboard (the other panels list other things than events)."""
    start = html.find('id="agenda-review-section"')
    return "" if start == -1 else html[start : html.index("</section>", start)]


def test_the_dashboard_lists_the_first_ten_events_to_review(client, staff, source, feed_server, frozen_now):
    serve(feed_server, *walks(12))
    import_now(source)
    client.force_login(staff)
    panel = review_panel(client.get(reverse("wagtailadmin_home")).content.decode())
    assert [f"Wandelgroep {n}" in panel for n in range(12)] == [True] * 10 + [False] * 2
    assert "Review all 12 events" in panel and LIST_URL in panel
    assert "New event" in panel and "Feed of 127.0.0.1" in panel


def test_the_dashboard_shows_no_panel_without_events_to_review(client, other_staff, imported):
    client.force_login(other_staff)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert review_panel(response.content.decode()) == ""


def test_the_review_list_is_headed_to_review_in_dutch(moderator, client):
    """Wagtail's header shows the breadcrumbs, not the (screen-reader only) h1: the last one is the
    list's own name, not "Home"."""
    profile = UserProfile.get_for_user(moderator)
    profile.preferred_language = "nl"
    profile.save()
    client.force_login(moderator)
    html = client.get(LIST_URL).content.decode()
    breadcrumbs = html[html.index("data-w-breadcrumbs") :]
    breadcrumbs = breadcrumbs[: breadcrumbs.index("</ol>")]
    labels = [re.sub(r"<[^>]+>|\s+", " ", item).strip() for item in re.findall(r"<li.*?</li>", breadcrumbs, re.S)]
    assert labels[-1] == "Te beoordelen"
