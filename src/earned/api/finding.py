"""Search and export through the API: the same search the page uses (earned/search/services.py),
within the kinds a token may open; and the whole export, for a token that may open everything."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.http import HttpRequest
from ninja import Query, Schema
from ninja.errors import HttpError
from pydantic import Field

from earned.access import signed_in_user
from earned.api import tokens
from earned.api.problems import problem
from earned.api.records import router
from earned.api.scopes import token_of
from earned.api.types import Day
from earned.core.words import Segment
from earned.exchange import services as exchange
from earned.records.models import Category
from earned.search import finding
from earned.search import services as search
from earned.search.kinds import KINDS


class Asked(Schema):
    q: str = Field(..., min_length=1, max_length=200, description="The words to find.")
    kind: list[str] = Field([], description="Kinds to look in (as /api/<kind>); all if none.")
    since: Day | None = None
    until: Day | None = None
    page: int = Field(1, ge=1, le=10_000)


class Found(Schema):
    kind: str
    id: uuid.UUID
    at: datetime.datetime
    title: str
    excerpt: str = Field(..., description="The passage where the words are, if not the title.")


class Results(Schema):
    count: int
    page: int
    pages: int
    hits: list[Found]


def _plain(segments: list[Segment]) -> str:
    return "".join(text for text, _ in segments)


GETTING_READY = {
    "503": {
        "description": "The search index is being made anew (once, after an update); the call "
        "made it a step further. `Retry-After` says when to ask again.",
        "content": {"application/problem+json": {
            "schema": {"$ref": "#/components/schemas/Problem"}}},
    }
}  # fmt: skip


@router.get("/search", response=Results, tags=["search"], summary="Find words in your entries",
            operation_id="search", openapi_extra={"responses": GETTING_READY})  # fmt: skip
def find(request: HttpRequest, asked: Query[Asked]) -> Any:
    token = token_of(request)
    allowed = [
        each.name
        for each in KINDS
        if tokens.allows(token, getattr(each.model, "category"))  # noqa: B009
    ]
    kinds = [each for each in asked.kind if each in allowed] if asked.kind else allowed
    if not kinds:
        raise HttpError(403, "This token cannot open any kind of entry that search looks in.")
    user = signed_in_user(request)
    progress = search.getting_ready(user, asked.q)  # a step at a time, as the page does
    if progress is not None:
        waiting = problem(503, f"Search is getting its index ready, once after an update: "
                               f"{progress.done} of {progress.of} entries so far. Ask again in "
                               "a moment.")  # fmt: skip
        waiting["Retry-After"] = "1"
        return waiting
    found = finding.find(
        user, asked.q, kinds=kinds, since=asked.since, until=asked.until, page=asked.page
    )
    page = found.page
    return {
        "count": found.count,
        "page": page.number if page is not None else 1,
        "pages": page.paginator.num_pages if page is not None else 0,
        "hits": [
            {"kind": hit.kind.name, "id": hit.record.pk, "at": hit.at,
             "title": _plain(hit.title), "excerpt": _plain(hit.excerpt)}
            for hit in found.hits
        ],
    }  # fmt: skip


@router.get("/export", response=dict[str, Any], tags=["export"],
            summary="Everything of yours, as the export file holds it",
            operation_id="export")  # fmt: skip
def export(request: HttpRequest) -> dict[str, Any]:
    token = token_of(request)
    if not all(tokens.allows(token, category) for category in Category):
        raise HttpError(403, "An export holds everything: this needs a token that may open "
                             "every kind of entry.")  # fmt: skip
    return exchange.export_document(signed_in_user(request))
