"""The weekly markers of progress, as one table: each says what it counts, how it is read and how
it is drawn. The facts they rest on are taken from a period's records once (`Facts`), so each
idea — what a violation is, what went better than feared, what was explained away — is
counted one way for every marker."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from earned.core import belief, progress, relating
from earned.core.progress import Weekly
from earned.insights import charts
from earned.insights.gathering import Debriefed, Period, Records
from earned.ledger.choices import APPROACH, AVOIDANCE
from earned.records.choices import Category
from earned.rituals.choices import ENERGY_RANGE, MOOD_RANGE

Dated = list[tuple[datetime.date, float]]


def _explained_away(experience: Debriefed) -> bool:
    """Part of the person explained a good moment away, fully or a little."""
    return experience.explained_away in ("yes", "partly")


@dataclass(frozen=True)
class Facts:
    """A period's records, sorted into what the markers count."""

    period: Period
    debriefed: list[Debriefed]
    violations: Dated
    responses: list[tuple[datetime.date, bool]]  # each response: towards people or not
    explaining: list[datetime.date]  # good moments the person noticed being explained away
    went_better: list[Debriefed]
    noted: list[Debriefed]  # of those, the ones where the person said whether they explained
    distress: Dated
    shifts: list[datetime.date]
    repairs: list[datetime.date]
    ruptures: list[relating.Rupture]
    practised: list[datetime.date]
    moods: Dated
    energies: Dated

    @classmethod
    def of(cls, found: Records) -> Facts:
        debriefed = found.experiences
        went_better = [e for e in debriefed if belief.went_better_than_feared(e.violation)]
        return cls(
            period=found.period,
            debriefed=debriefed,
            violations=[(e.day, float(e.violation)) for e in debriefed if e.violation is not None],
            responses=[
                (e.day, key in APPROACH)
                for e in debriefed
                for key in e.responses.split(",")
                if key in APPROACH or key in AVOIDANCE
            ],
            explaining=[e.day for e in debriefed if _explained_away(e)],
            went_better=went_better,
            noted=[e for e in went_better if e.explained_away],
            distress=[(e.day, float(e.peak_distress)) for e in debriefed
                      if e.peak_distress is not None],
            shifts=found.shifts,
            repairs=found.repairs,
            ruptures=found.ruptures,
            practised=found.practised,
            moods=[(d, float(mood)) for d, mood, _ in found.check_ins if mood is not None],
            energies=[(d, float(energy)) for d, _, energy in found.check_ins if energy is not None],
        )  # fmt: skip

    def mean(self, values: Dated) -> list[Weekly]:
        chosen = self.period
        return progress.weekly_mean(values, chosen.first, chosen.last, by_month=chosen.by_month)

    def share(self, flags: Iterable[tuple[datetime.date, bool]]) -> list[Weekly]:
        chosen = self.period
        return progress.weekly_share(flags, chosen.first, chosen.last, by_month=chosen.by_month)

    def count(self, days: list[datetime.date]) -> list[Weekly]:
        chosen = self.period
        return progress.weekly_count(days, chosen.first, chosen.last, by_month=chosen.by_month)

    def busiest(self, days: list[datetime.date]) -> int:
        """The top of a count chart: the busiest week (or month), at least 3."""
        return max([3, *(week.count for week in self.count(days))])


@dataclass(frozen=True)
class Scale:
    low: float
    high: float
    labels: tuple[str, str, str]  # bottom, middle, top


def counted(days: Callable[[Facts], list[datetime.date]]) -> Callable[[Facts], Scale]:
    """A count chart's scale: from none to the busiest week."""

    def scale(facts: Facts) -> Scale:
        top = facts.busiest(days(facts))
        return Scale(0, top, ("0", "", str(top)))

    return scale


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def _signed(value: float) -> str:
    return f"{value:+.0f}".replace("-", "−")  # a true minus sign, as wide as the plus


def _whole(value: float) -> str:
    return f"{value:.0f}"


SHARE = Scale(0, 1, ("0%", "50%", "100%"))
DAYS_A_WEEK = Scale(0, 7, ("0", "", "7"))
DAYS_A_MONTH = Scale(0, 31, ("0", "", "31"))


@dataclass(frozen=True)
class Kind:
    """One marker: what it counts, how it is read, how it is drawn."""

    key: str
    title: str
    how: Callable[[str], str]  # how it is counted, given the unit ("week" or "month")
    reading: Callable[[Facts], str]
    series: Callable[[Facts], list[Weekly]]
    style: str  # "bars" or "line"
    scale: Callable[[Facts], Scale]
    value_label: str  # the table's column for the value
    show: Callable[[float], str]
    describe: str  # a bar's words for a screen reader
    # The kinds of entries it is drawn from: shown to a care circle that shares any of them.
    rests_on: tuple[Category, ...] = (Category.EXPERIENCES,)


MARKERS: tuple[Kind, ...] = (
    Kind(
        "violation", "Better or harder than feared",
        lambda unit: "For each debriefed experience: how likely the feared outcome felt, minus "
        f"how much of it happened. Above the line, better than feared. The {unit}'s average.",
        lambda f: progress.violation_reading([v for _, v in f.violations]),
        lambda f: f.mean(f.violations),
        "bars", lambda f: Scale(-100, 100, ("harder", "as feared", "better")),
        "Average difference", _signed, "{value:+.0f} on average, from {count}",
    ),
    Kind(
        "approach", "Moving towards people",
        lambda unit: "Of the ways you responded, the share that moved towards people (stayed, "
        "shared, asked, set a boundary, repaired) rather than protecting yourself.",
        lambda f: progress.approach_reading(
            sum(towards for _, towards in f.responses),
            sum(not towards for _, towards in f.responses),
        ),
        lambda f: f.share(f.responses),
        "bars", lambda f: SHARE, "Share moving towards", _percent,
        "{value:.0%} of {count} responses",
    ),
    Kind(
        "misreadings", "Misreadings caught",
        lambda unit: "Interpretation shifts you wrote, and experiences where you noticed part "
        "of you explaining a good moment away.",
        lambda f: progress.misreadings_reading(len(f.shifts), len(f.explaining)),
        lambda f: f.count(f.shifts + f.explaining),
        "bars", counted(lambda f: f.shifts + f.explaining), "Caught", _whole, "{count}",
        (Category.EXPERIENCES, Category.REFLECTION),
    ),
    Kind(
        "repairs", "Repairs attempted",
        lambda unit: "Repair attempts noted, by you or the other person, after a rupture.",
        lambda f: progress.repairs_reading(
            len(f.repairs),
            relating.in_words(wait)
            if (wait := relating.median_time_to_repair(f.ruptures)) is not None
            else None,
            len(f.ruptures),
        ),
        lambda f: f.count(f.repairs),
        "bars", counted(lambda f: f.repairs), "Attempts", _whole, "{count}", (Category.PEOPLE,),
    ),
    Kind(
        "discounting", "Letting good moments count",
        lambda unit: "Of the experiences that went better than feared and where you noted it, "
        "the share that part of you explained away (fully or a little).",
        lambda f: progress.discounting_reading(
            sum(map(_explained_away, f.noted)), len(f.noted), len(f.went_better)
        ),
        lambda f: f.share((e.day, _explained_away(e)) for e in f.noted),
        "bars", lambda f: SHARE, "Share explained away", _percent,
        "{value:.0%} of {count} explained away",
    ),
    Kind(
        "distress", "Peak distress",
        lambda unit: f"The {unit}'s average peak distress, 0–100; and how often it went past "
        "what you could bear (above the window of tolerance).",
        lambda f: progress.distress_reading(
            sum(e.window == "above" for e in f.debriefed), len(f.debriefed)
        ),
        lambda f: f.mean(f.distress),
        "line", lambda f: Scale(0, 100, ("0", "50", "100")), "Average peak distress", _whole,
        "{value:.0f} on average, from {count}",
    ),
    Kind(
        "practice", "Days practised",
        lambda unit: "Days with a check-in, or an experience planned or written down.",
        lambda f: progress.practice_reading(len(f.practised), f.period.weeks),
        lambda f: f.count(f.practised),
        "bars",
        lambda f: DAYS_A_MONTH if f.period.by_month else DAYS_A_WEEK,
        "Days", _whole, "{count} days", (Category.CHECK_INS, Category.EXPERIENCES),
    ),
    Kind(
        "mood", "Mood",
        lambda unit: f"The {unit}'s average mood from your check-ins, {MOOD_RANGE[0]} to "
        f"+{MOOD_RANGE[1]}.",
        lambda f: progress.scale_reading("mood", [v for _, v in f.moods], *MOOD_RANGE),
        lambda f: f.mean(f.moods),
        "line",
        lambda f: Scale(*MOOD_RANGE, (str(MOOD_RANGE[0]), "0", f"+{MOOD_RANGE[1]}")),
        "Average mood", lambda v: f"{v:+.1f}", "{value:+.1f} on average, from {count}",
        (Category.CHECK_INS,),
    ),
    Kind(
        "energy", "Energy",
        lambda unit: f"The {unit}'s average energy from your check-ins, {ENERGY_RANGE[0]} to "
        f"{ENERGY_RANGE[1]}.",
        lambda f: progress.scale_reading("energy", [v for _, v in f.energies], *ENERGY_RANGE),
        lambda f: f.mean(f.energies),
        "line",
        lambda f: Scale(*ENERGY_RANGE, (str(ENERGY_RANGE[0]), "", str(ENERGY_RANGE[1]))),
        "Average energy", lambda v: f"{v:.1f}", "{value:.1f} on average, from {count}",
        (Category.CHECK_INS,),
    ),
)  # fmt: skip


@dataclass
class Marker:
    key: str
    title: str
    how: str  # how it is counted, in a line
    reading: str
    series: list[Weekly]
    chart: charts.WeeklyChart
    value_label: str  # the table's column for the value
    shown: list[tuple[str, str, int]]  # each recorded week: its start ("5 Jan 2026"), value, count

    @property
    def empty(self) -> bool:
        return not self.shown


def markers(found: Records, shared: Collection[Category] | None = None) -> list[Marker]:
    """Every marker of the period, in the table's order; drawn from `shared` kinds of entries
    only, when a care circle reads them."""
    facts = Facts.of(found)
    return [
        _drawn(kind, facts)
        for kind in MARKERS
        if shared is None or any(category in shared for category in kind.rests_on)
    ]


def _drawn(kind: Kind, facts: Facts) -> Marker:
    series = kind.series(facts)
    scale = kind.scale(facts)
    chart = charts.weekly(
        series,
        style=kind.style,
        low=scale.low,
        high=scale.high,
        y_labels=scale.labels,
        describe=kind.describe,
        by_month=facts.period.by_month,
    )
    shown = [
        (f"{w.week.day} {w.week:%b %Y}", kind.show(w.value), w.count)
        for w in series
        if w.value is not None and w.count
    ]
    return Marker(
        kind.key, kind.title, kind.how(facts.period.unit), kind.reading(facts), series, chart,
        kind.value_label, shown,
    )  # fmt: skip
