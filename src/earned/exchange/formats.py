"""The export in two more shapes, made from the same document as the JSON one: CSV (one file
per kind, in a zip, for a spreadsheet) and Markdown (to read: one document, or one file per
entry in a zip). Only the JSON export comes back in losslessly; these are for people.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from django.db import models

from earned.exchange.kinds import KINDS, RecordKind, column
from earned.privacy.fields import EncryptedTextField

FORMATS = ("json", "csv", "markdown", "markdown-files")
# What a spreadsheet would run as a formula if a cell began with it (OWASP's CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

ABOUT = """\
Your Earned export, as CSV: one file for each kind of entry, a row for each entry.
Empty cells are things you left empty. Times are in UTC (ISO 8601). Links between entries
are the other entry's id. Where your words begin with = + - or @, the cell starts with an
apostrophe, so a spreadsheet shows them rather than running them as a formula.

This copy is for reading and for spreadsheets. To move to another Earned, use the JSON export:
it is the one that comes back in whole.
"""


# --- CSV ---------------------------------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(str(each) for each in value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value  # words, never a formula; a number (−30) stays a number
    return str(value)


def _table(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(column)) for column in columns])
    return out.getvalue().encode("utf-8-sig")  # the mark tells spreadsheets it is UTF-8


def _columns_of(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(name for row in rows for name in row))


def as_csv(document: dict[str, Any]) -> bytes:
    """A zip of CSV files: every kind of entry (even an empty one, with its header), the
    profile, and the care circle's and groups' history."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", ABOUT)
        archive.writestr("profile.csv", _table([document["profile"]], list(document["profile"])))
        for kind in KINDS:
            rows = document["records"][kind.name]
            archive.writestr(f"{kind.name}.csv", _table(rows, ["id", *kind.fields]))
        for part in ("care_circle", "groups"):
            for name, rows in document[part].items():
                if rows:
                    archive.writestr(f"{part}-{name}.csv", _table(rows, _columns_of(rows)))
    return buffer.getvalue()


# --- Markdown ----------------------------------------------------------------------------------


def _label(kind: RecordKind) -> str:
    searched = getattr(kind.model, "searched_as", None)
    return searched.label if searched else kind.name.replace("_", " ").capitalize()


def _field(kind: RecordKind, name: str) -> models.Field[Any, Any]:
    return column(kind.model, name)


def _shown(field: models.Field[Any, Any], value: Any) -> str:
    """A value as a person reads it: a choice by its label, a moment by its date."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if field.choices and not isinstance(value, list):
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        return _readable_moment(value)
    if isinstance(field, models.DateField) and isinstance(value, str):
        return f"{datetime.date.fromisoformat(value):%-d %B %Y}"
    return str(value)


def _readable_moment(value: str) -> str:
    moment = datetime.datetime.fromisoformat(value)
    return f"{moment:%-d %B %Y, %H:%M} UTC"


def _words_fields(kind: RecordKind) -> list[str]:
    return [name for name in kind.fields if isinstance(_field(kind, name), EncryptedTextField)]


def _when_field(kind: RecordKind) -> str | None:
    """The date an entry is known by: the one search uses, or its first moment."""
    searched = getattr(kind.model, "searched_as", None)
    if searched is not None:
        return str(searched.when)
    moments = (n for n in kind.fields if isinstance(_field(kind, n), models.DateTimeField))
    return next(moments, None)


def _title(kind: RecordKind, record: dict[str, Any]) -> str:
    """An entry's heading: its date, then its first words."""
    name = _when_field(kind)
    moment = record.get(name) if name else None
    when = f"{datetime.datetime.fromisoformat(moment):%-d %B %Y}" if moment else ""
    words = next((record[name] for name in _words_fields(kind) if record.get(name)), "")
    words = " ".join(str(words).split())
    if len(words) > 80:
        words = words[:80].rsplit(" ", 1)[0] + "…"
    return " — ".join(part for part in (when, words) if part) or _label(kind)


# Bookkeeping a reader has no use for.
UNREAD = ("visibility", "position")


def _entry(kind: RecordKind, record: dict[str, Any], level: str) -> str | None:
    """An entry under its heading, each field on its line (longer writing as paragraphs); None
    for a row that only links two entries (an experience and the expectation it tested)."""
    lines = [f"{level} {_title(kind, record)}", ""]
    for name in kind.fields:
        value = record.get(name)
        if value in (None, "", []) or name in UNREAD:
            continue
        field = _field(kind, name)
        label = str(field.verbose_name)
        label = label[:1].upper() + label[1:]
        if field.is_relation:
            continue  # a link to another entry: its id says nothing to a reader
        shown = _shown(field, value)
        if isinstance(field, EncryptedTextField) and "\n" in shown:
            lines += [f"**{label}**", "", shown.strip(), ""]
        else:
            lines.append(f"- **{label}:** {shown}")
    if len(lines) == 2:
        return None
    return "\n".join(lines).rstrip() + "\n"


def _entries(document: dict[str, Any]) -> Iterator[tuple[RecordKind, dict[str, Any]]]:
    for kind in KINDS:
        for record in document["records"][kind.name]:
            yield kind, record


def as_markdown(document: dict[str, Any]) -> str:
    """One readable document: each kind of entry a section, each entry under its heading."""
    name = document["profile"].get("display_name") or "you"
    made = _readable_moment(document["exported_at"])
    parts = [
        f"# Earned — everything of {name}'s",
        "",
        f"Exported {made}. Times are in UTC. This copy is for reading; the JSON export is the "
        "one that comes back in whole.",
    ]
    for kind in KINDS:
        entries = [_entry(kind, record, "###") for record in document["records"][kind.name]]
        shown = [entry for entry in entries if entry is not None]
        if shown:
            parts += ["", f"## {_label(kind)}", "", *shown]
    return "\n".join(parts).rstrip() + "\n"


def _file_name(kind: RecordKind, record: dict[str, Any]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", _title(kind, record).lower()).strip("-")[:60].strip("-")
    return f"{kind.name}/{slug or kind.name}-{record['id'][:8]}.md"


def as_markdown_files(document: dict[str, Any]) -> bytes:
    """A zip with one Markdown file per entry, in a folder for each kind."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for kind, record in _entries(document):
            if (entry := _entry(kind, record, "#")) is not None:
                archive.writestr(_file_name(kind, record), entry)
    return buffer.getvalue()


def rendered(document: dict[str, Any], format_: str) -> tuple[bytes, str, str]:
    """The document in a format: its bytes, its media type and its file name's ending."""
    if format_ == "json":
        text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        return text.encode("utf-8"), "application/json; charset=utf-8", "json"
    if format_ == "csv":
        return as_csv(document), "application/zip", "csv.zip"
    if format_ == "markdown":
        return as_markdown(document).encode("utf-8"), "text/markdown; charset=utf-8", "md"
    if format_ == "markdown-files":
        return as_markdown_files(document), "application/zip", "md.zip"
    raise ValueError(f"no such format: {format_}")
