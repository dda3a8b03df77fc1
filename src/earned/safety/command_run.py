"""Whether a command has saved words that sound like crisis in this run: kept apart from
Django so the terminal can ask cheaply (earned/safety/noticing.py sets it)."""

from __future__ import annotations

from contextvars import ContextVar

_noticed: ContextVar[bool] = ContextVar("earned_noticed_in_this_run", default=False)


def start() -> None:
    """A command begins: nothing noticed yet."""
    _noticed.set(False)


def noticed() -> None:
    _noticed.set(True)


def was_noticed() -> bool:
    return _noticed.get()
