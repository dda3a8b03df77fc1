"""`earned journal` and `earned search`: writing and finding from the terminal."""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from earned.accounts.models import User
from earned.cli import journal as journal_command
from earned.cli import main
from earned.privacy import keyring, keys
from earned.reflection import services as reflection
from earned.reflection.models import JournalEntry
from earned.search import finding
from earned.search import services as search
from earned.search.models import Indexed
from tests.conftest import PASSPHRASE, Runner
from tests.test_ledger import an_expectation

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(earned: Runner) -> Runner:
    return earned


def entries(owner: User) -> list[JournalEntry]:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        found = list(JournalEntry.objects.filter(owner=owner).prefetch_related("expectations"))
        for entry in found:
            _ = entry.body  # opened while the key is current
        return found


def test_an_entry_piped_in_with_a_prompt_and_an_expectation(owner: User, run: Runner) -> None:
    expectation = an_expectation(owner)
    result = run(
        "journal", "--prompt", "hard-feared", "-e", "ask for help",
        typed="I feared a sigh.\nShe said yes.\n",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Kept in your journal: “I feared a sigh.”" in result.output
    [entry] = entries(owner)
    assert entry.body == "I feared a sigh.\nShe said yes."  # trimmed, as in the browser
    assert entry.prompt == "hard-feared"
    assert list(entry.expectations.all()) == [expectation]


def test_an_entry_given_as_text(owner: User, run: Runner) -> None:
    assert run("journal", "--text", "Short and kind.").exit_code == 0
    assert [entry.body for entry in entries(owner)] == ["Short and kind."]


def test_the_prompts_are_listed_by_purpose(run: Runner) -> None:
    result = run("journal", "--prompts")
    assert "Before therapy:" in result.output
    assert "before-bring" in result.output


@pytest.mark.parametrize(
    ("args", "typed", "message"),
    [
        ((), "   \n", "earned: Nothing was written, so nothing was kept.\n"),
        (("--prompt", "nope"), "x", "earned: Invalid value for '--prompt'"),
        (("-e", "no such words"), "x", "earned: No expectation matches 'no such words'."),
    ],
)
def test_a_journal_mistake_is_one_kind_line_and_keeps_nothing(
    owner: User, run: Runner, args: tuple[str, ...], typed: str, message: str
) -> None:
    result = run("journal", *args, typed=typed)
    assert result.exit_code != 0
    assert result.output.startswith(message)
    assert result.output.count("\n") == 1
    assert not JournalEntry.objects.exists()


def test_the_editor_writes_in_a_private_folder_that_is_wiped_afterwards(
    owner: User, run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = tmp_path / "where"
    # An editor that writes the entry and, like vim, leaves a swap file beside it.
    monkeypatch.setenv(
        "EDITOR",
        f'sh -c \'printf "Written in my editor." > "$1"; printf secret > "$1.swp"; '
        f'dirname "$1" > {where}; ls -ld "$(dirname "$1")" >> {where}\' --',
    )
    monkeypatch.setattr(journal_command, "in_a_terminal", lambda: True)
    result = run("journal", "--prompt", "before-bring")
    assert result.exit_code == 0, result.output
    assert "What would you like to bring to your next session?" in result.output
    assert [entry.body for entry in entries(owner)] == ["Written in my editor."]
    folder, listing = where.read_text().splitlines()
    assert listing.startswith("drwx------")  # only this user could open it
    assert not Path(folder).exists()  # the entry and the swap file are gone


def test_an_editor_that_fails_keeps_nothing(
    owner: User, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "sh -c 'printf draft > \"$1\"; exit 3' --")
    monkeypatch.setattr(journal_command, "in_a_terminal", lambda: True)
    result = run("journal")
    assert result.exit_code != 0
    assert "The editor stopped with an error (3); nothing was kept." in result.output
    assert not JournalEntry.objects.exists()


# --- Search ----------------------------------------------------------------------------------


def write(owner: User, *bodies: str) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        for number, body in enumerate(bodies):
            at = datetime.datetime(2026, 3, 1 + number, 20, tzinfo=datetime.UTC)
            reflection.save_entry(owner, JournalEntry(body=body, at=at))


def test_search_shows_each_entry_with_its_day_kind_and_words(owner: User, run: Runner) -> None:
    an_expectation(owner, "When I ask for help, they sigh.")
    write(owner, "I asked Priya for help.", "A quiet day.")
    result = run("search", "asking", "help")
    assert result.exit_code == 0, result.output
    assert "2 entries with “asking help”, newest first." in result.output
    assert "Expectations  When I ask for help, they sigh." in result.output
    assert "2026-03-01  Journal  I asked Priya for help." in result.output
    assert "\x1b[" not in result.output  # no styling when not a terminal


def test_an_index_made_the_old_way_is_made_anew_with_a_progress_line(
    owner: User, run: Runner
) -> None:
    write(owner, "I asked Priya for help.")
    Indexed.objects.filter(owner=owner).update(version=search.VERSION - 1)  # as after an upgrade
    result = run("search", "help")
    assert result.exit_code == 0, result.output
    assert "Making your search index (once)" in result.stderr
    assert "1 entry with “help”" in result.stdout
    assert Indexed.objects.get(owner=owner).version == search.VERSION
    again = run("search", "help")
    assert "Making your search index" not in again.stderr  # once only


def test_search_filters_by_kind_and_dates(owner: User, run: Runner) -> None:
    an_expectation(owner, "When I ask for help, they sigh.")
    write(owner, "Help came.", "Help came again.", "Help, a third time.")
    only_journal = run("search", "help", "--kind", "journal", "--since", "2026-03-02")
    assert "2 entries with" in only_journal.output
    assert "Expectations" not in only_journal.output
    assert "1 entry with" in run("search", "help", "--until", "2026-03-01").output


def test_search_pages_say_how_to_see_more(
    owner: User, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(finding, "PAGE_SIZE", 2)
    write(owner, "Tea one.", "Tea two.", "Tea three.")
    first = run("search", "tea")
    assert "Page 1 of 2; `--page 2` for more." in first.output
    assert "Tea one." not in first.output
    assert "Tea one." in run("search", "tea", "--page", "2").output


def test_search_finds_nothing_kindly(owner: User, run: Runner) -> None:
    result = run("search", "lantern")
    assert result.exit_code == 0
    assert result.output == "Nothing found for “lantern”.\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("the", "and"), "earned: Those words are too common to search for"),
        (("help", "--kind", "dreams"), "earned: --kind: choose one of experiences, expectations"),
        (("help", "--since", "March"), "earned: --since: Please give a date like 2026-03-14."),
        (("help", "--since", "2026-05-01", "--until", "2026-04-01"), "earned: --until: This"),
        ((), "earned: Missing argument 'TERMS...'."),
    ],
)
def test_a_search_mistake_is_one_kind_line(
    owner: User, run: Runner, args: tuple[str, ...], message: str
) -> None:
    result = run("search", *args)
    assert result.exit_code != 0
    assert result.output.startswith(message), result.output
    assert result.output.count("\n") == 1


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGHUP"])
def test_a_signal_while_the_editor_is_open_removes_the_draft(
    signal_name: str, tmp_path: Path
) -> None:
    import signal
    import subprocess
    import sys
    import time

    where = tmp_path / "where"
    # The editor saves a draft, says where, then waits as a person writing would.
    editor = f'sh -c \'printf "half a thought" > "$1"; dirname "$1" > {where}; exec sleep 30\' --'
    # The journal command's own path: its editing, inside the CLI's handling of failures.
    program = (
        "from earned.cli import EarnedGroup\n"
        "from earned.cli.editing import edit_privately\n"
        "cli = EarnedGroup()\n"
        "cli.command('write')(edit_privately)\n"
        "cli(['write'])\n"
    )
    writing = subprocess.Popen(
        [sys.executable, "-c", program],
        env={**os.environ, "EDITOR": editor},
        stderr=subprocess.PIPE,
        text=True,
    )
    for _ in range(200):  # up to ten seconds for the editor to start
        if (where.exists() and where.read_text().strip()) or writing.poll() is not None:
            break
        time.sleep(0.05)
    folder = Path(where.read_text().strip())
    assert (folder / "entry.md").read_text() == "half a thought"
    writing.send_signal(getattr(signal, signal_name))
    _, said = writing.communicate(timeout=20)
    assert not folder.exists()
    assert writing.returncode == 1
    assert said == "earned: Stopped before anything was kept; the draft was removed.\n"


def test_a_later_run_sweeps_drafts_whose_process_was_killed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess
    import tempfile

    from earned.cli import editing

    monkeypatch.setattr(editing, "MEMORY_BACKED", tmp_path)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    finished = subprocess.Popen(["true"])
    finished.wait()
    abandoned = tmp_path / f"earned-{finished.pid}-abcd1234"
    older_kind = tmp_path / "earned-k2j4_x9a"
    in_use = tmp_path / f"earned-{os.getpid()}-efgh5678"
    someone_elses = tmp_path / "earned-notes"
    for folder in (abandoned, older_kind, in_use, someone_elses):
        folder.mkdir()
        (folder / "entry.md").write_text("words")
    editing.sweep_abandoned_drafts()
    assert not abandoned.exists()
    assert not older_kind.exists()
    assert (in_use / "entry.md").read_text() == "words"
    assert someone_elses.exists()


@pytest.mark.parametrize(
    ("terms", "said"),
    [
        ("🙂", "earned: There is no word in that to search for"),
        ("y" * 50, "earned: That is longer than any word search keeps"),
        ("the and", "earned: Those words are too common to search for"),
    ],
)
def test_search_says_why_there_is_nothing_to_search_for(
    owner: User, run: Runner, terms: str, said: str
) -> None:
    result = run("search", terms)
    assert result.exit_code != 0
    assert result.output.startswith(said)
    assert result.output.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [("search", "help", "--kind", "dreams"), ("import", "/no/such/export.json")],
)
def test_a_mistake_in_the_arguments_is_said_before_the_passphrase_is_asked(
    owner: User, args: tuple[str, ...]
) -> None:
    """Nobody types a passphrase only to hear that a flag was wrong."""
    result = CliRunner().invoke(main, list(args), input="")
    assert result.exit_code != 0
    assert "Passphrase" not in result.output
    assert result.output.startswith("earned: "), result.output
