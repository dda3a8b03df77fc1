"""Writing a kind whose service saves one record as it is given (a person, a rupture, a shift,
a script, a ladder…): the same two operations for each — create it, change what is
sent — through that kind's own service, its rules answering 422 in their own words.

(No `from __future__ import annotations` here: each operation's body type is made at run time,
and ninja reads it from the function's annotations, which must be the type itself.)"""

import uuid
from collections.abc import Callable
from typing import Any

from django.db import models
from django.http import HttpRequest
from ninja import Status
from pydantic import create_model

from earned.access import get_owned_or_404, signed_in_user
from earned.accounts.models import User
from earned.api.records import apply, input_schema, router, schema_of, shown
from earned.api.scopes import need

Save = Callable[[User, Any, dict[str, Any]], Any]  # (owner, record, what else was sent)


def as_given(save: Callable[[User, Any], Any]) -> Save:
    """A kind's service that saves the record as it is given, as `add_writes` calls it."""
    return lambda owner, record, extra: save(owner, record)


def add_writes(
    model: type[models.Model],
    fields: tuple[str, ...],
    required: tuple[str, ...],
    save: Save,
    extra: dict[str, Any] | None = None,
    what: str = "",
) -> None:
    """POST /api/<kind> and PATCH /api/<kind>/<id> for a kind exported as `model.exported_as`,
    `extra` naming fields that are not columns, which `save` is given."""
    name = str(getattr(model, "exported_as"))  # noqa: B009
    title = "".join(part.title() for part in name.split("_"))
    change = input_schema(model, f"{title}Change", fields)
    sent_in = input_schema(model, f"{title}In", fields, required=required)
    if extra:
        change = create_model(f"{title}Change", __base__=change, **extra)
        sent_in = create_model(f"{title}In", __base__=sent_in, **extra)
    label = name.replace("_", " ")
    category = getattr(model, "category")  # noqa: B009

    def write(request: HttpRequest, record: Any, data: dict[str, Any]) -> dict[str, Any]:
        user = signed_in_user(request)
        others = {key: data.pop(key) for key in list(data) if key in (extra or {})}
        apply(user, record, data)
        save(user, record, others)
        return shown(record)

    def create(request: HttpRequest, sent: sent_in) -> Status[dict[str, Any]]:  # type: ignore[valid-type]
        need(request, category, write=True)
        return Status(201, write(request, model(), sent.model_dump(exclude_unset=True)))  # type: ignore[attr-defined]

    def update(request: HttpRequest, record_id: uuid.UUID, sent: change) -> dict[str, Any]:  # type: ignore[valid-type]
        need(request, category, write=True)
        record = get_owned_or_404(model, signed_in_user(request), pk=record_id)
        return write(request, record, sent.model_dump(exclude_unset=True))  # type: ignore[attr-defined]

    summary = what or f"Add to your {label}"
    router.post(f"/{name}", response={201: schema_of(name)}, tags=[label], summary=summary,
                operation_id=f"create_{name}")(create)  # fmt: skip
    router.patch(f"/{name}/{{record_id}}", response=schema_of(name), tags=[label],
                 summary=f"Change one of your {label}",
                 operation_id=f"update_{name}")(update)  # fmt: skip
