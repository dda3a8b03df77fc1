"""An everyday command starts lean: it imports only its own command, and checks the schema
cheaply, migrating only when it is behind."""

from __future__ import annotations

import pytest
from django.db.migrations.recorder import MigrationRecorder

from earned.cli.django_setup import schema_is_current

pytestmark = pytest.mark.django_db


def test_a_current_schema_needs_no_migration_work() -> None:
    assert schema_is_current()


def test_a_schema_behind_by_one_migration_is_seen() -> None:
    newest = MigrationRecorder.Migration.objects.filter(app="ledger").order_by("-name").first()
    assert newest is not None
    newest.delete()  # as if this Earned shipped a migration the database has not had
    assert not schema_is_current()


def test_every_command_is_found_by_its_name() -> None:
    import click

    from earned.cli import COMMANDS, main

    context = click.Context(main)
    for name in COMMANDS:
        command = main.get_command(context, name)
        assert command is not None
        assert command.name == name
    assert main.get_command(context, "nonsense") is None


def test_an_everyday_verb_imports_only_its_own_command() -> None:
    import subprocess
    import sys

    probe = (
        "import sys, click; from earned.cli import main; "
        "main.get_command(click.Context(main), 'journal'); "
        "print(sorted(m for m in sys.modules if m.startswith('earned.cli.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert "earned.cli.journal" in loaded
    for other in ("measures", "report", "demo", "circle", "server"):
        assert f"earned.cli.{other}'" not in loaded
