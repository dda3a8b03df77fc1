"""Dates on every page read as Django's own `date` filter writes them, though drawn another way
(earned/web/templatetags/dates.py)."""

from __future__ import annotations

import datetime
import re
import zoneinfo
from pathlib import Path

import pytest
from django.template import engines
from django.template.defaultfilters import date as django_date
from django.utils import timezone, translation
from hypothesis import given
from hypothesis import strategies as st

from earned.web.templatetags import dates

SOURCE = Path(dates.__file__).parents[2]
USED = sorted({
    found
    for page in SOURCE.rglob("*.html")
    for found in re.findall(r'\|date:"([^"]*)"', page.read_text(encoding="utf-8"))
})  # fmt: skip

moments = st.datetimes(
    min_value=datetime.datetime(1900, 1, 1), max_value=datetime.datetime(2200, 12, 31),
    timezones=st.sampled_from([datetime.UTC, zoneinfo.ZoneInfo("Pacific/Chatham")]),
)  # fmt: skip
formats = st.one_of(st.sampled_from(USED), st.text(alphabet="DljdMFmYHi ,.-:/\\aeNoO", max_size=12))


def test_the_formats_our_pages_use_are_found() -> None:
    assert "D j M Y, H:i" in USED
    assert len(USED) > 10


@given(when=moments, written=formats)
def test_a_moment_reads_as_djangos_filter_writes_it(when: datetime.datetime, written: str) -> None:
    assert dates.date(when, written) == django_date(when, written)


@given(day=st.dates(), written=formats)
def test_a_day_reads_as_djangos_filter_writes_it(day: datetime.date, written: str) -> None:
    try:
        expected = django_date(day, written)
    except TypeError:  # a day has no hour: Django's filter refuses to write one
        with pytest.raises(TypeError):
            dates.date(day, written)
    else:
        assert dates.date(day, written) == expected


def test_in_another_language_it_is_djangos_own_filter() -> None:
    when = datetime.datetime(2026, 12, 5, 9, 30, tzinfo=datetime.UTC)
    with translation.override("fr"):
        assert dates.date(when, "l j F") == django_date(when, "l j F")


def test_pages_show_dates_in_the_persons_own_time_zone() -> None:
    when = datetime.datetime(2026, 12, 5, 23, 30, tzinfo=datetime.UTC)
    drawn = engines["django"].from_string('{{ when|date:"D j M, H:i" }}')
    with timezone.override(zoneinfo.ZoneInfo("Pacific/Auckland")):
        assert drawn.render({"when": when}) == "Sun 6 Dec, 12:30"


def test_what_is_not_a_date_is_left_to_django() -> None:
    assert dates.date("", "j M Y") == ""
    assert dates.date(None, "j M Y") == ""
    assert dates.date("not a date", "j M Y") == django_date("not a date", "j M Y")
