"""The questionnaire scoring engine and reliable change: properties a person relies on when a
score is shown to them, and worked examples."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from earned.core.measures import (
    Band,
    Rules,
    Subscale,
    Unscorable,
    asks_for_safety,
    band,
    keyed,
    reliable_change,
    score,
    smallest_reliable_change,
)

# An example instrument (not a real one): six items 1–5, items 2 and 5 reversed, two subscales,
# one item may be left out, item 6 a risk item.
EXAMPLE = Rules(
    items=6, low=1, high=5, reverse=frozenset({2, 5}),
    subscales=(Subscale("first", (1, 2, 3)), Subscale("second", (4, 5, 6), "mean")),
    most_missing=1, bands=(Band(6, 14, "lower"), Band(15, 22, "middle"), Band(23, 30, "higher")),
    risk_items=frozenset({6}),
)  # fmt: skip
answers = st.fixed_dictionaries({item: st.integers(1, 5) for item in range(1, 7)})


@given(st.integers(1, 6), st.integers(1, 5))
def test_reversing_twice_gives_the_answer_back(item: int, answer: int) -> None:
    assert keyed(EXAMPLE, item, keyed(EXAMPLE, item, answer)) == answer
    assert 1 <= keyed(EXAMPLE, item, answer) <= 5


@given(answers)
def test_a_complete_filling_in_sums_its_keyed_answers(given_answers: dict[int, int]) -> None:
    result = score(EXAMPLE, given_answers)
    assert result.total == sum(keyed(EXAMPLE, i, a) for i, a in given_answers.items())
    assert not result.prorated
    assert 6 <= result.total <= 30
    assert band(EXAMPLE, result.total) is not None
    assert 1 <= result.subscales["second"] <= 5


@given(answers, st.integers(1, 6))
def test_one_item_left_out_is_prorated_from_the_others(
    given_answers: dict[int, int], left_out: int
) -> None:
    partial = {**given_answers, left_out: None}
    result = score(EXAMPLE, partial)
    assert result.total is not None
    kept = [keyed(EXAMPLE, i, a) for i, a in partial.items() if a is not None]
    assert result.prorated
    assert math.isclose(result.total, sum(kept) / 5 * 6)
    assert 6 <= result.total <= 30


@given(answers, st.lists(st.integers(1, 6), min_size=2, max_size=6, unique=True))
def test_too_many_left_out_is_said_plainly(given_answers: dict[int, int], out: list[int]) -> None:
    with pytest.raises(Unscorable, match="unanswered"):
        score(EXAMPLE, {**given_answers, **dict.fromkeys(out)})


def test_answers_off_the_scale_are_refused() -> None:
    with pytest.raises(Unscorable, match=r"Item 3 must be from 1 to 5\."):
        score(EXAMPLE, {1: 1, 2: 1, 3: 9, 4: 1, 5: 1, 6: 1})
    with pytest.raises(Unscorable, match="There is no item 7"):
        score(EXAMPLE, {7: 1})


def test_a_worked_example() -> None:
    result = score(EXAMPLE, {1: 4, 2: 2, 3: 3, 4: 5, 5: 1, 6: 1})
    # Item 2 counts as 4 and item 5 as 5: 4 + 4 + 3 + 5 + 5 + 1.
    assert result.total == 22
    assert result.subscales == {"first": 11.0, "second": 11 / 3}
    assert band(EXAMPLE, result.total) == "middle"
    assert not asks_for_safety(EXAMPLE, {6: 1})
    assert asks_for_safety(EXAMPLE, {6: 2})


@given(st.floats(0, 100), st.floats(0, 100), st.floats(0.5, 30), st.floats(0, 0.99))
def test_reliable_change_is_symmetric_and_grows_with_the_change(
    before: float, after: float, sd: float, reliability: float
) -> None:
    up, down = (
        reliable_change(before, after, sd, reliability),
        reliable_change(after, before, sd, reliability),
    )
    assert math.isclose(up.index, -down.index, abs_tol=1e-9)
    assert up.reliable == down.reliable
    needed = smallest_reliable_change(sd, reliability)
    assume(abs(abs(after - before) - needed) > 1e-6)
    assert up.reliable == (abs(after - before) > needed)


def test_reliable_change_on_a_worked_example() -> None:
    # SD 10, reliability .90: SE = 10·√.1 = 3.162, S_diff = √2·SE = 4.472; 1.96·S_diff = 8.77.
    assert math.isclose(smallest_reliable_change(10, 0.9), 8.765, abs_tol=1e-3)
    nine = reliable_change(20, 11, 10, 0.9)
    assert math.isclose(nine.index, -2.012, abs_tol=1e-3)
    assert nine.reliable
    assert nine.direction == -1
    eight = reliable_change(20, 12, 10, 0.9)
    assert not eight.reliable
    assert eight.direction == 0
    with pytest.raises(ValueError, match="positive SD"):
        reliable_change(1, 2, 0, 0.9)
