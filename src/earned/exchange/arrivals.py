"""Bringing in what another app exported (Daylio, Day One, jrnl, Journiv): the file is read
and held, sealed, for the person to look over — how much, from when, which mood words and what
number each becomes, what stays behind — and then written all at once, or not at all.

A moment with a mood becomes a mid-day check-in with that mood; a moment with words becomes a
journal entry at the same time. A moment already brought in before is left out."""

from __future__ import annotations

import datetime
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from earned.access import owned
from earned.accounts.models import User
from earned.core import other_apps
from earned.core.other_apps import Found, Moment
from earned.exchange.models import Arrival
from earned.privacy import keyring
from earned.privacy.fields import WRITING_LIMIT
from earned.records import saving as records
from earned.records.models import Owned
from earned.reflection.models import JournalEntry
from earned.rituals.choices import MOOD_RANGE, Kind
from earned.rituals.models import CheckIn
from earned.rituals.services import day_of
from earned.search import services as search

KEPT_FOR = datetime.timedelta(days=1)  # a file read and not brought in is forgotten after this
LOOKED_UP_AT_ONCE = 500  # moments whose times are looked up together for "already here"
SAMPLES = 3
BEGINNING = 200  # characters of a moment's words that find it again among entries

NotReadable = other_apps.NotReadable
Moods = Mapping[str, int | None]  # each mood word and its number on Earned's scale, or None


# --- Reading and holding ---------------------------------------------------------------------


def read(user: User, data: bytes) -> Arrival:
    """Read a file from another app and hold what it holds for the person to look over (the one
    they read before is let go). NotReadable says why a file cannot be read."""
    found = other_apps.read(data, ZoneInfo(user.timezone))
    if not found.moments:
        raise NotReadable("The file holds no moods or words to bring in.")
    keyring.current_key()
    with transaction.atomic():
        Arrival.objects.filter(owner=user).delete()
        return Arrival.objects.create(owner=user, app=found.app, found=_sealed(found))


def waiting(user: User) -> Arrival | None:
    """The file the person read and has not yet brought in or let go, if it is still kept."""
    Arrival.objects.filter(owner=user, read_at__lt=timezone.now() - KEPT_FOR).delete()
    return Arrival.objects.filter(owner=user).first()


def let_go(user: User) -> None:
    Arrival.objects.filter(owner=user).delete()


def _sealed(found: Found) -> str:
    return json.dumps({
        "moments": [[moment.at.isoformat(), moment.mood, moment.text] for moment in found.moments],
        "left_behind": dict(found.left_behind),
        "mood_scale": found.mood_scale,
    })  # fmt: skip


def found_in(arrival: Arrival) -> Found:
    held = json.loads(arrival.found)
    moments = [Moment(datetime.datetime.fromisoformat(at), mood, text)
               for at, mood, text in held["moments"]]  # fmt: skip
    return Found(arrival.app, moments, Counter(held["left_behind"]), held["mood_scale"])


# --- Looking it over -------------------------------------------------------------------------


class MoodWord(NamedTuple):
    word: str
    times: int  # how often the file uses it
    guess: int | None  # Earned's offer: the number the person starts from


@dataclass(frozen=True)
class Preview:
    app: str  # the app's name, as people write it
    moments: int  # moments the file holds with a mood or words
    already_here: int  # of those, brought in before: left out
    first: datetime.date
    last: datetime.date
    with_mood: int  # moments still to come with a mood word: each becomes a check-in
    with_words: int  # moments still to come with words: each becomes a journal entry
    moods: list[MoodWord]
    left_behind: list[str]  # "12 photos and other attachments", …
    samples: list[Moment]  # the first few still to come, to recognise the file by

    @property
    def to_come(self) -> int:
        return self.moments - self.already_here


def preview(user: User, arrival: Arrival) -> Preview:
    found = found_in(arrival)
    fresh = _not_yet_here(user, found.moments)
    zone = ZoneInfo(user.timezone)
    days = sorted(moment.at.astimezone(zone).date() for moment in found.moments)
    left = [_counted(kind, found.left_behind[kind]) for kind in other_apps.LEFT_BEHIND
            if found.left_behind[kind]]  # fmt: skip
    return Preview(
        app=other_apps.APPS[found.app],
        moments=len(found.moments),
        already_here=len(found.moments) - len(fresh),
        first=days[0],
        last=days[-1],
        with_mood=sum(1 for moment in fresh if moment.mood),
        with_words=sum(1 for moment in fresh if moment.text),
        moods=[MoodWord(*guess) for guess in other_apps.mood_guesses(found)],
        left_behind=left,
        samples=sorted(fresh, key=lambda moment: moment.at)[:SAMPLES],
    )


def _counted(kind: str, count: int) -> str:
    one, many = other_apps.LEFT_BEHIND[kind]
    return f"{count:,} {one if count == 1 else many}"


def _not_yet_here(user: User, moments: Sequence[Moment]) -> list[Moment]:
    """The moments not brought in before. One was when a mid-day check-in is at that very
    moment, or a journal entry beginning with its words: the times other apps keep are whole
    minutes or seconds, where Earned's own are to the microsecond."""
    checked_at: set[datetime.datetime] = set()
    written: defaultdict[datetime.datetime, list[str]] = defaultdict(list)
    times = sorted({moment.at for moment in moments})
    for at in range(0, len(times), LOOKED_UP_AT_ONCE):
        chosen = times[at : at + LOOKED_UP_AT_ONCE]
        check_ins = owned(CheckIn, user).filter(kind=Kind.MIDDAY, at__in=chosen)
        checked_at.update(check_ins.values_list("at", flat=True))
        for entry in owned(JournalEntry, user).filter(at__in=chosen).only("owner", "at", "body"):
            written[entry.at].append(entry.body)
    return [
        moment
        for moment in moments
        if moment.at not in checked_at
        and not any(body.startswith(moment.text[:BEGINNING]) for body in written[moment.at])
    ]


# --- Bringing it in ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Brought:
    check_ins: int
    entries: int
    left_out: int  # already here


def bring_in(
    user: User,
    arrival: Arrival,
    moods: Moods,
    progress: Callable[[int, int], object] = lambda done, total: None,
) -> Brought:
    """Write every moment not already here, in one transaction: a mood word with a number
    becomes a mid-day check-in; one the person left without a number is kept as a line of the
    entry's words. `progress` hears (moments written, of how many)."""
    found = found_in(arrival)
    fresh = _not_yet_here(user, found.moments)
    check_ins: list[CheckIn] = []
    entries: list[JournalEntry] = []
    for moment in fresh:
        number = moods.get(moment.mood) if moment.mood else None
        text = moment.text
        if number is not None:
            check_ins.append(_check_in(user, moment.at, number))
        elif moment.mood:
            text = f"{text}\n\nMood in {other_apps.APPS[found.app]}: {moment.mood}".strip()
        entries += [JournalEntry(owner=user, at=moment.at, body=piece)
                    for piece in (_pieces(text) if text else ())]  # fmt: skip
    with transaction.atomic():
        done = 0
        for rows in (check_ins, entries):
            for batch in _batches(rows):
                records.restore(user, batch)
                search.index_new(user, batch)
                done += len(batch)
                progress(done, len(check_ins) + len(entries))
        arrival.delete()
    return Brought(len(check_ins), len(entries), len(found.moments) - len(fresh))


def _check_in(user: User, at: datetime.datetime, mood: int) -> CheckIn:
    low, high = MOOD_RANGE
    return CheckIn(owner=user, kind=Kind.MIDDAY, at=at, day=day_of(user, at),
                   mood=max(low, min(high, mood)))  # fmt: skip


def _pieces(text: str) -> list[str]:
    return other_apps.in_pieces(text, WRITING_LIMIT)


def _batches(rows: Sequence[Owned]) -> Iterable[Sequence[Owned]]:
    return (rows[at : at + records.RESTORED_AT_ONCE]
            for at in range(0, len(rows), records.RESTORED_AT_ONCE))  # fmt: skip


def describe(brought: Brought, app: str) -> str:
    parts = []
    if brought.entries:
        parts.append(f"{brought.entries:,} journal entr{'y' if brought.entries == 1 else 'ies'}")
    if brought.check_ins:
        parts.append(f"{brought.check_ins:,} check-in{'' if brought.check_ins == 1 else 's'}")
    said = f"Brought in {' and '.join(parts)} from {app}." if parts else "Nothing new to bring in."
    if brought.left_out:
        were = "was" if brought.left_out == 1 else "were"
        said += f" {brought.left_out:,} already here {were} left out."
    return said
