"""Every change to the people in a life, shared by views, CLI and demo; and what their records
say, through the pure markers in earned.core.relating."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from earned.access import owned
from earned.accounts.models import User
from earned.core import relating
from earned.ledger.models import Experience
from earned.records import saving as records
from earned.relationships.choices import Role
from earned.relationships.models import Person, Presence, Repair, Rupture, Safety

PRESENCE_MONTHS = 6


def people(owner: User, *, archived: bool = False) -> QuerySet[Person]:
    return owned(Person, owner).filter(archived_at__isnull=not archived)


@transaction.atomic
def save_person(owner: User, person: Person, feels_safe: int | None = None) -> Person:
    records.save(owner, person)
    if feels_safe is not None:
        rate_safety(owner, person, feels_safe)
    return person


def rate_safety(
    owner: User, person: Person, feels_safe: int, at: datetime.datetime | None = None
) -> Safety:
    safety = Safety(person=person, feels_safe=feels_safe, at=at or timezone.now())
    return records.save(owner, safety).record


def showed_up(
    owner: User, person: Person, showed: str, at: datetime.datetime | None = None
) -> Presence:
    """A moment someone showed up: two taps, no typing needed."""
    presence = Presence(person=person, showed=showed, at=at or timezone.now())
    return records.save(owner, presence).record


def take_back(owner: User, presence: Presence) -> None:
    """A moment of presence marked by mistake."""
    records.delete(owner, presence)


@transaction.atomic
def delete_person(owner: User, person: Person, *, with_experiences: bool = False) -> int:
    """Delete someone with their presence, ruptures and repairs. Their experiences stay in the
    ledger, no longer linked to them — unless the person asked for those to go too. Returns
    how many experiences were deleted."""
    records.check_owner(owner, [person])
    doomed = list(owned(Experience, owner).filter(person=person)) if with_experiences else []
    for experience in doomed:
        records.delete(owner, experience)
    records.delete(owner, person)
    return len(doomed)


def person_for(owner: User, name: str) -> Person:
    """The person's therapist by this name among their people, added if not there yet (for a
    rupture or repair noticed in a session)."""
    for person in owned(Person, owner).filter(role=Role.THERAPIST):
        if str(person.name) == name:
            return person
    return save_person(owner, Person(name=name, role=Role.THERAPIST))


def save_rupture(owner: User, rupture: Rupture) -> Rupture:
    return records.save(owner, rupture).record


def save_repair(owner: User, repair: Repair) -> Repair:
    return records.save(owner, repair).record


def delete_repair(owner: User, repair: Repair) -> None:
    records.delete(owner, repair)


# --- What the records say ---------------------------------------------------------------------


def as_rupture(rupture: Rupture) -> relating.Rupture:
    return relating.Rupture(rupture.at, [repair.at for repair in rupture.repairs.all()])


@dataclass(frozen=True)
class Markers:
    willingness: float | None  # share of ruptures with a repair attempt within a week
    median_repair: datetime.timedelta | None


def markers(ruptures: list[Rupture]) -> Markers:
    found = [as_rupture(rupture) for rupture in ruptures]
    return Markers(
        relating.willingness_to_repair(found, timezone.now()),
        relating.median_time_to_repair(found),
    )


def ruptures_of(owner: User) -> QuerySet[Rupture]:
    return owned(Rupture, owner).select_related("person").prefetch_related("repairs")


def people_overview(owner: User) -> QuerySet[Person]:
    """People with what their cards show: a fixed number of queries however many there are."""
    return people(owner).prefetch_related(
        "safety",
        Prefetch("presences", queryset=Presence.objects.order_by("-at")),
        Prefetch("ruptures", queryset=Rupture.objects.prefetch_related("repairs")),
    )


def presence_months(
    person: Person, months: int = PRESENCE_MONTHS
) -> list[tuple[datetime.date, int]]:
    """Moments of presence in each of the last months, oldest first (prefetch "presences")."""
    today = timezone.localdate()
    counts = relating.presence_by_month(
        (str(person.pk), timezone.localdate(moment.at)) for moment in person.presences.all()
    ).get(str(person.pk), {})
    firsts = []
    month = today.replace(day=1)
    for _ in range(months):
        firsts.append(month)
        month = (month - datetime.timedelta(days=1)).replace(day=1)
    return [(first, counts.get(first, 0)) for first in reversed(firsts)]
