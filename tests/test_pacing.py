"""The pacing rules for a ladder's steps: properties a person relies on to be paced safely."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from earned.core.pacing import (
    BEARABLE_DISTRESS,
    CLEAR_VIOLATION,
    CONFIRMING_ATTEMPTS,
    Advice,
    Attempt,
    suggest,
)

percent = st.integers(0, 100)
attempts = st.builds(
    Attempt,
    likelihood=st.none() | percent,
    occurred=st.none() | percent,
    peak_distress=st.none() | percent,
    window=st.sampled_from(["", "below", "within", "above"]),
)
histories = st.lists(attempts, max_size=6)


def test_a_step_not_yet_tried_is_suggested_to_try() -> None:
    assert suggest([]).advice == Advice.TRY


@given(histories, attempts)
def test_never_move_up_right_after_an_overwhelming_attempt(
    history: list[Attempt], last: Attempt
) -> None:
    overwhelming = Attempt(last.likelihood, last.occurred, last.peak_distress, "above")
    assert suggest([*history, overwhelming]).advice == Advice.SMALLER


@given(histories)
def test_moving_up_needs_enough_clearly_violated_and_bearable_attempts(
    history: list[Attempt],
) -> None:
    if suggest(history).advice == Advice.MOVE_UP:
        recent = history[-CONFIRMING_ATTEMPTS:]
        assert len(recent) == CONFIRMING_ATTEMPTS
        for attempt in recent:
            assert attempt.violation is not None
            assert attempt.violation >= CLEAR_VIOLATION
            assert attempt.window == "within" or (
                attempt.window == ""
                and attempt.peak_distress is not None
                and attempt.peak_distress <= BEARABLE_DISTRESS
            )


@given(histories, st.lists(percent, min_size=1, max_size=6))
def test_distress_falling_alone_never_moves_up(history: list[Attempt], falling: list[int]) -> None:
    """However calm it became, a step where the fear came true as predicted is stayed with."""
    as_feared = [
        Attempt(likelihood=70, occurred=70 - CLEAR_VIOLATION + 1, peak_distress=d, window="within")
        for d in sorted(falling, reverse=True)
    ]
    assert suggest([*history, *as_feared]).advice == Advice.STAY


@given(histories, st.lists(st.tuples(st.integers(0, 100), st.integers(0, 100)), min_size=2))
def test_a_better_outcome_never_takes_away_a_move_up(
    history: list[Attempt], pairs: list[tuple[int, int]]
) -> None:
    recent = [Attempt(likelihood, occurred, 30, "within") for likelihood, occurred in pairs]
    before = suggest([*history, *recent]).advice
    better = [Attempt(a.likelihood, max(0, (a.occurred or 0) - 10), 30, "within") for a in recent]
    if before == Advice.MOVE_UP:
        assert suggest([*history, *better]).advice == Advice.MOVE_UP


@given(histories)
def test_confirming_attempts_in_a_row_move_up(history: list[Attempt]) -> None:
    confirming = [Attempt(80, 10, 40, "within")] * CONFIRMING_ATTEMPTS
    assert suggest([*history, *confirming]).advice == Advice.MOVE_UP


@given(histories)
def test_every_suggestion_says_why(history: list[Attempt]) -> None:
    assert len(suggest(history).why) > 40


@given(histories)
def test_every_suggestion_has_a_short_label(history: list[Attempt]) -> None:
    label = suggest(history).label
    assert 5 < len(label) < 50
