from datetime import date

import pytest
import time_machine
from wagtail.models import Locale

from home.demo import DEMO_ADMIN_USERNAME
from toolbox.demo.loader import load_toolbox_demo
from toolbox.models import ToolboxIndexPage, ToolboxItemPage, ToolboxTopicPage

pytestmark = pytest.mark.django_db

TODAY = date(2026, 12, 7)


@time_machine.travel("2026-12-07 09:00 +01:00", tick=False)
def test_the_demo_toolbox_is_loaded_once(demo_site, client):
    created = load_toolbox_demo(TODAY)
    assert len(created) == 1 + 1 + 5 + 5 + 20  # overview and topics in two languages, items in Dutch
    assert ToolboxItemPage.objects.count() == 20
    assert ToolboxItemPage.objects.overdue(TODAY).exists()
    assert ToolboxItemPage.objects.filter(is_example=True).exists()
    assert ToolboxItemPage.objects.filter(documents__isnull=False).exists()
    assert ToolboxTopicPage.objects.filter(locale=Locale.objects.get(language_code="en")).count() == 5
    practice = ToolboxItemPage.objects.get(slug="verdeelsleutel-ziekenhuizen")
    assert (practice.kind, practice.is_example, practice.network) == (
        "good_practice",
        True,
        "Oncologienetwerk Oost (voorbeeld)",
    )
    assert [topic.slug for topic in practice.topics.all()] == ["financiering"]
    assert practice.last_reviewed_at == date(2025, 8, 7)  # checked 16 months before the demo was loaded

    assert load_toolbox_demo(TODAY) == []
    assert ToolboxItemPage.objects.count() == 20

    index = ToolboxIndexPage.objects.get(locale__language_code="nl")
    assert client.get(index.url).status_code == 200
    index_en = ToolboxIndexPage.objects.get(locale__language_code="en")
    response = client.get(index_en.url)
    assert response.status_code == 200
    assert "Privacy and data exchange" in response.content.decode()
    for item in ToolboxItemPage.objects.filter(related_items__isnull=False).distinct()[:3]:
        assert client.get(item.url).status_code == 200


@time_machine.travel("2026-12-07 09:00 +01:00", tick=False)
def test_the_demo_gives_the_review_report_and_the_reminders_something_to_show(demo_site, django_user_model):
    django_user_model.objects.get_or_create(username=DEMO_ADMIN_USERNAME)  # made by the command
    load_toolbox_demo(TODAY)
    items = ToolboxItemPage.objects.all()
    assert items.filter(owner_user__isnull=False).exists() and items.filter(owner_group__name="Redactie").exists()
    assert items.filter(owner_user__isnull=True, owner_group__isnull=True).count() == 2
    assert items.overdue(TODAY).count() == 6 and items.due(TODAY).exclude(next_review_on__lt=TODAY).count() == 1
    # Linking related items publishes them again; their demo check dates stay.
    convenant = items.get(slug="convenant-netwerk")
    assert convenant.related_items.exists() and convenant.last_reviewed_at == date(2026, 4, 7)
    assert convenant.latest_revision.content["last_reviewed_at"] == "2026-04-07"
    load_toolbox_demo(TODAY)
    assert ToolboxItemPage.objects.get(slug="convenant-netwerk").last_reviewed_at == date(2026, 4, 7)
