"""Scoring questionnaires, and whether a change between two scores is reliable. Pure functions;
no Django. An instrument's scoring rules are facts and are written here as data (`Rules`); its
item wording is never shipped — a person or clinic imports it (issue 9). Scores describe; they
never diagnose, and bands are named neutrally by whoever defines them.

The rules of particular instruments, from their published sources, are in `core.instruments`.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Method = Literal["sum", "mean"]

# |RCI| above this is a change unlikely (p < .05) to come from measurement error alone.
RELIABLE = 1.96


@dataclass(frozen=True)
class Subscale:
    key: str
    items: tuple[int, ...]  # item numbers, from 1
    method: Method = "sum"
    # Some authors report a subscale in its own direction (e.g. self-judgement: higher means more)
    # and reverse its items only for the total; such a subscale takes the answers as given.
    as_answered: bool = False


@dataclass(frozen=True)
class Band:
    low: float  # inclusive
    high: float  # inclusive
    label: str  # neutral words, e.g. "mild"


@dataclass(frozen=True)
class Rules:
    """How an instrument is scored."""

    items: int
    low: int  # the answer scale, e.g. 0–3
    high: int
    method: Method = "sum"
    reverse: frozenset[int] = frozenset()  # items keyed the other way
    subscales: tuple[Subscale, ...] = ()
    most_missing: int = 0  # unanswered items allowed; the total is then prorated
    bands: tuple[Band, ...] = ()
    reliability: float | None = None  # for reliable change: the published reliability…
    norm_sd: float | None = None  # …and standard deviation
    risk_items: frozenset[int] = frozenset()  # an answer above `low` calls for the safety notice
    has_total: bool = True  # False where only the subscales are scores (e.g. ECR-RS)

    @property
    def lowest_total(self) -> float:
        return self.low * (1 if self.method == "mean" else self.items)

    @property
    def highest_total(self) -> float:
        return self.high * (1 if self.method == "mean" else self.items)


@dataclass(frozen=True)
class Score:
    total: float | None  # None where the instrument has no total
    subscales: dict[str, float] = field(default_factory=dict)
    answered: int = 0
    prorated: bool = False  # some items were unanswered and the total was scaled up for them


class Unscorable(ValueError):
    """Too many items unanswered, or an answer outside the scale: said in plain words."""


def keyed(rules: Rules, item: int, answer: int) -> int:
    """An answer as it counts: reversed items turned round on the scale."""
    return rules.low + rules.high - answer if item in rules.reverse else answer


def _combine(values: list[int], expected: int, method: Method) -> tuple[float, bool]:
    if method == "mean":
        return statistics.fmean(values), len(values) < expected
    if len(values) < expected:  # prorated: the mean of the answered items, for every item
        return statistics.fmean(values) * expected, True
    return float(sum(values)), False


def score(rules: Rules, answers: Mapping[int, int | None]) -> Score:
    """The total (and subscales) of one filling-in. Items are numbered from 1."""
    for item, answer in answers.items():
        if not 1 <= item <= rules.items:
            raise Unscorable(f"There is no item {item}; this questionnaire has {rules.items}.")
        if answer is not None and not rules.low <= answer <= rules.high:
            raise Unscorable(f"Item {item} must be from {rules.low} to {rules.high}.")
    answered = {item: a for item, a in answers.items() if a is not None}
    given = {item: keyed(rules, item, a) for item, a in answered.items()}
    missing = rules.items - len(given)
    if missing > rules.most_missing:
        raise Unscorable(
            f"{missing} of {rules.items} items are unanswered; at most {rules.most_missing} "
            "may be left out for a score."
        )
    total, prorated = _combine(list(given.values()), rules.items, rules.method)
    subscales = {}
    for sub in rules.subscales:
        source = answered if sub.as_answered else given
        values = [source[item] for item in sub.items if item in source]
        if values:
            subscales[sub.key] = _combine(values, len(sub.items), sub.method)[0]
    return Score(total if rules.has_total else None, subscales, len(given), prorated)


def band(rules: Rules, total: float) -> str | None:
    for each in rules.bands:
        if each.low <= total <= each.high:
            return each.label
    return None


def asks_for_safety(rules: Rules, answers: Mapping[int, int | None]) -> bool:
    """Whether a risk item was answered above the scale's lowest point."""
    return any((answers.get(item) or rules.low) > rules.low for item in rules.risk_items)


@dataclass(frozen=True)
class Change:
    index: float  # the reliable change index: the change in units of measurement error
    reliable: bool

    @property
    def direction(self) -> int:
        """+1 up, −1 down, 0 within measurement error."""
        return 0 if not self.reliable else (1 if self.index > 0 else -1)


def reliable_change(before: float, after: float, sd: float, reliability: float) -> Change:
    """Jacobson & Truax (1991): RCI = (after − before) / S_diff, where S_diff = √2 · SE and
    SE = SD · √(1 − reliability). Reliable when |RCI| > 1.96."""
    if sd <= 0 or not 0 <= reliability < 1:
        raise ValueError("needs a positive SD and a reliability from 0 up to (not including) 1")
    s_diff = math.sqrt(2) * sd * math.sqrt(1 - reliability)
    index = (after - before) / s_diff
    return Change(index, abs(index) > RELIABLE)


def smallest_reliable_change(sd: float, reliability: float) -> float:
    """How far a score must move to count as a reliable change."""
    return RELIABLE * math.sqrt(2) * sd * math.sqrt(1 - reliability)
