"""Patterns worth reflecting on: computed from the person's own records, never a diagnosis.
Each finds something a person might want to look at, perhaps with their therapist: a
relationship where the old expectation keeps coming true, an expectation only ever tested from
the outside, and experiences that keep going past what they could bear. Pure functions; no
Django.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

# Enough experiences for a pattern to be worth a look rather than a coincidence.
AT_LEAST = 3
# "Keeps being confirmed": the feared outcome mostly happened, in this share of experiences.
CONFIRMED_SHARE = 2 / 3
MOSTLY_HAPPENED = 50
# Tested only by observing, never by feeling: this many debriefed tests with none felt.
OBSERVED_AT_LEAST = 2


class Outcome(NamedTuple):
    """One debriefed experience, as the patterns need it (a tuple: years make thousands)."""

    person: str | None  # the person's id, when the experience names one
    occurred: int | None  # how much of the feared outcome happened, 0–100
    likelihood: int | None  # how likely it felt beforehand, 0–100
    felt: bool | None  # felt (True) or only observed (False); None when not said
    overwhelmed: bool  # above the window of tolerance


@dataclass(frozen=True)
class Found:
    key: str  # the person's or expectation's id; "" for the period as a whole
    count: int  # how many experiences it rests on
    of: int  # out of how many


def confirmed(outcome: Outcome) -> bool:
    """The feared outcome mostly happened, as feared or worse."""
    if outcome.occurred is None or outcome.likelihood is None:
        return False
    return outcome.occurred >= MOSTLY_HAPPENED and outcome.occurred >= outcome.likelihood


def keeps_being_confirmed(outcomes: Iterable[Outcome]) -> list[Found]:
    """People with whom the old expectation came true in most of at least AT_LEAST
    experiences."""
    by_person: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        if outcome.person is not None and outcome.occurred is not None:
            by_person[outcome.person].append(outcome)
    found = []
    for person, group in by_person.items():
        hits = sum(map(confirmed, group))
        if len(group) >= AT_LEAST and hits >= CONFIRMED_SHARE * len(group):
            found.append(Found(person, hits, len(group)))
    return sorted(found, key=lambda f: (-f.count, f.key))


@dataclass(frozen=True)
class Tests:
    """How many debriefed experiences tested an expectation, felt or observed alike."""

    expectation: str
    felt: bool | None  # None: the experiences did not say
    count: int


def tested_only_by_observing(tests: Iterable[Tests]) -> list[Found]:
    """Expectations with at least OBSERVED_AT_LEAST debriefed tests, every one of which was
    observed rather than felt (tests that do not say are left aside)."""
    observed: dict[str, int] = defaultdict(int)
    felt: set[str] = set()
    for test in tests:
        if test.felt is True and test.count:
            felt.add(test.expectation)
        elif test.felt is False:
            observed[test.expectation] += test.count
    found = [
        Found(key, count, count)
        for key, count in observed.items()
        if key not in felt and count >= OBSERVED_AT_LEAST
    ]
    return sorted(found, key=lambda f: (-f.count, f.key))


def often_overwhelmed(outcomes: Iterable[Outcome]) -> Found | None:
    """Experiences above the window of tolerance, when there were at least AT_LEAST."""
    all_of = list(outcomes)
    above = sum(outcome.overwhelmed for outcome in all_of)
    return Found("", above, len(all_of)) if above >= AT_LEAST else None
