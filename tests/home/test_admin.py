"""Editors' screens open for the demo pages, in both languages, with wagtail-localize in place."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page


@pytest.fixture
def editor_client(client, django_user_model, demo_site):
    user = django_user_model.objects.create_superuser("redactie", "redactie@example.org", "wachtwoord-123")
    client.force_login(user)
    return client


def test_dashboard_and_explorer_open(editor_client, demo_site):
    assert editor_client.get("/admin/").status_code == 200
    assert editor_client.get(f"/admin/pages/{demo_site.root_page_id}/").status_code == 200


@pytest.mark.parametrize("slug", ["home", "over-dit-platform", "home-en", "about"])
def test_edit_view_opens_for_each_demo_page(editor_client, slug):
    page = Page.objects.get(slug=slug)
    assert editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200


def test_a_new_dutch_page_can_be_submitted_for_translation(editor_client, demo_site):
    """wagtail-localize's "Translate" action makes a draft English copy that editors then translate."""
    from home.models import StandardPage
    from tests.home.factories import StandardPageFactory

    page = StandardPageFactory(parent=demo_site.root_page, title="Lotgenoten", slug="lotgenoten")
    english = Locale.objects.get(language_code="en")
    response = editor_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [english.pk]}
    )
    assert response.status_code == 302
    translation = StandardPage.objects.get(translation_key=page.translation_key, locale=english)
    assert translation.get_parent().pk == demo_site.root_page.get_translation(english).pk


@pytest.mark.parametrize("path", ["/admin/", "/admin/account/", "/admin/users/"])
def test_the_admin_asks_no_gravatar_for_avatars(editor_client, path):
    """Wagtail's default would load each user's picture from gravatar.com, a third party."""
    response = editor_client.get(path)
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
    assert "default-user-avatar" in response.content.decode()
