"""An export's records checked and made ready to write: each value checked as the database and
the record's own rules would, each text sealed, each entry's texts set aside for the index —
in batches, as `Batch`es, for the import to write (earned/exchange/services.py).

None of that needs the database, and it is most of an import's time. So a large file is
prepared by a helper process while the importing one writes what it has been sent, in the one
transaction that keeps an import all or nothing (SQLite has one writer: the helper never opens
the database). The helper is this Python started afresh (`python -m earned.exchange.helper`, as
on every system): it is given the file's path, the person's data key (through the pipe between
the two, never a file or the command line) and nothing else of this process; it ends with the
import.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import os
import pickle
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import IO, Any, cast

import ijson
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import connection, models

from earned.exchange import helper
from earned.exchange.kinds import ADDED_IN_VERSION, KINDS, RecordKind, column
from earned.privacy import crypto, keyring
from earned.privacy.fields import EncryptedTextField, WithinLimit
from earned.records import bulk
from earned.records.saving import RESTORED_AT_ONCE
from earned.search.services import RestoredWords


class ImportProblem(Exception):
    """Why a document cannot be imported; nothing was written."""


Place = tuple[str, str, str]  # a kind, a record's id, a field: a value an export could not open
UNOPENED_IN_EXPORT = (
    "This part could not be opened when it was exported: it had been changed or damaged "
    "where it was stored. A backup from before then may still hold it."
)


@dataclass(frozen=True)
class Job:
    """What the records of an export are prepared for: whose they are, the export's version,
    and the values it says it could not open."""

    owner_id: Any
    version: int
    unopened: frozenset[Place] = frozenset()


@dataclass
class Batch:
    """Records of one kind, ready to write."""

    kind: str  # its name in the export
    ids: list[Any]  # the records' ids (none may be taken already)
    rows: list[tuple[Any, ...]]  # each as the database takes it (`bulk.stored`)
    words: RestoredWords  # what they give the index


def batches(job: Job, kinds: Iterable[tuple[RecordKind, Any]]) -> Iterator[Batch]:
    """The records of each kind, checked and made ready, a batch at a time (a kind's records as
    model rows all at once would take more memory than the document they come from). A kind
    with no records gives one empty batch. ImportProblem says what does not fit."""
    ids = _Ids()
    for kind, items in kinds:
        if not isinstance(items, list):
            raise ImportProblem(f"The {kind.name} records must be a list.")
        for at in range(0, max(len(items), 1), RESTORED_AT_ONCE):
            chosen = items[at : at + RESTORED_AT_ONCE]
            rows = [_build(kind, job, item, position, ids)
                    for position, item in enumerate(chosen, start=at)]  # fmt: skip
            yield Batch(kind.name, [row.pk for row in rows], bulk.stored(rows),
                        RestoredWords.of(kind.model, rows))  # fmt: skip
    ids.check()


class _Record(dict[str, Any]):
    """A record as read from the file, each of its field names kept once for all records (a
    kind's records are read together, and ten years' experiences held their names 18,000 times
    over: 40 MiB of an import's peak)."""

    __slots__ = ()

    def __setitem__(self, name: str, value: Any) -> None:
        super().__setitem__(sys.intern(name), value)


def kinds_in(stream: IO[bytes]) -> Iterator[tuple[RecordKind, Any]]:
    """Each kind of record in an export's file with its records, read one kind at a time."""
    known = {kind.name: kind for kind in KINDS}
    try:
        # Numbers with a fraction as floats, as json.loads gives them (ijson's default is an
        # exact Decimal, which the models and the round trip do not expect).
        for name, items in ijson.kvitems(stream, "records", use_float=True, map_type=_Record):
            if name not in known:
                raise ImportProblem(
                    f"This export holds kinds of record Earned does not know: [{name!r}]."
                )
            yield known[name], items
    except ijson.JSONError:
        raise ImportProblem("This file is damaged: it ends or breaks off part way.") from None


# --- Checking one record ----------------------------------------------------------------------


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


Check = Callable[[Any, str], Any]  # an exported value and where it is: the value, checked


@cache
def _layout(kind: RecordKind) -> tuple[tuple[str, Any, Check], ...]:
    """Each column of the kind's model in the model's order, with the name the export gives it
    ("" for the id, the owner and any column an export leaves out) and how its value is
    checked."""
    exported = {column(kind.model, name).attname: name for name in kind.fields}
    return tuple((exported.get(field.attname, ""), field, _check(field))
                 for field in kind.model._meta.concrete_fields)  # fmt: skip


def _check(field: Any) -> Check:
    """`_value`, or for the kinds of value most of an export is made of — text, ids and links,
    moments — the same checks made directly, with `_value` left to say what does not fit.
    (Ten years' import checks a million values: Django's general path took a fifth of its
    time.)"""
    choices = frozenset(key for key, _ in field.flatchoices)

    def checked(raw: Any, where: str) -> Any:
        return _value(field, choices, raw, where)

    target = field.target_field if field.is_relation else field
    known = {type(check) for check in field.validators}
    if type(field) in TEXTS and known <= {MaxLengthValidator, WithinLimit}:
        limit = min((getattr(check, "limit", None) or check.limit_value
                     for check in field.validators), default=sys.maxsize)  # fmt: skip
        return lambda raw, where: (
            raw if type(raw) is str and len(raw) <= limit and (not choices or raw in choices)
            else checked(raw, where)
        )  # fmt: skip
    if isinstance(field, models.IntegerField) and known <= {MinValueValidator, MaxValueValidator}:
        low = max((check.limit_value for check in field.validators
                   if isinstance(check, MinValueValidator)), default=-sys.maxsize)  # fmt: skip
        high = min((check.limit_value for check in field.validators
                    if isinstance(check, MaxValueValidator)), default=sys.maxsize)  # fmt: skip
        return lambda raw, where: (
            raw if type(raw) is int and low <= raw <= high and (not choices or raw in choices)
            else checked(raw, where)
        )  # fmt: skip
    if type(target) is models.UUIDField and not known and not choices:
        return lambda raw, where: _or(uuid.UUID, raw, where, checked)
    if type(field) is models.DateTimeField and not known and not choices:
        return lambda raw, where: _or(datetime.datetime.fromisoformat, raw, where, checked)
    return checked


TEXTS = (models.CharField, models.TextField, EncryptedTextField)


def _or(read: Callable[[str], Any], raw: Any, where: str, checked: Check) -> Any:
    """A text read as `read` reads it (as Django would), or else checked the general way."""
    if type(raw) is str:
        with contextlib.suppress(ValueError):
            return read(raw)
    return checked(raw, where)


def _build(kind: RecordKind, job: Job, item: Any, position: int, ids: _Ids) -> models.Model:
    where = f"{kind.name}[{position}]"
    if not isinstance(item, dict):
        raise ImportProblem(f"{where} is not a record.")
    try:
        record_id = uuid.UUID(str(item["id"]))
    except (KeyError, ValueError):
        raise ImportProblem(f"{where} has no valid id.") from None
    values: list[Any] = []  # in the model's column order: a row is made from them at once
    for name, model_field, check in _layout(kind):
        if model_field.primary_key:
            values.append(record_id)
        elif model_field.attname == "owner_id":
            values.append(job.owner_id)
        elif not name or (name not in item and ADDED_IN_VERSION.get(name, 0) > job.version):
            values.append(model_field.get_default())  # as the model gives it
        elif name not in item:
            raise ImportProblem(f"{where} is missing {name!r}.")
        elif (
            job.unopened
            and item[name] is None
            and (kind.name, str(record_id), name) in job.unopened
        ):
            values.append(UNOPENED_IN_EXPORT)  # its place kept, and said
        elif item[name] is None and model_field.null:
            values.append(None)
        else:
            value = check(item[name], where)
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
    except (TypeError, ValueError, OverflowError) as error:  # OverflowError: 1e999 as a count
        raise ImportProblem(f"{where}.{field.name} is not valid ({error}).") from None
    if choices and value not in choices and not (field.blank and value == ""):
        raise ImportProblem(f"{where}.{field.name} is not one of the allowed choices.")
    return value


# --- The helper process -----------------------------------------------------------------------

HELPED_FROM = 4 * 1024 * 1024  # bytes: below this, starting a helper takes longer than it saves
CHANGED = (
    "The file changed while it was being imported, and nothing was written. Please import it "
    "again once it is complete."
)
Send = Callable[[Any], None]


@contextlib.contextmanager
def helped(path: Path, seen: os.stat_result, job: Job) -> Iterator[Iterator[Batch]]:
    """The batches of the export at `path` — the file as `seen` here, or the helper says it
    changed — prepared by a helper process started now (its own setting up goes on beside the
    importer's) and ended when the block is left."""
    started = subprocess.Popen(
        [sys.executable, "-m", "earned.exchange.helper"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},  # where this one found it
    )
    assert started.stdin is not None
    assert started.stdout is not None
    try:
        try:  # plain values: the helper reads them before Django is set up there
            given = (str(path), _known_by(seen), dataclasses.astuple(job),
                     keyring.current_key(), connection.vendor)  # fmt: skip
            pickle.dump(given, started.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            started.stdin.close()
        except BrokenPipeError:  # it ended before it was asked anything
            raise ImportProblem(helper.STOPPED) from None
        yield _received(started.stdout)
    finally:
        started.stdout.close()
        if started.poll() is None:  # the import stopped first: its work is not wanted
            started.kill()
        started.wait()


def _received(receiving: IO[bytes]) -> Iterator[Batch]:
    while True:
        try:
            said = pickle.load(receiving)  # noqa: S301 (from our own helper, over a pipe)
        except EOFError:
            raise ImportProblem(helper.STOPPED) from None
        if said is None:
            return
        if isinstance(said, str):
            raise ImportProblem(said)
        yield said


def _known_by(seen: os.stat_result) -> tuple[int, ...]:
    """What tells a file apart from another put in its place, or from itself changed."""
    return seen.st_dev, seen.st_ino, seen.st_size, seen.st_mtime_ns


def prepare(send: Send, path: str, known_by: tuple[int, ...], job: Job, key: bytes,
            vendor: str) -> None:  # fmt: skip
    """In the helper: prepare the file's records and send each batch; then None, or what does
    not fit (a text)."""
    try:
        if connection.vendor != vendor:  # each value is prepared for the database it goes to
            found = connection.vendor
            raise ImportProblem(f"{helper.STOPPED} (a helper for {vendor} found {found})")
        keyring.use_for_this_run(key)
        with Path(path).open("rb") as stream, bulk.collector_paused(), crypto.cipher_kept(key):
            if _known_by(os.fstat(stream.fileno())) != tuple(known_by):
                raise ImportProblem(CHANGED)
            for batch in batches(job, kinds_in(stream)):
                send(batch)
        send(None)
    except ImportProblem as problem:
        send(str(problem))
    except BrokenPipeError:
        pass  # the import stopped: nobody is listening
    except Exception as error:  # said in a line, never as a traceback
        send(f"{helper.STOPPED} ({type(error).__name__})")
