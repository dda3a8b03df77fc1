"""A term's two links are no longer checked by the database row by row: the search service alone
writes terms, from entries it has just written, and at ten years of entries the check took half
the time of writing the index (docs/decisions.md). Erasing a person still takes their terms.

On SQLite, Django alters the links by making the table anew, as a plain table; it is then made
once more as its key alone (WITHOUT ROWID, as migration 0003 made it), keeping every term."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

TABLE = "search_term"


def without_row_numbers(apps, schema_editor):  # type: ignore[no-untyped-def]
    """Make the table again as Django wrote it, WITHOUT ROWID, with the terms it holds."""
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s", [TABLE])
        (created,) = cursor.fetchone()
        if created.endswith("WITHOUT ROWID"):
            return
        columns = '"owner_id", "token", "entry_id"'
        cursor.execute(f'ALTER TABLE "{TABLE}" RENAME TO "{TABLE}_plain"')
        cursor.execute(f"{created} WITHOUT ROWID")
        cursor.execute(
            f'INSERT INTO "{TABLE}" ({columns}) '  # noqa: S608 (names written here)
            f'SELECT {columns} FROM "{TABLE}_plain" ORDER BY 1, 2, 3'
        )
        cursor.execute(f'DROP TABLE "{TABLE}_plain"')


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_terms_are_their_key"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="term",
            name="entry",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.DO_NOTHING,
                to="search.entry",
            ),
        ),
        migrations.AlterField(
            model_name="term",
            name="owner",
            field=models.ForeignKey(
                db_constraint=False,
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(without_row_numbers, migrations.RunPython.noop),
    ]
