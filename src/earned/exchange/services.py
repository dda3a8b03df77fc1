"""Export, import and erase: everything a person owns, and nothing of anyone else's.

The export format is documented in docs/export-format.md. Entry text is decrypted into the
export (it is the person's own copy) and re-encrypted on import with the importing account's key.
"""

from __future__ import annotations

import dataclasses
import datetime
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import IO, Any, cast

import ijson
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from earned import __version__
from earned.accounts.models import User
from earned.circles.history import history as circle_history
from earned.exchange.kinds import KINDS, RecordKind
from earned.groups.history import history as group_history
from earned.privacy import keyring
from earned.privacy.fields import CouldNotOpen
from earned.records import bulk
from earned.records import saving as records
from earned.search import services as search

FORMAT = "earned-export"
VERSION = 2
# Fields a record gained in a later version of the format: an older export is read with their
# default (a version-1 export knew nothing of care circles, so every entry follows its kind).
ADDED_IN_VERSION = {"visibility": 2}
PROFILE_FIELDS = ("display_name", "timezone", "country", "theme")


class ImportProblem(Exception):
    """Why a document cannot be imported; nothing was written."""


# --- Export -----------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def column(model: type[models.Model], name: str) -> models.Field[Any, Any]:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field), f"{model.__name__}.{name} is not a column"
    return field


@cache
def _columns(kind: RecordKind) -> tuple[tuple[str, str], ...]:
    """Each exported field's name and the attribute it is read from (a link: its id)."""
    return tuple((name, column(kind.model, name).attname) for name in kind.fields)


def export_record(kind: RecordKind, row: models.Model) -> dict[str, Any]:
    """One record as the export (and the API) shows it."""
    exported: dict[str, Any] = {"id": str(row.pk)}
    for name, attname in _columns(kind):
        exported[name] = _plain(getattr(row, attname))
    return exported


def export_document(user: User) -> dict[str, Any]:
    """Everything the person owns. Needs their data key to be current (entry text). A value
    that could not be opened is left empty and listed under "could_not_open" (kind, id and
    field): everything else is exported whole, and an import keeps the list's places."""
    keyring.current_key()  # fail before doing any work if entries are locked
    records = {
        kind.name: [
            export_record(kind, row)
            for row in kind.model._default_manager.filter(owner=user).order_by("pk")
        ]
        for kind in KINDS
    }
    care_circle, groups = circle_history(user), group_history(user)
    unopened: list[dict[str, str]] = []
    for section, value in (("", records), ("care_circle", care_circle), ("groups", groups)):
        _leave_out_unopened(section, value, unopened)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": timezone.now().replace(microsecond=0).isoformat(),
        "app_version": __version__,
        "profile": {name: getattr(user, name) for name in PROFILE_FIELDS},
        **({"could_not_open": unopened} if unopened else {}),  # before the records: read first
        "records": records,
        "care_circle": care_circle,
        "groups": groups,
    }


def _leave_out_unopened(section: str, value: Any, found: list[dict[str, str]]) -> None:
    """Empty each value that could not be opened, and note its place: the kind (a record's,
    or where in a history), the id of what holds it, and its name."""
    if isinstance(value, list):
        for item in value:
            _leave_out_unopened(section, item, found)
    elif isinstance(value, dict):
        for name, inner in value.items():
            if isinstance(inner, CouldNotOpen):
                value[name] = None
                found.append({"kind": section, "id": str(value.get("id", "")), "field": name})
            elif isinstance(inner, list | dict):
                _leave_out_unopened(f"{section}.{name}" if section else name, inner, found)


def unopened_said(count: int) -> str:
    """What the person is told when an export could not open some of their values."""
    parts = "1 part of an entry" if count == 1 else f"{count:,} parts of entries"
    return (
        f"{parts} could not be opened (changed or damaged where stored) and "
        f"{'is' if count == 1 else 'are'} listed in the file. `earned check --data` shows which."
    )


def comparable(document: dict[str, Any]) -> dict[str, Any]:
    """The document without the moment and version it was made with."""
    return {k: v for k, v in document.items() if k not in ("exported_at", "app_version")}


# --- Import -----------------------------------------------------------------------------------


def _check_profile(profile: dict[str, Any]) -> None:
    import zoneinfo

    for name, value in profile.items():
        if isinstance(value, str) and "\x00" in value:
            raise ImportProblem(
                f"The profile's {name} holds a NUL character, which cannot be kept."
            )
    zone = profile.get("timezone", "UTC")
    if not isinstance(zone, str) or zone not in zoneinfo.available_timezones():
        raise ImportProblem(f"The profile's time zone {zone!r} is not one Earned knows.")


def _check_document(document: Any) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportProblem("This is not an Earned export (its 'format' is not earned-export).")
    version = document.get("version")
    if not isinstance(version, int):
        raise ImportProblem("This export has no version number.")
    if version > VERSION:
        raise ImportProblem(
            f"This export was made by a newer Earned (format version {version}); this one reads "
            f"up to version {VERSION}. Please update Earned, then import again."
        )
    if not isinstance(document.get("profile"), dict):
        raise ImportProblem("This export has no profile section.")
    _check_profile(document["profile"])
    records = document.get("records", {})
    if not isinstance(records, dict):
        raise ImportProblem("The 'records' section must map each kind to a list.")
    known = {kind.name for kind in KINDS}
    unknown = sorted(set(records) - known)
    if unknown:
        raise ImportProblem(f"This export holds kinds of record Earned does not know: {unknown}.")


@dataclass
class _Ids:
    """The ids of the records read so far, by model, and the links not yet matched to one. A
    link may only point at a record of the same document (never at anyone else's), whatever
    order the document's kinds come in: each is checked once every record has been read."""

    read: dict[type, set[Any]] = dataclasses.field(default_factory=dict)
    waiting: list[tuple[str, type, Any]] = dataclasses.field(default_factory=list)

    def link(self, where: str, model: type, value: Any) -> None:
        if value not in self.read.get(model, ()):
            self.waiting.append((where, model, value))

    def check(self) -> None:
        for where, model, value in self.waiting:
            if value not in self.read.get(model, ()):
                raise ImportProblem(f"{where} points at a record this export does not hold.")


@cache
def _layout(kind: RecordKind) -> tuple[tuple[str, Any, frozenset[Any]], ...]:
    """Each column of the kind's model in the model's order, with the name the export gives it
    ("" for the id, the owner and any column an export leaves out) and its choices if any."""
    exported = {column(kind.model, name).attname: name for name in kind.fields}
    return tuple(
        (exported.get(field.attname, ""), field, frozenset(key for key, _ in field.flatchoices))
        for field in kind.model._meta.concrete_fields
    )


def _build(
    kind: RecordKind,
    user: User,
    item: Any,
    position: int,
    ids: _Ids,
    version: int = VERSION,
    unopened: frozenset[Place] = frozenset(),
) -> models.Model:
    where = f"{kind.name}[{position}]"
    if not isinstance(item, dict):
        raise ImportProblem(f"{where} is not a record.")
    try:
        record_id = uuid.UUID(str(item["id"]))
    except (KeyError, ValueError):
        raise ImportProblem(f"{where} has no valid id.") from None
    values: list[
        Any
    ] = []  # in the model's column order: a row is made from them at once, as from a query
    for name, model_field, choices in _layout(kind):
        if model_field.primary_key:
            values.append(record_id)
        elif model_field.attname == "owner_id":
            values.append(user.pk)
        elif not name or (name not in item and ADDED_IN_VERSION.get(name, 0) > version):
            values.append(model_field.get_default())  # as the model gives it
        elif name not in item:
            raise ImportProblem(f"{where} is missing {name!r}.")
        elif unopened and item[name] is None and (kind.name, str(record_id), name) in unopened:
            values.append(UNOPENED_IN_EXPORT)  # its place kept, and said
        else:
            value = _value(model_field, choices, item[name], where)
            if model_field.is_relation and value is not None:
                ids.link(f"{where}.{name}", cast(type, model_field.related_model), value)
            values.append(value)
    row = kind.model(*values)
    try:
        row.clean()  # a record's own rules across its fields, as its forms hold them
    except ValidationError as error:
        raise ImportProblem(f"{where} does not fit: {'; '.join(error.messages)}") from None
    ids.read.setdefault(kind.model, set()).add(record_id)
    return row


def _value(field: Any, choices: frozenset[Any], raw: Any, where: str) -> Any:
    """Check a value as the database would: type, limits and choices. Empty text is kept as
    it was exported — whatever could be stored must come back (the round trip is lossless)."""
    if raw is None:
        if not field.null:
            raise ImportProblem(f"{where}.{field.name} cannot be empty.")
        return None
    try:
        value = field.to_python(raw)
        field.run_validators(value)
    except ValidationError as error:
        reason = " ".join(error.messages)
        raise ImportProblem(f"{where}.{field.name} is not valid: {reason}") from None
    except (TypeError, ValueError) as error:
        raise ImportProblem(f"{where}.{field.name} is not valid ({error}).") from None
    if choices and value not in choices and not (field.blank and value == ""):
        raise ImportProblem(f"{where}.{field.name} is not one of the allowed choices.")
    return value


def import_document(user: User, document: Any) -> dict[str, int]:
    """Load an export, as a whole document, into an empty account: all of it, or (with
    ImportProblem) none of it."""
    _check_document(document)
    kinds = ((kind, document["records"][kind.name]) for kind in KINDS
             if kind.name in document["records"])  # fmt: skip
    unopened = _places(document.get("could_not_open"))
    return _import(user, document["profile"], document["version"], kinds, unopened)


Place = tuple[str, str, str]  # a kind, a record's id, a field


def _places(listed: Any) -> frozenset[Place]:
    """The values an export says could not be opened when it was made."""
    if listed is None:
        return frozenset()
    if not isinstance(listed, list) or not all(
        isinstance(place, dict) and all(isinstance(place.get(k), str) for k in PLACE_KEYS)
        for place in listed
    ):
        raise ImportProblem("The export's list of what could not be opened is damaged.")
    return frozenset((place["kind"], place["id"], place["field"]) for place in listed)


PLACE_KEYS = ("kind", "id", "field")
UNOPENED_IN_EXPORT = (
    "This part could not be opened when it was exported: it had been changed or damaged "
    "where it was stored. A backup from before then may still hold it."
)


def import_file(user: User, stream: IO[bytes]) -> dict[str, int]:
    """Load an export from a file, one kind of record at a time, into an empty account: all of
    it, or (with ImportProblem) none of it. Ten years of entries come to tens of megabytes, and
    the whole document held at once would take several times that in memory."""
    header = read_header(stream)
    stream.seek(0)
    unopened = _places(header.get("could_not_open"))
    with bulk.collector_paused():
        return _import(user, header["profile"], header["version"], _kinds_in(stream), unopened)


SCALAR_EVENTS = {"string", "number", "boolean", "null"}
HEADER = {"format", "version", "profile", "records"}


def read_header(stream: IO[bytes]) -> dict[str, Any]:
    """An export's format, version and profile, checked, read from the start of a file without
    its records (in an export's own order, they come last)."""
    header: dict[str, Any] = {}
    builders = {"profile": ijson.ObjectBuilder(), "could_not_open": ijson.ObjectBuilder()}
    try:
        for prefix, event, value in ijson.parse(stream):
            top = prefix.partition(".")[0]
            if top in builders and top not in header:
                builders[top].event(event, value)
                if prefix == top and event in {*SCALAR_EVENTS, "end_map", "end_array"}:
                    header[top] = builders[top].value
            elif prefix in ("format", "version") and event in SCALAR_EVENTS:
                header[prefix] = value
            elif prefix == "records" and "records" not in header:
                header["records"] = {} if event == "start_map" else None  # its kinds come later
            if header.keys() >= HEADER:
                break
    except ijson.JSONError:
        raise ImportProblem("This file is not an Earned export: it is not JSON.") from None
    header.setdefault("records", {})
    _check_document(header)
    return header


def _kinds_in(stream: IO[bytes]) -> Iterator[tuple[RecordKind, Any]]:
    """Each kind of record in the file with its records, read one kind at a time."""
    known = {kind.name: kind for kind in KINDS}
    try:
        # Numbers with a fraction as floats, as json.loads gives them (ijson's default is an
        # exact Decimal, which the models and the round trip do not expect).
        for name, items in ijson.kvitems(stream, "records", use_float=True):
            if name not in known:
                raise ImportProblem(
                    f"This export holds kinds of record Earned does not know: [{name!r}]."
                )
            yield known[name], items
    except ijson.JSONError:
        raise ImportProblem("This file is damaged: it ends or breaks off part way.") from None


def _import(
    user: User,
    profile: dict[str, Any],
    version: int,
    kinds: Iterable[tuple[RecordKind, Any]],
    unopened: frozenset[Place] = frozenset(),
) -> dict[str, int]:
    keyring.current_key()
    if any(kind.model._default_manager.filter(owner=user).exists() for kind in KINDS):
        raise ImportProblem("This account already has records; import needs an empty account.")
    counts: dict[str, int] = {}
    ids = _Ids()
    try:
        with transaction.atomic():
            _write_profile(user, profile)
            indexing = search.Rebuilding(user)
            for kind, items in kinds:
                if not isinstance(items, list):
                    raise ImportProblem(f"The {kind.name} records must be a list.")
                for at in range(0, len(items), records.RESTORED_AT_ONCE):
                    # A batch at a time: a kind's records as model rows all at once would
                    # take more memory than the document they come from.
                    batch = [
                        _build(kind, user, item, position, ids, version, unopened)
                        for position, item in enumerate(
                            items[at : at + records.RESTORED_AT_ONCE], start=at
                        )
                    ]
                    taken = _already_here(kind, batch)
                    if taken is not None:
                        raise ImportProblem(
                            f"A {kind.name} record with id {taken} already exists here."
                        )
                    records.restore(user, batch)
                    indexing.restored(kind.model, batch)
                counts[kind.name] = counts.get(kind.name, 0) + len(items)
            ids.check()
            indexing.finish()
    except ValidationError as error:
        raise ImportProblem(f"This export does not fit: {'; '.join(error.messages)}") from None
    return counts


def describe_import(counts: dict[str, int]) -> str:
    total = sum(counts.values())
    if not total:
        return "Your settings are brought in; the export held no entries."
    return f"Brought in {total} record{'s' if total != 1 else ''} and your settings."


def _write_profile(user: User, profile: dict[str, Any]) -> None:
    for name in PROFILE_FIELDS:
        if name in profile:
            setattr(user, name, profile[name])
    user.full_clean(exclude=["password", "username"])
    user.save(update_fields=list(PROFILE_FIELDS))


def _already_here(kind: RecordKind, batch: list[models.Model]) -> Any:
    """The id of a row in `batch` that is already in the database (anyone's), or None."""
    ids = [row.pk for row in batch]
    return kind.model._default_manager.filter(pk__in=ids).values_list("pk", flat=True).first()


# --- Erase ------------------------------------------------------------------------------------


def rows_referencing(user: User) -> dict[str, int]:
    """Every row, in every table, that points at this person — generically, so new models are
    covered the moment they exist."""
    found: dict[str, int] = {}
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if field.is_relation and field.related_model is User:
                count = model._default_manager.filter(**{field.name: user.pk}).count()
                if count:
                    found[f"{model._meta.label}.{field.name}"] = count
    return found


def erase_account(user: User) -> None:
    """Delete the person and everything they own, on any database. There is no undo."""
    owner_id = str(user.pk)
    with transaction.atomic():
        user.delete()  # every owned row references the person with on_delete=CASCADE
    keyring.release_owner(owner_id)
