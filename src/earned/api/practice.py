"""Practice through the API, by earned/practice/services.py: a ladder (with the expectations it
works on), a step added to one, a script, and a rehearsal of it. (A step is tried — an attempt —
in the browser or the terminal, where its prediction, moment and debrief are asked in turn.)"""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import Field

from earned.access import owned
from earned.accounts.models import User
from earned.api.writing import add_writes, as_given
from earned.ledger.models import Expectation
from earned.practice import services as practice
from earned.practice.models import Ladder, Rehearsal, Script, Step


def _ladder(owner: User, ladder: Ladder, extra: dict[str, Any]) -> Any:
    """Saved with the expectations sent, or — when none are sent — those it had."""
    wanted = extra.get("expectations")
    if wanted is None:
        about = [] if ladder._state.adding else list(ladder.expectations.all())
    else:
        about = list(owned(Expectation, owner).filter(pk__in=wanted))
    return practice.save_ladder(owner, ladder, about)


def _step(owner: User, step: Step, extra: dict[str, Any]) -> Any:
    if step._state.adding:  # at the end of its ladder (or in its place, if kept sorted)
        return practice.add_step(owner, step.ladder, step)
    return practice.save_step(owner, step)


def add() -> None:
    expectations = {"expectations": (list[uuid.UUID] | None, Field(
        None, description="The ids of the expectations it works on (all of them, each time)."
    ))}  # fmt: skip
    add_writes(Ladder, ("goal", "value", "keep_sorted"), ("goal",), _ladder, extra=expectations,
               what="Build a ladder: a goal, climbed in small steps")  # fmt: skip
    add_writes(Step, ("ladder", "description", "expected_distress"),
               ("ladder", "description", "expected_distress"), _step,
               what="Add a step to one of your ladders")  # fmt: skip
    add_writes(
        Script,
        ("situation", "title", "when_it_fits", "opening", "feeling", "request", "if_badly"),
        ("situation", "title"), as_given(practice.save_script), what="Write a script",
    )  # fmt: skip
    add_writes(Rehearsal, ("script", "at", "mode", "confidence_before", "confidence_after",
                           "note"), ("script",), as_given(practice.save_rehearsal),
               what="Note a rehearsal of one of your scripts")  # fmt: skip
