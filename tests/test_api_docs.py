"""docs/api.md is enough: its example script, run as written against a running Earned with a
token made as the page says, logs an experience and reads the weekly markers."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path
from typing import Any

import pytest

from earned.accounts.models import User
from earned.api import tokens
from earned.ledger.models import Experience
from earned.privacy import keyring, keys
from tests.conftest import PASSPHRASE

GUIDE = Path(__file__).parents[1] / "docs" / "api.md"


def test_the_guides_script_logs_an_experience_and_reads_the_markers(
    live_server: Any, owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    script = re.search(r"```python\n(.*?)```", GUIDE.read_text(), re.DOTALL)
    assert script is not None
    code = script.group(1).replace("http://127.0.0.1:8000", live_server.url)
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        made = tokens.create(owner, "ledger script", ["experiences", "expectations"],
                             can_write=True)  # fmt: skip
    monkeypatch.setenv("EARNED_TOKEN", made.secret)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(code, str(GUIDE), "exec"), {})  # noqa: S102 (our own documentation)
    said = printed.getvalue()
    assert re.match(r"Logged [0-9a-f-]{36} done\n", said)
    # Each marker's title with its recorded weeks: this week, 70 points better than feared.
    week = r"\('\d{4}-\d\d-\d\d', 70\.0\)"
    assert re.search(rf"^Better or harder than feared \[{week}\]$", said, re.MULTILINE), said
    assert Experience.objects.filter(owner=owner, status="done").count() == 1
