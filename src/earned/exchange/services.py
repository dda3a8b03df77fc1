"""Export, import and erase: everything a person owns, and nothing of anyone else's.

The export format is documented in docs/export-format.md. Entry text is decrypted into the
export (it is the person's own copy) and re-encrypted on import with the importing account's key.
"""

from __future__ import annotations

import datetime
import io
import os
import uuid
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import IO, Any

import ijson
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from earned import __version__
from earned.accounts.models import User
from earned.circles.history import history as circle_history
from earned.exchange import preparing
from earned.exchange.kinds import KINDS, RecordKind, column
from earned.exchange.kinds import VERSION as VERSION  # said in every export, checked on import
from earned.exchange.preparing import Batch, Job, Place
from earned.exchange.preparing import ImportProblem as ImportProblem  # where callers know it
from earned.groups.history import history as group_history
from earned.privacy import crypto, keyring
from earned.privacy.fields import CouldNotOpen
from earned.records import bulk, planner
from earned.search import services as search

FORMAT = "earned-export"
PROFILE_FIELDS = ("display_name", "timezone", "country", "theme")


# --- Export -----------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


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


def import_document(user: User, document: Any) -> dict[str, int]:
    """Load an export, as a whole document, into an empty account: all of it, or (with
    ImportProblem) none of it."""
    _check_document(document)
    kinds = ((kind, document["records"][kind.name]) for kind in KINDS
             if kind.name in document["records"])  # fmt: skip
    job = Job(user.pk, document["version"], _places(document.get("could_not_open")))
    _check_empty(user)
    return _import(user, document["profile"], preparing.batches(job, kinds))


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


def import_file(user: User, stream: IO[bytes]) -> dict[str, int]:
    """Load an export from a file, one kind of record at a time, into an empty account: all of
    it, or (with ImportProblem) none of it. Ten years of entries come to tens of megabytes, and
    the whole document held at once would take several times that in memory. A large file on
    disk is prepared by a helper process while this one writes (earned/exchange/preparing.py)."""
    header = read_header(stream)
    stream.seek(0)
    job = Job(user.pk, header["version"], _places(header.get("could_not_open")))
    _check_empty(user)
    on_disk = _on_disk(stream)
    with bulk.collector_paused():
        if on_disk is None or on_disk[1].st_size < preparing.HELPED_FROM:
            batches = preparing.batches(job, preparing.kinds_in(stream))
            return _import(user, header["profile"], batches)
        with preparing.helped(*on_disk, job) as batches:
            return _import(user, header["profile"], batches)


def _on_disk(stream: IO[bytes]) -> tuple[Path, os.stat_result] | None:
    """Where the file being imported is kept, and what it is, when it is a file the person
    named (`earned import`). An upload is held in memory only, never in a file (settings.py)."""
    if isinstance(stream, io.BufferedReader | io.FileIO) and isinstance(stream.name, str):
        return Path(stream.name), os.fstat(stream.fileno())
    return None


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


def _check_empty(user: User) -> None:
    keyring.current_key()  # fail before doing any work if entries are locked
    if any(kind.model._default_manager.filter(owner=user).exists() for kind in KINDS):
        raise ImportProblem("This account already has records; import needs an empty account.")


def _import(user: User, profile: dict[str, Any], batches: Iterable[Batch]) -> dict[str, int]:
    """Write the profile and the records as they come, checked and ready, and index them."""
    named = {kind.name: kind for kind in KINDS}
    counts: dict[str, int] = {}
    try:
        with transaction.atomic(), crypto.cipher_kept(keyring.current_key()):
            _write_profile(user, profile)
            indexing = search.Rebuilding(user)
            for batch in batches:
                kind = named[batch.kind]
                taken = _already_here(kind, batch.ids)
                if taken is not None:
                    raise ImportProblem(
                        f"A {kind.name} record with id {taken} already exists here."
                    )
                bulk.insert(kind.model._meta.db_table, bulk.columns(kind.model), batch.rows)
                indexing.restored(kind.model, batch.words)
                counts[kind.name] = counts.get(kind.name, 0) + len(batch.ids)
            indexing.finish()
    except ValidationError as error:
        raise ImportProblem(f"This export does not fit: {'; '.join(error.messages)}") from None
    planner.gather()  # every table has just grown: the planner learns it now, not in an hour
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


def _already_here(kind: RecordKind, ids: list[Any]) -> Any:
    """The id of one of these that is already in the database (anyone's), or None."""
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
