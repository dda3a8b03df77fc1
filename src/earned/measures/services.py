"""Taking a measure, and its history."""

from __future__ import annotations

import datetime

from django.db.models import Max
from django.utils import timezone

from earned.access import owned
from earned.accounts.models import User
from earned.core.measures import score
from earned.measures.instruments import INSTRUMENTS, Instrument
from earned.measures.models import Response, Schedule


def record(owner: User, instrument: Instrument, answers: dict[int, int], note: str) -> Response:
    result = score(instrument.rules, answers)
    return Response.objects.create(
        owner=owner,
        instrument=instrument.key,
        answers={str(item): answer for item, answer in answers.items()},
        total=result.total,
        note=note or None,
    )


def history(owner: User, instrument: Instrument) -> list[Response]:
    """Newest first, without opening any note."""
    return list(owned(Response, owner).filter(instrument=instrument.key).defer("note"))


def due(
    owner: User, now: datetime.datetime | None = None, *, started_only: bool = False
) -> list[Instrument]:
    """The measures not taken within their interval: suggested gently, never demanded. With
    `started_only`, only those taken at least once (Today does not push a first one)."""
    now = now or timezone.now()
    latest = dict(
        owned(Response, owner)
        .values_list("instrument")
        .annotate(latest=Max("at"))
        .values_list("instrument", "latest")
        .order_by()
    )
    chosen = every_days(owner)
    found = []
    for key, instrument in INSTRUMENTS.items():
        days = chosen[key]
        if days == 0:
            continue  # the person asked never to be reminded
        if key not in latest:
            if not started_only:
                found.append(instrument)
        elif now - latest[key] >= datetime.timedelta(days=days):
            found.append(instrument)
    return found


def every_days(owner: User) -> dict[str, int]:
    """How often each measure is suggested: the person's choice, or its default."""
    chosen = dict(owned(Schedule, owner).values_list("instrument", "every_days"))
    return {key: chosen.get(key, i.every_days) for key, i in INSTRUMENTS.items()}


def set_schedule(owner: User, instrument: Instrument, days: int) -> None:
    Schedule.objects.update_or_create(
        owner=owner, instrument=instrument.key, defaults={"every_days": days}
    )
