"""The expectation chart: both rating lines, the evidence estimate with its band, and each
experience as a pair of points (expected, happened). Drawn by templates/ledger/_chart.html.

A chart is 580 pixels across however long it covers: at years of tests, lines keep the points a
pixel can show (core.chart.thinned), dots closer than they can be told apart are drawn as one at
their average (core.chart.gathered), and the table of numbers goes month by month."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from earned.core import belief, chart
from earned.ledger.models import Rating
from earned.ledger.services import Linked

# The band's corners drawn across the chart: more would not show at its width.
BANDS = chart.WIDTH // 4
MOST_ROWS = 60  # a table longer than this is read month by month


@dataclass
class TableRow:
    when: datetime.datetime
    what: str
    feels_true: int | None = None
    think_true: int | None = None
    evidence: float | None = None
    expected: int | None = None
    happened: float | None = None  # as the belief model holds it (a whole number, stored)


@dataclass
class ExpectationChart:
    feels: str = ""
    think: str = ""
    evidence: str = ""
    band: str = ""
    markers: list[dict[str, Any]] = field(default_factory=list)
    x_ticks: list[dict[str, Any]] = field(default_factory=list)
    y_ticks: list[dict[str, Any]] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)
    estimate: belief.Estimate | None = None
    width: int = chart.WIDTH
    height: int = chart.HEIGHT
    gathered: bool = False  # some dots stand for several experiences close together in time
    by_month: bool = False  # the table's rows are months


def build(ratings: list[Rating], experiences: Sequence[Linked]) -> ExpectationChart:
    """Everything the chart and its data table need, in the person's current time zone."""
    tested = sorted((e for e in experiences if e.outcome is not None), key=lambda e: e.happens_at)
    prior = ratings[0].feels_true if ratings else 50
    # Every line runs on to today, holding its latest value: that is where each stands now.
    now = timezone.now()
    moments = [r.rated_at for r in ratings] + [e.happens_at for e in tested] + [now]
    start, end = min(moments), max(moments)
    x_for = chart.x_scale(start, end)

    outcomes = [e.outcome for e in tested if e.outcome is not None]  # one per tested
    over_time = belief.estimates_over_time(prior, outcomes, most_bands=BANDS)
    evidence_points = [(x_for(start), over_time[0])] + [
        (x_for(e.happens_at), estimate) for e, estimate in zip(tested, over_time[1:], strict=True)
    ]
    evidence_points.append((x_for(end), evidence_points[-1][1]))

    result = ExpectationChart(estimate=evidence_points[-1][1])
    rated = [*ratings, *ratings[-1:]]  # the latest rating again, at today
    when = [r.rated_at for r in ratings] + [end] * bool(ratings)
    result.feels = chart.points(chart.thinned(
        [(x_for(at), chart.y_for(r.feels_true)) for at, r in zip(when, rated, strict=True)]
    ))  # fmt: skip
    result.think = chart.points(chart.thinned(
        [(x_for(at), chart.y_for(r.think_true)) for at, r in zip(when, rated, strict=True)]
    ))  # fmt: skip
    result.evidence = chart.points(
        chart.thinned([(x, chart.y_for(e.mean)) for x, e in evidence_points])
    )
    result.band = chart.points(
        chart.thinned([(x, chart.y_for(e.high)) for x, e in evidence_points])
        + chart.thinned([(x, chart.y_for(e.low)) for x, e in reversed(evidence_points)])
    )
    for mark in chart.gathered(
        [(x_for(e.happens_at), e.likelihood, e.outcome.occurred) for e in tested if e.outcome]
    ):
        result.markers.append({
            "x": mark.x,
            "expected": chart.y_for(mark.expected) if mark.expected is not None else None,
            "happened": chart.y_for(mark.happened),
        })  # fmt: skip
        result.gathered |= mark.count > 1
    first, last = timezone.localtime(start).date(), timezone.localtime(end).date()
    label = "%b" if first.year == last.year else "%b %Y"  # "Sep" alone is which one, after years?
    result.x_ticks = [
        {"x": x_for(timezone.make_aware(datetime.datetime.combine(day, datetime.time()))),
         "label": day.strftime(label)}
        for day in chart.month_ticks(first, last)
    ]  # fmt: skip
    result.y_ticks = [{"y": chart.y_for(v), "label": str(v)} for v in (0, 50, 100)]
    after = [round(estimate.mean) for _, estimate in evidence_points[1:-1]]
    if len(ratings) + len(tested) <= MOST_ROWS:
        result.rows = _table(ratings, tested, after)
    else:
        result.rows, result.by_month = _by_month(ratings, tested, after), True
    return result


def _table(ratings: list[Rating], tested: list[Linked], after: list[int]) -> list[TableRow]:
    """A row for each rating and each experience, oldest first."""
    rows = [
        TableRow(r.rated_at, "Rating", feels_true=r.feels_true, think_true=r.think_true)
        for r in ratings
    ]
    rows += [
        TableRow(
            e.happens_at,
            "Experience",
            evidence=evidence,
            expected=e.likelihood,
            happened=e.outcome.occurred if e.outcome else None,
        )
        for e, evidence in zip(tested, after, strict=True)
    ]
    return sorted(rows, key=lambda row: row.when)


def _by_month(ratings: list[Rating], tested: list[Linked], after: list[int]) -> list[TableRow]:
    """A row for each month with ratings or experiences, oldest first, in the person's time
    zone: the month's latest rating, the averages of what its experiences expected and of what
    happened, and the evidence estimate after its last experience."""
    entries = sorted(
        [(r.rated_at, r) for r in ratings]
        + [(e.happens_at, (e, evidence)) for e, evidence in zip(tested, after, strict=True)],
        key=lambda pair: pair[0],
    )
    rows: list[TableRow] = []
    month: list[Rating | tuple[Linked, int]] = []
    ends: datetime.datetime | None = None
    for when, entry in entries:
        if ends is None or when >= ends:  # a new month: a time zone's offset only once a month
            if month:
                rows.append(_month(month))
            month, local = [], timezone.localtime(when)
            following = (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
            ends = timezone.make_aware(datetime.datetime(*following, 1))
        month.append(entry)
    if month:
        rows.append(_month(month))
    return rows


def _month(entries: list[Rating | tuple[Linked, int]]) -> TableRow:
    ratings = [entry for entry in entries if isinstance(entry, Rating)]
    tests = [entry for entry in entries if not isinstance(entry, Rating)]
    expected = [e.likelihood for e, _ in tests if e.likelihood is not None]
    happened = [e.outcome.occurred for e, _ in tests if e.outcome is not None]
    first = entries[0]
    return TableRow(
        first.rated_at if isinstance(first, Rating) else first[0].happens_at,
        ", ".join(
            f"{count} {noun}{'' if count == 1 else 's'}"
            for count, noun in ((len(ratings), "rating"), (len(tests), "experience"))
            if count
        ),
        feels_true=ratings[-1].feels_true if ratings else None,
        think_true=ratings[-1].think_true if ratings else None,
        evidence=tests[-1][1] if tests else None,
        expected=round(sum(expected) / len(expected)) if expected else None,
        happened=round(sum(happened) / len(happened)) if happened else None,
    )
