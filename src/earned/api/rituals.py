"""Check-ins through the API, by the service the pages and `earned checkin` use
(earned/rituals/services.py): a morning check-in, a mid-day note or an evening review — with its
moments of the day, and whether the morning's prediction happened — on the day it belongs to."""

from __future__ import annotations

import uuid
from typing import Any, Literal

from django.http import HttpRequest
from ninja import Status
from ninja.errors import HttpError
from pydantic import BaseModel, Field

from earned.access import get_owned_or_404, signed_in_user
from earned.api.records import apply, input_schema, router, schema_of, shown
from earned.api.scopes import need
from earned.api.types import Moment, Whole
from earned.ledger.choices import Context
from earned.records.models import Category
from earned.rituals import services as rituals
from earned.rituals.choices import Kind, PredictionOutcome
from earned.rituals.models import CheckIn

ANSWERS = (
    "mood", "energy", "tension", "tension_place", "emotions", "own_words", "note", "prediction",
    "helped", "hindered", "rupture_or_repair",
)  # fmt: skip
CheckInFields = input_schema(CheckIn, "CheckInFields", ANSWERS)


class MomentOfTheDay(BaseModel):  # a plain model: a null is refused, not filled in
    who: str = ""
    context: Literal[tuple(value for value, _ in Context.choices)] | Literal[""] = ""  # type: ignore[valid-type]
    what: str = ""
    felt: Whole | None = Field(None, ge=-2, le=2, description="How it felt, −2 to 2.")


class CheckInChange(CheckInFields):  # type: ignore[misc, valid-type]
    moments: list[MomentOfTheDay] | None = Field(
        None, description="An evening's moments of the day (all of them, each time)."
    )
    prediction_happened: Literal[tuple(PredictionOutcome.values)] | None = Field(  # type: ignore[valid-type]
        None, description="In an evening review: whether the morning's prediction happened."
    )


class CheckInIn(CheckInChange):
    kind: Literal["morning", "midday", "evening"]
    at: Moment | None = Field(None, description="When (now, unless said).")


def _save(request: HttpRequest, check_in: CheckIn, sent: CheckInChange) -> CheckIn:
    user = signed_in_user(request)
    data = sent.model_dump(exclude_unset=True)
    for extra in ("moments", "prediction_happened", "kind", "at"):
        data.pop(extra, None)
    apply(user, check_in, data)
    lines = (
        [rituals.Line(each.who, each.context, each.what, each.felt) for each in sent.moments]
        if sent.moments is not None
        else None
    )
    closes = None
    if sent.prediction_happened and check_in.kind == Kind.EVENING:
        closes = rituals.morning_to_close(user, rituals.day_of(user, check_in.at))
    return rituals.save_check_in(
        user, check_in, lines=lines, closes=closes, outcome=sent.prediction_happened or ""
    )


@router.post("/check_ins", response={201: schema_of("check_ins")}, tags=["check ins"],
             summary="Check in: a morning check-in, a mid-day note or an evening review",
             operation_id="create_check_ins")  # fmt: skip
def add_check_in(request: HttpRequest, sent: CheckInIn) -> Status[dict[str, Any]]:
    need(request, Category.CHECK_INS, write=True)
    user = signed_in_user(request)
    check_in = CheckIn(kind=sent.kind)
    if sent.at is not None:
        check_in.at = sent.at
    if sent.kind != "midday":  # one morning check-in and one evening review a day
        there = rituals.of_the_day(user, sent.kind, rituals.day_of(user, check_in.at))
        if there is not None:
            raise HttpError(
                409, f"That day has its {check_in.get_kind_display().lower()} already "
                f"({there.pk}): change it with PATCH /api/check_ins/{there.pk}.",
            )  # fmt: skip
    return Status(201, shown(_save(request, check_in, sent)))


@router.patch("/check_ins/{record_id}", response=schema_of("check_ins"), tags=["check ins"],
              summary="Change a check-in", operation_id="update_check_ins")  # fmt: skip
def change_check_in(
    request: HttpRequest, record_id: uuid.UUID, sent: CheckInChange
) -> dict[str, Any]:
    need(request, Category.CHECK_INS, write=True)
    check_in = get_owned_or_404(CheckIn, signed_in_user(request), pk=record_id)
    return shown(_save(request, check_in, sent))
