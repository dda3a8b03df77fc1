"""Questionnaires through the API, by earned/measures/services.py: the ones a person can take —
our practice check-in, and each validated one whose wording they imported — with its questions
and answers, and one taken: scored by its published rules, as on its page."""

from __future__ import annotations

from typing import Any

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
from earned.measures import services as measures
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
    questions: list[Question]


class Taking(BaseModel):
    instrument: str = Field(..., description="Which questionnaire: its `key`.")
    answers: list[Whole] = Field(
        ..., max_length=200, description="Each question's answer, in order: the answer's `value`."
    )
    note: str | None = Field(None, description="Anything to remember about this time.")
    at: Moment | None = Field(None, description="When you took it (now, unless said).")


def described(instrument: Instrument) -> dict[str, Any]:
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
        "lowest": instrument.lowest, "highest": instrument.highest, "questions": questions,
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
    return [described(each) for each in available(signed_in_user(request)).values()]


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
