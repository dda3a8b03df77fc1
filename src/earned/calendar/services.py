"""A person's calendar (RFC 5545): their rituals at the times they choose, the experiences and
practice steps they planned, and their group's meetings and their sessions — read by a calendar
app from a secret link they can replace at any time, or downloaded.

Events say what they are in our words only ("Practice step"), unless the person turns their own
words on: calendars are often kept on other companies' servers. With words on, the link opens
the person's key as an access token does (api/tokens.py): locally, their data key is wrapped
under a key derived from the link's secret, so replacing or stopping the link ends it.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from earned.access import owned
from earned.accounts.models import User
from earned.calendar.models import CalendarFeed, Published
from earned.circles.models import Session
from earned.groups.models import Meeting
from earned.ledger.models import Experience
from earned.practice.models import Attempt
from earned.privacy import crypto, keyring, keys

START = "cal"
LOOK_BACK = datetime.timedelta(days=30)  # past events kept in the calendar, beside all to come
SUMMARY_LIMIT = 80  # characters of the person's words an event's title holds, with words on


@dataclass(frozen=True)
class Ritual:
    field: str
    summary: str
    length: datetime.timedelta
    path: str


RITUALS = (
    Ritual("morning_at", "Morning check-in", datetime.timedelta(minutes=10), "/check-in/morning/"),
    Ritual("midday_at", "Mid-day note", datetime.timedelta(minutes=5), "/check-in/midday/"),
    Ritual("evening_at", "Evening review", datetime.timedelta(minutes=15), "/check-in/evening/"),
)


def feed_of(owner: User) -> CalendarFeed:
    feed, _ = CalendarFeed.objects.get_or_create(owner=owner)
    return feed


# --- The link --------------------------------------------------------------------------------


def _hash(whole: str) -> str:
    return crypto.secret_hash(whole)


def _wrapping_key(whole: str) -> bytes:
    return crypto.key_from_secret(whole, b"earned-calendar-key")


def make_link(owner: User) -> str:
    """A new secret link (the person's key current); the one before stops working at once."""
    feed = feed_of(owner)
    prefix = START + secrets.token_hex(4)
    while CalendarFeed.objects.filter(prefix=prefix).exists():  # one in four billion
        prefix = START + secrets.token_hex(4)
    whole = f"{prefix}_{secrets.token_urlsafe(24)}"
    feed.prefix, feed.secret_hash, feed.secret = prefix, _hash(whole), whole
    feed.wrapped_key = _wrapped(owner, whole) if feed.with_words else ""
    feed.last_read_at = None
    feed.save()
    return whole


def stop_link(owner: User) -> None:
    CalendarFeed.objects.filter(owner=owner).update(
        prefix=None, secret_hash="", secret=None, wrapped_key="", last_read_at=None
    )


def link_of(feed: CalendarFeed) -> str | None:
    """The whole secret of the person's link, to show them (their key current), if they have
    one."""
    return feed.secret if feed.prefix else None


def set_words(owner: User, on: bool) -> None:
    """Turn the person's own words in events on or off (their key current)."""
    feed = feed_of(owner)
    feed.with_words = on
    whole = link_of(feed)
    feed.wrapped_key = _wrapped(owner, whole) if on and whole else ""
    feed.save(update_fields=["with_words", "wrapped_key"])


def _wrapped(owner: User, whole: str) -> str:
    if settings.IS_SERVER:
        return ""  # the instance key opens a server's entries
    return crypto.wrap_key(keyring.current_key(), _wrapping_key(whole), str(owner.pk))


def set_rituals(owner: User, **times: datetime.time | None) -> None:
    """The times of day the person keeps their rituals (`morning_at=…`); None leaves one out."""
    feed = feed_of(owner)
    for ritual in RITUALS:
        if ritual.field in times:
            setattr(feed, ritual.field, times[ritual.field])
    feed.save()


@dataclass(frozen=True)
class Opened:
    feed: CalendarFeed
    data_key: bytes | None  # when the person's words are on


def opened(whole: str) -> Opened | None:
    """The feed a calendar's link belongs to — or None, the same for a mistyped, replaced or
    stopped link."""
    if not whole.startswith(START) or len(whole) > 100:
        return None
    prefix = whole.partition("_")[0]
    feed = CalendarFeed.objects.select_related("owner").filter(prefix=prefix).first()
    if feed is None or not hmac.compare_digest(feed.secret_hash, _hash(whole)):
        return None
    if not feed.owner.is_active:
        return None
    data_key = None
    if feed.with_words:
        if settings.IS_SERVER:
            data_key = keys.open_data_key(feed.owner)
        elif feed.wrapped_key:
            try:
                data_key = crypto.unwrap_key(
                    feed.wrapped_key, _wrapping_key(whole), str(feed.owner_id)
                )
            except crypto.DecryptionError:
                return None
    now = timezone.now()
    if feed.last_read_at is None or now - feed.last_read_at > datetime.timedelta(minutes=1):
        CalendarFeed.objects.filter(pk=feed.pk).update(last_read_at=now)
    return Opened(feed, data_key)


# --- What the calendar holds -------------------------------------------------------------------


@dataclass(frozen=True)
class Happening:
    uid: str
    summary: str
    starts: datetime.datetime  # aware
    length: datetime.timedelta
    path: str  # where it is in Earned
    cancelled: bool = False
    daily: bool = False  # a ritual: every day from `starts`, at that time on the person's clock


def happenings(owner: User, feed: CalendarFeed, *, words: bool) -> list[Happening]:
    """Everything the person's calendar holds, in our words or (with `words`, their key current)
    with theirs too."""
    since = timezone.now() - LOOK_BACK
    zone = ZoneInfo(owner.timezone)
    found = [
        Happening(f"ritual-{ritual.field.removesuffix('_at')}-{owner.pk}@earned", ritual.summary,
                  datetime.datetime.combine(feed.rituals_since, at, zone), ritual.length,
                  ritual.path, daily=True)
        for ritual in RITUALS if (at := getattr(feed, ritual.field)) is not None
    ]  # fmt: skip
    practice = Attempt.objects.filter(owner=owner, experience=OuterRef("pk"))
    planned = (
        owned(Experience, owner)
        .filter(status=Experience.Status.PLANNED, happens_at__gte=since)
        .annotate(is_practice=Exists(practice))
    )
    if not words:
        planned = planned.defer("situation")
    for experience in planned:
        found.append(planned_happening(experience, experience.is_practice, words=words))
    meetings = Meeting.objects.filter(
        Q(owner=owner) | Q(group__memberships__owner=owner, group__memberships__left_at=None),
        at__gte=since,
    ).distinct()
    for meeting in meetings.only("id", "at", "status"):
        cancelled = meeting.status == Meeting.Status.CANCELLED
        found.append(Happening(f"{meeting.pk}@earned", "Group meeting", meeting.at,
                               datetime.timedelta(hours=1), "/groups/", cancelled))  # fmt: skip
    sessions = Session.objects.filter(Q(owner=owner) | Q(circle__person=owner), at__gte=since)
    for session in sessions.only("id", "at", "status"):
        cancelled = session.status == Session.Status.CANCELLED
        found.append(Happening(f"{session.pk}@earned", "Session", session.at,
                               datetime.timedelta(minutes=50), "/", cancelled))  # fmt: skip
    return found


def planned_happening(experience: Experience, practice: bool, *, words: bool) -> Happening:
    """A planned experience, or a practice step (an attempt's experience), as an event."""
    ours = "Practice step" if practice else "Planned experience"
    summary = _theirs(ours, experience.situation) if words else ours
    return Happening(f"{experience.pk}@earned", summary, experience.happens_at,
                     datetime.timedelta(hours=1), experience.get_absolute_url())  # fmt: skip


def _theirs(ours: str, words: str) -> str:
    first_line = words.strip().splitlines()[0] if words.strip() else ""
    if len(first_line) > SUMMARY_LIMIT:
        first_line = first_line[: SUMMARY_LIMIT - 1].rstrip() + "…"
    return f"{ours}: {first_line}" if first_line else ours


def calendar(owner: User, events: Sequence[Happening], base_url: str) -> bytes:
    """The events as one iCalendar file, each with the SEQUENCE its changes have brought it
    to, and a VTIMEZONE for the person's zone (the rituals keep their clock time through
    summer time)."""
    zone = owner.timezone
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Earned//Calendar 1//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", "Earned")
    cal.add("x-wr-timezone", zone)
    cal.add("refresh-interval", datetime.timedelta(hours=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT1H")
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    numbers = sequences(owner, events)
    for happening in events:
        event = icalendar.Event()
        event.add("uid", happening.uid)
        event.add("dtstamp", stamp)
        if happening.daily:
            event.add("dtstart", happening.starts)
            event.add("rrule", {"freq": "daily"})
            event.add("transp", "TRANSPARENT")  # a reminder, not time taken
        else:
            event.add("dtstart", happening.starts.astimezone(datetime.UTC).replace(microsecond=0))
        event.add("duration", happening.length)
        event.add("summary", happening.summary)
        event.add("status", "CANCELLED" if happening.cancelled else "CONFIRMED")
        event.add("sequence", numbers[happening.uid])
        event.add("url", base_url.rstrip("/") + happening.path)
        cal.add_component(event)
    if any(happening.daily for happening in events):
        first = min(h.starts.date() for h in events if h.daily) - datetime.timedelta(days=1)
        cal.add_missing_timezones(first_date=first)
    data: bytes = cal.to_ical()
    return data


@transaction.atomic
def sequences(owner: User, events: Iterable[Happening]) -> dict[str, int]:
    """Each event's SEQUENCE: 0 when a calendar first reads it, one more each time what it says
    has changed since."""
    prints = {event.uid: _fingerprint(event) for event in events}
    known = {p.uid: p for p in Published.objects.filter(owner=owner, uid__in=list(prints))}
    changed = []
    for uid, fingerprint in prints.items():
        published = known.get(uid)
        if published is None:
            known[uid] = Published(owner=owner, uid=uid, fingerprint=fingerprint)
        elif published.fingerprint != fingerprint:
            published.fingerprint = fingerprint
            published.sequence += 1
            changed.append(published)
    Published.objects.bulk_create(
        [p for p in known.values() if p.pk is None], ignore_conflicts=True
    )
    Published.objects.bulk_update(changed, ["fingerprint", "sequence"])
    return {uid: known[uid].sequence for uid in prints}


def _fingerprint(event: Happening) -> str:
    said = f"{event.starts.isoformat()}|{event.length}|{event.summary}|{event.cancelled}"
    return hashlib.sha256(said.encode()).hexdigest()
