"""Start Django for a command, and check the database, with errors the person can act on."""

from __future__ import annotations

import os

from earned.cli import fail, first_line


def setup_django() -> None:
    os.umask(0o077)  # the database, its journal and any backup: readable by this user only
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "earned.settings")
    from earned import environment

    if environment.mode() == environment.LOCAL and not os.environ.get("DATABASE_URL"):
        environment.ensure_data_dir(environment.data_dir())
    import django

    django.setup()


def describe_database() -> str:
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        return f"the SQLite file {database['NAME']}"
    host = database.get("HOST") or "localhost"
    port = f":{database['PORT']}" if database.get("PORT") else ""
    return f"database {database.get('NAME')!r} on {host}{port}"


def prepare_database() -> None:
    """Connect, then bring the schema up to date (quietly; it is a no-op when current)."""
    from django.core.management import call_command
    from django.db import DatabaseError, connection

    try:
        connection.ensure_connection()
    except DatabaseError as error:
        fail(
            f"Cannot connect to {describe_database()} ({first_line(error)}). "
            "Check DATABASE_URL and that the database server is running."
        )
    if not schema_is_current():
        call_command("migrate", verbosity=0, interactive=False)


def schema_is_current() -> bool:
    """Whether every migration shipped has been applied: the migration files' names beside the
    database's list of those applied — one query, and no migration imported — so that an
    everyday command does no migration work unless the schema is behind."""
    from pathlib import Path

    from django.apps import apps
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return False
    shipped = {
        (config.label, file.stem)
        for config in apps.get_app_configs()
        for file in (Path(config.path) / "migrations").glob("[0-9]*.py")
    }
    return shipped <= set(recorder.applied_migrations())
