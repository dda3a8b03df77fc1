"""The geometry of the rituals' small picture, drawn as SVG by the check-ins template."""

from __future__ import annotations

from dataclasses import dataclass

from earned.core.clock import Week


@dataclass(frozen=True)
class Bar:
    week: Week
    x: float
    y: float
    height: float


@dataclass(frozen=True)
class WeekBars:
    """The geometry of the small days-practised picture: one bar per week, seven days tall."""

    width: int
    height: int
    base: int
    bar_width: int
    bars: list[Bar]

    STEP = 14
    TALL = 56

    @classmethod
    def of(cls, weeks: list[Week]) -> WeekBars:
        base = cls.TALL + 2
        bars = [
            Bar(
                week,
                index * cls.STEP + 2,
                base - cls.TALL * week.days / 7,
                cls.TALL * week.days / 7,
            )
            for index, week in enumerate(weeks)
        ]
        return cls(len(weeks) * cls.STEP, base + 14, base, cls.STEP - 4, bars)
