"""Themes through the whole import: the source's category mapping and default themes, the audience
a category names, suggested themes, and an editor's choice that a later import keeps."""

from agenda_pages.importing.service import import_source
from agenda_pages.models import EventPage, FeedCategoryTheme, Theme
from tests.agenda_pages.ics_samples import NOW, calendar, vevent


def serve(feed_server, *events: str) -> None:
    feed_server.add("/agenda.ics", calendar(*events), Content_Type="text/calendar")


def with_categories(event: str, categories: str) -> str:
    return event.replace("END:VEVENT", f"CATEGORIES:{categories}\r\nEND:VEVENT")


def slugs(themes) -> list[str]:
    return sorted(theme.slug for theme in themes)


WALK = vevent("walk@deboei.example", "Wandelgroep", "20261201T100000", end="20261201T113000")
TALK = vevent("talk@deboei.example", "Avond voor wie moe is", "20261202T190000", description="Vermoeidheid na kanker")


def test_categories_mapping_defaults_audience_and_suggestions(source, feed_server):
    themes = Theme.objects.in_bulk(field_name="slug")
    FeedCategoryTheme.objects.create(source=source, category="Buiten", theme=themes["bewegen"])
    source.default_themes.add(themes["lotgenotencontact"])
    serve(feed_server, with_categories(WALK, "Buiten,Naasten"), TALK)

    assert import_source(source.pk, now=NOW).created == 2
    walk = EventPage.objects.get(source_uid="walk@deboei.example")
    talk = EventPage.objects.get(source_uid="talk@deboei.example")
    assert slugs(walk.themes.all()) == ["bewegen", "lotgenotencontact"]  # the mapping, and the default
    assert [audience.code for audience in walk.audience.all()] == ["relatives"]  # "Naasten" is for whom
    assert slugs(talk.themes.all()) == ["lotgenotencontact"]
    assert walk.suggested_themes == talk.suggested_themes == []  # a default theme is a theme


def test_an_event_without_themes_gets_a_suggestion_that_an_editors_choice_replaces(source, feed_server):
    serve(feed_server, TALK)
    import_source(source.pk, now=NOW)
    talk = EventPage.objects.get(source=source)
    assert list(talk.themes.all()) == []
    assert talk.suggested_themes == ["vermoeidheid"]

    talk.themes = [Theme.objects.get(slug="lotgenotencontact")]  # the reviewer chose otherwise
    talk.suggested_themes = []
    talk.save_revision().publish()
    serve(feed_server, with_categories(TALK.replace("Avond voor", "Avond van"), "Creatief"))
    import_source(source.pk, now=NOW)

    latest = EventPage.objects.get(pk=talk.pk).get_latest_revision_as_object()
    assert latest.title == "Avond van wie moe is"  # the feed's change came in
    assert slugs(latest.themes.all()) == ["lotgenotencontact"]  # the editor's themes stayed


def test_the_feeds_new_themes_replace_the_imported_ones(source, feed_server):
    serve(feed_server, with_categories(WALK, "Bewegen"))
    import_source(source.pk, now=NOW)
    serve(feed_server, with_categories(WALK, "Creatief"))
    import_source(source.pk, now=NOW)
    latest = EventPage.objects.get(source=source).get_latest_revision_as_object()
    assert slugs(latest.themes.all()) == ["creatief"]


def test_an_audience_staff_took_off_stays_off_after_a_changed_import(source, feed_server):
    serve(feed_server, with_categories(WALK, "Naasten"))
    import_source(source.pk, now=NOW)
    walk = EventPage.objects.get(source=source)
    assert [audience.code for audience in walk.audience.all()] == ["relatives"]

    walk.audience = []  # the reviewer: this walk is for everyone
    walk.save_revision().publish()
    serve(feed_server, with_categories(WALK.replace("Wandelgroep", "Wandelgroep in het park"), "Naasten"))
    import_source(source.pk, now=NOW)

    latest = EventPage.objects.get(pk=walk.pk).get_latest_revision_as_object()
    assert latest.title == "Wandelgroep in het park"  # the feed's change came in
    assert list(latest.audience.all()) == []  # the audience it named before was not put back
