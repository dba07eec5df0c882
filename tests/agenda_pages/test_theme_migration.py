"""Migration 0006 turns the taggit themes of events, their revisions and the sources into Theme rows,
and converts the import snapshots so an unchanged feed item is not a change for review."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from agenda_pages.importing.mapping import MappedEvent

BEFORE = [("agenda_pages", "0005_centre_coordinates")]
AFTER = [("agenda_pages", "0006_themes")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture(autouse=True)
def back_to_the_latest_migrations():
    """Going back to 0005 also takes back every later migration that depends on it, in any app
    (agenda_pages 0007 and on, alerts): the tests after this one need them all again."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def old_hash(snapshot: dict) -> str:
    return MappedEvent.content_hash.fget(type("Snapshot", (), {"snapshot": lambda self: snapshot})())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_tags_become_themes_audience_and_nothing():
    apps = migrate(BEFORE)
    Tag = apps.get_model("taggit", "Tag")
    EventThemeTag = apps.get_model("agenda_pages", "EventThemeTag")
    FeedSourceTheme = apps.get_model("agenda_pages", "FeedSourceTheme")
    EventPage = apps.get_model("agenda_pages", "EventPage")
    CentrePage = apps.get_model("agenda_pages", "CentrePage")
    FeedSource = apps.get_model("agenda_pages", "FeedSource")
    Audience = apps.get_model("agenda_pages", "Audience")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")

    locale = Locale.objects.get_or_create(language_code="nl")[0]
    types = {
        model: ContentType.objects.get_or_create(app_label="agenda_pages", model=model)[0]
        for model in ("centrepage", "eventpage")
    }
    centre = CentrePage.objects.create(
        title="De Boei", slug="de-boei", path="00019999", depth=2, locale=locale, content_type=types["centrepage"]
    )
    snapshot = {"title": "Wandelgroep", "themes": ["bewegen", "naasten", "online", "wandelen"], "occurrences": []}
    event = EventPage.objects.create(
        title="Wandelgroep",
        slug="wandelgroep",
        path="000199990001",
        depth=3,
        locale=locale,
        content_type=types["eventpage"],
        source_snapshot=snapshot,
        source_hash=old_hash(snapshot),
    )
    source = FeedSource.objects.create(centre=centre, url="https://deboei.example/agenda.ics")
    tags = {name: Tag.objects.create(name=name, slug=name) for name in ("bewegen", "naasten", "online", "diversen")}
    for name in tags:
        EventThemeTag.objects.create(content_object=event, tag=tags[name])
    FeedSourceTheme.objects.create(content_object=source, tag=tags["bewegen"])
    content_type = types["eventpage"]
    revision = Revision.objects.create(
        content_type=content_type,
        base_content_type=content_type,
        object_id=str(event.pk),
        created_at=timezone.now(),
        content={"title": "Wandelgroep", "theme_items": [{"pk": 1, "tag": tags["naasten"].pk}], "audience": []},
    )
    Audience.objects.get_or_create(code="relatives")

    apps = migrate(AFTER)
    Theme = apps.get_model("agenda_pages", "Theme")
    EventPage = apps.get_model("agenda_pages", "EventPage")
    FeedSource = apps.get_model("agenda_pages", "FeedSource")
    Revision = apps.get_model("wagtailcore", "Revision")

    assert Theme.objects.count() == 10
    assert Theme.objects.get(slug="bewegen").label_nl == "Bewegen en sport"
    event = EventPage.objects.get(pk=event.pk)
    assert [theme.slug for theme in event.themes.all()] == ["bewegen"]  # "diversen" is no theme; online is a mode
    assert [audience.code for audience in event.audience.all()] == ["relatives"]
    assert event.source_snapshot["themes"] == ["bewegen"]  # "wandelen" is a keyword of the same theme
    assert event.source_snapshot["audience"] == ["relatives"]
    assert event.source_hash == old_hash(event.source_snapshot)
    assert [theme.slug for theme in FeedSource.objects.get(pk=source.pk).default_themes.all()] == ["bewegen"]
    content = Revision.objects.get(pk=revision.pk).content
    assert "theme_items" not in content and content["themes"] == []
    assert content["audience"] == [Audience.objects.get(code="relatives").pk]
