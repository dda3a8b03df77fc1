"""Writing the working model and the ledger through the API, by the services the pages and the
terminal use (earned/ledger/services.py): an expectation with its first rating, a new rating, an
experience planned ahead or logged after, and the debrief that finishes it."""

from __future__ import annotations

import uuid
from typing import Any

from django.db import transaction
from django.http import HttpRequest
from ninja import Status
from pydantic import BaseModel, Field

from earned.access import get_owned_or_404, signed_in_user
from earned.api.records import all_yours, apply, input_schema, router, schema_of, shown
from earned.api.scopes import need
from earned.api.types import Moment, Whole, YesNo
from earned.ledger import services as ledger
from earned.ledger.models import Expectation, Experience, still_to_come
from earned.records import saving
from earned.records.models import LINE_LIMIT, Category

# --- Expectations ------------------------------------------------------------------------------

EXPECTATION_FIELDS = ("text", "wound", "wound_own_word", "counterpart")
ExpectationChange = input_schema(Expectation, "ExpectationChange", EXPECTATION_FIELDS)


class RatingIn(BaseModel):
    feels_true: Whole = Field(..., ge=0, le=100, description="How true it feels, 0 to 100.")
    think_true: Whole = Field(..., ge=0, le=100, description="How true you think it is.")


class ExpectationIn(ExpectationChange, RatingIn):  # type: ignore[misc, valid-type]
    # Its length is the record's own rule, said in its words (records.models.LINE_LIMIT).
    text: str = Field(..., min_length=1, description=f"At most {LINE_LIMIT} characters.")


@router.post(
    "/expectations",
    response={201: schema_of("expectations")},
    summary="Name an old expectation",
    tags=["expectations"],
    operation_id="create_expectations",
)
def add_expectation(request: HttpRequest, sent: ExpectationIn) -> Status[dict[str, Any]]:
    need(request, Category.EXPECTATIONS, write=True)
    made = ledger.add_expectation(
        signed_in_user(request), sent.text, feels_true=sent.feels_true,
        think_true=sent.think_true, wound=sent.wound or "", wound_own_word=sent.wound_own_word,
        counterpart=sent.counterpart or "",
    )  # fmt: skip
    return Status(201, shown(made))


@router.patch(
    "/expectations/{record_id}",
    response=schema_of("expectations"),
    summary="Change an expectation",
    tags=["expectations"],
    operation_id="update_expectations",
)
def change_expectation(
    request: HttpRequest,
    record_id: uuid.UUID,
    sent: ExpectationChange,  # type: ignore[valid-type]
) -> dict[str, Any]:
    need(request, Category.EXPECTATIONS, write=True)
    user = signed_in_user(request)
    expectation = get_owned_or_404(Expectation, user, pk=record_id)
    apply(user, expectation, sent.model_dump(exclude_unset=True))  # type: ignore[attr-defined]
    saving.save(user, expectation)
    return shown(expectation)


@router.post(
    "/expectations/{record_id}/ratings",
    response={201: schema_of("ratings")},
    summary="Rate an expectation again",
    tags=["expectations"],
    operation_id="rate_expectations",
)
def rate(request: HttpRequest, record_id: uuid.UUID, sent: RatingIn) -> Status[dict[str, Any]]:
    need(request, Category.EXPECTATIONS, write=True)
    user = signed_in_user(request)
    expectation = get_owned_or_404(Expectation, user, pk=record_id)
    rating = ledger.rate(user, expectation, feels_true=sent.feels_true, think_true=sent.think_true)
    return Status(201, shown(rating))


# --- Experiences -------------------------------------------------------------------------------

PLAN_FIELDS = (
    "situation", "happens_at", "context", "who", "person", "feared", "likelihood",
    "expected_distress", "safety_behaviours", "support",
)  # fmt: skip
DEBRIEF_FIELDS = (
    "happened", "occurred", "peak_distress", "window", "felt", "body_place", "body_sensation",
    "responses", "helped", "hindered", "explained_away", "explained_away_how", "learned",
    "next_action",
)  # fmt: skip
ExperienceFields = input_schema(Experience, "ExperienceFields", PLAN_FIELDS + DEBRIEF_FIELDS)


class Felt(BaseModel):  # a plain model: a null is refused, not filled with defaults
    word: str = Field("", description="One of Earned's feeling words, or empty for your own.")
    own_word: str = ""
    intensity: Whole = Field(50, ge=0, le=100, description="How strong, 0 to 100.")


class Writing(BaseModel):
    expectations: list[uuid.UUID] | None = Field(
        None, description="The ids of the expectations it tests (all of them, each time)."
    )
    emotions: list[Felt] | None = Field(None, description="What you felt (all of it, each time).")
    finish: YesNo = Field(False, description="The debrief is finished: it says what happened.")


class ExperienceChange(ExperienceFields, Writing):  # type: ignore[misc, valid-type]
    pass


class ExperienceIn(ExperienceChange):
    situation: str = Field(..., min_length=1, description=f"At most {LINE_LIMIT} characters.")
    happens_at: Moment


def _write(request: HttpRequest, experience: Experience, sent: ExperienceChange) -> Experience:
    user = signed_in_user(request)
    data = sent.model_dump(exclude_unset=True)
    tested = data.pop("expectations", None)
    data.pop("emotions", None)
    felt = sent.emotions  # as objects: each feeling's defaults filled in
    finish = data.pop("finish", False)
    apply(user, experience, data)
    expectations = (
        all_yours(Expectation, user, tested, "expectation") if tested is not None else None
    )
    emotions = (
        [ledger.NamedEmotion(each.word, each.own_word, each.intensity) for each in felt]
        if felt is not None
        else None
    )
    if experience._state.adding and not still_to_come(experience.happens_at):
        return ledger.log_experience(
            user, experience, expectations=expectations or [], emotions=emotions or [],
            finish=finish,
        )  # fmt: skip
    if experience.status == Experience.Status.PLANNED and set(data) & set(DEBRIEF_FIELDS):
        experience.status = Experience.Status.DRAFT
    return ledger.save_experience(
        user, experience, expectations=expectations, emotions=emotions, finish=finish
    )


@router.post(
    "/experiences",
    response={201: schema_of("experiences")},
    summary="Plan an experience, or log one that happened",
    tags=["experiences"],
    operation_id="create_experiences",
)
def add_experience(request: HttpRequest, sent: ExperienceIn) -> Status[dict[str, Any]]:
    need(request, Category.EXPERIENCES, write=True)
    with transaction.atomic():
        return Status(201, shown(_write(request, Experience(), sent)))


@router.patch(
    "/experiences/{record_id}",
    response=schema_of("experiences"),
    summary="Change an experience, or debrief it",
    tags=["experiences"],
    operation_id="update_experiences",
)
def change_experience(
    request: HttpRequest, record_id: uuid.UUID, sent: ExperienceChange
) -> dict[str, Any]:
    need(request, Category.EXPERIENCES, write=True)
    experience = get_owned_or_404(Experience, signed_in_user(request), pk=record_id)
    return shown(_write(request, experience, sent))
