"""An everyday command checks the schema cheaply and migrates only when it is behind."""

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
