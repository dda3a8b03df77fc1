"""The `earned` command, through click's runner and, for start-up failures, a real process."""

from __future__ import annotations

import gc
import json
import socket
import stat
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from earned import __version__
from earned.accounts.models import SignInLink, User
from earned.cli import main
from tests.serving import PROCESS_TIMEOUT, earned_serve, person_environment


def run_earned(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run the command as a person would, in a fresh process with its own environment."""
    return subprocess.run(
        [sys.executable, "-m", "earned", *args],
        env=person_environment(**env),
        capture_output=True,
        text=True,
        timeout=PROCESS_TIMEOUT,
        stdin=subprocess.DEVNULL,
        check=False,
    )


def all_commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    found = []
    context = click.Context(group)
    for name in group.list_commands(context):  # the top level's are imported when asked for
        command = group.get_command(context, name)
        assert command is not None
        found.append((f"{prefix}{name}", command))
        if isinstance(command, click.Group):
            found.extend(all_commands(command, f"{prefix}{name} "))
    return found


def test_it_tells_its_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"earned, version {__version__}"


@pytest.mark.parametrize(("name", "command"), all_commands(main))
def test_every_command_has_help(name: str, command: click.Command) -> None:
    assert command.help, f"`earned {name}` has no help text"
    result = CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


@pytest.mark.parametrize(("name", "command"), all_commands(main))
def test_every_command_is_documented(name: str, command: click.Command) -> None:
    docs = (Path(__file__).parents[1] / "docs" / "cli.md").read_text()
    assert f"earned {name}" in docs


@pytest.mark.django_db
def test_user_add_creates_the_owner(tmp_path: Path) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text("quiet harbour lemon tram\n")
    result = CliRunner().invoke(
        main, ["user", "add", "Alex", "--passphrase-file", str(secret), "--country", "GB"]
    )
    assert result.exit_code == 0, result.output
    user = User.objects.get()
    assert (user.display_name, user.country) == ("Alex", "GB")
    assert user.check_password("quiet harbour lemon tram")


@pytest.mark.django_db
def test_user_add_asks_for_the_passphrase_when_no_file_is_given() -> None:
    answers = "quiet harbour lemon tram\nquiet harbour lemon tram\n"
    result = CliRunner().invoke(main, ["user", "add", "Alex"], input=answers)
    assert result.exit_code == 0, result.output
    assert User.objects.get().check_password("quiet harbour lemon tram")


@pytest.mark.django_db
def test_user_add_refuses_a_second_local_owner(owner: User, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text("quiet harbour lemon tram")
    result = CliRunner().invoke(main, ["user", "add", "Alex", "--passphrase-file", str(secret)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "earned: This Earned already belongs to someone. A local installation keeps one account."
    )


@pytest.mark.django_db
def test_user_add_explains_a_weak_passphrase(tmp_path: Path) -> None:
    secret = tmp_path / "passphrase"
    secret.write_text("password123")
    result = CliRunner().invoke(main, ["user", "add", "Alex", "--passphrase-file", str(secret)])
    assert result.exit_code == 1
    assert "easy to guess" in result.output
    assert not User.objects.exists()


@pytest.mark.django_db
def test_user_add_names_a_missing_passphrase_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    result = CliRunner().invoke(main, ["user", "add", "Alex", "--passphrase-file", str(missing)])
    assert result.exit_code == 1
    assert result.output.startswith(f"earned: Cannot read {missing}")


def test_user_add_refuses_an_unknown_time_zone() -> None:
    result = CliRunner().invoke(main, ["user", "add", "Alex", "--timezone", "Mars/Olympus"])
    assert result.exit_code == 1
    assert "not a time zone we know" in result.output


def test_invitations_are_for_servers() -> None:
    result = CliRunner().invoke(main, ["user", "invite"])
    assert result.exit_code == 1
    assert "server mode" in result.output


@pytest.mark.django_db
def test_an_invitation_can_be_for_a_practitioner(server_mode: Any) -> None:
    result = CliRunner().invoke(
        main, ["user", "invite", "--practitioner", "--base-url", "https://earned.example.org"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("https://earned.example.org/welcome/")
    assert SignInLink.objects.get().practitioner


@pytest.mark.django_db
def test_serve_explains_a_port_in_use() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["serve", "--no-browser", "--port", str(port)])
    assert result.exit_code == 1
    assert result.output.strip() == (
        f"earned: Port {port} is already in use (is Earned already running?). "
        f"Try another: earned serve --port {port + 1}"
    )


def test_serve_keeps_local_mode_on_this_computer() -> None:
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "only listens on this computer" in result.output


def test_an_unwritable_data_folder_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("")
    result = run_earned("serve", "--no-browser", EARNED_DATA_DIR=str(blocker / "data"))
    assert result.returncode == 1
    assert result.stderr.startswith("earned: Earned cannot write to its data folder")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_a_server_without_a_secret_key_is_one_line(tmp_path: Path) -> None:
    result = run_earned("check", EARNED_MODE="server", EARNED_DATA_DIR=str(tmp_path))
    assert result.returncode == 1
    assert result.stderr.startswith("earned: Server mode needs a secret key")
    assert "Traceback" not in result.stderr


def test_a_database_that_does_not_answer_is_one_line(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port with nothing listening on it
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = run_earned(
        "check",
        EARNED_DATA_DIR=str(tmp_path),
        DATABASE_URL=f"postgres://earned:secret@127.0.0.1:{port}/earned",
    )
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"earned: Cannot connect to database 'earned' on 127.0.0.1:{port}"
    )
    assert "secret" not in result.stderr  # the password is never printed
    assert "Traceback" not in result.stderr


def test_check_passes_on_a_fresh_local_install(tmp_path: Path) -> None:
    result = run_earned("check", EARNED_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "Everything looks right." in result.stdout


def test_the_first_start_prints_a_welcome_link(tmp_path: Path) -> None:
    """`earned serve` really starts: it prints the link, then is stopped like Ctrl+C would."""
    with earned_serve(tmp_path) as running:
        assert running.welcome is not None
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        with browser.open(running.welcome, timeout=PROCESS_TIMEOUT) as response:
            assert "set up your space" in response.read().decode()
    text = "".join(running.printed)
    assert f"Earned is running at {running.address}/" in text
    assert f"{running.address}/welcome/" in text
    assert "Earned has stopped" in running.output
    assert "Traceback" not in running.errors


@pytest.mark.parametrize(
    ("display", "wayland", "expected"), [("", "", False), (":0", "", True), ("", "wayland-0", True)]
)
def test_a_browser_opens_only_where_a_desktop_exists(
    monkeypatch: pytest.MonkeyPatch, display: str, wayland: str, expected: bool
) -> None:
    from earned.cli.server import has_graphical_browser

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.setenv("WAYLAND_DISPLAY", wayland)
    assert has_graphical_browser() is expected


def test_the_database_is_private_to_its_owner(tmp_path: Path) -> None:
    result = run_earned("check", EARNED_DATA_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    database = tmp_path / "earned.sqlite3"
    assert database.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        (["serv"], "No such command 'serv'."),
        (["serve", "--port", "0"], "Invalid value for '--port'"),
        (["log", "--occurred", "lots"], "please choose a number from 0 to 100"),
    ],
)
def test_a_mistyped_command_gets_one_line_with_where_to_look(
    arguments: list[str], reason: str
) -> None:
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("earned: ")
    assert reason in lines[0]
    assert "--help" in lines[0]


def test_the_served_application_sets_its_own_objects_aside_from_the_collector() -> None:
    # Each full garbage collection would otherwise walk every object the app holds for good.
    import earned.wsgi

    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    earned.wsgi.settle()
    assert gc.get_freeze_count() > 50_000  # every module, view and model of the application


def test_cli_export_never_replaces_a_file_unless_told(
    owner: User, passphrase_file: Path, tmp_path: Path
) -> None:
    # Like `report` and `backup`: the file already there is kept, and said so before anything.
    target = tmp_path / "notes.json"
    target.write_text("something of mine")
    target.chmod(0o644)
    refused = CliRunner().invoke(main, ["export", str(target), "--passphrase-file", "/nowhere"])
    assert refused.exit_code == 1
    assert refused.output == (
        f"earned: {target} is already there; choose another PATH, or add --force to replace it.\n"
    )  # said before the passphrase (its file does not exist) is even read
    assert target.read_text() == "something of mine"
    replaced = CliRunner().invoke(
        main, ["export", str(target), "--force", "--passphrase-file", str(passphrase_file)]
    )
    assert replaced.exit_code == 0, replaced.output
    assert json.loads(target.read_text())["profile"]["display_name"] == "Sam"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600  # private, though the old file was not
    fresh = tmp_path / "fresh.json"
    written = CliRunner().invoke(
        main, ["export", str(fresh), "--passphrase-file", str(passphrase_file)]
    )
    assert written.exit_code == 0, written.output
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600  # a new file too, from its first byte


def test_without_a_terminal_the_passphrase_is_the_line_piped_in_or_one_kind_line(
    tmp_path: Path, passphrase_file: Path
) -> None:
    # A script or a service has no terminal to ask in: Python's getpass would print its raw
    # warnings ("GetPassWarning: Can not control echo…") and read the pipe anyway.
    data = str(tmp_path / "data")
    made = run_earned("user", "add", "Sam", "--passphrase-file", str(passphrase_file),
                      EARNED_DATA_DIR=data)  # fmt: skip
    assert made.returncode == 0, made.stderr

    def detached(*args: str, given: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "earned", *args],
            env=person_environment(EARNED_DATA_DIR=data), input=given, capture_output=True,
            text=True, timeout=PROCESS_TIMEOUT, start_new_session=True, check=False,
        )  # fmt: skip  # a session of its own: no terminal to open

    nothing = detached("search", "help", given="")
    assert nothing.returncode == 1
    assert nothing.stderr == (
        "earned: There is no terminal to ask for the passphrase in: give --passphrase-file, or "
        "set EARNED_PASSPHRASE_FILE.\n"
    )
    piped = detached("expectations", given=passphrase_file.read_text() + "\n")
    assert piped.returncode == 0, piped.stderr
    assert piped.stderr == ""
    assert "Warning" not in piped.stdout
