"""The rows a piece of work leaves in every table, in a form in which two runs of it can be compared.

Two ways of writing the same thing (Wagtail's own calls and the importer's batched inserts) must
leave the same rows behind. Comparing the models we know of would miss the table the next Wagtail
release starts writing to, so this reads every table Django knows, auto-created many-to-many tables
included. Each run happens in a savepoint that is rolled back, so both runs start from the same rows.

What may differ between two runs of the same work is taken out:

- ids of rows the run created become "<table> #n", numbered in id order, wherever they appear: the
  row's own key, foreign keys, generic ``object_id`` columns next to their content type, and the
  model data kept in a revision (other JSON loses its ids altogether); a new row nothing points to
  has its id replaced by "<new row>", so the order it was inserted in does not count; a reference
  index row's content path names a child row's id too;
- moments the run stamped (datetimes between the run's start and end, or equal to the ``now``
  handed to the work) become "<stamped>";
- random UUIDs (version 4, such as a page's translation key) become "<uuid4>".
"""

import uuid
from collections.abc import Callable
from datetime import datetime

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import connection, models, transaction
from django.utils import timezone
from wagtail.models import ReferenceIndex

Tables = dict[str, list[dict]]

# Columns whose value depends on the order things were written in, not on what was written.
ORDER_DEPENDENT = {
    # The SQLite search backend's ranking weight: the average title length of the entries in the
    # index when an entry was added, over its own. Indexed one by one, the first page is weighed
    # against fewer titles than when the batch is indexed at once; a full `update_index` evens it out.
    ("wagtailsearch_indexentry", "title_norm"),
}


def every_table() -> list[type[models.Model]]:
    """One model per table in the database: proxies share their concrete model's table."""
    existing = set(connection.introspection.table_names())
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.db_table in existing
    ]


def _read(tables: list[type[models.Model]]) -> dict[type[models.Model], list[dict]]:
    # Only each table's own columns: a page type's table holds its fields and the link to the page.
    return {
        model: list(model._base_manager.values(*[field.attname for field in model._meta.local_concrete_fields]))
        for model in tables
    }


def _id_space(model: type[models.Model]) -> str:
    """The table whose ids a model's ids are: an event page's id is its page's id."""
    while model._meta.pk.is_relation:
        model = model._meta.pk.related_model
    return model._meta.db_table


def _is_uuid4(value: str) -> bool:
    try:
        return uuid.UUID(value).version == 4
    except ValueError:
        return False


class _Normaliser:
    def __init__(self, before, after, stamped: Callable[[datetime], bool]):
        self.after, self.stamped = after, stamped
        self.labels: dict[str, dict[str, str]] = {}
        for model, rows in after.items():
            pk = model._meta.pk
            if pk.is_relation:
                continue
            old = {row[pk.attname] for row in before[model]}
            new = sorted(row[pk.attname] for row in rows if row[pk.attname] not in old)
            table = model._meta.db_table
            self.labels[table] = {str(value): f"{table} #{number}" for number, value in enumerate(new, 1)}
        self.referenced: set[str] = set()

    def id(self, model: type[models.Model], value, *, own: bool = False):
        label = self.labels.get(_id_space(model), {}).get(str(value), value)
        if not own:
            self.referenced.add(label)
        return label

    def tables(self) -> Tables:
        tables = {model: [self.row(model, row) for row in rows] for model, rows in self.after.items()}
        for model, rows in tables.items():
            # The order in which rows nothing points to were inserted says nothing (Wagtail adds a
            # page's references in set order, some in a later task): such rows are only counted.
            pk = model._meta.pk.attname
            for row in rows:
                if row[pk] in self.labels.get(model._meta.db_table, {}).values() and row[pk] not in self.referenced:
                    row[pk] = "<new row>"
        return {model._meta.db_table: sorted(rows, key=repr) for model, rows in tables.items()}

    def row(self, model: type[models.Model], row: dict) -> dict:
        normalised = {
            field.attname: "<order-dependent>"
            if (model._meta.db_table, field.attname) in ORDER_DEPENDENT
            else self.field(model, field, row)
            for field in model._meta.local_concrete_fields
        }
        if model is ReferenceIndex:
            self.reference_path(row, normalised)
        return normalised

    def reference_path(self, row: dict, normalised: dict) -> None:
        """A reference's content path names the child row it was found in ("theme_items.4.tag"
        where the model path says "theme_items.item.tag"), and its hash is taken from that path."""
        model = ContentType.objects.get_for_id(row["content_type_id"]).model_class()
        steps = []
        for model_step, content_step in zip(
            row["model_path"].split("."), row["content_path"].split("."), strict=False
        ):
            relation = None
            if model is not None:
                try:
                    relation = model._meta.get_field(steps[-1] if steps and model_step == "item" else model_step)
                except (FieldDoesNotExist, IndexError):
                    relation = None
            if model_step == "item" and relation is not None and relation.is_relation:
                steps.append(str(self.id(relation.related_model, content_step)))
                model = relation.related_model
            else:
                steps.append("<uuid4>" if _is_uuid4(content_step) else content_step)
        path = ".".join(steps)
        if path != row["content_path"]:
            normalised["content_path"], normalised["content_path_hash"] = path, "<hash of the content path>"

    def field(self, model, field: models.Field, row: dict):
        value = row[field.attname]
        if value is None:
            return None
        if field.primary_key and not field.is_relation:
            return self.id(model, value, own=True)
        if field.is_relation and field.target_field.primary_key:
            return self.id(field.related_model, value)
        if field.name.endswith("object_id"):
            # A generic relation: the id is read in the model of the content type beside it.
            content_type_id = row.get(field.name.removesuffix("object_id") + "content_type_id")
            if content_type_id is not None:
                target = ContentType.objects.get_for_id(content_type_id).model_class()
                return self.id(target, value) if target is not None else value
        if isinstance(value, dict | list):
            # Model data (a revision's content) names its content type's fields.
            content_type_id = row.get("content_type_id")
            target = ContentType.objects.get_for_id(content_type_id).model_class() if content_type_id else None
            return self.json(value, target)
        return self.scalar(value)

    def scalar(self, value):
        if isinstance(value, datetime):
            return "<stamped>" if self.stamped(value) else value
        if isinstance(value, uuid.UUID):
            return "<uuid4>" if value.version == 4 else value
        if isinstance(value, str):
            if _is_uuid4(value):
                return "<uuid4>"
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                return value
            return "<stamped>" if moment.tzinfo and self.stamped(moment) else value
        return value

    def json(self, value, model: type[models.Model] | None):
        if isinstance(value, list):
            return [self.json(item, model) for item in value]
        if not isinstance(value, dict):
            return self.scalar(value)
        return {key: self.json_item(key, item, model) for key, item in value.items()}

    def json_item(self, key: str, item, model):
        if item is None:
            return None
        field = None
        if model is not None:
            if key == "pk":
                return self.id(model, item)
            try:
                field = model._meta.get_field(key)
            except FieldDoesNotExist:
                field = None
        if field is not None and field.is_relation:
            related = field.related_model
            if field.one_to_many:  # a child relation: a list of the children's data
                return self.json(item, related)
            if field.many_to_many and isinstance(item, list):
                return [self.id(related, value) for value in item]
            if field.concrete:
                return self.id(related, item)
        if field is None and (key in ("id", "pk") or key.endswith("_id")):
            return "<id>"  # an id in data of unknown shape: which table it belongs to is unknown
        return self.json(item, None)


def rows_after(work: Callable[[], object], *, now: datetime | None = None) -> Tables:
    """Every table's rows once ``work`` has run, normalised; the work itself is rolled back."""
    tables = every_table()
    before = _read(tables)
    started = timezone.now()
    with transaction.atomic():
        work()
        after = _read(tables)
        transaction.set_rollback(True)
    finished = timezone.now()
    return _Normaliser(before, after, lambda moment: moment == now or started <= moment <= finished).tables()


def differences(first: Tables, second: Tables, names=("first", "second")) -> dict[str, dict[str, list]]:
    """Per table that differs, the rows one of the two has more of."""
    found = {}
    for table in sorted(first.keys() | second.keys()):
        rows_a, rows_b = first.get(table, []), second.get(table, [])
        if rows_a != rows_b:
            # Rows are sorted the same way, so a row written twice shows as one left over.
            left_a, left_b = list(rows_a), list(rows_b)
            for row in rows_a:
                if row in left_b:
                    left_a.remove(row)
                    left_b.remove(row)
            found[table] = {f"only {names[0]}": left_a, f"only {names[1]}": left_b}
    return found
