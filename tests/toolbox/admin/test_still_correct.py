""" "Still correct": one POST records a check, without a revision, a workflow or a content change."""

import re
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.models import PageLogEntry, WorkflowState

from tests.toolbox.factories import make_item
from tests.toolbox.people import NOW
from toolbox.models import ToolboxItemPage

pytestmark = pytest.mark.usefixtures("clock")

REPORT = "/admin/reports/toolbox-review/"


@pytest.fixture
def item(topic_page):
    return make_item(topic_page, "MDO bekostigen", last_reviewed_at=date(2025, 11, 1))


def url(item) -> str:
    return f"/admin/toolbox/still-correct/{item.pk}/"


def test_a_moderator_records_a_check_from_the_report(client, moderator, item):
    revisions = item.revisions.count()
    client.force_login(moderator)
    response = client.post(url(item), {"next": f"{REPORT}?horizon=7"})
    assert response.status_code == 302 and response["Location"] == f"{REPORT}?horizon=7"
    item.refresh_from_db()
    assert (item.last_reviewed_at, item.next_review_on) == (date(2026, 12, 7), date(2027, 12, 7))
    # No content change: no new revision, no workflow, the page stays as it was published.
    assert item.revisions.count() == revisions
    assert not WorkflowState.objects.exists()
    assert not item.has_unpublished_changes
    # The edit form (the latest revision) shows the new date, so saving it does not undo the check.
    assert item.latest_revision.content["last_reviewed_at"] == "2026-12-07"
    assert item.latest_revision.as_object().next_review_on == date(2027, 12, 7)
    entry = PageLogEntry.objects.get(page=item, action="toolbox.still_correct")
    assert entry.user == moderator and entry.data["next_review_on"] == "2027-12-07"
    # The report, reloaded, no longer lists it; the message says until when.
    page = client.get(response["Location"]).content.decode()
    assert "MDO bekostigen" in page  # in the message
    assert f"/admin/pages/{item.pk}/edit/" not in page


def test_the_check_shows_in_the_pages_history(client, moderator, item):
    client.force_login(moderator)
    client.post(url(item))
    history = client.get(f"/admin/pages/{item.pk}/history/").content.decode()
    day = date_format(date(2027, 12, 7), "j F Y")
    assert gettext("Checked: still correct. Next check on %(day)s") % {"day": day} in history


def test_an_editor_may_record_a_check(client, editor, item):
    client.force_login(editor)
    response = client.post(url(item))
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{item.pk}/edit/"
    item.refresh_from_db()
    assert item.last_reviewed_at == date(2026, 12, 7)


def test_centre_staff_may_not(client, centre_staff, item):
    client.force_login(centre_staff)
    assert client.post(url(item)).status_code in (302, 403)
    item.refresh_from_db()
    assert item.last_reviewed_at == date(2025, 11, 1)
    assert not PageLogEntry.objects.filter(action="toolbox.still_correct").exists()


def test_a_visitor_who_is_not_signed_in_is_sent_to_the_login(client, item):
    response = client.post(url(item))
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    item.refresh_from_db()
    assert item.last_reviewed_at == date(2025, 11, 1)


def test_a_page_that_is_not_a_toolbox_item_is_not_found(client, moderator, topic_page):
    client.force_login(moderator)
    assert client.post(f"/admin/toolbox/still-correct/{topic_page.pk}/").status_code == 404
    assert client.post("/admin/toolbox/still-correct/999999/").status_code == 404
    assert not PageLogEntry.objects.filter(action="toolbox.still_correct").exists()


def test_a_get_changes_nothing(client, moderator, item):
    client.force_login(moderator)
    assert client.get(url(item)).status_code == 405
    item.refresh_from_db()
    assert item.last_reviewed_at == date(2025, 11, 1)


def test_a_post_without_the_csrf_token_is_refused(moderator, item):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    assert client.post(url(item)).status_code == 403
    item.refresh_from_db()
    assert item.last_reviewed_at == date(2025, 11, 1)


def test_an_address_elsewhere_is_not_followed(client, moderator, item):
    client.force_login(moderator)
    response = client.post(url(item), {"next": "https://elders.example/"})
    assert response["Location"] == f"/admin/pages/{item.pk}/edit/"


def test_the_edit_view_offers_the_button_for_a_published_item(client, editor, item, topic_page):
    client.force_login(editor)
    html = client.get(f"/admin/pages/{item.pk}/edit/").content.decode()
    assert f'formaction="{url(item)}?next=%2Fadmin%2Fpages%2F{item.pk}%2Fedit%2F"' in html
    draft = make_item(topic_page, "Nog niet gepubliceerd")
    draft.unpublish()
    assert "/admin/toolbox/still-correct/" not in client.get(f"/admin/pages/{draft.pk}/edit/").content.decode()


def test_the_button_in_the_edit_form_goes_back_to_the_item(client, editor, item):
    """The action menu posts the whole edit form, whose own "next" names where the editor came from."""
    client.force_login(editor)
    edit = f"/admin/pages/{item.pk}/edit/"
    response = client.post(f"{url(item)}?next={edit}", {"next": "/admin/pages/", "title": "Genegeerd"})
    assert response["Location"] == edit
    item.refresh_from_db()
    assert item.title == "MDO bekostigen"  # the form's fields are not saved


def test_publishing_a_draft_from_before_the_check_keeps_the_check(client, moderator, item, clock):
    item = ToolboxItemPage.objects.get(pk=item.pk)
    item.intro = "Een nieuwe samenvatting."
    draft = item.save_revision()  # saved before the check, with the old date
    client.force_login(moderator)
    client.post(url(item))
    clock.move_to(NOW + timedelta(days=3))
    draft.refresh_from_db()
    draft.publish()
    item.refresh_from_db()
    assert item.intro == "Een nieuwe samenvatting."
    assert item.last_reviewed_at == date(2026, 12, 10)  # publishing is a check of its own


def test_the_reports_button_carries_the_csrf_token(moderator, item):
    """As a browser: the token in the report's row form is what lets the click through."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    html = client.get(REPORT).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    response = client.post(url(item), {"csrfmiddlewaretoken": token, "next": REPORT})
    assert response.status_code == 302 and response["Location"] == REPORT
    item.refresh_from_db()
    assert item.last_reviewed_at == date(2026, 12, 7)


def test_an_item_locked_by_someone_else_is_left_to_them(client, editor, moderator, item):
    ToolboxItemPage.objects.filter(pk=item.pk).update(locked=True, locked_by=moderator, locked_at=NOW)
    client.force_login(editor)
    response = client.post(url(item), {"next": REPORT})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.last_reviewed_at == date(2025, 11, 1)
    assert not PageLogEntry.objects.filter(action="toolbox.still_correct").exists()
