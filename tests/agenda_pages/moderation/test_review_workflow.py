"""The issue's workflow, end to end: a feed on a local server is imported, the centre's staff review
the events in the "To review" list, and the public pages show what was approved (and cancellations
at once)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from wagtail.models import TaskState, WorkflowState
from wagtail.users.models import UserProfile

from agenda_pages.importing.service import import_source
from agenda_pages.models import EventOccurrence, EventPage, OccurrenceStatus
from tests.agenda_pages.ics_samples import NOW, TALK, WALK, YOGA, calendar

LIST_URL = "/admin/agenda/review/"


def serve(feed_server, *events: str) -> None:
    feed_server.add("/agenda.ics", calendar(*events), Content_Type="text/calendar")


def import_now(source) -> None:
    report = import_source(source.pk, now=NOW)
    assert report.status == "ok", report.error


def page(uid: str) -> EventPage:
    return EventPage.objects.get(source_uid=uid)


@pytest.fixture
def staff_client(client, django_user_model, centre, frozen_now):
    user = django_user_model.objects.create_user("boei", "boei@example.org", "pw")
    user.groups.add(centre.staff_group.group)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def bulk(client, action: str, *pages: EventPage, comment: str = ""):
    response = client.post(LIST_URL, {"action": action, "page": [p.pk for p in pages], "comment": comment})
    assert response.status_code == 302
    return response


def public_html(client, event: EventPage) -> str:
    response = client.get(event.url)
    assert response.status_code == 200
    return response.content.decode()


def test_import_review_and_approve_a_weekly_series_with_all_its_dates(staff_client, source, feed_server):
    serve(feed_server, WALK, YOGA)
    import_now(source)
    yoga = page("yoga@inloophuis.example")
    assert not yoga.live and yoga.workflow_in_progress
    assert not EventOccurrence.objects.public().exists()
    assert "4 dates" in staff_client.get(LIST_URL).content.decode()

    bulk(staff_client, "approve", yoga, page("walk@inloophuis.example"))

    yoga.refresh_from_db()
    assert yoga.live and not yoga.workflow_in_progress
    assert EventOccurrence.objects.public().filter(page=yoga).count() == 4
    assert EventOccurrence.objects.public().count() == 5
    html = public_html(staff_client, yoga)
    assert all(day in html for day in ("3 december 2026", "10 december 2026", "17 december 2026", "24 december 2026"))
    assert "Yoga" not in staff_client.get(LIST_URL).content.decode()


def test_rejected_event_stays_offline_and_the_centre_sees_the_comment(staff_client, source, feed_server):
    serve(feed_server, WALK)
    import_now(source)
    walk = page("walk@inloophuis.example")

    bulk(staff_client, "reject", walk, comment="Het adres ontbreekt.")

    walk.refresh_from_db()
    assert not walk.live
    workflow_state = WorkflowState.objects.get(object_id=str(walk.pk))
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state = workflow_state.current_task_state
    assert (task_state.status, task_state.comment) == (TaskState.STATUS_REJECTED, "Het adres ontbreekt.")
    history = reverse("wagtailadmin_pages:workflow_history_detail", args=(walk.pk, workflow_state.pk))
    assert "Het adres ontbreekt." in staff_client.get(history).content.decode()
    assert staff_client.get(walk.url).status_code == 404


def test_a_feed_change_to_a_sent_back_event_returns_it_to_review(staff_client, source, feed_server):
    serve(feed_server, WALK)
    import_now(source)
    walk = page("walk@inloophuis.example")
    bulk(staff_client, "reject", walk, comment="Het adres ontbreekt.")

    serve(feed_server, WALK.replace("SUMMARY:Wandelgroep", "SUMMARY:Wandelgroep (nieuw adres)"))
    report = import_source(source.pk, now=NOW)

    assert (report.updated, report.warnings) == (1, [])
    walk.refresh_from_db()
    state = walk.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision_id == walk.latest_revision_id
    assert "Wandelgroep (nieuw adres)" in staff_client.get(LIST_URL).content.decode()


def test_an_update_of_a_live_event_waits_for_approval(staff_client, source, feed_server):
    serve(feed_server, WALK)
    import_now(source)
    walk = page("walk@inloophuis.example")
    bulk(staff_client, "approve", walk)
    assert not source.trusted

    serve(feed_server, WALK.replace("SUMMARY:Wandelgroep", "SUMMARY:Wandelgroep in het park"))
    import_now(source)

    walk.refresh_from_db()
    assert walk.title == "Wandelgroep" and walk.live and walk.has_unpublished_changes
    assert "Wandelgroep in het park" not in public_html(staff_client, walk)
    listing = staff_client.get(LIST_URL).content.decode()
    assert "Update waiting" in listing and "Wandelgroep in het park" in listing

    bulk(staff_client, "approve", walk)

    walk.refresh_from_db()
    assert walk.title == "Wandelgroep in het park" and not walk.has_unpublished_changes
    assert "Wandelgroep in het park" in public_html(staff_client, walk)


def test_a_cancellation_shows_on_the_live_page_without_approval(staff_client, source, feed_server):
    serve(feed_server, WALK, TALK)
    import_now(source)
    talk = page("talk@inloophuis.example")
    bulk(staff_client, "approve", talk, page("walk@inloophuis.example"))

    serve(feed_server, WALK, TALK.replace("END:VEVENT", "STATUS:CANCELLED\r\nEND:VEVENT"))
    import_now(source)

    [date] = EventOccurrence.objects.public().filter(page=talk)
    assert date.status == OccurrenceStatus.CANCELLED
    assert "Geannuleerd" in public_html(staff_client, talk)


def test_approving_an_event_with_a_publication_date_schedules_it(staff_client, source, feed_server):
    serve(feed_server, WALK)
    import_now(source)
    walk = page("walk@inloophuis.example")
    draft = walk.get_latest_revision_as_object()
    draft.go_live_at = NOW + timedelta(days=3)
    draft.save_revision()

    bulk(staff_client, "approve", walk)

    walk.refresh_from_db()
    assert not walk.live
    assert walk.get_latest_revision().approved_go_live_at == NOW + timedelta(days=3)
