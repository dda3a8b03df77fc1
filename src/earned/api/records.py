"""Every kind of record, read through the API as its export shows it (docs/export-format.md):
a list of the newest first (filtered by date, a page at a time), one record by its id, and for
a kind with a page of its own, deleting one — each through earned/access.py and the record
layer (earned/records/saving.py), like the pages and the terminal."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from functools import cache
from typing import Any, Literal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import BaseModel, Field, create_model

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.api.scopes import need
from earned.api.types import Day, Moment, Whole, YesNo
from earned.exchange.kinds import KINDS, RecordKind
from earned.exchange.services import export_record
from earned.privacy.fields import EncryptedJSONField
from earned.records import saving
from earned.records.models import Owned, with_pages

router = Router()

PAGE_LIMIT = 100
OFFSET_LIMIT = 1_000_000  # more than anyone writes in a lifetime; past it, a database refuses


class Window(Schema):
    since: Day | None = Field(None, description="The first day to include.")
    until: Day | None = Field(None, description="The last day to include.")
    limit: int = Field(20, ge=1, le=PAGE_LIMIT, description="How many to answer with.")
    offset: int = Field(0, ge=0, le=OFFSET_LIMIT, description="How many newest to pass over.")


def _python_type(field: models.Field[Any, Any], *, sent: bool = False) -> Any:
    """A column's type, as answered — or, `sent`, as read from a call (strictly)."""
    if isinstance(field, models.ForeignKey | models.UUIDField):
        return uuid.UUID
    if isinstance(field, models.BooleanField):
        return YesNo if sent else bool
    if isinstance(field, models.IntegerField):
        return Whole if sent else int
    if isinstance(field, models.FloatField):
        return float
    if isinstance(field, models.DateTimeField):
        return Moment if sent else datetime.datetime
    if isinstance(field, models.DateField):
        return Day if sent else datetime.date
    if isinstance(field, models.JSONField | EncryptedJSONField):
        return Any
    return str


@cache
def kind_named(name: str) -> RecordKind:
    """The kind exported as `name` ("experiences")."""
    return next(kind for kind in KINDS if kind.name == name)


def shown(record: Owned) -> dict[str, Any]:
    """A record as every answer shows it: in its export's shape."""
    return export_record(kind_named(record.exported_as), record)


def all_yours(model: type[Owned], owner: Any, ids: Sequence[uuid.UUID], name: str) -> list[Any]:
    """The owner's records with these ids (those linked to), or 404 naming what is missing."""
    found = list(owned(model, owner).filter(pk__in=ids))
    if len(found) != len(set(ids)):
        raise HttpError(404, f"There is no such {name} of yours.")
    return found


@cache
def schema_of(name: str) -> type[Schema]:
    """The shape of one record of the kind exported as `name` ("experiences")."""
    return record_schema(kind_named(name))


@cache
def page_of(name: str) -> type[Schema]:
    """A page of a list: its `items` and the `count` of them all."""
    one = schema_of(name)
    return create_model(
        f"{one.__name__}Page",
        __base__=Schema,
        items=(list[one], ...),  # type: ignore[valid-type]
        count=(int, ...),
    )


def record_schema(kind: RecordKind) -> type[Schema]:
    """The shape of one record of a kind, from its columns (every column may be empty, as in an
    export, except its id)."""
    columns: dict[str, Any] = {"id": (uuid.UUID, ...)}
    for name in kind.fields:
        field = kind.model._meta.get_field(name)
        assert isinstance(field, models.Field)
        columns[name] = (_python_type(field) | None, None)
    title = "".join(part.title() for part in kind.name.split("_"))
    return create_model(title, __base__=Schema, **columns)


def input_schema(
    model: type[models.Model], title: str, names: tuple[str, ...], required: tuple[str, ...] = ()
) -> type[BaseModel]:
    """What a call may send to write these fields of a kind: each optional unless required, of
    its column's type; the record's own rules check the rest, as in the browser."""
    columns: dict[str, Any] = {}
    for name in names:
        field = model._meta.get_field(name)
        assert isinstance(field, models.Field)
        kind = _python_type(field, sent=True)
        if field.choices:  # one of the choices the browser offers, or none
            kind = Literal[tuple(value for value, _ in field.flatchoices)]
        limits = {  # a percent's 0–100, a scale's ends: in the description, and said plainly
            "ge" if isinstance(each, MinValueValidator) else "le": each.limit_value
            for each in field.validators
            if isinstance(each, MinValueValidator | MaxValueValidator)
        }
        columns[name] = (
            (kind, Field(..., **limits))
            if name in required
            else (kind | None, Field(None, **limits))
        )
    # A plain pydantic model: ninja's Schema would read a JSON array (or anything) as an
    # object of empty fields; a body must be a JSON object.
    return create_model(title, __base__=BaseModel, **columns)


def apply(owner: Any, record: models.Model, data: dict[str, Any]) -> None:
    """Set what was sent on a record (a link by its id, to a record of the owner's), leaving
    out what was not."""
    for name, value in data.items():
        field = record._meta.get_field(name)
        assert isinstance(field, models.Field)
        if isinstance(field, models.ForeignKey):
            target = field.related_model
            assert isinstance(target, type)
            if value is not None and not owned(target, owner).filter(pk=value).exists():
                raise HttpError(404, f"There is no such {name} of yours.")
            setattr(record, field.attname, value)
        elif value is None and not field.null:
            setattr(record, name, "" if isinstance(field, models.CharField) else None)
        else:
            setattr(record, name, value)


def date_field(model: type[models.Model]) -> str | None:
    """The date a kind's list is ordered and filtered by: the one search uses, or its first."""
    searched = getattr(model, "searched_as", None)
    if searched is not None:
        return str(searched.when)
    for field in model._meta.concrete_fields:
        if isinstance(field, models.DateTimeField | models.DateField):
            return field.name
    return None


def within(queryset: models.QuerySet[Any], model: type[models.Model], window: Window) -> Any:
    """Newest first, between the days asked for (on the person's own calendar)."""
    name = date_field(model)
    if name is None:
        return queryset.order_by("-pk")
    moment = isinstance(model._meta.get_field(name), models.DateTimeField)
    on = f"{name}__date" if moment else name
    if window.since:
        queryset = queryset.filter(**{f"{on}__gte": window.since})
    if window.until:
        queryset = queryset.filter(**{f"{on}__lte": window.until})
    return queryset.order_by(f"-{name}", "-pk")


def answer_page(
    kind: RecordKind, found: models.QuerySet[Any], window: Window, before: Any = None
) -> HttpResponse:
    """One page of a list, newest first, and how many there are in all (counted only when the
    page is full). Answered as it is made, in the export's own shape — schemathesis holds it to
    the description — since checking twenty records against it again would double the call's
    time. `before` is what must happen before the records' words are read (a key opened)."""
    rows = list(found[window.offset : window.offset + window.limit])
    whole = window.offset + len(rows) if 0 < len(rows) < window.limit else found.count()
    with before if before is not None else nullcontext():
        items = [export_record(kind, row) for row in rows]
    return JsonResponse({"items": items, "count": whole})


def _add_kind(kind: RecordKind) -> None:
    model = kind.model
    if not issubclass(model, Owned):
        return  # not a person's record (a test's own model)
    one = schema_of(kind.name)
    page = page_of(kind.name)
    label = kind.name.replace("_", " ")

    @router.get(f"/{kind.name}", response=page, summary=f"List {label}", tags=[label],
                operation_id=f"list_{kind.name}")  # fmt: skip
    def listing(request: HttpRequest, window: Query[Window]) -> HttpResponse:
        need(request, model.category)
        return answer_page(
            kind, within(owned(model, signed_in_user(request)), model, window), window
        )

    @router.get(f"/{kind.name}/{{record_id}}", response=one, summary=f"One of your {label}",
                tags=[label], operation_id=f"get_{kind.name}")  # fmt: skip
    def reading(request: HttpRequest, record_id: uuid.UUID) -> dict[str, Any]:
        need(request, model.category)
        return export_record(kind, get_owned_or_404(model, signed_in_user(request), pk=record_id))

    if kind.name in with_pages():
        add_delete(kind)


def add_delete(kind: RecordKind, delete: Callable[[Any, Any], None] = saving.delete) -> None:
    """DELETE /api/<kind>/<id>: a kind with a page of its own, or one the pages delete
    elsewhere (`delete`: its service, as they call it)."""
    model = kind.model
    assert issubclass(model, Owned)
    label = kind.name.replace("_", " ")

    @router.delete(f"/{kind.name}/{{record_id}}", response={204: None},
                   summary=f"Delete one of your {label}", tags=[label],
                   operation_id=f"delete_{kind.name}")  # fmt: skip
    def deleting(request: HttpRequest, record_id: uuid.UUID) -> HttpResponse:
        need(request, model.category, write=True)
        user = signed_in_user(request)
        delete(user, get_owned_or_404(model, user, pk=record_id))
        return HttpResponse(status=204)


def add_every_kind() -> None:
    for kind in sorted(KINDS, key=lambda each: each.name):
        _add_kind(kind)
