"""Every change to practice, shared by views, CLI and demo. An attempt's prediction and outcome
are saved through the ledger's own service, so the ledger, the evidence and search see it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from earned.access import owned
from earned.accounts.models import User
from earned.core import pacing
from earned.ledger import services as ledger
from earned.ledger.models import Expectation, Experience
from earned.practice.library import STARTERS_BY_KEY
from earned.practice.models import Attempt, Ladder, LadderLink, Rehearsal, Script, Step
from earned.records import saving as records

# --- Ladders and steps ------------------------------------------------------------------------


def ladders(owner: User, *, archived: bool | None = False) -> QuerySet[Ladder]:
    """The person's ladders (in use, put away, or with None both) with their steps and their
    attempts' outcomes: a fixed number of queries, however many there are."""
    # In the order they happened; two at the same moment, in the order they were planned.
    attempts = Attempt.objects.select_related("experience").order_by(
        "experience__happens_at", "created_at"
    )
    found = owned(Ladder, owner).prefetch_related(
        Prefetch("steps__attempts", queryset=attempts), "expectations"
    )
    return found if archived is None else found.filter(archived_at__isnull=not archived)


def save_ladder(owner: User, ladder: Ladder, expectations: Iterable[Expectation] = ()) -> Ladder:
    links = [records.Links(LadderLink, "expectation", list(expectations))]
    return records.save(owner, ladder, links=links).record


@transaction.atomic
def add_step(owner: User, ladder: Ladder, step: Step, *, below: Step | None = None) -> Step:
    """Add a step at the end, or just below another one (a smaller step before it). Below
    another step in a ladder kept in the person's own order, the later steps move up one."""
    records.check_owner(owner, [ladder, *([below] if below else [])])
    step.ladder = ladder
    if below is not None and not ladder.keep_sorted:
        order = ladder.ordered_steps()
        at = order.index(below)
        _number(owner, [*order[:at], step, *order[at:]])
    else:
        step.position = max((each.position for each in ladder.steps.all()), default=-1) + 1
        records.save(owner, step)
    return step


def save_step(owner: User, step: Step) -> Step:
    return records.save(owner, step).record


def delete_step(owner: User, step: Step) -> None:
    """Delete a step and its attempts' practice notes; their experiences stay in the ledger."""
    records.delete(owner, step)


def _number(owner: User, steps: Sequence[Step]) -> None:
    for position, step in enumerate(steps):
        step.position = position
        records.save(owner, step, update_fields=None if step._state.adding else ["position"])


@transaction.atomic
def move_step(owner: User, step: Step, by: int) -> None:
    """Move a step up (-1) or down (+1) among the others. The person's order then holds: the
    ladder is no longer kept sorted by expected distress."""
    ladder = step.ladder
    records.check_owner(owner, [ladder])
    order = ladder.ordered_steps()
    at = next(index for index, each in enumerate(order) if each.pk == step.pk)
    to = max(0, min(len(order) - 1, at + by))
    order.insert(to, order.pop(at))
    _number(owner, order)
    if ladder.keep_sorted:
        ladder.keep_sorted = False
        records.save(owner, ladder, update_fields=["keep_sorted"])


@transaction.atomic
def arrange(owner: User, ladder: Ladder, step_ids: Sequence[str]) -> None:
    """Put the steps in the order given (as dragged); any step not named keeps its place after
    them. The ladder then keeps the person's order."""
    records.check_owner(owner, [ladder])
    order = ladder.ordered_steps()
    wanted = {str(step.pk): step for step in order}
    named = [wanted[step_id] for step_id in dict.fromkeys(step_ids) if step_id in wanted]
    _number(owner, [*named, *(step for step in order if step not in named)])
    ladder.keep_sorted = False
    records.save(owner, ladder, update_fields=["keep_sorted"])


def sort_by_distress(owner: User, ladder: Ladder) -> None:
    ladder.keep_sorted = True
    records.save(owner, ladder, update_fields=["keep_sorted"])


def climb(owner: User, step: Step, climbed: bool = True) -> None:
    """Mark a step as climbed (the next one becomes current), or take that back."""
    step.climbed_at = timezone.now() if climbed else None
    records.save(owner, step, update_fields=["climbed_at"])


# --- Attempts ---------------------------------------------------------------------------------


def outcome(attempt: Attempt) -> pacing.Attempt | None:
    """A finished attempt as the pacing rules see it; None while it is planned or a draft."""
    experience = attempt.experience
    if experience.status != Experience.Status.DONE:
        return None
    return pacing.Attempt(
        likelihood=experience.likelihood,
        occurred=experience.occurred,
        peak_distress=experience.peak_distress,
        window=experience.window,
    )


def suggestion(step: Step) -> pacing.Suggestion:
    """What to do next at a step, from its finished attempts (prefetch its attempts with their
    experiences, in the order they happened)."""
    finished = [found for found in map(outcome, step.attempts.all()) if found is not None]
    return pacing.suggest(finished)


@transaction.atomic
def plan_attempt(
    owner: User,
    step: Step,
    experience: Experience,
    *,
    expectations: Sequence[Expectation],
    coping_plan: str | None = None,
) -> Attempt:
    """An attempt at a step: its experience is planned in the ledger (testing, usually, the
    ladder's expectations), and the attempt keeps the coping plan."""
    records.check_owner(owner, [step])
    experience.status = Experience.Status.PLANNED
    ledger.save_experience(owner, experience, expectations=expectations)
    attempt = Attempt(step=step, experience=experience, coping_plan=coping_plan or None)
    return records.save(owner, attempt).record


def save_attempt(owner: User, attempt: Attempt) -> Attempt:
    """The attempt's own notes: its coping plan, the moment, what to repeat and adjust."""
    return records.save(owner, attempt).record


@transaction.atomic
def note_moment(owner: User, attempt: Attempt, distress_now: int | None, doing_now: str) -> None:
    attempt.distress_now = distress_now
    attempt.doing_now = doing_now or None
    attempt.moment_at = timezone.now()
    save_attempt(owner, attempt)


# --- Scripts and rehearsals -------------------------------------------------------------------


def save_script(owner: User, script: Script) -> Script:
    return records.save(owner, script).record


def copy_starter(owner: User, key: str) -> Script:
    """One of our starter scripts, copied to be the person's own."""
    starter = STARTERS_BY_KEY[key]
    return save_script(
        owner,
        Script(
            situation=starter.situation, title=starter.title, when_it_fits=starter.when_it_fits,
            opening=starter.opening, feeling=starter.feeling, request=starter.request,
            if_badly=starter.if_badly, starter=starter.key,
        ),
    )  # fmt: skip


def script_from_starter(owner: User, key: str) -> Script:
    """The person's own script copied from a starter — the newest, if they made it theirs
    already — or a fresh copy."""
    made = owned(Script, owner).filter(starter=key).order_by("-created_at").first()
    return made if made is not None else copy_starter(owner, key)


def save_rehearsal(owner: User, rehearsal: Rehearsal) -> Rehearsal:
    return records.save(owner, rehearsal).record


@dataclass(frozen=True)
class Progress:
    """A ladder in a line: how far up, and what comes next."""

    ladder: Ladder
    steps: list[Step]
    climbed: int
    current: Step | None
    suggestion: pacing.Suggestion | None
    waiting: Attempt | None  # an attempt at the current step planned or half-debriefed


def progress(ladder: Ladder) -> Progress:
    steps = ladder.ordered_steps()
    current = next((step for step in steps if step.climbed_at is None), None)
    waiting = None
    if current is not None:
        waiting = next((each for each in current.attempts.all() if outcome(each) is None), None)
    return Progress(
        ladder,
        steps,
        sum(step.climbed_at is not None for step in steps),
        current,
        suggestion(current) if current is not None else None,
        waiting,
    )
