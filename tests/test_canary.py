"""A unique string written as entry text never appears in the database's raw bytes: not in the
SQLite file, its write-ahead log, a PostgreSQL dump, nor anything logged. It does appear in the
person's own export."""

from __future__ import annotations

import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.serving import person_environment

ROOT = Path(__file__).parents[1]
# Every encrypted field the writer fills: the expectation's 2, each of two experiences' 12 (5
# from the plan, 7 from the debrief), an own emotion word for each, the test note's 2, the
# check-ins' 3 + 1 + 5, the shift's 6, the journal's 1, the dialogue's 3 and two turns, the
# imagery note's 2, and practice: the ladder's 2, the step's 1, the attempt's experience (12 and
# an own emotion word) and its own 4, the script's 6 and the rehearsal's note; a person's name and
# note, a rupture's 3 and its repair's 1; the safety plan's 7; a practice check-in's note; an
# imported questionnaire's title, opening words, one question, copyright and address, and the
# source of its reliable-change figures; and through the API, each kind again: an expectation's
# 2, an experience's 12 and an own emotion word, a morning check-in's 3, a journal entry's 1, a
# dialogue's 3 and two turns, a shift's 6, imagery's 2, a ladder's 2, a step's 1, an attempt's
# plan (5) and its own 4, a script's 6, a rehearsal's 1, a person's 2, a presence note, a
# rupture's 3, a repair's 1, a questionnaire's note and another questionnaire's imported
# title, opening words, one question, copyright and address (and the safety plan's 7, written
# over).
CANARY_FIELDS = (
    2 + 2 * 12 + 2 + 2 + 3 + 1 + 5 + 6 + 1 + 3 + 2 + 2 + 2 + 1 + 13 + 4 + 6 + 1 + 6 + 7 + 1 + 6
    + 2 + 13 + 3 + 1 + 5 + 6 + 2 + 2 + 1 + 5 + 4 + 6 + 1 + 2 + 1 + 3 + 1 + 1 + 5  # the API
)  # fmt: skip


@contextmanager
def canary_written(canary: str, **env: str) -> Iterator[str]:
    """Run tests/canary_writer.py; yields its export while it still holds its connection open
    (so SQLite has not yet folded the write-ahead log into the file)."""
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.canary_writer", canary],
        env=person_environment(**env),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert writer.stdout is not None
    try:
        yield writer.stdout.readline()
    finally:
        _, errors = writer.communicate(input="\n", timeout=120)
    assert writer.returncode == 0, errors
    assert canary not in errors  # nor in anything logged


def test_the_canary_is_in_the_export_but_not_in_the_sqlite_files(tmp_path: Path) -> None:
    canary = f"canary-{uuid.uuid4().hex}"
    with canary_written(canary, EARNED_TEST_DATA_DIR=str(tmp_path)) as exported:
        files = {path.name: path.read_bytes() for path in tmp_path.glob("earned.sqlite3*")}
    # The person's own export holds it in clear, once for each text field it went through.
    assert exported.count(canary) == CANARY_FIELDS
    assert "earned.sqlite3-wal" in files  # the write-ahead log is checked too
    for name, content in files.items():
        assert canary.encode() not in content, f"canary found in {name}"
    # A questionnaire's item answers are sealed too: the weekly check-in was answered 2 to each
    # of its five questions, and only the export shows them (docs/decisions.md).
    assert ITEM_ANSWERS in exported
    for name, content in files.items():
        assert ITEM_ANSWERS.encode() not in content, f"item answers in clear in {name}"


ITEM_ANSWERS = '"4": 2, "5": 2'


def test_the_canary_is_not_in_a_postgres_dump(
    tmp_path: Path, two_postgres_databases: tuple[str, str]
) -> None:
    pg_dump = shutil.which("pg_dump")
    if not pg_dump:
        pytest.skip("pg_dump is not installed here (CI has the PostgreSQL client tools)")
    canary = f"canary-{uuid.uuid4().hex}"
    database, _ = two_postgres_databases
    environment = {"EARNED_TEST_DATA_DIR": str(tmp_path), "DATABASE_URL": database}
    with canary_written(canary, **environment) as exported:
        # Plain SQL, uncompressed: every byte PostgreSQL holds for these tables, readable.
        dump = subprocess.run(
            [pg_dump, "--format=plain", f"--dbname={database}"],
            capture_output=True,
            check=True,
            timeout=120,
        ).stdout
    assert canary in exported
    assert b"encryption_app_note" in dump  # the notes table, with its rows, is in the dump
    assert canary.encode() not in dump
    assert ITEM_ANSWERS in exported
    assert ITEM_ANSWERS.encode() not in dump  # jsonb would print them just so
