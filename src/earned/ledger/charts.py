"""The expectation chart: both rating lines, the evidence estimate with its band, and each
experience as a pair of points (expected, happened). Drawn by templates/ledger/_chart.html."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from earned.core import belief, chart
from earned.ledger.models import Expectation, Experience, Rating
from earned.ledger.services import outcome

# The band's corners drawn across the chart: more would not show at its width.
BANDS = chart.WIDTH // 4


@dataclass
class TableRow:
    when: datetime.datetime
    what: str
    feels_true: int | None = None
    think_true: int | None = None
    evidence: float | None = None
    expected: int | None = None
    happened: int | None = None


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


def build(
    expectation: Expectation, ratings: list[Rating], experiences: list[Experience]
) -> ExpectationChart:
    """Everything the chart and its data table need, in the person's current time zone."""
    tested = sorted((e for e in experiences if outcome(e) is not None), key=lambda e: e.happens_at)
    prior = ratings[0].feels_true if ratings else 50
    # Every line runs on to today, holding its latest value: that is where each stands now.
    now = timezone.now()
    moments = [r.rated_at for r in ratings] + [e.happens_at for e in tested] + [now]
    start, end = min(moments), max(moments)
    x_for = chart.x_scale(start, end)

    outcomes = [found for found in map(outcome, tested) if found is not None]  # one per tested
    over_time = belief.estimates_over_time(prior, outcomes, most_bands=BANDS)
    evidence_points = [(x_for(start), over_time[0])] + [
        (x_for(e.happens_at), estimate) for e, estimate in zip(tested, over_time[1:], strict=True)
    ]
    evidence_points.append((x_for(end), evidence_points[-1][1]))

    result = ExpectationChart(estimate=evidence_points[-1][1])
    rated = [*ratings, *ratings[-1:]]  # the latest rating again, at today
    when = [r.rated_at for r in ratings] + [end] * bool(ratings)
    result.feels = chart.points(
        [(x_for(at), chart.y_for(r.feels_true)) for at, r in zip(when, rated, strict=True)]
    )
    result.think = chart.points(
        [(x_for(at), chart.y_for(r.think_true)) for at, r in zip(when, rated, strict=True)]
    )
    result.evidence = chart.points([(x, chart.y_for(e.mean)) for x, e in evidence_points])
    result.band = chart.points(
        [(x, chart.y_for(e.high)) for x, e in evidence_points]
        + [(x, chart.y_for(e.low)) for x, e in reversed(evidence_points)]
    )
    for experience in tested:
        x = x_for(experience.happens_at)
        result.markers.append(
            {
                "x": x,
                "expected": chart.y_for(experience.likelihood)
                if experience.likelihood is not None
                else None,
                "happened": chart.y_for(experience.occurred or 0),
            }
        )
    local = timezone.localtime
    result.x_ticks = [
        {"x": x_for(timezone.make_aware(datetime.datetime.combine(day, datetime.time()))),
         "label": day.strftime("%b")}
        for day in chart.month_ticks(local(start).date(), local(end).date())
    ]  # fmt: skip
    result.y_ticks = [{"y": chart.y_for(v), "label": str(v)} for v in (0, 50, 100)]
    result.rows = _table(ratings, tested, evidence_points[1:-1])
    return result


def _table(
    ratings: list[Rating],
    tested: list[Experience],
    evidence: list[tuple[float, belief.Estimate]],
) -> list[TableRow]:
    rows = [
        TableRow(r.rated_at, "Rating", feels_true=r.feels_true, think_true=r.think_true)
        for r in ratings
    ]
    rows += [
        TableRow(
            e.happens_at,
            "Experience",
            evidence=round(estimate.mean),
            expected=e.likelihood,
            happened=e.occurred,
        )
        for e, (_, estimate) in zip(tested, evidence, strict=True)
    ]
    return sorted(rows, key=lambda row: row.when)
