"""What a practitioner sees of one person at a glance, gathered through earned.access.shared at
the moment of the request: the working model, recent experiences expected beside happened,
check-ins, measures with reliable change, ruptures and repairs, and the newest of every other
kind shared. Words are read under the person's key (the caller holds it while rendering)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch

from earned.access import shared
from earned.circles import readable, services
from earned.circles.models import Assignment, Circle
from earned.ledger import services as ledger
from earned.ledger.models import Expectation, Experience
from earned.measures import readings
from earned.measures.instruments import Instrument, available
from earned.measures.models import Response
from earned.practice.models import Attempt, Rehearsal
from earned.records.models import Owned
from earned.reflection.models import JournalEntry
from earned.relationships import services as relationships
from earned.relationships.models import Person, Repair, Rupture
from earned.rituals.models import CheckIn

RECENT_EXPERIENCES = 12
RECENT_CHECK_INS = 7
RECENT_RUPTURES = 8
SESSIONS_SHOWN = 12
# Shown as short lists of their newest entries, after the sections of their own above.
MORE_KINDS = (
    "journal_entries",
    "shifts",
    "dialogues",
    "imagery",
    "ladders",
    "attempts",
    "scripts",
    "people",
    "safety_plan",
)


@dataclass(frozen=True)
class Measured:
    instrument: Instrument
    times: int
    latest: str  # the latest score in words
    movement: readings.Movement | None  # since the first time, when the figures allow


def measures(circle: Circle) -> list[Measured]:
    """Each questionnaire the person shares answers to: the latest score, and whether it moved
    since the first time by more than measurement alone explains. Never a diagnosis."""
    taken: dict[str, list[Response]] = defaultdict(list)
    for response in shared(Response, circle).defer("note").order_by("-at"):
        taken[response.instrument].append(response)
    if not taken:
        return []
    instruments = available(circle.person)
    return [
        Measured(
            instrument,
            len(taken[key]),
            readings.score_words(instrument, taken[key][0]),
            readings.since_first(instrument, taken[key], told="practitioner"),
        )
        for key, instrument in instruments.items()
        if taken.get(key)
    ]


@dataclass(frozen=True)
class Outcome:
    """What the person made of a suggestion, as far as the circle shares it now."""

    entry: Owned | None  # the experience, entry, attempt, rehearsal or questionnaire taken
    experience: Experience | None = None  # its prediction and outcome, for a plan or an attempt
    words: str = ""  # a questionnaire's score in words


def outcomes(circle: Circle, assignments: list[Assignment]) -> list[tuple[Assignment, Outcome]]:
    """Each suggestion with what became of it (a query a kind)."""
    made_of = [each.entry_id for each in assignments if each.entry_id]
    made: dict[Any, Owned] = {}
    for model in (Experience, JournalEntry, Attempt, Rehearsal, Response):
        made.update(shared(model, circle).in_bulk(made_of))
    tried = [entry.experience_id for entry in made.values() if isinstance(entry, Attempt)]
    experiences = shared(Experience, circle).in_bulk(tried)
    scales = available(circle.person) if any(isinstance(e, Response) for e in made.values()) else {}
    found = []
    for each in assignments:
        entry = made.get(each.entry_id)
        if isinstance(entry, Experience):
            found.append((each, Outcome(entry, entry)))
        elif isinstance(entry, Attempt):
            found.append((each, Outcome(entry, experiences.get(entry.experience_id))))
        elif isinstance(entry, Response) and entry.instrument in scales:
            found.append(
                (each, Outcome(entry, words=readings.score_words(scales[entry.instrument], entry)))
            )
        else:
            found.append((each, Outcome(entry)))
    return found


def gather(circle: Circle) -> dict[str, Any]:
    """The overview's sections, each empty when nothing of its kind is shared now."""
    expectations = shared(Expectation, circle).filter(archived_at__isnull=True)
    latest = {summary.expectation.pk: summary for summary in ledger.working_model(circle.person)}
    assignments = list(services.assignments_in(circle))
    ruptures = list(
        shared(Rupture, circle)
        .select_related("person")
        .prefetch_related(Prefetch("repairs", queryset=shared(Repair, circle)))
        .order_by("-at")[:RECENT_RUPTURES]
    )
    named = set(shared(Person, circle).values_list("pk", flat=True))  # whose names are shared
    experiences = shared(Experience, circle).order_by("-happens_at")[:RECENT_EXPERIENCES]
    return {
        "expectations": [(each, latest.get(each.pk)) for each in expectations],
        "experiences": list(experiences),
        "check_ins": list(shared(CheckIn, circle).order_by("-at")[:RECENT_CHECK_INS]),
        "measures": measures(circle),
        "ruptures": [(each, each.person_id in named) for each in ruptures],
        "repair_markers": relationships.markers(ruptures),
        "more": readable.recent(circle, MORE_KINDS),
        "assignments": outcomes(circle, assignments),
        "sessions": list(services.sessions_in(circle)[:SESSIONS_SHOWN]),
    }
