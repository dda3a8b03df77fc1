"""The documentation keeps up with the code."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_every_environment_variable_is_documented() -> None:
    used = set()
    for source in (ROOT / "src").rglob("*.py"):
        used |= set(re.findall(r"\b(?:EARNED_[A-Z_]+|DATABASE_URL)\b", source.read_text()))
    documented = (ROOT / "docs" / "configuration.md").read_text()
    missing = sorted(name for name in used if f"`{name}`" not in documented)
    assert missing == []


def test_the_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text()
    opening = readme[: readme.index("![")]
    assert "make run" in opening
    assert "make test" in opening
    assert (ROOT / "docs" / "images" / "today.png").exists()


def test_every_kind_of_record_in_an_export_is_documented() -> None:
    from earned.exchange.kinds import KINDS

    documented = (ROOT / "docs" / "export-format.md").read_text()
    assert "`visibility`" in documented  # every record has one: said once, above the table
    for kind in KINDS:
        if kind.model._meta.app_label == "encryption_app":
            continue  # the test suite's own model
        row = next(
            (line for line in documented.splitlines() if line.startswith(f"| `{kind.name}`")), ""
        )
        assert row, f"{kind.name} is not in docs/export-format.md"
        missing = [
            field for field in kind.fields if field != "visibility" and f"`{field}`" not in row
        ]
        assert missing == [], f"{kind.name}: {missing}"


def test_no_module_is_longer_than_a_sitting_of_reading() -> None:
    """ARCHITECTURE.md: no file past ~500 lines (migrations are written by Django)."""
    too_long = {
        str(path.relative_to(ROOT)): lines
        for folder in ("src", "tests", "bench")
        for path in (ROOT / folder).rglob("*.py")
        if "migrations" not in path.parts
        and (lines := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert too_long == {}
