"""`earned report`: the insights report as a PDF from the terminal."""

from __future__ import annotations

import datetime
import stat
from pathlib import Path

import pytest

from earned.accounts.models import User
from earned.ledger import services as ledger
from earned.privacy import keyring, keys
from earned.rituals.services import day_of
from tests.conftest import PASSPHRASE, Runner
from tests.test_insights import experience, pdf_text

pytestmark = pytest.mark.django_db


def test_a_report_is_written_privately_and_never_over_another_file(
    owner: User, earned: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        needs = ledger.add_expectation(owner, "If I ask, they leave.", feels_true=80, think_true=30)
    experience(owner, 3, tests=(needs,))
    monkeypatch.chdir(tmp_path)
    result = earned("report")
    assert result.exit_code == 0, result.output
    today = day_of(owner)  # the person's own day: it turns in the small hours, not at midnight
    made = tmp_path / f"earned-report-{today - datetime.timedelta(days=90)}-to-{today}.pdf"
    assert f"Wrote {made.name}" in result.output
    assert stat.S_IMODE(made.stat().st_mode) == 0o600
    words = pdf_text(made.read_bytes())
    assert "not an assessment" in words
    assert "If I ask, they leave." in words

    again = earned("report", "--out", str(made))
    assert again.exit_code != 0
    assert again.output.strip().splitlines() == [
        f"earned: {made} is already there; choose another --out, or add --force to replace it."
    ]
    only_map = earned("report", "--out", str(made), "--force", "--section", "map")
    assert only_map.exit_code == 0, only_map.output
    words = pdf_text(made.read_bytes())
    assert "The map of triggers and safe zones" in words
    assert "If I ask, they leave." not in words


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--from", "last tuesday"],
            "earned: --from: Enter a valid date. Use the form YYYY-MM-DD.",
        ),
        (
            ["--from", "2026-11-20", "--to", "2026-11-01"],
            "earned: --to: The end date comes before the start date.",
        ),
        (
            ["--out", "/no/such/folder/r.pdf"],
            "earned: There is no folder /no/such/folder to write into.",
        ),
    ],
)
def test_mistakes_are_one_kind_line(earned: Runner, arguments: list[str], message: str) -> None:
    result = earned("report", *arguments)
    assert result.exit_code != 0
    assert result.output.strip().splitlines() == [message]
