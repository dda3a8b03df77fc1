"""A unique string written as entry text never appears in the database's raw bytes."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_the_canary_is_in_the_export_but_not_in_the_database_files(tmp_path: Path) -> None:
    canary = f"canary-{uuid.uuid4().hex}"
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("EARNED_", "DJANGO_"))}
    environ.pop("DATABASE_URL", None)  # this test reads the SQLite file itself
    environ["EARNED_TEST_DATA_DIR"] = str(tmp_path)
    writer = subprocess.Popen(
        [sys.executable, "-m", "tests.canary_writer", canary],
        env=environ,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert writer.stdout is not None
        exported = writer.stdout.readline()
        files = {path.name: path.read_bytes() for path in tmp_path.glob("earned.sqlite3*")}
    finally:
        _, errors = writer.communicate(input="\n", timeout=120)
    assert writer.returncode == 0, errors
    assert canary in exported  # the person's own export holds it in clear
    assert "earned.sqlite3-wal" in files  # the write-ahead log is checked too
    for name, content in files.items():
        assert canary.encode() not in content, f"canary found in {name}"
    assert canary not in errors  # nor in anything logged
