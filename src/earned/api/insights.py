"""The weekly markers of Insights as numbers (earned/insights/markers.py draws the same ones): for
each, a week (or, over a long period, a month) at a time, its value and how many records it
rests on. A token sees only the markers drawn from kinds of entries it may open."""

from __future__ import annotations

import datetime
import uuid
from typing import Literal

from django.http import HttpRequest
from ninja import Schema
from pydantic import Field

from earned.access import signed_in_user
from earned.api.records import router
from earned.api.scopes import need, token_of
from earned.insights import gathering
from earned.insights.markers import MARKERS, markers
from earned.records.models import Category


class Week(Schema):
    week: datetime.date = Field(..., description="Its Monday (a month's first day, by month).")
    value: float | None = Field(..., description="Empty when nothing was recorded then.")
    count: int = Field(..., description="How many records the value rests on.")


class MarkerOut(Schema):
    key: str
    title: str
    how: str = Field(..., description="How it is counted, in a line.")
    reading: str = Field(..., description="What it shows, in words.")
    weeks: list[Week]


class MarkersOut(Schema):
    first: datetime.date
    last: datetime.date
    unit: Literal["week", "month"]
    markers: list[MarkerOut]


@router.get("/insights/markers", response=MarkersOut, tags=["insights"],
            summary="Your weekly markers, as numbers", operation_id="get_markers")  # fmt: skip
def weekly_markers(
    request: HttpRequest, period: Literal["4w", "3m", "1y", "all"] = "3m"
) -> dict[str, object]:
    user = signed_in_user(request)
    token = token_of(request)
    # A token sees a marker only if it may open every kind the marker is drawn from.
    allowed = {Category(value) for value in token.categories} if token else set(Category)
    drawable = {kind.key for kind in MARKERS if set(kind.rests_on) <= allowed}
    chosen = gathering.period(user, period)
    found = gathering.records(user, chosen)
    return {
        "first": chosen.first, "last": chosen.last, "unit": chosen.unit,
        "markers": [
            {"key": each.key, "title": each.title, "how": each.how, "reading": each.reading,
             "weeks": [{"week": w.week, "value": w.value, "count": w.count} for w in each.series]}
            for each in markers(found)
            if each.key in drawable
        ],
    }  # fmt: skip


class Evidence(Schema):
    mean: float = Field(..., description="What the experiences so far suggest, 0–100.")
    low: float = Field(..., description="The low end of the 80% band.")
    high: float = Field(..., description="The high end of the 80% band.")
    tested: int = Field(..., description="How many debriefed experiences went in.")


class BeliefOut(Schema):
    id: uuid.UUID
    text: str
    feels_true: int | None = Field(..., description="The latest rating of how true it feels.")
    think_true: int | None = Field(..., description="The latest rating of how true you think.")
    evidence: Evidence


@router.get("/insights/model", response=list[BeliefOut], tags=["insights"],
            summary="Your working model: each expectation beside its evidence",
            operation_id="get_working_model")  # fmt: skip
def working_model(request: HttpRequest) -> list[dict[str, object]]:
    need(request, Category.EXPECTATIONS)
    need(request, Category.EXPERIENCES)
    return [
        {"id": each.expectation.pk, "text": each.expectation.text,
         "feels_true": each.feels_true, "think_true": each.think_true,
         "evidence": {"mean": each.evidence.mean, "low": each.evidence.low,
                      "high": each.evidence.high, "tested": each.evidence.tested}}
        for each in gathering.working_model(signed_in_user(request))
    ]  # fmt: skip
