"""The map of triggers and safe zones: where each context or person sits, by how distressing
experiences there were at their peak and how often they went better than feared. Pure functions;
no Django. The quadrants are named gently and never rank the people in them.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from earned.core.belief import went_better_than_feared

# The lines between quadrants: the middle of the distress scale, and "half the time".
DISTRESS_MIDDLE = 50.0
BETTER_MIDDLE = 0.5

SAFE_ZONE = "safe-zone"
GROWING_EDGE = "growing-edge"
HARD_PLACE = "hard-place"
CLOSER_LOOK = "closer-look"

QUADRANTS = {
    SAFE_ZONE: (
        "Safe zones",
        "Calmer, and usually better than feared: places to rest and to practise from.",
    ),
    GROWING_EDGE: (
        "Growing edges",
        "Hard at the peak, yet often better than feared: the old expectation is being tested.",
    ),
    HARD_PLACE: (
        "Hard places",
        "Distressing, and rarely better than feared. Go gently; smaller steps and support help.",
    ),
    CLOSER_LOOK: (
        "Worth a closer look",
        "Not so distressing, but rarely better than feared: what keeps happening here?",
    ),
}


@dataclass(frozen=True)
class Visit:
    """One debriefed experience, as the map needs it."""

    place: str  # a context key or a person's id: what the caller groups by
    peak_distress: int | None
    violation: int | None  # expected minus happened; positive when better than feared


@dataclass(frozen=True)
class Place:
    key: str
    count: int
    distress: float  # mean peak distress, 0–100
    better: float  # share of experiences that went better than feared, 0–1
    quadrant: str


def quadrant(distress: float, better: float) -> str:
    calm = distress < DISTRESS_MIDDLE
    often_better = better >= BETTER_MIDDLE
    if calm:
        return SAFE_ZONE if often_better else CLOSER_LOOK
    return GROWING_EDGE if often_better else HARD_PLACE


def places(visits: Iterable[Visit]) -> list[Place]:
    """One point per place that has at least one experience with both a peak distress and an
    outcome; most visited first. Experiences missing either are left out of the map."""
    grouped: dict[str, list[Visit]] = defaultdict(list)
    for visit in visits:
        if visit.peak_distress is not None and visit.violation is not None:
            grouped[visit.place].append(visit)
    found = []
    for key, group in grouped.items():
        distress = statistics.fmean(v.peak_distress or 0 for v in group)
        better = sum(went_better_than_feared(v.violation) for v in group) / len(group)
        found.append(Place(key, len(group), distress, better, quadrant(distress, better)))
    return sorted(found, key=lambda place: (-place.count, place.key))
