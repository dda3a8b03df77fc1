"""A practitioner's (or a peer partner's) reading through the API: the people whose circle they
are in, and of each, the entries the circle shares now — decided in earned/access.py at every
call, exactly as the care pages decide it — every read kept in that person's list of reads.
A token reads here only kinds it was made for, too."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import Query, Schema
from ninja.errors import HttpError

from earned.access import circle_or_404, get_shared_or_404, shared, signed_in_user
from earned.api.records import (
    Window,
    answer_page,
    kind_named,
    page_of,
    router,
    schema_of,
    shown,
    within,
)
from earned.api.scopes import need
from earned.circles import audit, readable, services
from earned.circles.models import Circle


class Person(Schema):
    id: uuid.UUID
    name: str  # as the reader knows them: a peer partner by the name they chose in the group
    shares: list[str]  # the kinds of entries shared by kind (single entries may be shared too)
    since: datetime.datetime


@router.get("/care/people", response=list[Person], tags=["care"],
            summary="The people whose care circle you are in",
            operation_id="list_people_in_your_care")  # fmt: skip
def people(request: HttpRequest) -> list[dict[str, Any]]:
    reader = signed_in_user(request)
    circles = Circle.objects.filter(practitioner=reader, ended_at__isnull=True)
    return [
        {"id": each.person_id, "name": each.person_name, "shares": each.categories,
         "since": each.started_at}
        for each in circles.select_related("person").order_by("started_at")
    ]  # fmt: skip


def _kind(name: str) -> Any:
    model = readable.kind_of(name)
    if model is None:
        raise HttpError(404, "There is no such kind of entry to read.")
    return model


def _add_kind(name: str) -> None:
    one = schema_of(name)
    label = name.replace("_", " ")

    @router.get(f"/care/{{person_id}}/{name}", response=page_of(name), tags=["care"],
                summary=f"The {label} a person shares with you",
                operation_id=f"list_care_{name}")  # fmt: skip
    def listing(request: HttpRequest, person_id: uuid.UUID, window: Query[Window]) -> HttpResponse:
        model = _kind(name)
        need(request, model.category)
        circle = circle_or_404(signed_in_user(request), person_id)
        audit.note_read(circle, "list", kind=name)
        found = within(shared(model, circle), model, window)
        return answer_page(kind_named(name), found, window, before=services.their_key(circle))

    @router.get(f"/care/{{person_id}}/{name}/{{record_id}}", response=one, tags=["care"],
                summary=f"One of the {label} a person shares with you",
                operation_id=f"get_care_{name}")  # fmt: skip
    def reading(request: HttpRequest, person_id: uuid.UUID, record_id: uuid.UUID) -> Any:
        model = _kind(name)
        need(request, model.category)
        circle = circle_or_404(signed_in_user(request), person_id)
        record = get_shared_or_404(model, circle, pk=record_id)
        audit.note_read(circle, "entry", record)
        with services.their_key(circle):
            return shown(record)


def add_every_kind() -> None:
    for name in readable.kinds():
        _add_kind(name)
