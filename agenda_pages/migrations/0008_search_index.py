"""Trigram indexes for the agenda's text filter ``q`` (``containing_word``), on PostgreSQL only.

``icontains`` on PostgreSQL is ``UPPER(column::text) LIKE UPPER('%word%')``; a GIN index with
``gin_trgm_ops`` over exactly that expression answers it, so the text search keeps the meaning it
has on SQLite (any part of a word, any case) and only gets faster. The page title is Wagtail's
column: the index is ours, named so, and dropped again on the way back. SQLite needs nothing.
"""

from django.db import migrations

# (index name, table, the expression as Django's icontains writes it)
INDEXES = [
    ("agenda_page_title_trgm", "wagtailcore_page", 'UPPER("title"::text)'),
    ("agenda_event_description_trgm", "agenda_pages_eventpage", 'UPPER("description"::text)'),
    ("agenda_event_venue_trgm", "agenda_pages_eventpage", 'UPPER("venue_name"::text)'),
    ("agenda_event_address_trgm", "agenda_pages_eventpage", 'UPPER("address"::text)'),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension: the database's owner may add it. Not Django's
    # TrigramExtension: its way back asks PostgreSQL's catalogue on SQLite too, and fails there.
    # Going back leaves the extension in place; something else may use it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, table, expression in INDEXES:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" USING gin (({expression}) gin_trgm_ops)'
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _expression in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("agenda_pages", "0007_centre_profile"),
    ]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]
