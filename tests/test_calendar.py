"""The calendar (earned/calendar/): rituals at the person's times, planned experiences and
steps, group meetings and sessions — read back with a real iCalendar parser, as Thunderbird and
phone calendars read it; no words of theirs unless they turn them on; a secret link they can
replace or stop; each change a higher SEQUENCE under the same UID."""

from __future__ import annotations

import datetime
from typing import Any

import icalendar
import pytest
from django.test import Client
from django.utils import timezone
from pytest_django import Settings as SettingsWrapper

from earned.accounts.models import User
from earned.calendar import services
from earned.calendar.models import CalendarFeed
from earned.groups.models import Meeting
from earned.ledger import services as ledger
from earned.ledger.models import Experience
from earned.privacy import keyring, keys
from tests.conftest import PASSPHRASE, make_person, sign_in
from tests.factories import one_of_everything

pytestmark = pytest.mark.django_db
SOON = timezone.now() + datetime.timedelta(days=3)


def plan(owner: User, situation: str, at: datetime.datetime = SOON) -> Experience:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return ledger.save_experience(owner, Experience(situation=situation, happens_at=at))


def link(client: Client) -> str:
    client.post("/settings/calendar/", {"step": "link"})
    page = client.get("/settings/calendar/").content.decode()
    start = page.index("/calendar/cal")
    return page[start : page.index(".ics", start) + 4]


def events(data: bytes) -> dict[str, Any]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(event["summary"]): event for event in calendar.walk("VEVENT")}


def test_rituals_come_back_daily_at_the_persons_own_clock_time(
    owner: User, owner_client: Client
) -> None:
    saved = owner_client.post(
        "/settings/calendar/",
        {"step": "times", "morning_at": "07:30", "midday_at": "", "evening_at": "21:00"},
    )
    assert saved.status_code == 302
    data = owner_client.get(link(owner_client)).content
    calendar = icalendar.Calendar.from_ical(data)
    found = events(data)
    assert set(found) == {"Morning check-in", "Evening review"}  # mid-day left empty
    morning = found["Morning check-in"]
    assert morning["rrule"]["FREQ"] == ["DAILY"]
    starts = morning.decoded("dtstart")
    assert (starts.hour, starts.minute, str(starts.tzinfo)) == (7, 30, "Europe/Dublin")
    assert morning["dtstart"].params["TZID"] == "Europe/Dublin"
    # Every zone an event names is described in the file (Thunderbird and phones need it).
    described = {str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")}
    assert described == {"Europe/Dublin"}
    zone = calendar.walk("VTIMEZONE")[0]
    assert {part.name for part in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert str(calendar["version"]) == "2.0"
    assert "Earned" in str(calendar["prodid"])
    for event in calendar.walk("VEVENT"):
        assert {"UID", "DTSTAMP", "DTSTART", "SEQUENCE", "SUMMARY"} <= set(event)
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded as RFC 5545 asks


def test_planned_experiences_and_steps_say_only_what_they_are_unless_words_are_on(
    owner: User, owner_client: Client
) -> None:
    plan(owner, "Tell Maya I was hurt")
    one_of_everything(owner)  # a practice step planned (yesterday), a group meeting, a session
    address = link(owner_client)
    data = owner_client.get(address).content
    assert b"Maya" not in data
    assert b"Ask Sam" not in data
    found = events(data)
    assert {"Planned experience", "Practice step", "Group meeting", "Session"} <= set(found)
    starts = {
        event.decoded("dtstart")
        for event in icalendar.Calendar.from_ical(data).walk("VEVENT")
        if event["summary"] == "Planned experience"
    }
    assert SOON.replace(microsecond=0) in starts

    owner_client.post("/settings/calendar/", {"step": "words", "with_words": "on"})
    worded = events(Client().get(address).content)  # the link alone, no session
    assert "Planned experience: Tell Maya I was hurt" in worded
    assert "Practice step: Ask Sam next door" in worded
    owner_client.post("/settings/calendar/", {"step": "words"})
    assert b"Maya" not in Client().get(address).content


def test_an_event_keeps_its_uid_and_a_change_raises_its_sequence(
    owner: User, owner_client: Client
) -> None:
    experience = plan(owner, "Call Dad")
    address = link(owner_client)
    first = events(Client().get(address).content)["Planned experience"]
    again = events(Client().get(address).content)["Planned experience"]
    assert (first["uid"], first["sequence"]) == (again["uid"], again["sequence"]) == (
        f"{experience.pk}@earned", 0
    )  # fmt: skip
    Experience.objects.filter(pk=experience.pk).update(
        happens_at=SOON + datetime.timedelta(hours=2)
    )
    moved = events(Client().get(address).content)["Planned experience"]
    assert moved["uid"] == first["uid"]
    assert moved["sequence"] == 1


def test_a_cancelled_meeting_is_told_as_cancelled(
    server_mode: SettingsWrapper, owner: User, owner_client: Client
) -> None:
    made = one_of_everything(owner)["meeting_id"]
    Meeting.objects.filter(pk=made.pk).update(status=Meeting.Status.CANCELLED, at=SOON)
    meeting = events(owner_client.get(link(owner_client)).content)["Group meeting"]
    assert str(meeting["status"]) == "CANCELLED"
    assert meeting["uid"] == f"{made.pk}@earned"


def test_a_replaced_or_stopped_link_opens_nothing(owner: User, owner_client: Client) -> None:
    old = link(owner_client)
    assert Client().get(old).status_code == 200
    new = link(owner_client)
    assert new != old
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200
    owner_client.post("/settings/calendar/", {"step": "stop"})
    assert Client().get(new).status_code == 404
    assert Client().get("/calendar/cal00000000_guess.ics").status_code == 404
    assert "Make my calendar link" in owner_client.get("/settings/calendar/").content.decode()


def test_with_words_on_a_replaced_link_no_longer_opens_the_key(
    owner: User, owner_client: Client
) -> None:
    owner_client.post("/settings/calendar/", {"step": "words", "with_words": "on"})
    plan(owner, "Ask for a lift")
    old = link(owner_client)
    feed = CalendarFeed.objects.get(owner=owner)
    assert feed.wrapped_key  # locally, the key is wrapped under this link
    link(owner_client)
    assert CalendarFeed.objects.get(owner=owner).wrapped_key != feed.wrapped_key
    assert Client().get(old).status_code == 404


def test_the_link_is_sealed_at_rest_and_shown_only_to_its_person(
    owner: User, owner_client: Client, client_for: Any
) -> None:
    address = link(owner_client)
    whole = address.removeprefix("/calendar/").removesuffix(".ics")
    feed = CalendarFeed.objects.get(owner=owner)
    raw = CalendarFeed.objects.filter(pk=feed.pk).values_list("secret", flat=True).get()
    assert raw is not None
    assert whole not in raw
    assert feed.secret_hash != whole
    robin = sign_in(Client(), make_person("robin", "Robin"))
    assert whole not in robin.get("/settings/calendar/").content.decode()


def test_the_download_is_the_same_calendar_for_the_signed_in_person(
    owner: User, owner_client: Client
) -> None:
    plan(owner, "Tell Maya I was hurt")
    response = owner_client.get("/settings/calendar/earned.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert "Planned experience" in events(response.content)
    assert Client().get("/settings/calendar/earned.ics").status_code == 302  # to sign in


def test_a_time_that_is_not_one_is_refused_kindly(owner_client: Client) -> None:
    response = owner_client.post(
        "/settings/calendar/", {"step": "times", "morning_at": "half past", "evening_at": "21:00"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Please give a time of day, such as 08:30 (or leave it empty)." in page
    assert 'value="21:00"' in page  # what was typed stays


def test_erasing_the_account_takes_the_calendar_with_it(owner: User, owner_client: Client) -> None:
    address = link(owner_client)
    services.feed_of(owner)
    owner.delete()
    assert not CalendarFeed.objects.exists()
    assert Client().get(address).status_code == 404
