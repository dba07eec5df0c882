"""The feed sources' admin screens: listing, forms, import now, dry run, run history and the dashboard panel."""

from datetime import UTC, datetime
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from agenda_pages.models import EventPage, FeedSource, ImportRun, Theme
from tests.agenda_pages.factories import FeedSourceFactory
from tests.agenda_pages.ics_samples import WALK, YOGA, calendar


def english(user):
    """Admin users read the English msgids whatever the Dutch catalogue holds."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def superuser_client(client, django_user_model):
    client.force_login(english(django_user_model.objects.create_superuser("beheer", "beheer@example.org", "pw")))
    return client


@pytest.fixture
def plain_client(client, django_user_model):
    """An editor who may use the admin but has no feed permissions."""
    user = django_user_model.objects.create_user("redacteur", "redacteur@example.org", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(english(user))
    return client


def messages_of(response) -> list[str]:
    return [unescape(str(message)) for message in get_messages(response.wsgi_request)]


def url(name, *args):
    return reverse(f"agenda_feeds:{name}", args=args)


def test_listing_shows_sources_to_superuser(superuser_client, source):
    FeedSourceFactory(centre=source.centre, consecutive_failures=3, needs_review=True, last_run_status="error")
    response = superuser_client.get(url("index"))
    assert response.status_code == 200
    assert source.url in response.content.decode()
    assert "Inloophuis De Boei" in response.content.decode()
    assert url("import", source.pk) in response.content.decode()
    assert url("runs", source.pk) in response.content.decode()


def test_listing_filters_by_needs_review(superuser_client, source):
    flagged = FeedSourceFactory(centre=source.centre, needs_review=True)
    response = superuser_client.get(url("index"), {"needs_review": "true"})
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [flagged]


def test_listing_refused_without_feed_permissions(plain_client, source):
    response = plain_client.get(url("index"))
    assert response.status_code in (302, 403)
    assert source.url not in response.content.decode()


def test_source_created_through_the_admin_form(superuser_client, centre):
    themes = Theme.objects.in_bulk(field_name="slug")
    form = nested_form_data(
        {
            "centre": centre.pk,
            "url": "https://inloophuis.example.nl/agenda.ics",
            "format": "ics",
            "is_active": "on",
            "category_themes": inline_formset([{"category": "Wandelen", "theme": themes["bewegen"].pk}]),
        }
    )
    form["default_themes"] = [themes["lotgenotencontact"].pk]
    response = superuser_client.post(url("add"), form)
    assert response.status_code == 302
    created = FeedSource.objects.get(url="https://inloophuis.example.nl/agenda.ics")
    assert (created.centre_id, created.format, created.is_active) == (centre.pk, "ics", True)
    assert [theme.slug for theme in created.default_themes.all()] == ["lotgenotencontact"]
    assert [(row.category, row.theme.slug) for row in created.category_themes.all()] == [("Wandelen", "bewegen")]


def test_edit_page_offers_import_and_run_history(superuser_client, source):
    response = superuser_client.get(url("edit", source.pk))
    assert response.status_code == 200
    assert url("import", source.pk) in response.content.decode()
    assert url("runs", source.pk) in response.content.decode()


def test_import_now_creates_drafts_and_reports_counts(superuser_client, source, feed_server, frozen_now):
    feed_server.add("/agenda.ics", calendar(WALK, YOGA), Content_Type="text/calendar")
    response = superuser_client.post(url("import", source.pk))
    run = ImportRun.objects.get(source=source)
    assert response.status_code == 302
    assert response["Location"] == url("run", source.pk, run.pk)  # the editor sees what happened
    pages = EventPage.objects.filter(source=source)
    assert pages.count() == 2 and not any(page.live for page in pages)
    [message] = messages_of(response)
    assert message.strip() == f"Imported '{source}'. 2 events created."
    assert run.created == 2
    detail = unescape(superuser_client.get(response["Location"]).content.decode())
    assert "2 events created." in detail and "Imported" in detail


def test_import_now_of_an_unchanged_feed_says_nothing_changed(superuser_client, source, feed_server, frozen_now):
    """Not a row of zeros ("Unchanged 0" for a feed that was not even read again)."""
    feed_server.add("/agenda.ics", calendar(WALK, YOGA), Content_Type="text/calendar")
    superuser_client.post(url("import", source.pk))
    response = superuser_client.post(url("import", source.pk))
    [message] = messages_of(response)[-1:]
    assert message.strip() == f"Imported '{source}'. Nothing changed: the feed is the same as at the last import."
    detail = unescape(superuser_client.get(response["Location"]).content.decode())
    assert "Nothing changed: the feed is the same as at the last import." in detail
    assert "<dt>Unchanged</dt>" not in detail
    history = unescape(superuser_client.get(url("runs", source.pk)).content.decode())
    assert "Nothing changed: the feed is the same as at the last import." in history
    assert "2 events created." in history


def test_a_run_that_changed_nothing_says_so(superuser_client, source):
    run = ImportRun.objects.create(source=source, status="ok", unchanged=12)
    detail = unescape(superuser_client.get(url("run", source.pk, run.pk)).content.decode())
    assert "Nothing changed: the 12 events in the feed are as they were." in detail


def test_import_now_returns_to_next_with_a_link_to_the_run(superuser_client, source, feed_server, frozen_now):
    feed_server.add("/agenda.ics", calendar(WALK), Content_Type="text/calendar")
    response = superuser_client.post(url("import", source.pk), {"next": url("index")})
    assert response["Location"] == url("index")
    [message] = messages_of(response)
    assert url("run", source.pk, ImportRun.objects.get().pk) in message and "Show the run" in message


def test_import_now_does_not_return_to_another_site(superuser_client, source, feed_server, frozen_now):
    feed_server.add("/agenda.ics", calendar(WALK), Content_Type="text/calendar")
    response = superuser_client.post(url("import", source.pk), {"next": "https://evil.example/admin/"})
    assert response["Location"] == url("run", source.pk, ImportRun.objects.get().pk)


def test_import_now_with_a_task_worker_starts_the_import_in_the_background(
    superuser_client, source, feed_server, settings
):
    """Where tasks wait for a worker (production), the request only enqueues the import: a slow feed
    cannot hold the web request past its time limit."""
    from django_tasks import default_task_backend

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.AGENDA_IMPORT_NOW_WAIT_SECONDS = 0.5  # it waits that long for a worker, here in vain
    feed_server.add("/agenda.ics", calendar(WALK), Content_Type="text/calendar")
    response = superuser_client.post(url("import", source.pk))
    assert response["Location"] == url("runs", source.pk)
    [message] = messages_of(response)
    assert "is still running" in message and url("runs", source.pk) in message
    assert feed_server.requests == [] and not ImportRun.objects.exists()
    [queued] = default_task_backend.results
    assert (queued.task.name, queued.args) == ("import_feed_source", [source.pk])


def test_import_now_says_so_when_the_import_task_breaks(superuser_client, source, monkeypatch, frozen_now):
    from agenda_pages import tasks

    def broken(source_id):  # stands in for an outage in the middle of the import
        raise RuntimeError("the database went away")

    monkeypatch.setattr(tasks, "import_source", broken)
    response = superuser_client.post(url("import", source.pk))
    assert response["Location"] == url("edit", source.pk)
    [message] = messages_of(response)
    assert message.strip() == f"Import of 'Inloophuis De Boei: {source.url}' stopped unexpectedly."


def test_import_now_of_a_source_that_crashes_the_importer_says_so_plainly(
    superuser_client, crash_between_good_sources, assert_unexpected_failure, frozen_now
):
    from agenda_pages.importing.service import UNEXPECTED_ERROR

    first, crashing, last = crash_between_good_sources
    said = {}
    for source in (first, crashing, last):  # the messages add up until a page shows them: the last is this one's
        said[source] = messages_of(superuser_client.post(url("import", source.pk)))[-1]

    assert said[crashing].strip() == f"Import of '{crashing}' failed: {UNEXPECTED_ERROR}"
    assert "1 event created" in said[first] and "1 event created" in said[last]
    assert [EventPage.objects.filter(source=source).count() for source in (first, last)] == [1, 1]
    assert_unexpected_failure(crashing)


def test_import_now_get_only_asks_for_confirmation(superuser_client, source, feed_server):
    feed_server.add("/agenda.ics", calendar(WALK), Content_Type="text/calendar")
    response = superuser_client.get(url("import", source.pk))
    assert response.status_code == 200
    assert 'method="POST"' in response.content.decode()
    assert feed_server.requests == []
    assert not ImportRun.objects.exists() and not EventPage.objects.exists()


def test_failing_feed_shows_the_error(superuser_client, source, feed_server, frozen_now):
    feed_server.add("/agenda.ics", b"", status=500)
    response = superuser_client.post(url("import", source.pk))
    run = ImportRun.objects.get(source=source)
    assert response.status_code == 302
    assert response["Location"] == url("run", source.pk, run.pk)
    [message] = messages_of(response)
    assert message.startswith(f"Import of 'Inloophuis De Boei: {source.url}' failed: ")
    assert "500" in message
    source.refresh_from_db()
    assert source.consecutive_failures == 1
    assert run.status == "error"
    detail = unescape(superuser_client.get(response["Location"]).content.decode())
    assert f"The import failed: {run.error_message}" in detail and "help-critical" in detail


def test_import_now_needs_change_permission(plain_client, source, feed_server):
    feed_server.add("/agenda.ics", calendar(WALK), Content_Type="text/calendar")
    response = plain_client.post(url("import", source.pk))
    assert response.status_code in (302, 403)
    assert response.get("Location", "") != url("edit", source.pk)
    assert feed_server.requests == [] and not ImportRun.objects.exists()


def test_dry_run_shows_the_report_and_saves_nothing(superuser_client, source, feed_server, frozen_now):
    feed_server.add("/agenda.ics", calendar(WALK, YOGA), Content_Type="text/calendar")
    response = superuser_client.post(url("dry_run", source.pk))
    assert response.status_code == 200
    assert response.context["report"].created == 2
    assert "Nothing was saved. An import now would give: 2 events created." in response.content.decode()
    assert not EventPage.objects.exists() and not ImportRun.objects.exists()
    source.refresh_from_db()
    assert source.last_run_at is None


def test_dry_run_of_a_failing_feed_shows_the_error_and_records_nothing(superuser_client, source, feed_server):
    feed_server.add("/agenda.ics", b"<!DOCTYPE html><html><body>Onderhoud</body></html>", Content_Type="text/html")
    response = superuser_client.post(url("dry_run", source.pk))
    assert response.status_code == 200
    assert "The import would fail: The feed is not an iCalendar" in unescape(response.content.decode())
    assert not ImportRun.objects.exists()
    source.refresh_from_db()
    assert (source.consecutive_failures, source.last_error, source.next_attempt_at) == (0, "", None)


def test_run_history_lists_runs_newest_first(superuser_client, source):
    older = ImportRun.objects.create(
        source=source, started_at=datetime(2026, 11, 20, tzinfo=UTC), status="ok", created=4
    )
    newer = ImportRun.objects.create(
        source=source,
        started_at=datetime(2026, 11, 21, tzinfo=UTC),
        status="error",
        error_message="The server answered 500.",
        warnings=["yoga@x: RRULE not supported", "walk@x: no end"],
    )
    ImportRun.objects.create(source=FeedSourceFactory(centre=source.centre), status="ok")
    response = superuser_client.get(url("runs", source.pk))
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [newer, older]
    assert "The server answered 500." in response.content.decode()
    assert url("run", source.pk, newer.pk) in response.content.decode()

    detail = superuser_client.get(url("run", source.pk, newer.pk))
    assert detail.status_code == 200
    assert "yoga@x: RRULE not supported" in detail.content.decode()
    assert "walk@x: no end" in detail.content.decode()


def test_run_of_another_source_is_not_found(superuser_client, source):
    other = ImportRun.objects.create(source=FeedSourceFactory(centre=source.centre), status="ok")
    assert superuser_client.get(url("run", source.pk, other.pk)).status_code == 404


def test_run_history_refused_without_feed_permissions(plain_client, source):
    ImportRun.objects.create(source=source, status="error", error_message="The server answered 500.")
    response = plain_client.get(url("runs", source.pk))
    assert response.status_code in (302, 403)
    assert "The server answered 500." not in response.content.decode()


def test_dashboard_lists_failing_feeds(superuser_client, source):
    source.consecutive_failures = 2
    source.last_error = "The server answered 500."
    source.save()
    response = superuser_client.get(reverse("wagtailadmin_home"))
    content = response.content.decode()
    assert "Failing feeds" in content
    assert "The server answered 500." in content
    assert url("edit", source.pk) in content


def test_dashboard_has_no_failing_feeds_panel_when_all_is_well(superuser_client, source):
    FeedSourceFactory(centre=source.centre, is_active=False, consecutive_failures=5)
    response = superuser_client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "Failing feeds" not in response.content.decode()


def test_run_detail_heading_and_table_give_the_same_local_time(superuser_client, source):
    """The heading showed the start in UTC above a table in Amsterdam time."""
    run = ImportRun.objects.create(
        source=source,
        started_at=datetime(2026, 12, 16, 13, 30, tzinfo=UTC),
        finished_at=datetime(2026, 12, 16, 13, 31, tzinfo=UTC),
        status="ok",
        created=1,
    )
    html = unescape(superuser_client.get(url("run", source.pk, run.pk)).content.decode())
    assert "13:30" not in html
    assert html.count("Wed 16 Dec 2026, 14:30") >= 2  # the header's subtitle (and title) and the table
    assert "Wed 16 Dec 2026, 14:31" in html
    history = unescape(superuser_client.get(url("runs", source.pk)).content.decode())
    assert "Wed 16 Dec 2026, 14:30" in history


def test_a_run_that_changed_nothing_says_so_in_dutch(client, django_user_model, source):
    client.force_login(django_user_model.objects.create_superuser("beheer", "beheer@example.org", "pw"))
    run = ImportRun.objects.create(
        source=source, started_at=datetime(2026, 12, 16, 13, 30, tzinfo=UTC), status="not-modified"
    )
    html = unescape(client.get(url("run", source.pk, run.pk)).content.decode())
    assert "Niets veranderd: de feed is hetzelfde als bij de vorige import." in html
    assert "wo 16 dec. 2026, 14:30" in html
    assert "Ongewijzigd" not in html
