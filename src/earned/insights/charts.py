"""Geometry for the insights' small charts, drawn as SVG by templates/insights/ and as vector
drawings in the PDF report: the same numbers, placed once, here."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import Literal

from earned.core.mapping import BETTER_MIDDLE, DISTRESS_MIDDLE, Place
from earned.core.progress import Weekly

WIDTH = 640
HEIGHT = 150
LEFT = 66
RIGHT = 12
TOP = 10
BOTTOM = 26
PLOT_WIDTH = WIDTH - LEFT - RIGHT
PLOT_BOTTOM = HEIGHT - BOTTOM
ZERO_BAR = 2.0


@dataclass(frozen=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    title: str


@dataclass(frozen=True)
class Dot:
    x: float
    y: float
    title: str


@dataclass
class WeeklyChart:
    """Bars (counts and shares) or dots joined within unbroken runs (means): a quiet week
    breaks the line rather than dropping it to zero."""

    style: str  # "bars" or "line"
    bars: list[Bar] = field(default_factory=list)
    dots: list[Dot] = field(default_factory=list)
    runs: list[str] = field(default_factory=list)  # polyline points, one per unbroken run
    x_ticks: list[Tick] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    baseline: float = PLOT_BOTTOM
    steady: Bar | None = None  # a band where a change could come from measurement alone
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT


def _y(value: float, low: float, high: float) -> float:
    share = (min(high, max(low, value)) - low) / (high - low)
    return round(PLOT_BOTTOM - (PLOT_BOTTOM - TOP) * share, 2)


def weekly(
    series: list[Weekly],
    *,
    style: str,
    low: float,
    high: float,
    y_labels: tuple[str, str, str],
    describe: str,
    by_month: bool,
    join_gaps: bool = False,
) -> WeeklyChart:
    """Places a weekly (or monthly) series. `describe` formats a value for hover titles, with
    `{value}` and `{count}`. With `join_gaps` a line runs on across empty weeks: a measure
    taken every fortnight is one series of takings, not a string of lone points."""
    chart = WeeklyChart(style)
    slot = PLOT_WIDTH / max(1, len(series))
    chart.baseline = _y(max(low, min(high, 0.0)), low, high)
    fmt = "%b %Y" if by_month else "%-d %b"
    run: list[str] = []
    for index, period in enumerate(series):
        centre = LEFT + slot * (index + 0.5)
        label = period.week.strftime(fmt)
        if period.value is None or (period.value == 0 and not period.count):
            if run and not join_gaps:
                chart.runs.append(" ".join(run))
                run = []
            continue
        y = _y(period.value, low, high)
        title = f"{label}: " + describe.format(value=period.value, count=period.count)
        if style == "bars":
            top, bottom = min(y, chart.baseline), max(y, chart.baseline)
            if bottom - top < ZERO_BAR and period.count:  # a recorded zero: a sliver, not a gap
                top = bottom - ZERO_BAR if y <= chart.baseline else top
            width = max(1.0, slot * 0.7)
            chart.bars.append(
                Bar(
                    round(centre - width / 2, 2),
                    top,
                    round(width, 2),
                    round(bottom - top, 2),
                    title,
                )
            )
        else:
            chart.dots.append(Dot(round(centre, 2), y, title))
            run.append(f"{round(centre, 2)},{y}")
    if run:
        chart.runs.append(" ".join(run))
    chart.runs = [points for points in chart.runs if " " in points]  # a lone dot needs no line
    chart.y_ticks = [
        Tick(_y(value, low, high), text)
        for value, text in zip((low, (low + high) / 2, high), y_labels, strict=True)
    ]
    step = max(1, math.ceil(len(series) / 6))
    chart.x_ticks = [
        Tick(round(LEFT + slot * (index + 0.5), 2), series[index].week.strftime(fmt))
        for index in range(0, len(series), step)
    ]
    return chart


def mark_steady(chart: WeeklyChart, around: float, reach: float, low: float, high: float) -> None:
    """Shades the band within `reach` of `around` (a first score): a later score inside it has
    not moved more than measurement alone could explain."""
    top, bottom = _y(around + reach, low, high), _y(around - reach, low, high)
    title = f"Within {reach:.1f} of your first score, {around:g}"
    chart.steady = Bar(LEFT, top, PLOT_WIDTH, round(bottom - top, 2), title)


# --- The map ---------------------------------------------------------------------------------

MAP_WIDTH = 640
MAP_HEIGHT = 420
MAP_LEFT = 56
MAP_RIGHT = 16
MAP_TOP = 16
MAP_BOTTOM = 48


@dataclass(frozen=True)
class Spot:
    place: Place
    name: str
    url: str
    kind: str  # "context" or "person"
    x: float
    y: float
    r: float
    label: Label | None = None

    @property
    def better_percent(self) -> int:
        return round(self.place.better * 100)

    @property
    def box_x(self) -> float:
        """The details box sits beside the circle, on whichever side has room."""
        return round(self.x + self.r + 6 if self.x < MAP_WIDTH / 2 else self.x - self.r - 206, 2)

    @property
    def box_y(self) -> float:
        return round(min(max(self.y - 29, MAP_TOP), MAP_HEIGHT - MAP_BOTTOM - 58), 2)


@dataclass
class MapChart:
    spots: list[Spot]
    middle_x: float = 0
    middle_y: float = 0
    width: int = MAP_WIDTH
    height: int = MAP_HEIGHT
    left: int = MAP_LEFT
    right: int = MAP_WIDTH - MAP_RIGHT
    top: int = MAP_TOP
    bottom: int = MAP_HEIGHT - MAP_BOTTOM

    @property
    def zones(self) -> dict[str, float]:
        return {
            "left_width": round(self.middle_x - self.left, 2),
            "right_width": round(self.right - self.middle_x, 2),
            "top_height": round(self.middle_y - self.top, 2),
            "bottom_height": round(self.bottom - self.middle_y, 2),
        }


# Circles keep inside the map: values are placed within this margin of its edges.
MAP_PAD = 26


def map_x(distress: float) -> float:
    inner = MAP_WIDTH - MAP_LEFT - MAP_RIGHT - 2 * MAP_PAD
    return round(MAP_LEFT + MAP_PAD + inner * distress / 100, 2)


def map_y(better: float) -> float:
    inner = MAP_HEIGHT - MAP_BOTTOM - MAP_TOP - 2 * MAP_PAD
    return round(MAP_HEIGHT - MAP_BOTTOM - MAP_PAD - inner * better, 2)


LABEL_HEIGHT = 14
CHARACTER_WIDTH = 7  # at the map's 13px type; an estimate is enough to keep labels apart


@dataclass(frozen=True)
class Label:
    x: float
    y: float  # the text's baseline
    anchor: Literal["start", "middle", "end"]


def _label_box(label: Label, text: str) -> tuple[float, float, float, float]:
    width = len(text) * CHARACTER_WIDTH
    left = {"middle": label.x - width / 2, "start": label.x, "end": label.x - width}[label.anchor]
    return left, label.y - LABEL_HEIGHT + 3, left + width, label.y + 3


def _overlaps(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(spots: list[tuple[float, float, float, str]]) -> list[Label | None]:
    """A label for each circle (x, y, r, text), below, above, right or left of it, wherever it
    covers no other label or circle; None where none fits (the list view still names it).
    Bigger circles choose first."""
    circles = [(x - r, y - r, x + r, y + r) for x, y, r, _ in spots]
    taken: list[tuple[float, float, float, float]] = []
    labels: list[Label | None] = [None] * len(spots)
    for index in sorted(range(len(spots)), key=lambda i: -spots[i][2]):
        x, y, r, text = spots[index]
        for label in (
            Label(x, y + r + LABEL_HEIGHT, "middle"),
            Label(x, y - r - 4, "middle"),
            Label(x + r + 4, y + 4, "start"),
            Label(x - r - 4, y + 4, "end"),
        ):
            box = _label_box(label, text)
            inside = box[0] >= MAP_LEFT and box[2] <= MAP_WIDTH - MAP_RIGHT
            others = (c for i, c in enumerate(circles) if i != index)
            if inside and not any(_overlaps(box, other) for other in [*taken, *others]):
                labels[index] = label
                taken.append(box)
                break
    return labels


SPREAD_GAP = 3  # between circles moved apart
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))


def spread(circles: list[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """Where to draw each circle (x, y, r) so none covers another: two people with the same
    results would otherwise be drawn one on top of the other, the hidden one out of reach.
    Overlapping circles are pushed apart, each half the way, until all are clear (or after a
    fixed number of rounds); each stays within the map and as near its own place as that
    allows (the details and the list keep the exact figures). Circles at the very same point
    part along fixed directions, so the map is drawn the same way each time."""
    xs = [x for x, _, _ in circles]
    ys = [y for _, y, _ in circles]
    radii = [r for _, _, r in circles]

    def keep_inside(i: int) -> None:
        r = radii[i]
        xs[i] = min(max(xs[i], MAP_LEFT + r), MAP_WIDTH - MAP_RIGHT - r)
        ys[i] = min(max(ys[i], MAP_TOP + r), MAP_HEIGHT - MAP_BOTTOM - r)

    for _ in range(400):
        moved = False
        for i in range(len(circles)):
            for j in range(i + 1, len(circles)):
                dx, dy = xs[j] - xs[i], ys[j] - ys[i]
                apart = math.hypot(dx, dy)
                needed = radii[i] + radii[j] + SPREAD_GAP
                if apart >= needed:
                    continue
                if apart < 1e-6:
                    dx, dy, apart = math.cos(j * GOLDEN_ANGLE), math.sin(j * GOLDEN_ANGLE), 1.0
                push = (needed - apart) / 2 + 0.01
                xs[i] -= dx / apart * push
                ys[i] -= dy / apart * push
                xs[j] += dx / apart * push
                ys[j] += dy / apart * push
                keep_inside(i)
                keep_inside(j)
                moved = True
        if not moved:
            break
    return [(round(x, 2), round(y, 2)) for x, y in zip(xs, ys, strict=True)]


def place_map(places: list[tuple[Place, str, str, str]]) -> MapChart:
    """Each place (with its name, link and kind) a circle whose area grows with how many
    experiences it holds, none covering another."""
    most = max((place.count for place, *_ in places), default=1)
    circles = [
        (
            map_x(place.distress),
            map_y(place.better),
            round(6 + 18 * math.sqrt(place.count / most), 2),
        )
        for place, *_ in places
    ]
    spots = [
        Spot(place, name, url, kind, x, y, r)
        for (place, name, url, kind), (x, y), (_, _, r) in zip(
            places, spread(circles), circles, strict=True
        )
    ]
    labels = place_labels([(spot.x, spot.y, spot.r, spot.name) for spot in spots])
    spots = [replace(spot, label=label) for spot, label in zip(spots, labels, strict=True)]
    # Small circles drawn last, so a big one never hides them.
    spots.sort(key=lambda spot: -spot.r)
    return MapChart(spots, map_x(DISTRESS_MIDDLE), map_y(BETTER_MIDDLE))
