"""A course's meetings planned at once: a facilitator plans a meeting every week for eight weeks,
each at the same time of day on the group's clock, however the clocks change between them."""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from earned.accounts.models import User
from earned.groups.models import Meeting
from earned.groups.services import WEEKS_AHEAD, weekly
from earned.privacy import keyring, keys
from tests.group_people import a_group

ZONES = [ZoneInfo(name) for name in ("Europe/Berlin", "America/New_York", "Australia/Sydney")]


@given(
    first=st.datetimes(
        min_value=datetime.datetime(2020, 1, 1), max_value=datetime.datetime(2040, 1, 1),
        timezones=st.sampled_from(ZONES), allow_imaginary=False,
    ),
    weeks=st.integers(min_value=1, max_value=WEEKS_AHEAD),
)  # fmt: skip
def test_weekly_keeps_the_time_of_day_a_week_apart(first: datetime.datetime, weeks: int) -> None:
    zone = first.tzinfo
    assert isinstance(zone, ZoneInfo)
    with timezone.override(zone):
        moments = weekly(first, weeks)
    assert len(moments) == weeks
    week, hour = datetime.timedelta(weeks=1), datetime.timedelta(hours=1)
    assert all(week - hour <= b - a <= week + hour for a, b in itertools.pairwise(moments))
    wall = first.replace(tzinfo=None)
    for n, moment in enumerate(moments):
        expected = wall + datetime.timedelta(weeks=n)
        seen = moment.astimezone(zone).replace(tzinfo=None)
        # Unless that time of day does not exist that day (the hour the clocks skip).
        exists = expected.replace(tzinfo=zone).astimezone(datetime.UTC).astimezone(zone)
        if exists.replace(tzinfo=None) == expected:
            assert seen == expected


@pytest.mark.django_db
def test_a_facilitator_plans_eight_weekly_meetings_at_once(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    okafor.timezone = "Europe/Berlin"
    okafor.save(update_fields=["timezone"])
    group = a_group(okafor)
    coach = client_for(okafor)
    form = coach.get(reverse("groups:meeting-new", args=[group.pk])).content.decode()
    assert "Every week, for how many weeks" in form
    planned = coach.post(
        reverse("groups:meeting-new", args=[group.pk]),
        {"at": "2030-03-12T18:00", "status": "planned", "weeks": "8", "note": "Bring tea"},
    )
    assert planned.status_code == 302
    meetings = list(Meeting.objects.order_by("at"))
    berlin = ZoneInfo("Europe/Berlin")
    assert [m.at.astimezone(berlin).strftime("%d %b %H:%M") for m in meetings] == [
        "12 Mar 18:00",
        "19 Mar 18:00",
        "26 Mar 18:00",
        "02 Apr 18:00",
        "09 Apr 18:00",
        "16 Apr 18:00",
        "23 Apr 18:00",
        "30 Apr 18:00",
    ]  # fmt: skip  (the clocks went forward on 31 March)
    assert {m.status for m in meetings} == {Meeting.Status.PLANNED}
    with keyring.using(keys.open_data_key(okafor)):
        assert [m.note for m in meetings] == ["Bring tea"] + [None] * 7
    # A meeting already held, or one being logged, does not repeat.
    refused = coach.post(
        reverse("groups:meeting-new", args=[group.pk]),
        {"at": "2030-05-07T18:00", "status": "held", "weeks": "3", "note": "Kept"},
    )
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Only meetings still to come repeat: please choose Planned." in page
    assert "Kept</textarea>" in page  # what was typed stays
    too_many = coach.post(
        reverse("groups:meeting-new", args=[group.pk]),
        {"at": "2030-05-07T18:00", "status": "planned", "weeks": "40"},
    )
    assert f"Please plan up to {WEEKS_AHEAD} weeks at a time." in too_many.content.decode()
    editing = coach.get(reverse("groups:meeting", args=[group.pk, meetings[0].pk]))
    assert "Every week" not in editing.content.decode()  # a meeting kept is one meeting
    assert Meeting.objects.count() == 8
