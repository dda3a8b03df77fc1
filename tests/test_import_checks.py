"""Each value of an import is checked the short way for the kinds most of an export is made of
(text, numbers, ids, moments): whatever the value, the short way must agree with Django's own
checks — the same value kept, or the same sentence saying what does not fit."""

from __future__ import annotations

import datetime
import functools
import uuid
from typing import Any

from hypothesis import example, given
from hypothesis import strategies as st

from earned.exchange import preparing
from earned.exchange.kinds import KINDS

COLUMNS = [field for kind in KINDS for field in kind.model._meta.concrete_fields]
CHOICES = [key for field in COLUMNS for key, _ in field.flatchoices]
# Every limit a column declares, and either side of it: where a short way would go wrong.
LIMITS = {limit for field in COLUMNS
          for limit in (field.max_length, getattr(field, "limit", None),
                        *(getattr(check, "limit_value", None) for check in field.validators))
          if isinstance(limit, int)}  # fmt: skip
EDGES = sorted({edge for limit in LIMITS | {0} for edge in (limit - 1, limit, limit + 1)})
LENGTHS = [edge for edge in EDGES if 0 <= edge <= 50_001]

values: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.builds(lambda n, c: c * n, st.sampled_from(LENGTHS), st.sampled_from(["a", "é", " "])),
    st.sampled_from(CHOICES) if CHOICES else st.nothing(),
    st.integers(min_value=-70_000, max_value=70_000),
    st.sampled_from(EDGES),
    st.booleans(),
    st.floats(allow_nan=False),
    st.uuids().map(str),
    st.uuids().map(lambda made: made.hex),
    st.sampled_from(["", "not-a-uuid", "12345678123456781234567812345678x"]),
    st.datetimes(timezones=st.sampled_from([datetime.UTC, None])).map(lambda at: at.isoformat()),
    st.sampled_from(["2026-02-30T10:00:00+00:00", "2026-12-05", "10:00", "yesterday"]),
    st.dates().map(str),
    st.lists(st.integers(), max_size=2),
)


def outcome(check: Any, raw: Any) -> tuple[str, Any]:
    try:
        value = check(raw, "notes[0]")
    except preparing.ImportProblem as problem:
        return "refused", str(problem)
    return type(value).__name__, value


@given(raw=values)
@example(raw=float("inf"))  # a count of 1e999: said, never a traceback
def test_the_short_way_agrees_with_djangos_checks(raw: Any) -> None:
    for field in COLUMNS:
        choices = frozenset(key for key, _ in field.flatchoices)
        short = outcome(preparing._check(field), raw)
        general = outcome(functools.partial(preparing._value, field, choices), raw)
        assert short == general, field


def test_the_short_way_is_taken_for_text_ids_numbers_and_moments() -> None:
    """Not a test that could pass by always taking the general way: most columns go short."""
    general = {field for field in COLUMNS
               if preparing._check(field).__name__ == "checked"}  # fmt: skip
    assert len(general) < len(COLUMNS) / 10
    checked = {type(field).__name__ for field in general}
    assert checked <= {"FloatField", "BooleanField", "DateField", "JSONField", "CharField",
                       "EncryptedJSONField", "EncryptedTextField"}  # fmt: skip


def test_a_uuid_and_a_moment_are_read_as_django_reads_them() -> None:
    made = uuid.uuid4()
    link = next(field for field in COLUMNS if field.is_relation and field.name != "owner")
    assert preparing._check(link)(str(made), "x") == made
    moment = next(field for field in COLUMNS if type(field).__name__ == "DateTimeField")
    at = preparing._check(moment)("2026-12-05T10:00:00+01:00", "x")
    assert at == datetime.datetime(2026, 12, 5, 9, tzinfo=datetime.UTC)
