"""A term is its key (owner, token, entry) and nothing more: no id of its own, no index beside
it. On SQLite the table keeps no row numbers either (WITHOUT ROWID): at ten years of entries the
index takes half the disk it took, and an import writes half as much. The old terms are dropped,
not converted: every index is made anew on its person's next search (search.services.VERSION
3)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

# A later migration that alters this table on SQLite remakes it as a plain table (0004 then
# makes it WITHOUT ROWID again):
# tests/test_search.py::test_terms_are_kept_as_their_key_alone says so.
TABLE = "search_term"


def without_row_numbers(apps, schema_editor):  # type: ignore[no-untyped-def]
    """Make the (empty) table again as Django wrote it, WITHOUT ROWID."""
    if schema_editor.connection.vendor != "sqlite":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = %s", [TABLE])
        (created,) = cursor.fetchone()
        cursor.execute(f'DROP TABLE "{TABLE}"')
        cursor.execute(f"{created} WITHOUT ROWID")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_narrow_terms"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.DeleteModel(name="Term"),
        migrations.CreateModel(
            name="Term",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "owner",
                        "token",
                        "entry",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("token", models.BigIntegerField()),
                (
                    "entry",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="search.entry",
                    ),
                ),
                (
                    "owner",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
        ),
        migrations.RunPython(without_row_numbers, migrations.RunPython.noop),
    ]
