"""Backups taken while Earned is being written to, restored into an empty data folder."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

from earned.exchange.backup import table_counts
from tests.test_cli import run_earned

PASSPHRASE = "quiet harbour lemon tram"


def set_up(folder: Path, passphrase_file: Path) -> None:
    result = run_earned(
        "user", "add", "Sam", "--passphrase-file", str(passphrase_file), EARNED_DATA_DIR=str(folder)
    )
    assert result.returncode == 0, result.stderr


def test_backup_during_writes_then_restore(tmp_path: Path, passphrase_file: Path) -> None:
    live, fresh, copy = tmp_path / "live", tmp_path / "fresh", tmp_path / "copy.sqlite3"
    set_up(live, passphrase_file)

    stop = threading.Event()
    written = []

    def keep_writing() -> None:
        with sqlite3.connect(live / "earned.sqlite3", timeout=30) as database:
            while not stop.is_set():
                database.execute(
                    "INSERT INTO accounts_signinfailure (key_hash, at) VALUES (?, ?)",
                    ("f" * 64, "2026-11-21 12:00:00"),
                )
                database.commit()
                written.append(1)
                time.sleep(0.001)

    writer = threading.Thread(target=keep_writing)
    writer.start()
    try:
        while len(written) < 20:
            time.sleep(0.01)
        result = run_earned("backup", str(copy), EARNED_DATA_DIR=str(live))
    finally:
        stop.set()
        writer.join()
    assert result.returncode == 0, result.stderr
    assert "integrity checked" in result.stdout
    in_backup = table_counts(copy)
    assert in_backup["accounts_user"] == 1
    assert in_backup["accounts_signinfailure"] >= 20

    result = run_earned("restore", str(copy), EARNED_DATA_DIR=str(fresh))
    assert result.returncode == 0, result.stderr
    assert table_counts(fresh / "earned.sqlite3") == in_backup

    exported = run_earned(
        "export", "--passphrase-file", str(passphrase_file), EARNED_DATA_DIR=str(fresh)
    )
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["profile"]["display_name"] == "Sam"


def test_a_backup_keeps_entries_encrypted_and_no_passphrase(
    tmp_path: Path, passphrase_file: Path
) -> None:
    set_up(tmp_path / "live", passphrase_file)
    copy = tmp_path / "copy.sqlite3"
    assert run_earned("backup", str(copy), EARNED_DATA_DIR=str(tmp_path / "live")).returncode == 0
    assert PASSPHRASE.encode() not in copy.read_bytes()


def test_restore_refuses_a_folder_that_has_an_account(
    tmp_path: Path, passphrase_file: Path
) -> None:
    set_up(tmp_path / "live", passphrase_file)
    copy = tmp_path / "copy.sqlite3"
    run_earned("backup", str(copy), EARNED_DATA_DIR=str(tmp_path / "live"))
    result = run_earned("restore", str(copy), EARNED_DATA_DIR=str(tmp_path / "live"))
    assert result.returncode == 1
    assert result.stderr.startswith(
        "earned: Nothing was restored. This Earned already has an account."
    )


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database at all" * 100)
    result = run_earned("restore", str(junk), EARNED_DATA_DIR=str(tmp_path / "fresh"))
    assert result.returncode == 1
    assert "is not a readable Earned backup" in result.stderr
    assert "Traceback" not in result.stderr


def test_backup_never_replaces_a_file_unless_told_and_is_private(
    tmp_path: Path, passphrase_file: Path
) -> None:
    live = tmp_path / "live"
    set_up(live, passphrase_file)
    existing = tmp_path / "copy.sqlite3"
    existing.write_text("keep me")
    existing.chmod(0o644)
    result = run_earned("backup", str(existing), EARNED_DATA_DIR=str(live))
    assert result.returncode == 1
    said = f"earned: {existing} is already there; choose another PATH, or add --force to replace"
    said += " it."
    assert result.stderr == said + "\n"  # the same rule as export and report
    assert existing.read_text() == "keep me"

    replaced = run_earned("backup", str(existing), "--force", EARNED_DATA_DIR=str(live))
    assert replaced.returncode == 0, replaced.stderr
    assert table_counts(existing)["accounts_user"] == 1
    assert existing.stat().st_mode & 0o777 == 0o600
    fresh = tmp_path / "elsewhere" / "new.sqlite3"
    assert run_earned("backup", str(fresh), EARNED_DATA_DIR=str(live)).returncode == 0
    assert fresh.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.rglob("*.partial"))


def test_postgres_backup_and_restore(
    tmp_path: Path, passphrase_file: Path, two_postgres_databases: tuple[str, str]
) -> None:
    source, target = two_postgres_databases
    added = run_earned(
        "user",
        "add",
        "Sam",
        "--passphrase-file",
        str(passphrase_file),
        EARNED_DATA_DIR=str(tmp_path),
        DATABASE_URL=source,
    )
    assert added.returncode == 0, added.stderr
    dump = tmp_path / "earned.pgdump"
    backed_up = run_earned("backup", str(dump), EARNED_DATA_DIR=str(tmp_path), DATABASE_URL=source)
    assert backed_up.returncode == 0, backed_up.stderr
    restored = run_earned("restore", str(dump), EARNED_DATA_DIR=str(tmp_path), DATABASE_URL=target)
    assert restored.returncode == 0, restored.stderr
    exported = run_earned(
        "export",
        "--passphrase-file",
        str(passphrase_file),
        EARNED_DATA_DIR=str(tmp_path),
        DATABASE_URL=target,
    )
    assert exported.returncode == 0, exported.stderr
    assert json.loads(exported.stdout)["profile"]["display_name"] == "Sam"
