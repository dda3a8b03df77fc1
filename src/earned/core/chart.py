"""Geometry for the server-drawn SVG charts: where a moment and a 0–100 value land.

Charts are drawn by our templates with CSS classes (so dark mode and the print stylesheet style
them), from coordinates computed here. docs/decisions.md says why no plotting library draws them.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

WIDTH = 640
HEIGHT = 260
LEFT = 44  # room for the 0/50/100 labels
RIGHT = 16
TOP = 12
BOTTOM = 32  # room for the month labels
MARKER_SPACING = 10  # pixels: dots (5 across) any closer only cover each other


def y_for(value: float) -> float:
    """The vertical position of a 0–100 value (100 at the top)."""
    clamped = min(100.0, max(0.0, value))
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - clamped / 100), 2)


def x_scale(
    start: datetime.datetime, end: datetime.datetime
) -> Callable[[datetime.datetime], float]:
    """Maps moments from start to end across the plot; a single moment sits in the middle."""
    span = (end - start).total_seconds()
    inner = WIDTH - LEFT - RIGHT

    def x_for(moment: datetime.datetime) -> float:
        if span <= 0:
            return round(LEFT + inner / 2, 2)
        share = (moment - start).total_seconds() / span
        return round(LEFT + inner * min(1.0, max(0.0, share)), 2)

    return x_for


def points(coordinates: Sequence[tuple[float, float]]) -> str:
    """The `points` attribute of an SVG polyline or polygon."""
    return " ".join(f"{x},{y}" for x, y in coordinates)


def month_ticks(start: datetime.date, end: datetime.date, most: int = 6) -> list[datetime.date]:
    """First days of months between start and end, thinned to at most `most` labels."""
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        first = datetime.date(year, month, 1)
        if start <= first <= end:
            months.append(first)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    step = max(1, -(-len(months) // most))
    return months[::step]


def thinned(coordinates: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """A line's points as the chart can show them: of each run of points that fall in the same
    pixel column, the first, the highest, the lowest and the last, in their order. Drawn, the
    line looks the same (a column's points make one vertical stroke from its lowest to its
    highest); at ten years of tests, it is a few hundred points instead of thousands."""
    kept: list[tuple[float, float]] = []
    for _, column in itertools.groupby(coordinates, key=lambda point: round(point[0])):
        run = list(column)
        ends = {0, len(run) - 1}
        ends.add(min(range(len(run)), key=lambda i: run[i][1]))
        ends.add(max(range(len(run)), key=lambda i: run[i][1]))
        kept.extend(run[i] for i in sorted(ends))
    return kept


@dataclass(frozen=True)
class Gathered:
    """Markers close together on the chart, drawn as one: at their average place and values."""

    x: float
    expected: float | None  # the average of those that had an expectation; None if none had
    happened: float
    count: int


def gathered(
    markers: Sequence[tuple[float, float | None, float]], spacing: float = MARKER_SPACING
) -> list[Gathered]:
    """Markers (x, expected, happened), in order of x, one to a stretch of `spacing` pixels
    across the plot — each stretch's markers averaged — when there are more than the plot has
    stretches; otherwise each as it is. Dots drawn closer than that only cover each other."""
    stretches = int((WIDTH - LEFT - RIGHT) // spacing)
    if len(markers) <= stretches:
        return [Gathered(x, expected, happened, 1) for x, expected, happened in markers]
    groups: dict[int, list[tuple[float, float | None, float]]] = {}
    for marker in markers:
        stretch = min(stretches - 1, max(0, int((marker[0] - LEFT) // spacing)))
        groups.setdefault(stretch, []).append(marker)
    result = []
    for _, group in sorted(groups.items()):
        expected = [each[1] for each in group if each[1] is not None]
        result.append(
            Gathered(
                x=round(sum(each[0] for each in group) / len(group), 2),
                expected=round(sum(expected) / len(expected), 2) if expected else None,
                happened=round(sum(each[2] for each in group) / len(group), 2),
                count=len(group),
            )
        )
    return result
