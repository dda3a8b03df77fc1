"""What the insights pages and the report rest on, gathered from the person's records with a few
narrow queries (clear columns only: no free text is decrypted but names and expectations): the
period asked for, the working model, and the period's records as plain numbers for the pure
functions in earned/core/."""

from __future__ import annotations

import datetime
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from django.db.models import BooleanField, ExpressionWrapper, Min, Q

from earned.access import entries_of
from earned.accounts.models import User
from earned.circles.models import Circle
from earned.core import belief, patterns, progress, relating
from earned.core.clock import DAY_TURNS_AT, practice_days
from earned.ledger import services as ledger
from earned.ledger.models import Expectation, Experience, Rating, Tested
from earned.records import bulk
from earned.reflection.models import Shift
from earned.relationships.models import Repair, Rupture
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


def period(owner: User, key: str, through: Circle | None = None) -> Period:
    """A named period ending today; an unknown key falls back to the default. (`through`: the
    circle someone reads the person's records through, for the first of them they may see.)"""
    label_days = PERIODS.get(key) or PERIODS[DEFAULT_PERIOD]
    key = key if key in PERIODS else DEFAULT_PERIOD
    today = day_of(owner)
    days = label_days[1]
    if days is not None:
        return Period(today - datetime.timedelta(days=days - 1), today, key)
    return Period(min(first_record(owner, through) or today, today), today, key)


def first_record(owner: User, through: Circle | None = None) -> datetime.date | None:
    """The day of the person's earliest experience, check-in or rating."""
    found = [
        entries_of(Experience, owner, through).aggregate(first=Min("happens_at"))["first"],
        entries_of(Rating, owner, through).aggregate(first=Min("rated_at"))["first"],
    ]
    days = [day_of(owner, moment) for moment in found if moment is not None]
    first_check_in = entries_of(CheckIn, owner, through).aggregate(first=Min("day"))["first"]
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


def working_model(
    owner: User,
    through: Circle | None = None,
    tallies: dict[Any, list[belief.Tally]] | None = None,
) -> list[Belief]:
    """Every active expectation with its latest ratings and the evidence so far, the widest gap
    between feeling and evidence first. Three queries (two with the `tallies` a period's
    `records` added up already); the database adds up the tests, so ten years of them cost no
    more than a few."""
    expectations = list(entries_of(Expectation, owner, through).filter(archived_at__isnull=True))
    ratings: dict[object, list[Rating]] = defaultdict(list)
    for rating in (
        entries_of(Rating, owner, through)
        .filter(expectation__archived_at__isnull=True)
        .only("owner_id", "expectation_id", "feels_true", "think_true", "rated_at")
    ):
        ratings[rating.expectation_id].append(rating)
    if tallies is None:
        tallies = ledger.tallies_by_expectation(entries_of(Tested, owner, through))
    found = []
    for expectation in expectations:
        rated = ratings[expectation.pk]
        prior = rated[0].feels_true if rated else 50
        estimate = belief.estimate_from_tallies(prior, tallies.get(expectation.pk, ()))
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


class Debriefed(NamedTuple):  # a tuple, not a dataclass: ten years make 18,000 of them
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
    violation: int | None  # `belief.violation` of the two, worked out once: markers read it often


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
    # Not the period's: every finished test, for the working model (`working_model(tallies=)`);
    # None when only the experiences were gathered.
    tallies: dict[Any, list[belief.Tally]] | None = None


def records(
    owner: User, chosen: Period, *, everything: bool = True, through: Circle | None = None
) -> Records:
    """Everything the period's markers, map and patterns rest on: eight narrow queries, or
    just the experiences when that is all that is needed. Their rows are read as the database
    gives them (`bulk.rows`) and placed on their days together (`PracticeDays`): at ten years
    that is some 60,000 values, and doing it value by value took most of the page's time."""
    zone = owner.timezone
    start, end = chosen.moments(zone)
    day = practice_days(chosen.first, chosen.last, zone)
    person_ids: dict[object, str] = {}  # as the driver gives an id, to its usual spelling

    def person(raw: object) -> str | None:
        if raw is None:
            return None
        if raw not in person_ids:
            person_ids[raw] = str(uuid.UUID(str(raw)))
        return person_ids[raw]

    experiences = [
        Debriefed(
            day(at), likelihood, occurred, peak, window, responses, explained_away, felt,
            context, person(person_id), belief.violation(likelihood, occurred),
        )
        for (
            at, likelihood, occurred, peak, window, responses, explained_away, felt, context,
            person_id,
        ) in bulk.rows(
            entries_of(Experience, owner, through)
            .filter(status=DONE, happens_at__gte=start, happens_at__lt=end)
            .order_by("happens_at")
            .values_list(
                "happens_at", "likelihood", "occurred", "peak_distress", "window",
                "responses", "explained_away", "felt", "context", "person_id",
            )
        )
    ]  # fmt: skip
    if not everything:  # the map needs only the experiences
        return Records(chosen, experiences, [], [], [], [], [], [])
    tests, tallies = _tested(owner, through, start, end)
    shifts = [
        day(at)
        for (at,) in bulk.rows(
            entries_of(Shift, owner, through)
            .filter(at__gte=start, at__lt=end)
            .values_list("at")
            .order_by()
        )
    ]
    repairs_of: dict[object, list[datetime.datetime]] = defaultdict(list)
    for rupture_id, at in (
        entries_of(Repair, owner, through)
        .filter(rupture__at__gte=start, rupture__at__lt=end)
        .values_list("rupture_id", "at")
    ):
        repairs_of[rupture_id].append(at)
    ruptures = [
        relating.Rupture(at, tuple(repairs_of[pk]))
        for pk, at in entries_of(Rupture, owner, through)
        .filter(at__gte=start, at__lt=end)
        .values_list("id", "at")
    ]
    repairs = [
        day(at)
        for (at,) in bulk.rows(
            entries_of(Repair, owner, through).filter(at__gte=start, at__lt=end).values_list("at")
        )
    ]
    check_ins = bulk.rows(
        entries_of(CheckIn, owner, through)
        .filter(day__gte=chosen.first, day__lte=chosen.last)
        .values_list("day", "mood", "energy")
        .order_by()
    )
    practised = sorted(
        d for d in practised_days(owner, chosen.first, through, until=chosen.last)
        if d <= chosen.last
    )  # fmt: skip
    return Records(
        chosen, experiences, tests, shifts, ruptures, repairs, check_ins, practised, tallies
    )


def _tested(
    owner: User, through: Circle | None, start: datetime.datetime, end: datetime.datetime
) -> tuple[list[patterns.Tests], dict[Any, list[belief.Tally]]]:
    """How finished experiences tested each expectation, added up by the database once for
    two readers: the period's, felt or observed, for the patterns; and every period's, by how
    they are taken in, for the working model's evidence (`ledger.tallied`, as
    `ledger.tallies_by_expectation` adds them up). At ten years each reading joins 27,000 tests
    to their experiences."""
    within = ExpressionWrapper(
        Q(experience__happens_at__gte=start, experience__happens_at__lt=end),
        output_field=BooleanField(),
    )
    told = ExpressionWrapper(Q(experience__occurred__isnull=False), output_field=BooleanField())
    in_period: Counter[tuple[str, bool | None]] = Counter()
    tallies: dict[Any, list[belief.Tally]] = defaultdict(list)
    rows = ledger.tallied(entries_of(Tested, owner, through), within=within, told=told)
    for expectation_id, felt, window, explained_away, is_within, is_told, count, occurred in rows:
        if is_within:
            in_period[str(expectation_id), felt] += count
        if is_told:  # how much of the fear happened: what the evidence rests on
            tallies[expectation_id].append(
                belief.Tally(felt, window, explained_away, count, occurred)
            )
    tests = [patterns.Tests(key, felt, count) for (key, felt), count in in_period.items()]
    return tests, tallies
