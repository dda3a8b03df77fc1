"""Practice through the API, by earned/practice/services.py: a ladder (with the expectations it
works on), a step added to one, an attempt at a step (planned in the ledger, its moment noted,
its lessons kept — its debrief is its experience's), a script, and a rehearsal of it."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from ninja import Status
from pydantic import Field

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.accounts.models import User
from earned.api.ledger import PLAN_FIELDS
from earned.api.records import all_yours, apply, input_schema, router, schema_of, shown
from earned.api.scopes import need
from earned.api.types import Moment
from earned.api.writing import add_writes, as_given
from earned.ledger.models import Expectation, Experience
from earned.practice import services as practice
from earned.practice.models import Attempt, Ladder, Rehearsal, Script, Step
from earned.records.models import Category


def _ladder(owner: User, ladder: Ladder, extra: dict[str, Any]) -> Any:
    """Saved with the expectations sent, or — when none are sent — those it had."""
    wanted = extra.get("expectations")
    if wanted is None:
        about = [] if ladder._state.adding else list(ladder.expectations.all())
    else:
        about = all_yours(Expectation, owner, wanted, "expectation")
    return practice.save_ladder(owner, ladder, about)


def _step(owner: User, step: Step, extra: dict[str, Any]) -> Any:
    if step._state.adding:  # at the end of its ladder (or in its place, if kept sorted)
        return practice.add_step(owner, step.ladder, step)
    return practice.save_step(owner, step)


def add() -> None:
    expectations = {"expectations": (list[uuid.UUID] | None, Field(
        None, description="The ids of the expectations it works on (all of them, each time)."
    ))}  # fmt: skip
    add_writes(Ladder, ("goal", "value", "keep_sorted"), ("goal",), _ladder, extra=expectations,
               what="Build a ladder: a goal, climbed in small steps")  # fmt: skip
    add_writes(Step, ("ladder", "description", "expected_distress"),
               ("ladder", "description", "expected_distress"), _step,
               what="Add a step to one of your ladders")  # fmt: skip
    add_writes(
        Script,
        ("situation", "title", "when_it_fits", "opening", "feeling", "request", "if_badly"),
        ("situation", "title"), as_given(practice.save_script), what="Write a script",
    )  # fmt: skip
    add_writes(Rehearsal, ("script", "at", "mode", "confidence_before", "confidence_after",
                           "note"), ("script",), as_given(practice.save_rehearsal),
               what="Note a rehearsal of one of your scripts")  # fmt: skip


# --- Attempts ----------------------------------------------------------------------------------

AttemptPlan = input_schema(Experience, "AttemptPlan", PLAN_FIELDS)
MOMENT = ("distress_now", "doing_now")
AttemptChange = input_schema(Attempt, "AttemptChange", ("coping_plan", *MOMENT, "to_repeat",
                                                       "to_adjust"))  # fmt: skip


class AttemptIn(AttemptPlan):  # type: ignore[misc, valid-type]
    step: uuid.UUID = Field(..., description="The step you will try.")
    happens_at: Moment = Field(..., description="When you will try it.")
    coping_plan: str | None = Field(None, description="If it gets hard, what you will do.")
    expectations: list[uuid.UUID] | None = Field(
        None, description="The ids of the expectations it tests (the ladder's, unless sent)."
    )


@router.post("/attempts", response={201: schema_of("attempts")}, tags=["attempts"],
             summary="Plan an attempt at a step", operation_id="create_attempts")  # fmt: skip
def plan_attempt(request: HttpRequest, sent: AttemptIn) -> Status[dict[str, Any]]:
    need(request, Category.PRACTICE, write=True)
    need(request, Category.EXPERIENCES, write=True)  # its prediction is planned in the ledger
    user = signed_in_user(request)
    step = get_owned_or_404(owned(Step, user).select_related("ladder"), user, pk=sent.step)
    data = sent.model_dump(exclude_unset=True, include=set(PLAN_FIELDS))
    # As on the step's page: its words and expected distress, unless the plan says otherwise.
    experience = Experience(situation=step.description, expected_distress=step.expected_distress)
    apply(user, experience, {key: value for key, value in data.items() if value is not None})
    tested = (
        list(step.ladder.expectations.all())
        if sent.expectations is None
        else all_yours(Expectation, user, sent.expectations, "expectation")
    )
    with transaction.atomic():
        made = practice.plan_attempt(
            user, step, experience, expectations=tested, coping_plan=sent.coping_plan
        )
    return Status(201, shown(made))


@router.patch("/attempts/{record_id}", response=schema_of("attempts"), tags=["attempts"],
              summary="Note the moment of an attempt, or what you learned from it",
              operation_id="update_attempts")  # fmt: skip
def change_attempt(
    request: HttpRequest,
    record_id: uuid.UUID,
    sent: AttemptChange,  # type: ignore[valid-type]
) -> dict[str, Any]:
    need(request, Category.PRACTICE, write=True)
    user = signed_in_user(request)
    attempt = get_owned_or_404(Attempt, user, pk=record_id)
    data = sent.model_dump(exclude_unset=True)  # type: ignore[attr-defined]
    moment = {key: data.pop(key) for key in MOMENT if key in data}
    with transaction.atomic():
        apply(user, attempt, data)
        if moment:  # noted now, as "In the moment" does
            practice.note_moment(
                user, attempt, moment.get("distress_now", attempt.distress_now),
                moment.get("doing_now", attempt.doing_now) or "",
            )  # fmt: skip
        else:
            practice.save_attempt(user, attempt)
    return shown(attempt)
