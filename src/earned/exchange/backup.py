"""Backups of the whole database, taken while Earned runs, and restores into an empty one.

A backup holds entry text only as ciphertext, exactly as the database does: restoring it needs
each person's passphrase (or, on a server, the instance key) to read anything.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone


class BackupProblem(Exception):
    """Why a backup or restore cannot go ahead; nothing was changed."""


class NotABackup(BackupProblem):
    """The file given to restore is not a database Earned wrote."""


def default_backup_path() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    suffix = "sqlite3" if _is_sqlite() else "pgdump"
    return Path(settings.DATA_DIR) / "backups" / f"earned-{stamp}.{suffix}"


def _is_sqlite() -> bool:
    return str(settings.DATABASES["default"]["ENGINE"]).endswith("sqlite3")


def _sqlite_path() -> Path:
    return Path(str(settings.DATABASES["default"]["NAME"]))


def table_counts(database: Path) -> dict[str, int]:
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as copy:
        names = [
            row[0]
            for row in copy.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        # Table names come from sqlite_master of our own file, not from anyone's input.
        return {
            name: copy.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]  # noqa: S608
            for name in names
        }


def check_integrity(database: Path) -> None:
    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as copy:
            result = copy.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise NotABackup(f"{database} is not a readable Earned backup ({error}).") from None
    if result != "ok":
        raise BackupProblem(f"{database} failed its integrity check ({result}).")


def backup(
    target: Path, progress: Callable[[int, int], None] | None = None, replace: bool = False
) -> dict[str, int]:
    """Write a consistent copy to target, readable by its owner only; returns the record counts
    it holds. A file already at target is replaced only when asked, and only once the new copy
    is whole."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if target.exists() and not replace:
        raise BackupProblem(f"{target} is already there; choose another name, or replace it.")
    partial = target.with_suffix(target.suffix + ".partial")
    partial.unlink(missing_ok=True)
    partial.touch(mode=0o600)  # private from its first byte, whatever the umask
    if not _is_sqlite():
        try:
            _pg_dump(partial)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
        return {}
    try:

        def report(status: int, remaining: int, total: int) -> None:
            if progress:
                progress(total - remaining, total)

        with (
            closing(sqlite3.connect(_sqlite_path())) as source,
            closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy, pages=256, progress=report)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
        check_integrity(partial)
        partial.replace(target)  # a backup file either is complete or does not exist
    finally:
        partial.unlink(missing_ok=True)
    return table_counts(target)


def restore(source: Path) -> dict[str, int]:
    """Replace an empty database with a backup; returns the restored record counts.

    The backup is copied into the live database file rather than swapped for it, so a running
    server's other connections see the restored data instead of a deleted file. A backup from
    an older Earned is brought up to date afterwards; one from a newer Earned is refused."""
    from django.core.management import call_command

    from earned.accounts.models import User

    if not source.is_file():
        raise BackupProblem(f"There is no backup file at {source}.")
    if User.objects.exists():
        raise BackupProblem(
            "This Earned already has an account. Restore into an empty data folder: "
            "set EARNED_DATA_DIR to a new folder (or use a new DATABASE_URL), then restore."
        )
    if not _is_sqlite():
        _pg_restore(source)
        call_command("migrate", verbosity=0, interactive=False)
        return {}
    check_integrity(source)
    check_made_by_this_or_an_older_earned(source)
    expected = table_counts(source)
    connections.close_all()
    with (
        closing(sqlite3.connect(source)) as backup_copy,
        closing(sqlite3.connect(_sqlite_path())) as live,
    ):
        backup_copy.backup(live)
    check_integrity(_sqlite_path())
    restored = table_counts(_sqlite_path())
    if restored != expected:
        raise BackupProblem("The restored database does not hold what the backup held.")
    call_command("migrate", verbosity=0, interactive=False)
    return restored


def check_made_by_this_or_an_older_earned(database: Path) -> None:
    """Refuse a backup whose tables were shaped by migrations this Earned does not have."""
    from django.db.migrations.loader import MigrationLoader

    try:
        with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as copy:
            applied = set(copy.execute("SELECT app, name FROM django_migrations").fetchall())
    except sqlite3.DatabaseError:
        raise NotABackup(f"{database} is not an Earned backup.") from None
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    if not applied:
        raise NotABackup(f"{database} is not an Earned backup.")
    if applied - known:
        raise BackupProblem(
            "This backup was made by a newer Earned. Please update Earned, then restore again."
        )


def offered_in_the_browser() -> bool:
    """Whole-database backups belong to the person only when Earned runs for them alone: local
    mode on SQLite. A server's operator backs up with the command line instead."""
    return not settings.IS_SERVER and _is_sqlite()


def _pg_command(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupProblem(
            f"{name} is needed for PostgreSQL backups; install the PostgreSQL client tools."
        )
    return found


def _pg_environment() -> tuple[list[str], dict[str, str]]:
    database = settings.DATABASES["default"]
    arguments = [
        f"--host={database.get('HOST') or 'localhost'}",
        f"--port={database.get('PORT') or 5432}",
        f"--username={database.get('USER') or 'postgres'}",
        f"--dbname={database['NAME']}",
    ]
    environment = {**os.environ, "PGPASSWORD": str(database.get("PASSWORD") or "")}
    return arguments, environment


def _pg_dump(target: Path) -> None:
    arguments, environment = _pg_environment()
    command = [_pg_command("pg_dump"), "--format=custom", f"--file={target}", *arguments]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        target.unlink(missing_ok=True)
        raise BackupProblem(f"pg_dump failed: {result.stderr.strip().splitlines()[-1]}")


def _pg_restore(source: Path) -> None:
    arguments, environment = _pg_environment()
    connection.close()
    command = [
        _pg_command("pg_restore"),
        "--clean",
        "--if-exists",
        "--no-owner",
        "--single-transaction",
        *arguments,
        str(source),
    ]
    result = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupProblem(f"pg_restore failed: {result.stderr.strip().splitlines()[-1]}")
