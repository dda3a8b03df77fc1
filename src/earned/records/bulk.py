"""Writing and reading many rows at once: an import brings back years of entries, rebuilding the
search index writes over a million rows of it, and Insights over ten years reads some 60,000.

Django's `bulk_create` composes its SQL value by value and row by row, and at that scale the
composing takes longer than the database's writing. Here each row's values are made ready as
`bulk_create` makes them (each field's `pre_save` — an encrypted field seals its text there —
then `get_db_prep_save`), and go to the database through one prepared statement. For the
values that make up most of a row — ids, text, sealed text, moments — that path is taken only
where it would change something (`_stored`): ten years' import asked it 1.5 million times.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
import operator
import uuid
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper

from earned.privacy.fields import EncryptedTextField


def insert(table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """INSERT rows whose values are already as the database takes them, in these columns of a
    table. (A sequence, not an iterator: Django's query log, on in tests, counts them.)"""
    if not rows:
        return
    connection = connections[DEFAULT_DB_ALIAS]
    table = connection.ops.quote_name(table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        # Names come from the models, values go as parameters.
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608


def update(table: str, column: str, key: str, rows: Sequence[tuple[Any, Any]]) -> None:
    """Set one column of many rows of a table, each row found by its key: (value, key) pairs,
    as the database takes them, through one prepared statement. (Django's `bulk_update` makes
    one statement with a CASE for each row: for the 2,500 entries an import grows at ten
    years, it took two seconds.)"""
    if not rows:
        return
    connection = connections[DEFAULT_DB_ALIAS]
    table, column, key = (connection.ops.quote_name(name) for name in (table, column, key))
    with connection.cursor() as cursor:
        # Names come from the models, values go as parameters.
        cursor.executemany(f"UPDATE {table} SET {column} = %s WHERE {key} = %s", rows)  # noqa: S608


def preparing(
    model: type[models.Model], columns: Sequence[str]
) -> Callable[[Sequence[Any]], tuple[Any, ...]]:
    """What makes one row's Python values, of these fields in this order, as the database takes
    them."""
    connection = connections[DEFAULT_DB_ALIAS]  # once: each use of the proxy looks it up
    fields = [model._meta.get_field(column) for column in columns]
    prepare = [field.get_db_prep_save for field in fields]  # type: ignore[union-attr]

    def prepared(values: Sequence[Any]) -> tuple[Any, ...]:
        return tuple(each(value, connection) for each, value in zip(prepare, values, strict=True))

    return prepared


def create(rows: Sequence[models.Model]) -> None:
    """Write new rows of one model, each with its own id, as `bulk_create` would."""
    if not rows:
        return
    model = type(rows[0])
    insert(model._meta.db_table, columns(model), stored(rows))
    for row in rows:
        row._state.adding = False
        row._state.db = DEFAULT_DB_ALIAS


def columns(model: type[models.Model]) -> list[str]:
    """The model's columns, in the order `stored` gives their values."""
    return [field.column for field in model._meta.concrete_fields]


def stored(rows: Sequence[models.Model]) -> list[tuple[Any, ...]]:
    """New rows of one model as the database takes them: each value sealed, if its field
    seals, and prepared, in the order of `columns`. Nothing is written: an import makes them
    in a helper process, which never opens the database (earned/exchange/preparing.py)."""
    if not rows:
        return []
    connection = connections[DEFAULT_DB_ALIAS]
    each_value = [_stored(field, connection) for field in type(rows[0])._meta.concrete_fields]
    return [tuple([each(row) for each in each_value]) for row in rows]


def _stored(field: models.Field[Any, Any], connection: BaseDatabaseWrapper) -> Callable[[Any], Any]:
    """What one field of a row gives the database: `get_db_prep_save(pre_save(row))`, with
    the steps that would change nothing left out."""
    if type(field).pre_save is models.Field.pre_save:  # the value as the row holds it
        held: Callable[[Any], Any] = operator.attrgetter(field.attname)
    else:  # set on saving (a sealed text, a moment saved at)
        held = lambda row: field.pre_save(row, True)  # noqa: E731
    prepare = field.get_db_prep_save
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    if type(target) is models.UUIDField:  # an id, or a link to one
        if connection.features.has_native_uuid_field:
            return lambda row: v if type(v := held(row)) is uuid.UUID else prepare(v, connection)
        return lambda row: v.hex if type(v := held(row)) is uuid.UUID else prepare(v, connection)
    if type(field) is models.DateTimeField:  # an aware moment, as the database keeps one
        zone = connection.timezone
        if connection.vendor == "sqlite":  # naive, in the database's zone, as text
            return lambda row: (str(v.astimezone(zone).replace(tzinfo=None))
                                if type(v := held(row)) is datetime.datetime and v.tzinfo
                                else prepare(v, connection))  # fmt: skip
        return lambda row: (v if type(v := held(row)) is datetime.datetime and v.tzinfo
                            else prepare(v, connection))  # fmt: skip
    if type(field) in (models.CharField, models.TextField) or isinstance(field, EncryptedTextField):
        # Text as it is (a sealed text is the token pre_save made).
        return lambda row: (v if (v := held(row)) is None or type(v) is str
                            else prepare(v, connection))  # fmt: skip
    return lambda row: prepare(held(row), connection)


def rows(query: models.QuerySet[Any]) -> list[tuple[Any, ...]]:
    """The rows of a `values_list` query as the database's driver gives them. Django otherwise
    turns each value into its field's Python type one by one, which at ten years took longer
    than the query. The values are the driver's own: a moment is naive in UTC on SQLite and
    aware on PostgreSQL; an id is 32 hex digits on SQLite and a UUID on PostgreSQL."""
    try:
        sql, params = query.query.sql_with_params()
    except EmptyResultSet:  # a query Django knows matches nothing, such as `none()`
        return []
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        found: list[tuple[Any, ...]] = cursor.fetchall()
        return found


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's garbage collector held off for a bulk load. An import keeps a growing index of
    words in memory while it makes a few million short-lived objects, and each full collection
    those set off walks all that is alive: ten years' import spent about a ninth of its time
    there. The few cycles made meanwhile (some megabytes) go at the first collection after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
