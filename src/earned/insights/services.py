"""What the insights pages and the report show, gathered from the person's records with a few
narrow queries (clear columns only: no free text is decrypted but names and expectations) and
handed to the pure functions in earned/core/."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Count, Min, Sum
from django.urls import reverse

from earned.access import owned
from earned.accounts.models import User
from earned.core import belief, mapping, patterns, progress, relating
from earned.core.clock import DAY_TURNS_AT, practice_day
from earned.core.progress import Weekly
from earned.insights import charts
from earned.ledger.choices import APPROACH, AVOIDANCE, Context
from earned.ledger.models import Expectation, Experience, Rating, Tested
from earned.reflection.models import Shift
from earned.relationships.models import Person, Repair, Rupture
from earned.rituals.choices import ENERGY_RANGE, MOOD_RANGE
from earned.rituals.models import CheckIn
from earned.rituals.services import day_of, practised_days

DONE = Experience.Status.DONE

PERIODS = {
    "4w": ("Last 4 weeks", 28),
    "3m": ("Last 3 months", 91),
    "1y": ("Last year", 365),
    "all": ("Everything", None),
}
DEFAULT_PERIOD = "3m"


@dataclass(frozen=True)
class Period:
    first: datetime.date
    last: datetime.date
    key: str = ""  # one of PERIODS, or "" for dates chosen by hand

    @property
    def by_month(self) -> bool:
        """Longer than a year: each bar is a month, so the charts stay readable."""
        return (self.last - self.first).days > 370

    @property
    def weeks(self) -> int:
        return len(progress.weeks(self.first, self.last))

    @property
    def unit(self) -> str:
        return "month" if self.by_month else "week"

    def moments(self, zone: str) -> tuple[datetime.datetime, datetime.datetime]:
        """The period's start and end as moments, on the person's own day boundaries."""
        turn = datetime.time(DAY_TURNS_AT)
        local = ZoneInfo(zone)
        start = datetime.datetime.combine(self.first, turn, local)
        end = datetime.datetime.combine(self.last + datetime.timedelta(days=1), turn, local)
        return start, end


def period(owner: User, key: str) -> Period:
    """A named period ending today; an unknown key falls back to the default."""
    label_days = PERIODS.get(key) or PERIODS[DEFAULT_PERIOD]
    key = key if key in PERIODS else DEFAULT_PERIOD
    today = day_of(owner)
    days = label_days[1]
    if days is not None:
        return Period(today - datetime.timedelta(days=days - 1), today, key)
    return Period(min(first_record(owner) or today, today), today, key)


def first_record(owner: User) -> datetime.date | None:
    """The day of the person's earliest experience, check-in or rating."""
    found = [
        owned(Experience, owner).aggregate(first=Min("happens_at"))["first"],
        owned(Rating, owner).aggregate(first=Min("rated_at"))["first"],
    ]
    days = [day_of(owner, moment) for moment in found if moment is not None]
    first_check_in = owned(CheckIn, owner).aggregate(first=Min("day"))["first"]
    if first_check_in is not None:
        days.append(first_check_in)
    return min(days, default=None)


# --- The working model ------------------------------------------------------------------------


@dataclass(frozen=True)
class Belief:
    expectation: Expectation
    feels_true: int | None
    think_true: int | None
    evidence: belief.Estimate
    tested: int

    @property
    def gap(self) -> float:
        """How far the feeling sits from the evidence; unrated expectations come last."""
        return -1 if self.feels_true is None else abs(self.feels_true - self.evidence.mean)

    @property
    def scale(self) -> dict[str, float | None]:
        """Where each figure sits on the small 0–100 scale drawn beside it (8 to 292)."""

        def at(value: float | None) -> float | None:
            return None if value is None else round(8 + 2.84 * value, 1)

        low, high = at(self.evidence.low) or 8, at(self.evidence.high) or 8
        return {
            "low": low,
            "band": round(high - low, 1),
            "evidence": at(self.evidence.mean),
            "think": at(self.think_true),
            "feels": at(self.feels_true),
        }


def working_model(owner: User) -> list[Belief]:
    """Every active expectation with its latest ratings and the evidence so far, the widest gap
    between feeling and evidence first. Three queries; the database adds up the tests, so ten
    years of them cost no more than a few."""
    expectations = list(owned(Expectation, owner).filter(archived_at__isnull=True))
    ratings: dict[object, list[Rating]] = defaultdict(list)
    for rating in (
        owned(Rating, owner)
        .filter(expectation__archived_at__isnull=True)
        .only("owner_id", "expectation_id", "feels_true", "think_true", "rated_at")
    ):
        ratings[rating.expectation_id].append(rating)
    tallies: dict[object, list[belief.Tally]] = defaultdict(list)
    for expectation_id, felt, window, explained_away, count, occurred in (
        owned(Tested, owner)
        .filter(experience__status=DONE, experience__occurred__isnull=False)
        .values_list(
            "expectation_id", "experience__felt", "experience__window",
            "experience__explained_away",
        )
        .annotate(count=Count("id"), occurred=Sum("experience__occurred"))
        .order_by()
    ):  # fmt: skip
        tallies[expectation_id].append(belief.Tally(felt, window, explained_away, count, occurred))
    found = []
    for expectation in expectations:
        rated = ratings[expectation.pk]
        prior = rated[0].feels_true if rated else 50
        estimate = belief.estimate_from_tallies(prior, tallies[expectation.pk])
        found.append(
            Belief(
                expectation,
                rated[-1].feels_true if rated else None,
                rated[-1].think_true if rated else None,
                estimate,
                estimate.tested,
            )
        )
    return sorted(found, key=lambda b: -b.gap)


# --- The records of a period, as plain numbers ---------------------------------------------------


@dataclass(frozen=True)
class Debriefed:
    day: datetime.date
    likelihood: int | None
    occurred: int | None
    peak_distress: int | None
    window: str
    responses: str
    explained_away: str
    felt: bool | None
    context: str
    person: str | None

    @property
    def violation(self) -> int | None:
        if self.likelihood is None or self.occurred is None:
            return None
        return self.likelihood - self.occurred


@dataclass
class Records:
    period: Period
    experiences: list[Debriefed]
    tests: list[patterns.Tests]  # how the period's experiences tested each expectation
    shifts: list[datetime.date]
    ruptures: list[relating.Rupture]
    repairs: list[datetime.date]
    check_ins: list[tuple[datetime.date, int | None, int | None]]  # day, mood, energy
    practised: list[datetime.date]


def records(owner: User, chosen: Period, *, everything: bool = True) -> Records:
    """Everything the period's markers, map and patterns rest on: eight narrow queries, or
    just the experiences when that is all that is needed."""
    zone = owner.timezone
    start, end = chosen.moments(zone)

    def day(moment: datetime.datetime) -> datetime.date:
        return practice_day(moment, zone)

    rows = (
        owned(Experience, owner)
        .filter(status=DONE, happens_at__gte=start, happens_at__lt=end)
        .order_by("happens_at")
        .values_list(
            "happens_at", "likelihood", "occurred", "peak_distress", "window",
            "responses", "explained_away", "felt", "context", "person_id",
        )
    )  # fmt: skip
    experiences = [
        Debriefed(
            day(at), likelihood, occurred, peak, window, responses, explained_away, felt,
            context, str(person) if person else None,
        )
        for (
            at, likelihood, occurred, peak, window, responses, explained_away, felt, context,
            person,
        ) in rows
    ]  # fmt: skip
    if not everything:  # the map needs only the experiences
        return Records(chosen, experiences, [], [], [], [], [], [])
    tests = [
        patterns.Tests(str(expectation_id), felt, count)
        for expectation_id, felt, count in owned(Tested, owner)
        .filter(
            experience__status=DONE,
            experience__happens_at__gte=start,
            experience__happens_at__lt=end,
        )
        .values_list("expectation_id", "experience__felt")
        .annotate(count=Count("id"))
        .order_by()
    ]
    shifts = [
        day(at)
        for at in owned(Shift, owner).filter(at__gte=start, at__lt=end).values_list("at", flat=True)
    ]
    repairs_of: dict[object, list[datetime.datetime]] = defaultdict(list)
    for rupture_id, at in (
        owned(Repair, owner)
        .filter(rupture__at__gte=start, rupture__at__lt=end)
        .values_list("rupture_id", "at")
    ):
        repairs_of[rupture_id].append(at)
    ruptures = [
        relating.Rupture(at, tuple(repairs_of[pk]))
        for pk, at in owned(Rupture, owner)
        .filter(at__gte=start, at__lt=end)
        .values_list("id", "at")
    ]
    repairs = [
        day(at)
        for at in owned(Repair, owner)
        .filter(at__gte=start, at__lt=end)
        .values_list("at", flat=True)
    ]
    check_ins = list(
        owned(CheckIn, owner)
        .filter(day__gte=chosen.first, day__lte=chosen.last)
        .values_list("day", "mood", "energy")
    )
    practised = sorted(d for d in practised_days(owner, chosen.first) if d <= chosen.last)
    return Records(chosen, experiences, tests, shifts, ruptures, repairs, check_ins, practised)


# --- Markers ------------------------------------------------------------------------------------


@dataclass
class Marker:
    key: str
    title: str
    how: str  # how it is counted, in a line
    reading: str
    series: list[Weekly]
    chart: charts.WeeklyChart
    value_label: str  # the table's column for the value
    shown: list[tuple[datetime.date, str, int]]  # each recorded week: its start, value, count

    @property
    def empty(self) -> bool:
        return not self.shown


def _marker(
    chosen: Period,
    key: str,
    title: str,
    how: str,
    reading: str,
    series: list[Weekly],
    *,
    style: str,
    low: float,
    high: float,
    y_labels: tuple[str, str, str],
    value_label: str,
    show: Callable[[float], str],
    describe: str,
) -> Marker:
    chart = charts.weekly(
        series,
        style=style,
        low=low,
        high=high,
        y_labels=y_labels,
        describe=describe,
        by_month=chosen.by_month,
    )
    shown = [(w.week, show(w.value), w.count) for w in series if w.value is not None and w.count]
    return Marker(key, title, how, reading, series, chart, value_label, shown)


def _percent(value: float) -> str:
    return f"{value * 100:.0f}%"


def _signed(value: float) -> str:
    return f"{value:+.0f}".replace("-", "−")  # a true minus sign, as wide as the plus


def markers(found: Records) -> list[Marker]:
    chosen = found.period
    first, last, by_month = chosen.first, chosen.last, chosen.by_month
    unit = chosen.unit
    debriefed = found.experiences
    with_outcome = [(e.day, float(e.violation)) for e in debriefed if e.violation is not None]
    responses = [
        (e.day, key in APPROACH)
        for e in debriefed
        for key in e.responses.split(",")
        if key in APPROACH or key in AVOIDANCE
    ]
    approaches = sum(flag for _, flag in responses)
    caught = [e.day for e in debriefed if e.explained_away in ("yes", "partly")]
    went_better = [e for e in debriefed if belief.went_better_than_feared(e.violation)]
    noted = [e for e in went_better if e.explained_away]
    distress = [(e.day, float(e.peak_distress)) for e in debriefed if e.peak_distress is not None]
    overwhelmed = sum(e.window == "above" for e in debriefed)
    median_wait = relating.median_time_to_repair(found.ruptures)
    moods = [(d, float(mood)) for d, mood, _ in found.check_ins if mood is not None]
    energies = [(d, float(energy)) for d, _, energy in found.check_ins if energy is not None]

    return [
        _marker(
            chosen, "violation", "Better or harder than feared",
            "For each debriefed experience: how likely the feared outcome felt, minus how much "
            f"of it happened. Above the line, better than feared. The {unit}'s average.",
            progress.violation_reading([v for _, v in with_outcome]),
            progress.weekly_mean(with_outcome, first, last, by_month=by_month),
            style="bars", low=-100, high=100, y_labels=("harder", "as feared", "better"),
            value_label="Average difference", show=_signed,
            describe="{value:+.0f} on average, from {count}",
        ),
        _marker(
            chosen, "approach", "Moving towards people",
            "Of the ways you responded, the share that moved towards people (stayed, shared, "
            "asked, set a boundary, repaired) rather than protecting yourself.",
            progress.approach_reading(approaches, len(responses) - approaches),
            progress.weekly_share(responses, first, last, by_month=by_month),
            style="bars", low=0, high=1, y_labels=("0%", "50%", "100%"),
            value_label="Share moving towards", show=_percent,
            describe="{value:.0%} of {count} responses",
        ),
        _marker(
            chosen, "misreadings", "Misreadings caught",
            "Interpretation shifts you wrote, and experiences where you noticed part of you "
            "explaining a good moment away.",
            progress.misreadings_reading(len(found.shifts), len(caught)),
            progress.weekly_count(found.shifts + caught, first, last, by_month=by_month),
            style="bars", low=0, high=_ceiling(found.shifts + caught, by_month),
            y_labels=("0", "", str(_ceiling(found.shifts + caught, by_month))),
            value_label="Caught", show=lambda v: f"{v:.0f}", describe="{count}",
        ),
        _marker(
            chosen, "repairs", "Repairs attempted",
            "Repair attempts noted, by you or the other person, after a rupture.",
            progress.repairs_reading(
                len(found.repairs),
                relating.in_words(median_wait) if median_wait is not None else None,
                len(found.ruptures),
            ),
            progress.weekly_count(found.repairs, first, last, by_month=by_month),
            style="bars", low=0, high=_ceiling(found.repairs, by_month),
            y_labels=("0", "", str(_ceiling(found.repairs, by_month))),
            value_label="Attempts", show=lambda v: f"{v:.0f}", describe="{count}",
        ),
        _marker(
            chosen, "discounting", "Letting good moments count",
            "Of the experiences that went better than feared and where you noted it, the share "
            "that part of you explained away (fully or a little).",
            progress.discounting_reading(
                sum(e.explained_away in ("yes", "partly") for e in noted),
                len(noted),
                len(went_better),
            ),
            progress.weekly_share(
                ((e.day, e.explained_away in ("yes", "partly")) for e in noted),
                first, last, by_month=by_month,
            ),
            style="bars", low=0, high=1, y_labels=("0%", "50%", "100%"),
            value_label="Share explained away", show=_percent,
            describe="{value:.0%} of {count} explained away",
        ),
        _marker(
            chosen, "distress", "Peak distress",
            f"The {unit}'s average peak distress, 0–100; and how often it went past what you "
            "could bear (above the window of tolerance).",
            progress.distress_reading(overwhelmed, len(debriefed)),
            progress.weekly_mean(distress, first, last, by_month=by_month),
            style="line", low=0, high=100, y_labels=("0", "50", "100"),
            value_label="Average peak distress", show=lambda v: f"{v:.0f}",
            describe="{value:.0f} on average, from {count}",
        ),
        _marker(
            chosen, "practice", "Days practised",
            "Days with a check-in, or an experience planned or written down.",
            progress.practice_reading(len(found.practised), chosen.weeks),
            progress.weekly_count(found.practised, first, last, by_month=by_month),
            style="bars", low=0, high=31 if by_month else 7,
            y_labels=("0", "", "31" if by_month else "7"),
            value_label="Days", show=lambda v: f"{v:.0f}", describe="{count} days",
        ),
        _marker(
            chosen, "mood", "Mood",
            f"The {unit}'s average mood from your check-ins, {MOOD_RANGE[0]} to +{MOOD_RANGE[1]}.",
            progress.scale_reading("mood", [v for _, v in moods], *MOOD_RANGE),
            progress.weekly_mean(moods, first, last, by_month=by_month),
            style="line", low=MOOD_RANGE[0], high=MOOD_RANGE[1],
            y_labels=(str(MOOD_RANGE[0]), "0", f"+{MOOD_RANGE[1]}"),
            value_label="Average mood", show=lambda v: f"{v:+.1f}",
            describe="{value:+.1f} on average, from {count}",
        ),
        _marker(
            chosen, "energy", "Energy",
            f"The {unit}'s average energy from your check-ins, {ENERGY_RANGE[0]} to "
            f"{ENERGY_RANGE[1]}.",
            progress.scale_reading("energy", [v for _, v in energies], *ENERGY_RANGE),
            progress.weekly_mean(energies, first, last, by_month=by_month),
            style="line", low=ENERGY_RANGE[0], high=ENERGY_RANGE[1],
            y_labels=(str(ENERGY_RANGE[0]), "", str(ENERGY_RANGE[1])),
            value_label="Average energy", show=lambda v: f"{v:.1f}",
            describe="{value:.1f} on average, from {count}",
        ),
    ]  # fmt: skip


def _ceiling(days: Iterable[datetime.date], by_month: bool) -> int:
    """The top of a count chart: the busiest week (or month), at least 3."""
    start_of = progress.month_of if by_month else progress.week_of
    counts: dict[datetime.date, int] = defaultdict(int)
    for day in days:
        counts[start_of(day)] += 1
    return max(3, *counts.values()) if counts else 3


# --- The map ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mapped:
    place: mapping.Place
    name: str
    url: str
    kind: str  # "context" or "person"


def place_map(owner: User, found: Records) -> list[Mapped]:
    """Contexts and people, each placed by its experiences of the period."""
    names = _names(owner, {e.person for e in found.experiences if e.person})
    by_context = mapping.places(
        mapping.Visit(e.context, e.peak_distress, e.violation)
        for e in found.experiences
        if e.context
    )
    by_person = mapping.places(
        mapping.Visit(e.person, e.peak_distress, e.violation)
        for e in found.experiences
        if e.person and e.person in names
    )
    labels = dict(Context.choices)
    ledger = reverse("ledger:ledger")
    return [
        Mapped(
            place, str(labels.get(place.key, place.key)), f"{ledger}?context={place.key}", "context"
        )
        for place in by_context
    ] + [
        Mapped(place, names[place.key], reverse("relationships:person", args=[place.key]), "person")
        for place in by_person
    ]


def _names(owner: User, ids: set[str]) -> dict[str, str]:
    """People's names (decrypted: only the few the period names)."""
    return {
        str(person.pk): str(person.name)
        for person in owned(Person, owner).filter(pk__in=ids).only("id", "owner_id", "name")
    }


# --- Patterns ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pattern:
    title: str
    body: str
    prompt: str
    link: str
    link_text: str


def found_patterns(owner: User, found: Records) -> list[Pattern]:
    outcomes = [
        patterns.Outcome(
            e.person, e.occurred, e.likelihood, e.felt, e.window == "above",
        )
        for e in found.experiences
    ]  # fmt: skip
    people = _names(owner, {o.person for o in outcomes if o.person})
    observed_only = patterns.tested_only_by_observing(found.tests)
    expectations = {
        str(e.pk): e
        for e in owned(Expectation, owner).filter(pk__in={hit.key for hit in observed_only})
    }
    result = []
    for hit in patterns.keeps_being_confirmed(outcomes):
        if hit.key not in people:
            continue
        result.append(
            Pattern(
                f"With {people[hit.key]}, the old expectation keeps coming true",
                f"In {hit.count} of {hit.of} experiences with them, what you feared mostly "
                "happened.",
                "Is this a relationship to protect yourself in, or one where something could "
                "change? That can be worth thinking through with your therapist.",
                reverse("relationships:person", args=[hit.key]),
                f"Look at {people[hit.key]}’s page",
            )
        )
    for hit in observed_only:
        expectation = expectations.get(hit.key)
        if expectation is None:
            continue
        result.append(
            Pattern(
                f"“{_short(str(expectation.text))}” has only been watched from the outside",
                f"Its {hit.count} tests were all observed rather than felt.",
                "Feelings often move most after an experience you were fully in. A small, felt "
                "step might teach the feeling something new — perhaps one to plan together.",
                expectation.get_absolute_url(),
                "Look at this expectation",
            )
        )
    overwhelmed = patterns.often_overwhelmed(outcomes)
    if overwhelmed is not None:
        ledger = reverse("ledger:ledger")
        result.append(
            Pattern(
                "Several experiences went past what you could bear",
                f"{overwhelmed.count} of {overwhelmed.of} debriefed experiences in this period "
                "were above your window of tolerance.",
                "Steps can be smaller, and support can come first. This is a good thing to bring "
                "to therapy.",
                f"{ledger}?window=above&since={found.period.first}&until={found.period.last}",
                "See those experiences",
            )
        )
    return result


def _short(text: str, most: int = 60) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


# --- Everything for one page -----------------------------------------------------------------


@dataclass
class Insights:
    period: Period
    beliefs: list[Belief]
    markers: list[Marker]
    patterns: list[Pattern]
    debriefed: int


def insights(owner: User, chosen: Period) -> Insights:
    found = records(owner, chosen)
    return Insights(
        chosen, working_model(owner), markers(found), found_patterns(owner, found),
        len(found.experiences),
    )  # fmt: skip
