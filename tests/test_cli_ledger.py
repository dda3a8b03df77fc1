"""The working model from the terminal: `earned expectations`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from earned.accounts.models import User
from earned.cli import main
from earned.records import saving as records
from tests.test_ledger import an_expectation, an_experience

pytestmark = pytest.mark.django_db


def test_cli_lists_expectations_with_both_ratings_and_the_evidence(
    owner: User, passphrase_file: Path
) -> None:
    command = ["expectations", "--passphrase-file", str(passphrase_file)]
    empty = CliRunner().invoke(main, command)
    assert empty.exit_code == 0
    assert "No expectations yet." in empty.output

    expectation = an_expectation(owner, feels=70)
    an_experience(owner, expectation, occurred=0)
    archived = an_expectation(owner, "An old one")
    records.set_archived(owner, archived, True)
    listed = CliRunner().invoke(main, command)
    assert listed.exit_code == 0, listed.output
    assert "When I ask for help" in listed.output
    assert "70%" in listed.output
    assert "40%" in listed.output
    assert "An old one" not in listed.output
    assert "An old one (archived)" in CliRunner().invoke(main, [*command, "--archived"]).output


def test_cli_refuses_a_wrong_passphrase_in_one_line(owner: User, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_text("not my passphrase at all")
    result = CliRunner().invoke(main, ["expectations", "--passphrase-file", str(wrong)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
