"""The belief model: what the experiences so far say about one old expectation.

It is a mirror for reflection, not a clinical score. Each experience that tested the
expectation says how much of the feared outcome happened (0–100). The estimate is a Beta
distribution: it starts from the person's first *feels true* rating, held lightly (a small
pseudo-count), and each experience adds its outcome, weighted by how fully it could be taken
in — an experience only watched from outside, one that overwhelmed or numbed, or one explained
away counts for less. docs/belief-model.md explains it in plain words.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TypeVar

from earned.core import beta

# How many experiences' worth of weight the first feels-true rating carries. Small, so that a
# handful of lived experiences can move the estimate, yet one experience cannot swing it fully.
PRIOR_STRENGTH = 2.0

# Absorption: how much of an experience is taken in, as factors of 1 that multiply together.
ONLY_OBSERVED = 0.5  # watched from a distance rather than felt in the body
OUTSIDE_WINDOW = 0.5  # overwhelmed (above the window of tolerance) or numb (below it)
EXPLAINED_AWAY = {"no": 1.0, "partly": 0.75, "yes": 0.5}

BAND = 0.8  # the shown interval holds the estimate with 80% probability
WINDOWS = ("below", "within", "above")


@dataclass(frozen=True)
class Outcome:
    """One experience, as the model sees it. Unknown answers count as the plain case."""

    occurred: float  # how much of the feared outcome happened, 0–100
    felt: bool | None = True
    window: str = "within"  # below / within / above, or "" when not said
    explained_away: str = "no"  # no / partly / yes, or "" when not said


@dataclass(frozen=True)
class Estimate:
    mean: float  # 0–100
    low: float  # the 80% band, 0–100
    high: float
    tested: int  # how many experiences went in


def absorption(outcome: Outcome) -> float:
    """From 0 to 1: how fully this experience can count as evidence."""
    weight = 1.0
    if outcome.felt is False:
        weight *= ONLY_OBSERVED
    if outcome.window in ("below", "above"):
        weight *= OUTSIDE_WINDOW
    weight *= EXPLAINED_AWAY.get(outcome.explained_away, 1.0)
    return weight


def estimate(prior: float, outcomes: Iterable[Outcome]) -> Estimate:
    """The evidence estimate for an expectation first rated `prior` (feels true, 0–100). Only
    the final band is computed, so years of tests cost one pair of quantiles."""
    (feared, not_feared), tested = prior_totals(prior), 0
    for (feared, not_feared), tested in _totals(prior, outcomes):  # noqa: B007 (the last counts)
        pass
    return _estimate(feared, not_feared, tested)


@dataclass(frozen=True)
class Tally:
    """Experiences alike in how they are taken in, added up: what a database can count."""

    felt: bool | None
    window: str
    explained_away: str
    count: int
    occurred: float  # the sum of how much of the feared outcome happened, over `count`


def estimate_from_tallies(prior: float, tallies: Iterable[Tally]) -> Estimate:
    """The same estimate as `estimate` over the experiences the tallies add up, in one step per
    kind of experience rather than one per experience."""
    feared, not_feared = prior_totals(prior)
    tested = 0
    for tally in tallies:
        if not 0 <= tally.occurred <= 100 * tally.count:
            raise ValueError("how much happened must be from 0 to 100 for each experience")
        weight = absorption(Outcome(0, tally.felt, tally.window, tally.explained_away))
        feared += weight * tally.occurred / 100
        not_feared += weight * (tally.count - tally.occurred / 100)
        tested += tally.count
    return _estimate(feared, not_feared, tested)


def estimates_over_time(
    prior: float, outcomes: Iterable[Outcome], *, most_bands: int | None = None
) -> list[Estimate]:
    """The estimate before any experience, then after each one in turn.

    The band costs two quantiles a point; with `most_bands`, it is computed at no more than that
    many evenly spaced points (the first and last among them) and drawn straight between them —
    a chart cannot show more — while every mean stays exact."""
    first = prior_totals(prior)
    totals = [(first, 0), *_totals(prior, outcomes)]
    count = len(totals)
    if most_bands is None or most_bands >= count:
        return [_estimate(feared, not_feared, tested) for (feared, not_feared), tested in totals]
    step = (count - 1) / max(1, most_bands - 1)
    banded = sorted({round(i * step) for i in range(most_bands)} | {0, count - 1})
    exact = {i: _estimate(*totals[i][0], totals[i][1]) for i in banded}
    found = []
    for before, after in itertools.pairwise(banded):
        found.append(exact[before])
        for i in range(before + 1, after):
            (feared, not_feared), tested = totals[i]
            share = (i - before) / (after - before)
            mean = 100 * (feared / (feared + not_feared))  # as _estimate computes it
            low = exact[before].low + share * (exact[after].low - exact[before].low)
            high = exact[before].high + share * (exact[after].high - exact[before].high)
            found.append(Estimate(mean, min(low, mean), max(high, mean), tested))
    found.append(exact[count - 1])
    return found


def prior_totals(prior: float) -> tuple[float, float]:
    if not 0 <= prior <= 100:
        raise ValueError("the first rating must be from 0 to 100")
    feared = PRIOR_STRENGTH * prior / 100
    return feared, PRIOR_STRENGTH - feared


def _totals(prior: float, outcomes: Iterable[Outcome]) -> Iterator[tuple[tuple[float, float], int]]:
    """The weight of evidence for and against the feared outcome after each experience."""
    feared, not_feared = prior_totals(prior)
    for tested, outcome in enumerate(outcomes, start=1):
        if not 0 <= outcome.occurred <= 100:
            raise ValueError("how much happened must be from 0 to 100")
        weight = absorption(outcome)
        feared += weight * outcome.occurred / 100
        not_feared += weight * (1 - outcome.occurred / 100)
        yield (feared, not_feared), tested


def _estimate(feared: float, not_feared: float, tested: int) -> Estimate:
    mean = feared / (feared + not_feared)
    # A rating of exactly 0 or 100 leaves one side empty; the band then needs a sliver of doubt.
    a, b = max(feared, 1e-6), max(not_feared, 1e-6)
    tail = (1 - BAND) / 2
    low, high = beta.quantile(tail, a, b), beta.quantile(1 - tail, a, b)
    return Estimate(
        mean=100 * mean, low=100 * min(low, mean), high=100 * max(high, mean), tested=tested
    )


Points = TypeVar("Points", int, float)


def violation(likelihood: Points | None, occurred: Points | None) -> Points | None:
    """The one definition of an experience's violation: how likely the feared outcome felt,
    minus how much of it happened — positive when it went better than feared; None until both
    are known."""
    if likelihood is None or occurred is None:
        return None
    return likelihood - occurred


def went_better_than_feared(violation: float | None) -> bool:
    """The one meaning of "went better than feared" everywhere it is counted or said: less of
    the feared outcome happened than was expected."""
    return violation is not None and violation > 0


# An outcome this much better than feared invites the gentle question about explaining it away.
MUCH_BETTER_THAN_FEARED = 30


def went_much_better_than_feared(violation: float | None) -> bool:
    return violation is not None and violation >= MUCH_BETTER_THAN_FEARED


def summary(occurrences: Sequence[float], feels_true: float | None) -> str:
    """A short plain-words reading of the evidence, which never tells anyone what to feel."""
    if not occurrences:
        reading = "You have not tested this one yet"
    else:
        average = sum(occurrences) / len(occurrences)
        if average <= 33:
            what = "the feared outcome mostly didn’t happen"
        elif average <= 66:
            what = "the feared outcome partly happened"
        else:
            what = "the feared outcome mostly happened"
        count = len(occurrences)
        reading = (
            f"The one time you tested this, {what}"
            if count == 1
            else f"Of the {count:,} times you tested this, {what}"
        )
    if feels_true is None:
        return f"{reading}."
    still = "still " if occurrences else ""
    return f"{reading}; it {still}feels {round(feels_true)}% true."
