"""Every multi-step change to the working model and the ledger, shared by views, CLI and demo.

Callers pass records they fetched through earned.access, so everything here already belongs to
`owner`; the functions still check, because a link between two people's records must never be
made by mistake.
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from django.db import transaction
from django.db.models import Count, QuerySet, Sum
from django.utils import timezone

from earned.access import owned
from earned.accounts.models import User
from earned.core import belief
from earned.ledger.models import Emotion, Expectation, Experience, Rating, Tested
from earned.records import saving as records

# --- Expectations -----------------------------------------------------------------------------


@transaction.atomic
def add_expectation(
    owner: User,
    text: str,
    *,
    feels_true: int,
    think_true: int,
    wound: str = "",
    wound_own_word: str | None = None,
    counterpart: str = "",
    at: datetime.datetime | None = None,
) -> Expectation:
    """A new old expectation, with its first rating (the belief model's starting point)."""
    at = at or timezone.now()
    expectation = Expectation(
        text=text,
        wound=wound,
        wound_own_word=wound_own_word or None,
        counterpart=counterpart,
        created_at=at,
    )
    records.save(owner, expectation)
    rate(owner, expectation, feels_true=feels_true, think_true=think_true, at=at)
    return expectation


def rate(
    owner: User,
    expectation: Expectation,
    *,
    feels_true: int,
    think_true: int,
    experience: Experience | None = None,
    at: datetime.datetime | None = None,
) -> Rating:
    rating = Rating(
        expectation=expectation,
        feels_true=feels_true,
        think_true=think_true,
        experience=experience,
        rated_at=at or timezone.now(),
    )
    return records.save(owner, rating).record


def active_expectations(owner: User) -> QuerySet[Expectation]:
    """The expectations a new experience may test: the person's own, not archived."""
    return owned(Expectation, owner).filter(archived_at__isnull=True)


# --- Experiences ------------------------------------------------------------------------------


def due_to_debrief(owner: User) -> QuerySet[Experience]:
    """Experiences whose time has come and whose debrief is not finished, soonest first: the
    rule of `Experience.is_due`, asked of the database."""
    return (
        owned(Experience, owner)
        .exclude(status=Experience.Status.DONE)
        .filter(happens_at__lte=timezone.now())
        .order_by("happens_at")
    )


@dataclass(frozen=True)
class NamedEmotion:
    word: str  # a key of choices.EMOTIONS, or "" for the person's own word
    own_word: str
    intensity: int


@transaction.atomic
def save_experience(
    owner: User,
    experience: Experience,
    *,
    expectations: Sequence[Expectation] | None = None,
    emotions: Sequence[NamedEmotion] | None = None,
    finish: bool = False,
) -> Experience:
    """Save a plan, a draft debrief or a finished one. A finished debrief says what happened
    and how much of it (a ValidationError says which is missing), and is stamped once."""
    if finish:
        experience.check_finished()
        experience.status = Experience.Status.DONE
        experience.debriefed_at = experience.debriefed_at or timezone.now()
    links = [records.Links(Tested, "expectation", expectations)] if expectations is not None else []
    rows = (
        [
            records.Rows(
                "emotions",
                [
                    Emotion(
                        word=each.word, own_word=each.own_word or None, intensity=each.intensity
                    )
                    for each in emotions
                ],
            )
        ]
        if emotions is not None
        else []
    )
    return records.save(owner, experience, links=links, rows=rows).record


@transaction.atomic
def log_experience(
    owner: User,
    experience: Experience,
    *,
    expectations: Sequence[Expectation],
    emotions: Sequence[NamedEmotion],
    finish: bool,
) -> Experience:
    """A past experience told in one go — the prediction as it was, and what happened — from
    the browser's "log a past one" or `earned log`. Its time must have come."""
    experience.check_has_happened()
    experience.status = Experience.Status.DRAFT
    return save_experience(
        owner, experience, expectations=expectations, emotions=emotions, finish=finish
    )


@transaction.atomic
def save_debrief(
    owner: User, experience: Experience, *, emotions: Sequence[NamedEmotion], finish: bool
) -> Experience:
    """What happened, from the debrief page of the ledger or of a ladder's attempt: a planned
    experience becomes a draft until it is finished."""
    if experience.status == Experience.Status.PLANNED:
        experience.status = Experience.Status.DRAFT
    return save_experience(owner, experience, emotions=emotions, finish=finish)


@transaction.atomic
def note_explained_away(owner: User, experience: Experience, answer: str, how: str | None) -> None:
    """The answer to the gentle question whether a good outcome was explained away."""
    experience.explained_away = answer
    experience.explained_away_how = how or None
    records.save(owner, experience, update_fields=["explained_away", "explained_away_how"])


# --- What the evidence says -------------------------------------------------------------------


def asks_about_discounting(experience: Experience) -> bool:
    return (
        experience.status == Experience.Status.DONE
        and belief.went_much_better_than_feared(experience.violation)
        and not experience.explained_away
    )


def outcome(experience: Experience) -> belief.Outcome | None:
    """The experience as the belief model sees it, once it says how much happened."""
    return _outcome(
        experience.status,
        experience.occurred,
        experience.felt,
        experience.window,
        experience.explained_away,
    )


def _outcome(
    status: str, occurred: int | None, felt: bool | None, window: str, explained_away: str
) -> belief.Outcome | None:
    if status != Experience.Status.DONE or occurred is None:
        return None
    return belief.Outcome(
        occurred=occurred, felt=felt, window=window, explained_away=explained_away
    )


class Linked(NamedTuple):
    """An experience that tests an expectation, as much of it as the expectation's page needs."""

    id: uuid.UUID
    happens_at: datetime.datetime
    likelihood: int | None
    outcome: belief.Outcome | None  # None until it is debriefed


def linked(user: User, expectation: Expectation) -> list[Linked]:
    """Every experience that tests the expectation, newest first (as the ledger lists them), read
    through the links, never the rows' encrypted text: at ten years, 5,500 of them in 40 ms,
    where whole experiences took 200."""
    found = (
        owned(Tested, user)
        .filter(expectation=expectation)
        .order_by("-experience__happens_at", "-experience__created_at")
        .values_list(
            "experience_id",
            "experience__happens_at",
            "experience__likelihood",
            "experience__status",
            "experience__occurred",
            "experience__felt",
            "experience__window",
            "experience__explained_away",
        )
    )
    return [Linked(id, at, likely, _outcome(*rest)) for id, at, likely, *rest in found]


@dataclass(frozen=True)
class ExpectationSummary:
    expectation: Expectation
    latest: Rating | None
    estimate: belief.Estimate


def tallied(tested: QuerySet[Tested], **by: Any) -> QuerySet[Tested, tuple[Any, ...]]:
    """Finished experiences' tests grouped by expectation and by how they are taken in (and by
    the expressions `by`, in their order): each group's rows are those columns, then its count
    and how much of the feared outcome happened, summed — a `belief.Tally` each."""
    return (
        tested.filter(experience__status=Experience.Status.DONE)
        .annotate(**by)
        .values_list(
            "expectation_id", "experience__felt", "experience__window",
            "experience__explained_away", *by,
        )
        .annotate(count=Count("id"), occurred=Sum("experience__occurred"))
        .order_by()
    )  # fmt: skip


def tallies_by_expectation(tested: QuerySet[Tested]) -> dict[Any, list[belief.Tally]]:
    """The finished experiences that tested each expectation, added up by the database by how
    they are taken in (`belief.Tally`): ten years of tests cost one query and a few rows."""
    tallies: dict[Any, list[belief.Tally]] = defaultdict(list)
    for expectation_id, felt, window, explained_away, count, occurred in tallied(
        tested.filter(experience__occurred__isnull=False)
    ):
        tallies[expectation_id].append(belief.Tally(felt, window, explained_away, count, occurred))
    return tallies


def working_model(owner: User) -> list[ExpectationSummary]:
    """Every expectation of the person, newest first, with its latest rating and the evidence so
    far: three queries, however many there are."""
    expectations = owned(Expectation, owner).prefetch_related("ratings")
    tallies = tallies_by_expectation(owned(Tested, owner))
    summaries = []
    for expectation in expectations:
        ratings = list(expectation.ratings.all())
        prior = ratings[0].feels_true if ratings else 50
        summaries.append(
            ExpectationSummary(
                expectation,
                ratings[-1] if ratings else None,
                belief.estimate_from_tallies(prior, tallies[expectation.pk]),
            )
        )
    return summaries
