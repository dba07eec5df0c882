"""The event's edit form offers the themes the importer suggested, ticked for the reviewer to confirm."""

from datetime import UTC, datetime

from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import querydict_from_html

from agenda_pages.models import EventOccurrence, EventPage, Theme
from tests.agenda_pages.factories import EventPageFactory


def make_event(centre, **fields) -> EventPage:
    event = EventPageFactory(parent=centre, title="Wandelgroep in het park", **fields)
    EventOccurrence.objects.create(page=event, start=datetime(2030, 1, 8, 9, tzinfo=UTC))
    return event


def test_suggested_themes_are_ticked_and_settled_when_the_reviewer_saves(admin_client, centre):
    bewegen = Theme.objects.get(slug="bewegen")
    event = make_event(centre, suggested_themes=["bewegen"])
    url = reverse("wagtailadmin_pages:edit", args=(event.pk,))

    html = admin_client.get(url).content.decode()
    with translation.override("nl"):
        note = translation.gettext(
            "Suggested from the title and description: %(themes)s. They are ticked below but not yet "
            "saved: untick what does not fit, tick what is missing, and save."
        ) % {"themes": "Bewegen en sport"}
    assert note.replace("'", "&#x27;") in html
    data = querydict_from_html(html, form_id="page-edit-form")
    assert data.getlist("themes") == [str(bewegen.pk)]  # ticked, not yet saved
    assert list(EventPage.objects.get(pk=event.pk).themes.all()) == []

    data.setlist("themes", [str(Theme.objects.get(slug="creatief").pk)])  # the reviewer chose otherwise
    assert admin_client.post(url, data).status_code == 302
    saved = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
    assert [theme.slug for theme in saved.themes.all()] == ["creatief"]
    assert saved.suggested_themes == []  # settled: not offered again

    assert "Suggested from" not in admin_client.get(url).content.decode()


def test_an_event_with_themes_gets_no_suggestion(admin_client, centre):
    event = make_event(centre, suggested_themes=["bewegen"])
    event.themes.add(Theme.objects.get(slug="creatief"))
    event.save_revision()
    data = querydict_from_html(
        admin_client.get(reverse("wagtailadmin_pages:edit", args=(event.pk,))).content.decode(),
        form_id="page-edit-form",
    )
    assert data.getlist("themes") == [str(Theme.objects.get(slug="creatief").pk)]
