"""Every multi-step change to the daily rituals, shared by views, CLI and demo."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from earned.access import entries_of, owned
from earned.accounts.models import User
from earned.circles.models import Circle
from earned.core.clock import Week, practice_day, practice_days, weeks_practised
from earned.ledger import services as ledger
from earned.ledger.models import Experience
from earned.records import bulk
from earned.records import saving as records
from earned.rituals.choices import Kind
from earned.rituals.models import CheckIn, Interaction

CONSISTENCY_WEEKS = 12


def day_of(owner: User, moment: datetime.datetime | None = None) -> datetime.date:
    """The day a moment (now, by default) belongs to, in the person's own time zone."""
    return practice_day(moment or timezone.now(), owner.timezone)


def of_the_day(owner: User, kind: str, day: datetime.date) -> CheckIn | None:
    """The morning check-in or evening review of a day, if there is one (there is one at most;
    mid-day notes may be many)."""
    return owned(CheckIn, owner).filter(kind=kind, day=day).order_by("at").first()


@dataclass(frozen=True)
class Line:
    """One interaction in the evening review, as written."""

    who: str
    context: str
    what: str
    felt: int | None


NOTHING_GIVEN = (
    "Nothing is filled in yet, so there is nothing to keep. Tap a number or write a word — "
    "or leave it for now; that is fine too."
)


def check_something_given(check_in: CheckIn, lines: Sequence[Line], outcome: str) -> None:
    """A check-in is kept only when it holds something: an answer, a moment of the evening, or
    whether the morning's prediction happened."""
    if check_in.holds_nothing() and not lines and not outcome:
        raise ValidationError(NOTHING_GIVEN, code="empty")


@transaction.atomic
def save_check_in(
    owner: User,
    check_in: CheckIn,
    *,
    lines: Sequence[Line] | None = None,
    closes: CheckIn | None = None,
    outcome: str = "",
) -> CheckIn:
    """Save a check-in on the day it belongs to. An evening review may bring its interactions
    (replacing those saved before, except any already turned into an experience) and close the
    morning's prediction. One that holds nothing is refused (ValidationError)."""
    check_something_given(check_in, lines or (), outcome)
    check_in.day = day_of(owner, check_in.at)
    rows = []
    if lines is not None:
        # Lines already turned into experiences stay as they are; the rest are replaced.
        kept = (
            0 if check_in._state.adding else check_in.interactions.exclude(experience=None).count()
        )
        written = [
            Interaction(
                position=position,
                who=line.who or None,
                context=line.context,
                what=line.what or None,
                felt=line.felt,
            )
            for position, line in enumerate(lines, start=kept)
        ]
        rows.append(records.Rows("interactions", written, keep={"experience__isnull": False}))
    records.save(owner, check_in, rows=rows)
    if closes is not None and closes.owner_id == owner.pk and closes.kind == Kind.MORNING:
        closes.prediction_outcome = outcome
        records.save(owner, closes, update_fields=["prediction_outcome"])
    return check_in


def morning_to_close(owner: User, day: datetime.date) -> CheckIn | None:
    """The day's morning check-in, when it made a prediction the evening can close."""
    morning = of_the_day(owner, Kind.MORNING, day)
    return morning if morning is not None and morning.prediction else None


@transaction.atomic
def as_experience(owner: User, interaction: Interaction) -> Experience:
    """Turn a line of the evening review into an experience in the ledger, already filled in
    with what the line said, ready to debrief. Done once: a second call returns the same one."""
    if interaction.experience is not None:
        return interaction.experience
    experience = ledger.save_experience(
        owner,
        Experience(
            status=Experience.Status.DRAFT,
            happens_at=interaction.check_in.at,
            context=interaction.context,
            who=interaction.who,
            situation=interaction.what or f"Time with {interaction.who or 'someone'}",
        ),
    )
    interaction.experience = experience
    records.save(owner, interaction, update_fields=["experience"])
    return experience


def practised_days(
    owner: User,
    since: datetime.date,
    through: Circle | None = None,
    until: datetime.date | None = None,
) -> set[datetime.date]:
    """Days with any practice since a date: check-ins, and experiences planned or debriefed
    (those a circle shares, read `through` it). `until`, the last day the caller looks at
    (today unless said), is where placing moments on their days is quickest."""
    check_ins = entries_of(CheckIn, owner, through).filter(day__gte=since)
    days = {day for (day,) in bulk.rows(check_ins.values_list("day").order_by().distinct())}
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time()))
    day = practice_days(since, until or day_of(owner), owner.timezone)
    written = entries_of(Experience, owner, through).filter(created_at__gte=start)
    days.update(
        day(moment) for (moment,) in bulk.rows(written.values_list("created_at").order_by())
    )
    return days


def consistency(owner: User, weeks: int = CONSISTENCY_WEEKS) -> list[Week]:
    today = day_of(owner)
    since = today - datetime.timedelta(weeks=weeks)
    return weeks_practised(practised_days(owner, since), today, weeks)
