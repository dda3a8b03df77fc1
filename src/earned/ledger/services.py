"""Every multi-step change to the working model and the ledger, shared by views, CLI and demo.

Callers pass records they fetched through earned.access, so everything here already belongs to
`owner`; the functions still check, because a link between two people's records must never be
made by mistake.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from earned.access import owned
from earned.accounts.models import User
from earned.core import belief
from earned.ledger.models import Emotion, Expectation, Experience, Owned, Rating, Tested
from earned.search import services as search


class NotYours(Exception):
    """A record of another person was passed in; nothing was written."""


def check_owner(owner: User, records: Iterable[Any]) -> None:
    if any(record.owner_id != owner.pk for record in records):
        raise NotYours("every record must belong to the same person")


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
    expectation = Expectation.objects.create(
        owner=owner,
        text=text,
        wound=wound,
        wound_own_word=wound_own_word or None,
        counterpart=counterpart,
        created_at=at,
    )
    rate(owner, expectation, feels_true=feels_true, think_true=think_true, at=at)
    search.index(expectation)
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
    check_owner(owner, [expectation, *([experience] if experience else [])])
    return Rating.objects.create(
        owner=owner,
        expectation=expectation,
        feels_true=feels_true,
        think_true=think_true,
        experience=experience,
        rated_at=at or timezone.now(),
    )


def active_expectations(owner: User) -> QuerySet[Expectation]:
    """The expectations a new experience may test: the person's own, not archived."""
    return owned(Expectation, owner).filter(archived_at__isnull=True)


def set_archived(expectation: Expectation, archived: bool) -> None:
    expectation.archived_at = timezone.now() if archived else None
    expectation.save(update_fields=["archived_at"])


# --- Experiences ------------------------------------------------------------------------------


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
    """Save a plan, a draft debrief or a finished one. A finished debrief is stamped once."""
    experience.owner = owner
    if finish:
        experience.status = Experience.Status.DONE
        experience.debriefed_at = experience.debriefed_at or timezone.now()
    experience.save()
    if expectations is not None:
        relink(owner, Tested, to="expectation", targets=expectations, experience=experience)
    if emotions is not None:
        experience.emotions.all().delete()
        for emotion in emotions:
            Emotion.objects.create(
                owner=owner,
                experience=experience,
                word=emotion.word,
                own_word=emotion.own_word or None,
                intensity=emotion.intensity,
            )
    search.index(experience)
    return experience


def relink(owner: User, link: Any, *, to: str, targets: Iterable[Owned], **record: Owned) -> None:
    """Link one record (`experience=…`, `entry=…`, `ladder=…`) to exactly these targets
    through its link model (Tested, JournalLink, LadderLink link to an `expectation`,
    JournalPerson to a `person`), keeping the links that stay and adding only the new ones."""
    targets = list(targets)
    check_owner(owner, [*targets, *record.values()])
    existing = link._default_manager.filter(**record)
    existing.exclude(**{f"{to}__in": targets}).delete()
    linked = set(existing.values_list(f"{to}_id", flat=True))
    link._default_manager.bulk_create(
        link(owner=owner, **{to: target}, **record) for target in targets if target.pk not in linked
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
def note_explained_away(experience: Experience, answer: str, how: str | None) -> None:
    """The answer to the gentle question whether a good outcome was explained away."""
    experience.explained_away = answer
    experience.explained_away_how = how or None
    experience.save(update_fields=["explained_away", "explained_away_how"])
    search.index(experience)


# --- What the evidence says -------------------------------------------------------------------

# An outcome this much better than feared invites the gentle question about explaining it away.
MUCH_BETTER_THAN_FEARED = 30


def asks_about_discounting(experience: Experience) -> bool:
    violation = experience.violation
    return (
        experience.status == Experience.Status.DONE
        and violation is not None
        and violation >= MUCH_BETTER_THAN_FEARED
        and not experience.explained_away
    )


def outcome(experience: Experience) -> belief.Outcome | None:
    """The experience as the belief model sees it, once it says how much happened."""
    if experience.status != Experience.Status.DONE or experience.occurred is None:
        return None
    return belief.Outcome(
        occurred=experience.occurred,
        felt=experience.felt,
        window=experience.window,
        explained_away=experience.explained_away,
    )


def evidence(expectation: Expectation, experiences: Iterable[Experience]) -> belief.Estimate:
    """The estimate for an expectation from its first rating and the given experiences (those
    that tested it), whatever order they come in."""
    ratings = list(expectation.ratings.all())
    prior = ratings[0].feels_true if ratings else 50
    outcomes = [found for found in map(outcome, experiences) if found is not None]
    return belief.estimate(prior, outcomes)


@dataclass(frozen=True)
class ExpectationSummary:
    expectation: Expectation
    latest: Rating | None
    estimate: belief.Estimate


def working_model(owner: User) -> list[ExpectationSummary]:
    """Every expectation of the person, newest first, with its latest rating and the evidence so
    far: three queries, however many there are."""
    done = Experience.objects.filter(status=Experience.Status.DONE)
    expectations = Expectation.objects.filter(owner=owner).prefetch_related(
        "ratings", Prefetch("tests", queryset=done)
    )
    summaries = []
    for expectation in expectations:
        ratings = list(expectation.ratings.all())
        summaries.append(
            ExpectationSummary(
                expectation,
                ratings[-1] if ratings else None,
                evidence(expectation, expectation.tests.all()),
            )
        )
    return summaries
