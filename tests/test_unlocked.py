"""`earned unlock`: the key kept for a while in a background process that only this user can
reach, so everyday commands ask nothing and start at once; `earned lock` ends it; questions,
other databases and a turned-off feature go the usual way; the key never touches the disk."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from earned.agent import SOCKET_NAME, answers_itself
from earned.cli import CommandError
from earned.cli.unlocking import seconds_in
from tests.serving import PROCESS_TIMEOUT, person_environment

PASSPHRASE = "quiet harbour lemon tram"


@pytest.mark.parametrize(
    ("argv", "forwarded"),
    [
        (["journal", "-m", "A small note"], True),
        (["journal", "--text=A small note"], True),
        (["journal"], False),  # opens an editor, here
        (["log", "--situation", "Asked Jo", "--happened", "Fine", "--occurred", "5"], True),
        (["log"], False),  # asks step by step
        (["checkin", "midday", "--word", "calm"], True),
        (["checkin"], False),
        (["checkin", "--passphrase-file", "pp"], False),  # still asks the questions
        (["search", "Jo"], True),
        (["expectations"], True),
        (["people"], True),
        (["search", "--help"], False),
        (["export", "out.json"], False),  # not an everyday verb: it asks for the passphrase
        (["unlock"], False),
        ([], False),
    ],
)
def test_only_an_everyday_command_that_asks_nothing_is_forwarded(
    argv: list[str], forwarded: bool
) -> None:
    assert answers_itself(argv) is forwarded


@pytest.mark.parametrize(
    ("given", "seconds"), [("30m", 1800), ("2h", 7200), ("90s", 90), ("45", 2700), ("12H", 43200)]
)
def test_how_long_is_read_in_plain_units(given: str, seconds: int) -> None:
    assert seconds_in(given) == seconds


@pytest.mark.parametrize("given", ["13h", "0m", "soon", "-5m", "1.5h"])
def test_a_length_past_twelve_hours_or_unreadable_is_refused(given: str) -> None:
    with pytest.raises(CommandError):
        seconds_in(given)


def earned(data: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "earned", *args],
        env=person_environment(EARNED_DATA_DIR=str(data), **env),
        capture_output=True, text=True, timeout=PROCESS_TIMEOUT, stdin=subprocess.DEVNULL,
    )  # fmt: skip


@pytest.mark.slow
def test_unlocked_commands_ask_nothing_until_locked(tmp_path: Path) -> None:
    data, secret = tmp_path / "data", tmp_path / "passphrase"
    secret.write_text(PASSPHRASE + "\n")
    assert earned(data, "user", "add", "Sam", "--passphrase-file", str(secret)).returncode == 0
    locked = earned(data, "journal", "-m", "Before")
    assert locked.returncode != 0  # it would ask for the passphrase
    unlocked = earned(data, "unlock", "--for", "5m", "--passphrase-file", str(secret))
    assert unlocked.returncode == 0, unlocked.stderr
    assert "Unlocked until" in unlocked.stdout
    try:
        door = data / SOCKET_NAME
        assert stat.S_IMODE(door.stat().st_mode) == 0o600  # only this user
        kept = earned(data, "journal", "-m", "A small note, asked nothing")
        assert kept.returncode == 0, kept.stderr
        assert "Kept in your journal" in kept.stdout
        found = earned(data, "search", "small")
        assert "A small note, asked nothing" in found.stdout
        wrong = earned(data, "log", "--situation", "Asked Jo")  # what happened is missing
        assert wrong.returncode != 0
        assert "earned:" in wrong.stderr
        assert "Traceback" not in wrong.stderr
        # Another database, or the feature turned off: the usual way, which asks.
        other = earned(tmp_path / "elsewhere", "journal", "-m", "x")
        assert other.returncode != 0
        off = earned(data, "journal", "-m", "x", EARNED_UNLOCK="0")
        assert "passphrase" in off.stderr.lower()
        # The key itself is in the background process's memory only.
        key = subprocess.run(
            [sys.executable, "-c", KEY_OF_THE_OWNER, PASSPHRASE],
            env=person_environment(EARNED_DATA_DIR=str(data)),
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        for each in data.iterdir():
            if each.is_file():
                content = each.read_bytes()
                assert bytes.fromhex(key) not in content
                assert key.encode() not in content
    finally:
        assert "Locked." in earned(data, "lock").stdout
    assert not (data / SOCKET_NAME).exists()
    assert earned(data, "journal", "-m", "After").returncode != 0
    assert "Nothing was unlocked." in earned(data, "lock").stdout


KEY_OF_THE_OWNER = """
import sys, django, os
os.environ["DJANGO_SETTINGS_MODULE"] = "earned.settings"
django.setup()
from earned.accounts import services
from earned.privacy import keys
print(keys.open_data_key(services.owner(), sys.argv[1]).hex())
"""
