"""Pacing a ladder: from the attempts at a step so far, whether to try it, stay with it, move up,
or first add a smaller step. Pure rules over plain numbers; no Django.

What moves a person up is expectations being violated — the feared outcome happening far less
than they predicted — while they stayed within what they could bear. Distress falling by itself
is not the sign: an old expectation changes when reality disagrees with it, not merely when the
situation becomes familiar. So:

- An attempt above the window of tolerance (overwhelming) always suggests a smaller step before
  trying again, and never moving up, however the attempts before it went.
- Moving up needs the last `CONFIRMING_ATTEMPTS` finished attempts each to have gone at least
  `CLEAR_VIOLATION` points better than feared, within the window (or, where the window was not
  said, with peak distress at most `BEARABLE_DISTRESS`).
- Anything else suggests staying with the step: repetition is how the new expectation is learnt.

The rules and their constants are documented in docs/pacing.md and property-tested.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from earned.core import belief

CLEAR_VIOLATION = 20  # points by which the feared outcome fell short of the prediction
CONFIRMING_ATTEMPTS = 2
BEARABLE_DISTRESS = 70  # peak distress that counts as bearable when the window was not said


class Advice(StrEnum):
    TRY = "try"  # nothing finished yet at this step
    STAY = "stay"  # repeat this step
    MOVE_UP = "move-up"  # this step has done its work
    SMALLER = "smaller"  # add a smaller step before trying this one again


@dataclass(frozen=True)
class Attempt:
    """A finished attempt at a step, as the rules see it."""

    likelihood: int | None  # how likely the feared outcome felt, 0–100, before
    occurred: int | None  # how much of it happened, 0–100, after
    peak_distress: int | None = None
    window: str = ""  # "below", "within", "above" or "" (not said)

    @property
    def violation(self) -> int | None:
        return belief.violation(self.likelihood, self.occurred)

    @property
    def overwhelming(self) -> bool:
        return self.window == "above"

    @property
    def bearable(self) -> bool:
        if self.window:
            return self.window == "within"
        return self.peak_distress is not None and self.peak_distress <= BEARABLE_DISTRESS

    @property
    def confirming(self) -> bool:
        """Went clearly better than feared, and was bearable."""
        violation = self.violation
        return violation is not None and violation >= CLEAR_VIOLATION and self.bearable


LABELS = {
    Advice.TRY: "Not tried yet",
    Advice.STAY: "Stay with this step a little longer",
    Advice.MOVE_UP: "Ready for the next step, when you are",
    Advice.SMALLER: "A smaller step first",
}


@dataclass(frozen=True)
class Suggestion:
    advice: Advice
    why: str  # in plain, kind words

    @property
    def label(self) -> str:
        return LABELS[self.advice]


def suggest(attempts: Sequence[Attempt]) -> Suggestion:
    """The next move for a step, from its finished attempts in the order they happened."""
    if not attempts:
        return Suggestion(
            Advice.TRY, "You have not tried this step yet. Plan it when you are ready."
        )
    last = attempts[-1]
    if last.overwhelming:
        return Suggestion(
            Advice.SMALLER,
            "The last attempt went past what you could bear. That is worth knowing, not a "
            "failure. A smaller step first would let you practise where you can stay present.",
        )
    recent = attempts[-CONFIRMING_ATTEMPTS:]
    if len(recent) == CONFIRMING_ATTEMPTS and all(attempt.confirming for attempt in recent):
        return Suggestion(
            Advice.MOVE_UP,
            f"The last {CONFIRMING_ATTEMPTS} times, what you feared happened far less than you "
            "predicted, and you stayed within what you could bear. This step has done its work; "
            "the next one is there when you want it.",
        )
    if last.violation is not None and last.violation >= CLEAR_VIOLATION and not last.bearable:
        why = (
            "It went better than feared, but it was hard on you. Staying with this step a "
            "little longer lets it become bearable as well as safe."
        )
    elif last.confirming:
        why = (
            "It went clearly better than feared. Once more, and the step will have shown it "
            "more than once."
        )
    else:
        why = (
            "What you feared happened about as much as you expected, or more. Staying with "
            "this step — perhaps with a changed plan — gives it a fair chance to go differently."
        )
    return Suggestion(Advice.STAY, why)
