"""The floor an import is measured against (bench/cli.py): the least any import of an export
must do — read the file and write each of its records as a row — with the standard library
alone: `json.load`, then each kind into a table of its own, one transaction, SQLite kept as
Earned keeps it (WAL, synchronous FULL). No checking, sealing or index: what Earned adds on
top of this is what the ratio shows.

    python -m bench.import_floor EXPORT.json DATABASE
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path


def main(exported: str, database: str) -> None:
    with Path(exported).open(encoding="utf-8") as stream:
        records = json.load(stream)["records"]
    connection = sqlite3.connect(database, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("BEGIN")
    for number, items in enumerate(records.values()):
        names = sorted({name for item in items for name in item})
        if not names:
            continue
        columns = ", ".join(f'"{name}"' for name in names)
        connection.execute(f"CREATE TABLE kind_{number} ({columns})")
        marks = ", ".join("?" * len(names))
        connection.executemany(
            f"INSERT INTO kind_{number} VALUES ({marks})",
            (tuple(_stored(item.get(name)) for name in names) for item in items),
        )
    connection.execute("COMMIT")
    connection.close()


def _stored(value: object) -> object:
    return json.dumps(value) if isinstance(value, (dict, list)) else value


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
