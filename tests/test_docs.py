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
