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

    # In CSS pixels at full size (the picture only ever shrinks, on a phone): a week's bar is
    # 30 wide and seven days 84 tall. The dates under it are the page's own text, so they keep
    # their size however wide the picture is drawn.
    STEP = 40
    TALL = 84

    @classmethod
    def of(cls, weeks: list[Week]) -> WeekBars:
        base = cls.TALL + 2
        bars = [
            Bar(
                week,
                index * cls.STEP + 5,
                base - cls.TALL * week.days / 7,
                cls.TALL * week.days / 7,
            )
            for index, week in enumerate(weeks)
        ]
        return cls(len(weeks) * cls.STEP, base + 2, base, cls.STEP - 10, bars)
