"""What the insights pages and the report show beyond the markers (earned/insights/markers.py):
the map of contexts and people, the patterns worth a look, and everything for one page."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from earned.access import owned
from earned.accounts.models import User
from earned.core import mapping, patterns
from earned.insights.gathering import Belief, Period, Records, records, working_model
from earned.insights.markers import Marker, markers
from earned.ledger.choices import Context
from earned.ledger.models import Expectation
from earned.relationships.models import Person

# --- The map ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mapped:
    place: mapping.Place
    name: str
    url: str
    kind: str  # "context" or "person"


def place_map(owner: User, found: Records) -> list[Mapped]:
    """Contexts and people, each placed by its experiences of the period."""
    names = _names(owner, {e.person for e in found.experiences if e.person})
    by_context = mapping.places(
        mapping.Visit(e.context, e.peak_distress, e.violation)
        for e in found.experiences
        if e.context
    )
    by_person = mapping.places(
        mapping.Visit(e.person, e.peak_distress, e.violation)
        for e in found.experiences
        if e.person and e.person in names
    )
    labels = dict(Context.choices)
    ledger = reverse("ledger:ledger")
    return [
        Mapped(
            place, str(labels.get(place.key, place.key)), f"{ledger}?context={place.key}", "context"
        )
        for place in by_context
    ] + [
        Mapped(place, names[place.key], reverse("relationships:person", args=[place.key]), "person")
        for place in by_person
    ]


def _names(owner: User, ids: set[str]) -> dict[str, str]:
    """People's names (decrypted: only the few the period names)."""
    return {
        str(person.pk): str(person.name)
        for person in owned(Person, owner).filter(pk__in=ids).only("id", "owner_id", "name")
    }


# --- Patterns ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    title: str
    body: str
    prompt: str
    link: str
    link_text: str


def found_patterns(owner: User, found: Records) -> list[Pattern]:
    outcomes = [
        patterns.Outcome(
            e.person, e.occurred, e.likelihood, e.felt, e.window == "above",
        )
        for e in found.experiences
    ]  # fmt: skip
    people = _names(owner, {o.person for o in outcomes if o.person})
    observed_only = patterns.tested_only_by_observing(found.tests)
    expectations = {
        str(e.pk): e
        for e in owned(Expectation, owner).filter(pk__in={hit.key for hit in observed_only})
    }
    result = []
    for hit in patterns.keeps_being_confirmed(outcomes):
        if hit.key not in people:
            continue
        result.append(
            Pattern(
                f"With {people[hit.key]}, the old expectation keeps coming true",
                f"In {hit.count} of {hit.of} experiences with them, what you feared mostly "
                "happened.",
                "Is this a relationship to protect yourself in, or one where something could "
                "change? That can be worth thinking through with your therapist.",
                reverse("relationships:person", args=[hit.key]),
                f"Look at {people[hit.key]}’s page",
            )
        )
    for hit in observed_only:
        expectation = expectations.get(hit.key)
        if expectation is None:
            continue
        result.append(
            Pattern(
                f"“{_short(str(expectation.text))}” has only been watched from the outside",
                f"Its {hit.count} tests were all observed rather than felt.",
                "Feelings often move most after an experience you were fully in. A small, felt "
                "step might teach the feeling something new — perhaps one to plan together.",
                expectation.get_absolute_url(),
                "Look at this expectation",
            )
        )
    overwhelmed = patterns.often_overwhelmed(outcomes)
    if overwhelmed is not None:
        ledger = reverse("ledger:ledger")
        result.append(
            Pattern(
                "Several experiences went past what you could bear",
                f"{overwhelmed.count} of {overwhelmed.of} debriefed experiences in this period "
                "were above your window of tolerance.",
                "Steps can be smaller, and support can come first. This is a good thing to bring "
                "to therapy.",
                f"{ledger}?window=above&since={found.period.first}&until={found.period.last}",
                "See those experiences",
            )
        )
    return result


def _short(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


# --- Everything for one page -----------------------------------------------------------------


@dataclass
class Insights:
    period: Period
    beliefs: list[Belief]
    markers: list[Marker]
    patterns: list[Pattern]
    debriefed: int


def insights(owner: User, chosen: Period) -> Insights:
    found = records(owner, chosen)
    return Insights(
        chosen, working_model(owner, tallies=found.tallies), markers(found),
        found_patterns(owner, found),
        len(found.experiences),
    )  # fmt: skip
