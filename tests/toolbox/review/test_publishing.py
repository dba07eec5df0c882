"""Publishing counts as a check; toolbox items go through the editors' workflow; scheduled publishing."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from tests.toolbox.factories import make_item
from tests.toolbox.people import NOW
from toolbox.models import ToolboxItemPage

pytestmark = pytest.mark.usefixtures("clock")

CHECKED = date(2025, 11, 1)


@pytest.fixture
def item(topic_page):
    return make_item(topic_page, "MDO bekostigen", last_reviewed_at=CHECKED)


def edit_url(item) -> str:
    return f"/admin/pages/{item.pk}/edit/"


def post_edit(client: Client, item, **changes):
    """The edit form as the browser submits it, with ``changes``."""
    data = querydict_from_html(client.get(edit_url(item)).content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([])}))  # built by the browser's script
    for name, value in changes.items():
        data[name] = value
    return client.post(edit_url(item), data)


def reload(item) -> ToolboxItemPage:
    return ToolboxItemPage.objects.get(pk=item.pk)


def test_the_first_publication_keeps_a_check_date_given(item):
    assert (item.last_reviewed_at, item.next_review_on) == (CHECKED, date(2026, 11, 1))


def test_the_first_publication_without_a_date_is_a_check(topic_page):
    item = make_item(topic_page, "Nieuw", last_reviewed_at=None)
    assert reload(item).last_reviewed_at == date(2026, 12, 7)


def test_publishing_a_change_is_a_check(item, clock):
    clock.move_to(NOW + timedelta(days=2))
    page = reload(item)
    page.intro = "Bijgewerkt."
    page.save_revision().publish()
    page = reload(item)
    assert (page.last_reviewed_at, page.next_review_on) == (date(2026, 12, 9), date(2027, 12, 9))
    # The edit form shows it too, without a revision of its own.
    assert page.latest_revision.content["last_reviewed_at"] == "2026-12-09"
    assert page.revisions.count() == 2


def test_editors_submit_and_moderators_approve_which_is_a_check(client, editor, moderator, item, clock):
    client.force_login(editor)
    # The editor may not publish directly: the change waits, the page stays as it was.
    post_edit(client, item, intro="Door de redactie herschreven.", **{"action-publish": "action-publish"})
    assert reload(item).intro == "Zo regelt u het."
    post_edit(client, item, intro="Door de redactie herschreven.", **{"action-submit": "action-submit"})
    page = reload(item)
    task_state = page.current_workflow_task_state
    assert task_state is not None and page.get_workflow().name == "Redactie"
    assert (page.intro, page.last_reviewed_at) == ("Zo regelt u het.", CHECKED)

    clock.move_to(NOW + timedelta(days=1))
    client.force_login(moderator)
    response = client.post(reverse("wagtailadmin_pages:workflow_action", args=(item.pk, "approve", task_state.pk)))
    assert response.status_code == 302
    page = reload(item)
    assert page.intro == "Door de redactie herschreven."
    assert (page.last_reviewed_at, page.next_review_on) == (date(2026, 12, 8), date(2027, 12, 8))
    assert WorkflowState.objects.get(pk=task_state.workflow_state_id).status == WorkflowState.STATUS_APPROVED


def test_scheduled_publishing_is_a_check_on_the_day_it_goes_live(client, moderator, item, clock):
    client.force_login(moderator)
    go_live = (NOW + timedelta(days=5)).strftime("%Y-%m-%d %H:%M")
    post_edit(client, item, intro="Vanaf volgende week.", go_live_at=go_live, **{"action-publish": "action-publish"})
    page = reload(item)
    assert page.intro == "Zo regelt u het." and page.last_reviewed_at == CHECKED  # not yet

    clock.move_to(NOW + timedelta(days=6))
    call_command("publish_scheduled", stdout=StringIO())
    page = reload(item)
    assert page.intro == "Vanaf volgende week."
    assert page.last_reviewed_at == date(2026, 12, 13)
