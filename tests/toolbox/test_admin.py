"""Through the page editor: an editor adds a good practice with its facts, a download and a review date."""

from datetime import date

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.toolbox.factories import audience, text_document
from toolbox.models import ToolboxAudience, ToolboxItemPage


@pytest.fixture
def editor(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("redactie", "redactie@example.org", "geheim-123"))
    return client


def test_an_editor_publishes_a_good_practice(editor, topic_page):
    document = text_document()
    board = audience()
    data = nested_form_data(
        {
            "title": "Samen één coördinator",
            "slug": "samen-een-coordinator",
            "kind": "good_practice",
            "intro": "Drie ziekenhuizen delen één coördinator.",
            "body": streamfield([("paragraph", rich_text("<p>Zo ging het.</p>"))]),
            "network": "Netwerk Midden",
            "situation": "Geen geld voor drie coördinatoren.",
            "approach": "Eén gedeelde coördinator.",
            "result": "",
            "lessons": "",
            "contact": "",
            "documents": inline_formset([{"document": document.pk}]),
            "related_items": inline_formset([]),
            "region": "utrecht",
            "tags": "coördinator, kosten",
            "review_interval_months": "6",
            "last_reviewed_at": "2026-05-31",
            "action-publish": "action-publish",
        }
    )
    # Multiple choices go in as repeated fields, which nested_form_data would number instead.
    data.update(topics=[topic_page.topic.pk], audiences=[board.pk])
    url = reverse("wagtailadmin_pages:add", args=["toolbox", "toolboxitempage", topic_page.pk])

    response = editor.post(url, data)

    assert response.status_code == 302, response.context["form"].errors if response.context else response
    item = ToolboxItemPage.objects.get(slug="samen-een-coordinator")
    assert item.live
    assert item.next_review_on == date(2026, 11, 30)
    assert [link.document for link in item.documents.all()] == [document]
    assert list(item.audiences.all()) == [board]
    assert sorted(tag.name for tag in item.tags.all()) == ["coördinator", "kosten"]


def test_the_vocabulary_lists_both_names(editor):
    audience("zorgverlener", "Zorgverlener")
    ToolboxAudience.objects.filter(slug="zorgverlener").update(label_en="Clinician")
    html = editor.get(reverse("wagtailsnippets_toolbox_toolboxaudience:list")).content.decode()
    assert "Zorgverlener" in html and "Clinician" in html
    assert editor.get(reverse("wagtailsnippets_toolbox_toolboxtopic:list")).status_code == 200
