"""Questionnaires through the API, by earned/measures/services.py: the ones a person can take —
our practice check-in, and each validated one whose wording they imported — with its questions
and answers; one taken, scored by its published rules, as on its page; a validated one's wording
imported from its FHIR file, how often each is suggested, and the figures its reliable change is
worked out from."""

from __future__ import annotations

import json
from typing import Any, Literal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils import timezone
from ninja import Schema, Status
from ninja.errors import HttpError
from pydantic import BaseModel, Field

from earned.access import signed_in_user
from earned.api.records import router, schema_of, shown
from earned.api.scopes import need
from earned.api.types import Moment, Whole
from earned.core.fhir import ProblemInFile
from earned.core.instruments import DEFINITIONS
from earned.measures import services as measures
from earned.measures.forms import ChangeFiguresForm
from earned.measures.instruments import Instrument, available
from earned.records.models import Category
from earned.safety.noticing import ABOUT_ANSWERS, show_notice


class Answer(Schema):
    value: int
    words: str


class Question(Schema):
    number: int
    text: str
    answers: list[Answer]


class Questionnaire(Schema):
    key: str = Field(..., description="What to send as `instrument` when you take it.")
    title: str
    about: str
    period: str = Field(..., description="The time its questions look back over.")
    validated: bool
    lowest: float = Field(..., description="The lowest score it can give.")
    highest: float = Field(..., description="The highest score it can give.")
    every_days: int = Field(..., description="How often it is suggested, in days (0: never).")
    figures_from: str = Field(
        ..., description="Where its reliable-change figures come from, if not from Earned."
    )
    questions: list[Question]


class Taking(BaseModel):
    instrument: str = Field(..., description="Which questionnaire: its `key`.")
    answers: list[Whole] = Field(
        ..., max_length=200, description="Each question's answer, in order: the answer's `value`."
    )
    note: str | None = Field(None, description="Anything to remember about this time.")
    at: Moment | None = Field(None, description="When you took it (now, unless said).")


def described(instrument: Instrument, every_days: int) -> dict[str, Any]:
    low = instrument.rules.low
    questions = [
        {"number": number, "text": text,
         "answers": [{"value": low + at, "words": words} for at, words in enumerate(options)]}
        for number, (text, options) in enumerate(
            zip(instrument.items, instrument.options, strict=True), start=1
        )
    ]  # fmt: skip
    return {
        "key": instrument.key, "title": instrument.title, "about": instrument.about,
        "period": instrument.period, "validated": instrument.validated,
        "lowest": instrument.lowest, "highest": instrument.highest, "every_days": every_days,
        "figures_from": instrument.own_figures, "questions": questions,
    }  # fmt: skip


@router.get(
    "/questionnaires",
    response=list[Questionnaire],
    tags=["measures"],
    summary="The questionnaires you can take",
    operation_id="list_questionnaires",
)
def questionnaires(request: HttpRequest) -> list[dict[str, Any]]:
    need(request, Category.MEASURES)
    offered = available(signed_in_user(request))
    often = measures.every_days(signed_in_user(request), offered)
    return [described(each, often[key]) for key, each in offered.items()]


def _one(request: HttpRequest, key: str) -> dict[str, Any]:
    user = signed_in_user(request)
    offered = available(user)
    if key not in offered:
        raise HttpError(404, "There is no such questionnaire of yours.")
    return described(offered[key], measures.every_days(user, offered)[key])


def _instrument(request: HttpRequest, key: str, *, validated: bool = False) -> Instrument:
    """One the person can take (a validated one with a total, for reliable change), or 404."""
    found = available(signed_in_user(request)).get(key)
    if found is None or (validated and not (found.validated and found.rules.has_total)):
        raise HttpError(404, "There is no such questionnaire of yours.")
    return found


class Importing(BaseModel):
    questionnaire: dict[str, Any] = Field(
        ..., description="The questionnaire's FHIR R4 file (a Questionnaire resource), as JSON."
    )
    instrument: Literal[tuple(DEFINITIONS)] | None = Field(  # type: ignore[valid-type]
        None, description="Which it is, when its codes do not say."
    )


@router.post("/questionnaires", response={201: Questionnaire}, tags=["measures"],
             summary="Import a validated questionnaire's wording",
             operation_id="import_questionnaires")  # fmt: skip
def import_wording(request: HttpRequest, sent: Importing) -> Status[dict[str, Any]]:
    need(request, Category.MEASURES, write=True)
    document = json.dumps(sent.questionnaire).encode()
    try:
        imported = measures.import_questionnaire(
            signed_in_user(request), document, sent.instrument or ""
        )
    except ProblemInFile as problem:
        field = "instrument" if isinstance(problem, measures.NeedsChoosing) else "questionnaire"
        raise ValidationError({field: str(problem)}) from None
    return Status(201, _one(request, imported.definition.key))


class Scheduling(BaseModel):
    every_days: Literal[7, 14, 30, 0] = Field(
        ..., description="Suggest it every 7, 14 or 30 days, or (0) never."
    )


@router.put("/questionnaires/{key}/schedule", response=Questionnaire, tags=["measures"],
            summary="Choose how often a questionnaire is suggested",
            operation_id="schedule_questionnaires")  # fmt: skip
def schedule(request: HttpRequest, key: str, sent: Scheduling) -> dict[str, Any]:
    need(request, Category.MEASURES, write=True)
    measures.set_schedule(signed_in_user(request), _instrument(request, key), sent.every_days)
    return _one(request, key)


class Figures(BaseModel):
    norm_sd: float = Field(..., description="The reference group's standard deviation.")
    reliability: float = Field(..., description="Cronbach's alpha or test–retest, 0 to 0.999.")
    source: str = Field(..., description="The study they come from.")


@router.put("/questionnaires/{key}/figures", response=Questionnaire, tags=["measures"],
            summary="Work out reliable change from a published study's figures",
            operation_id="set_questionnaire_figures")  # fmt: skip
def figures(request: HttpRequest, key: str, sent: Figures) -> dict[str, Any]:
    need(request, Category.MEASURES, write=True)
    instrument = _instrument(request, key, validated=True)
    checked = ChangeFiguresForm(sent.model_dump())  # the page's own rules and words
    if not checked.is_valid():
        raise ValidationError(checked.errors)
    valid = checked.cleaned_data
    measures.set_change_figures(
        signed_in_user(request), instrument, valid["norm_sd"], valid["reliability"],
        valid["source"],
    )  # fmt: skip
    return _one(request, key)


@router.delete("/questionnaires/{key}/figures", response=Questionnaire, tags=["measures"],
               summary="Work out reliable change from Earned's figures again",
               operation_id="clear_questionnaire_figures")  # fmt: skip
def earned_figures(request: HttpRequest, key: str) -> dict[str, Any]:
    need(request, Category.MEASURES, write=True)
    instrument = _instrument(request, key, validated=True)
    measures.set_change_figures(signed_in_user(request), instrument, None, None, "")
    return _one(request, key)


def _answers(instrument: Instrument, sent: list[int]) -> dict[int, int]:
    """The answers by question number, each one the questionnaire offers — or 422 saying so."""
    if len(sent) != len(instrument.items):
        raise ValidationError(
            {"answers": f"Please answer each of its {len(instrument.items)} questions, in order."}
        )
    low, high = instrument.rules.low, instrument.rules.high
    for number, value in enumerate(sent, start=1):
        if not low <= value <= high:
            raise ValidationError(
                {"answers": f"Question {number}: please choose an answer from {low} to {high}."}
            )
    return dict(enumerate(sent, start=1))


@router.post("/measures", response={201: schema_of("measures")}, tags=["measures"],
             summary="Take a questionnaire", operation_id="create_measures")  # fmt: skip
def take(request: HttpRequest, sent: Taking) -> Status[dict[str, Any]]:
    need(request, Category.MEASURES, write=True)
    user = signed_in_user(request)
    instrument = available(user).get(sent.instrument)
    if instrument is None:
        raise HttpError(
            404, "There is no such questionnaire for you to take: GET /api/questionnaires lists "
            "them (a validated one, once you have imported its wording).",
        )  # fmt: skip
    answers = _answers(instrument, sent.answers)
    if sent.at is not None and sent.at > timezone.now():
        raise ValidationError({"at": "A questionnaire is taken now, or was taken before."})
    taken = measures.record(user, instrument, answers, sent.note or "", at=sent.at)
    if taken.asks_for_safety:
        show_notice(ABOUT_ANSWERS)
    return Status(201, shown(taken.response))
