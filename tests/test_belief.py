"""The belief model and the Beta distribution beneath it: pure functions, so their promises are
checked over many generated cases."""

from __future__ import annotations

import datetime
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from earned.core import beta, chart
from earned.core.belief import (
    EXPLAINED_AWAY,
    Outcome,
    Tally,
    absorption,
    estimate,
    estimate_from_tallies,
    estimates_over_time,
    summary,
    violation,
)

ratings = st.floats(min_value=0, max_value=100, allow_nan=False)
shapes = st.floats(min_value=0.05, max_value=200, allow_nan=False)
many_shapes = st.floats(min_value=0.05, max_value=20_000, allow_nan=False)
outcomes = st.builds(
    Outcome,
    occurred=ratings,
    felt=st.sampled_from([True, False, None]),
    window=st.sampled_from(["below", "within", "above", ""]),
    explained_away=st.sampled_from([*EXPLAINED_AWAY, ""]),
)
nothing_feared_happened = Outcome(occurred=0, felt=True, window="within", explained_away="no")


# --- The Beta distribution --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "a", "b", "expected"),
    [
        (0.3, 1, 1, 0.3),  # uniform
        (0.5, 2, 2, 0.5),  # symmetric
        (0.2, 2, 1, 0.04),  # x²
        (0.2, 1, 2, 0.36),  # 1 − (1 − x)²
        (0.9, 3, 1, 0.729),  # x³
        (0.5, 0.5, 0.5, 0.5),  # arcsine, symmetric
        (0.25, 0.5, 0.5, 1 / 3),  # arcsine: (2/π)·asin(√x)
    ],
)
def test_the_cdf_matches_closed_forms(x: float, a: float, b: float, expected: float) -> None:
    assert beta.cdf(x, a, b) == pytest.approx(expected, abs=1e-9)


@given(st.integers(min_value=0, max_value=1024).map(lambda n: n / 1024), shapes, shapes)
def test_the_cdf_is_a_probability_and_mirrors(x: float, a: float, b: float) -> None:
    # x in steps of 1/1024, so that 1 − x is exact and the mirror is a fair comparison
    value = beta.cdf(x, a, b)
    assert 0 <= value <= 1
    assert value == pytest.approx(1 - beta.cdf(1 - x, b, a), abs=1e-7)


@given(st.floats(min_value=0, max_value=1), st.floats(min_value=0, max_value=1), shapes, shapes)
def test_the_cdf_never_falls(x: float, y: float, a: float, b: float) -> None:
    low, high = sorted((x, y))
    assert beta.cdf(low, a, b) <= beta.cdf(high, a, b) + 1e-9


@given(st.floats(min_value=0.01, max_value=0.99), shapes, shapes)
def test_the_quantile_inverts_the_cdf(probability: float, a: float, b: float) -> None:
    x = beta.quantile(probability, a, b)
    assert 0 <= x <= 1
    # The true quantile lies within the promised precision of the answer.
    step = beta.QUANTILE_PRECISION
    assert beta.cdf(x - step, a, b) <= probability + 1e-9
    assert beta.cdf(x + step, a, b) >= probability - 1e-9


@given(st.floats(min_value=0.001, max_value=0.999), many_shapes, many_shapes)
def test_the_quantile_inverts_the_cdf_after_years_of_evidence(
    probability: float, a: float, b: float
) -> None:
    """Thousands of tests make narrow, steep distributions: where Newton's steps are surest and
    an unguarded one would overshoot furthest."""
    x = beta.quantile(probability, a, b)
    step = beta.QUANTILE_PRECISION
    assert beta.cdf(x - step, a, b) <= probability + 1e-9
    assert beta.cdf(x + step, a, b) >= probability - 1e-9


@pytest.mark.parametrize(("a", "b"), [(1, 1), (0.05, 0.05), (3000, 20), (1e-6, 5)])
def test_certain_probabilities_have_the_ends_for_quantiles(a: float, b: float) -> None:
    assert (beta.quantile(0, a, b), beta.quantile(1, a, b)) == (0, 1)


def test_shapes_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        beta.cdf(0.5, 0, 1)


# --- The estimate -----------------------------------------------------------------------------


@given(ratings)
def test_with_no_experiences_the_estimate_is_the_first_rating(prior: float) -> None:
    result = estimate(prior, [])
    assert result.mean == pytest.approx(prior)
    assert result.tested == 0


@given(ratings, st.lists(outcomes, max_size=30))
def test_the_estimate_and_its_band_stay_within_0_and_100(prior: float, seen: list[Outcome]) -> None:
    result = estimate(prior, seen)
    assert 0 <= result.low <= result.mean <= result.high <= 100
    assert result.tested == len(seen)


@given(ratings, st.lists(outcomes, max_size=20))
def test_a_felt_tolerable_experience_where_nothing_feared_happened_never_raises_it(
    prior: float, before: list[Outcome]
) -> None:
    assert (
        estimate(prior, [*before, nothing_feared_happened]).mean
        <= estimate(prior, before).mean + 1e-9
    )


@given(st.floats(min_value=1, max_value=100), st.integers(min_value=0, max_value=30))
def test_more_such_experiences_lower_it_step_by_step(prior: float, count: int) -> None:
    fewer = estimate(prior, [nothing_feared_happened] * count).mean
    more = estimate(prior, [nothing_feared_happened] * (count + 1)).mean
    assert more < fewer


@given(ratings, st.lists(outcomes, max_size=10), ratings)
def test_a_discounted_or_overwhelming_experience_moves_it_less(
    prior: float, before: list[Outcome], occurred: float
) -> None:
    start = estimate(prior, before).mean
    plain = Outcome(occurred=occurred)
    moved = abs(estimate(prior, [*before, plain]).mean - start)
    for lesser in (
        Outcome(occurred=occurred, explained_away="yes"),
        Outcome(occurred=occurred, explained_away="partly"),
        Outcome(occurred=occurred, window="above"),
        Outcome(occurred=occurred, window="below"),
        Outcome(occurred=occurred, felt=False),
    ):
        assert abs(estimate(prior, [*before, lesser]).mean - start) <= moved + 1e-9


@given(outcomes)
def test_absorption_is_a_weight_from_0_to_1(outcome: Outcome) -> None:
    assert 0 < absorption(outcome) <= 1


def test_impossible_numbers_are_refused() -> None:
    with pytest.raises(ValueError, match="first rating"):
        estimate(101, [])
    with pytest.raises(ValueError, match="how much happened"):
        estimate(50, [Outcome(occurred=-1)])


@given(ratings, ratings)
def test_violation_is_expected_minus_happened(likelihood: float, occurred: float) -> None:
    found = violation(likelihood, occurred)
    assert found is not None
    assert math.isclose(found + occurred, likelihood, abs_tol=1e-9)
    assert violation(None, occurred) is None
    assert violation(likelihood, None) is None


# --- The words --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("occurrences", "feels", "words"),
    [
        ([], 80, "You have not tested this one yet; it feels 80% true."),
        ([10], None, "The one time you tested this, the feared outcome mostly didn’t happen."),
        (
            [0, 10, 20, 5, 30, 0, 15],
            70,
            "Of the 7 times you tested this, the feared outcome mostly didn’t happen; "
            "it still feels 70% true.",
        ),
        ([50, 60], 40, "Of the 2 times you tested this, the feared outcome partly happened; "
         "it still feels 40% true."),
        ([90, 100], 90, "Of the 2 times you tested this, the feared outcome mostly happened; "
         "it still feels 90% true."),
        ([0] * 5538, 90, "Of the 5,538 times you tested this, the feared outcome mostly didn’t "
         "happen; it still feels 90% true."),
    ],
)  # fmt: skip
def test_the_summary_reads_plainly(occurrences: list[float], feels: float, words: str) -> None:
    assert summary(occurrences, feels) == words


# --- Chart geometry ---------------------------------------------------------------------------

moments = st.datetimes(
    min_value=datetime.datetime(2020, 1, 1), max_value=datetime.datetime(2030, 1, 1)
)


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_value_lands_inside_the_plot(value: float) -> None:
    assert chart.TOP <= chart.y_for(value) <= chart.HEIGHT - chart.BOTTOM


@given(ratings, ratings)
def test_higher_values_sit_higher(lower: float, higher: float) -> None:
    low, high = sorted((lower, higher))
    assert chart.y_for(high) <= chart.y_for(low)  # SVG's y grows downwards


@given(moments, moments, moments)
def test_moments_keep_their_order_inside_the_plot(
    a: datetime.datetime, b: datetime.datetime, c: datetime.datetime
) -> None:
    start, middle, end = sorted((a, b, c))
    x_for = chart.x_scale(start, end)
    assert chart.LEFT <= x_for(start) <= x_for(middle) <= x_for(end) <= chart.WIDTH - chart.RIGHT


@given(st.dates(), st.dates())
def test_month_ticks_are_first_days_within_the_range_and_few(
    a: datetime.date, b: datetime.date
) -> None:
    start, end = sorted((a, b))
    ticks = chart.month_ticks(start, end)
    assert len(ticks) <= 6
    assert all(tick.day == 1 and start <= tick <= end for tick in ticks)
    assert ticks == sorted(ticks)


@given(ratings, st.lists(outcomes, max_size=30))
def test_the_estimate_is_where_the_estimates_over_time_end(
    prior: float, seen: list[Outcome]
) -> None:
    over_time = estimates_over_time(prior, seen)
    assert len(over_time) == len(seen) + 1
    assert estimate(prior, seen) == over_time[-1]


@given(ratings, st.lists(outcomes, max_size=40))
def test_tallies_give_the_estimate_of_the_experiences_they_add_up(
    prior: float, seen: list[Outcome]
) -> None:
    groups: dict[tuple[bool | None, str, str], list[float]] = {}
    for outcome in seen:
        key = (outcome.felt, outcome.window, outcome.explained_away)
        groups.setdefault(key, []).append(outcome.occurred)
    tallies = [Tally(*key, len(found), sum(found)) for key, found in groups.items()]
    one_by_one, added_up = estimate(prior, seen), estimate_from_tallies(prior, tallies)
    assert added_up.tested == one_by_one.tested == len(seen)
    for side in ("mean", "low", "high"):
        assert math.isclose(
            getattr(added_up, side), getattr(one_by_one, side), rel_tol=1e-9, abs_tol=1e-7
        )


@given(ratings, st.lists(outcomes, max_size=60), st.integers(2, 70))
def test_a_thinned_band_keeps_every_mean_exact_and_the_band_around_it(
    prior: float, seen: list[Outcome], most: int
) -> None:
    full = estimates_over_time(prior, seen)
    thinned = estimates_over_time(prior, seen, most_bands=most)
    assert len(thinned) == len(full)
    for exact, drawn in zip(full, thinned, strict=True):
        assert drawn.mean == exact.mean
        assert drawn.tested == exact.tested
        assert drawn.low <= drawn.mean <= drawn.high
    assert thinned[0] == full[0]
    assert thinned[-1] == full[-1]
    if most >= len(full):
        assert thinned == full
