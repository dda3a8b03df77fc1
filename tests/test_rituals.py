"""The daily rituals through the pages a person uses: morning, mid-day, evening, and the days
practised, each on the day the person lives in."""

from __future__ import annotations

import datetime
from contextlib import AbstractContextManager
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from earned.accounts.models import User
from earned.core.clock import practice_day
from earned.ledger.models import Experience
from earned.privacy import keyring, keys
from earned.rituals import services
from earned.rituals.models import CheckIn, Interaction
from tests.conftest import PASSPHRASE
from tests.pages import page, queries_for, refused

pytestmark = pytest.mark.django_db
DUBLIN = ZoneInfo("Europe/Dublin")


def opened(owner: User) -> AbstractContextManager[None]:
    return keyring.using(keys.open_data_key(owner, PASSPHRASE))


def a_check_in(owner: User, kind: str = "morning", at: datetime.datetime | None = None,
               **fields: object) -> CheckIn:  # fmt: skip
    fields = fields or {"mood": 1}  # a check-in holds at least one answer
    with opened(owner):
        return services.save_check_in(owner, CheckIn(kind=kind, at=at or timezone.now(), **fields))


def reload(check_in: CheckIn) -> CheckIn:
    return CheckIn.objects.get(pk=check_in.pk)


def test_a_morning_check_in_is_kept_and_shown_on_today(owner_client: Client, owner: User) -> None:
    assert "Half a minute" in page(owner_client, "/")
    response = owner_client.post(
        "/check-in/morning/",
        {
            "mood": "2",
            "energy": "6",
            "tension": "3",
            "tension_place": "chest",
            "emotions": ["hopeful", "anxious"],
            "own_words": "wobbly",
            "note": "Say what I would like for dinner.",
            "prediction": "I expect my manager to ignore my idea.",
        },
    )
    assert response["Location"] == "/"
    with opened(owner):
        morning = CheckIn.objects.get()
        assert morning.prediction == "I expect my manager to ignore my idea."
        assert morning.own_words == "wobbly"
    assert (morning.mood, morning.energy, morning.tension) == (2, 6, 3)
    assert morning.emotion_keys == ["hopeful", "anxious"]
    assert morning.day == services.day_of(owner)
    today = page(owner_client, "/")
    assert "Checked in at" in today
    assert "I expect my manager to ignore my idea." in today
    # Opening the morning check-in again the same day changes it rather than adding one.
    again = owner_client.get("/check-in/morning/")
    assert again["Location"] == f"/check-ins/{morning.pk}/edit/"
    assert 'value="hopeful" checked' in page(owner_client, again["Location"])


def test_a_scale_out_of_range_is_explained_and_nothing_typed_is_lost(
    owner_client: Client,
) -> None:
    text = refused(
        owner_client, "/check-in/morning/", {"mood": "9", "note": "Be gentle with myself."}
    )
    assert "Please choose a number from −5 to 5." in text
    assert "Be gentle with myself." in text
    assert not CheckIn.objects.exists()


def test_mid_day_notes_may_be_many(owner_client: Client, owner: User) -> None:
    for word in ("tired", "lighter"):
        response = owner_client.post("/check-in/midday/", {"mood": "-1", "note": word})
        assert response.status_code == 302
    assert CheckIn.objects.filter(kind="midday").count() == 2
    today = page(owner_client, "/")
    assert "“tired”" in today
    assert "“lighter”" in today


def test_the_evening_keeps_the_days_moments_and_closes_the_mornings_prediction(
    owner_client: Client, owner: User
) -> None:
    morning = a_check_in(owner, prediction="Jo will be distant at dinner.")
    form = page(owner_client, "/check-in/evening/")
    assert "This morning you predicted: “Jo will be distant at dinner.”" in form
    response = owner_client.post(
        "/check-in/evening/",
        {
            "mood": "1",
            "prediction_outcome": "did-not",
            "who_0": "Jo",
            "context_0": "partner",
            "what_0": "Asked how my day was and listened",
            "felt_0": "2",
            "who_1": "Sam",
            "what_1": "Short with me in the meeting",
            "felt_1": "-1",
            "helped": "A walk at lunch",
        },
    )
    assert response.status_code == 302
    assert reload(morning).prediction_outcome == "did-not"
    with opened(owner):
        evening = CheckIn.objects.get(kind="evening")
        lines = [(i.who, i.context, i.what, i.felt) for i in evening.interactions.all()]
        assert evening.helped == "A walk at lunch"
    assert lines == [
        ("Jo", "partner", "Asked how my day was and listened", 2),
        ("Sam", "", "Short with me in the meeting", -1),
    ]


def test_a_moment_becomes_an_experience_in_one_click_and_stays_linked(
    owner_client: Client, owner: User
) -> None:
    with opened(owner):
        evening = services.save_check_in(
            owner,
            CheckIn(kind="evening", at=timezone.now()),
            lines=[
                services.Line("Jo", "partner", "Asked how my day was", 2),
                services.Line("Sam", "colleague", "Short with me", -1),
            ],
        )
    line = evening.interactions.get(position=1)
    response = owner_client.post(f"/interactions/{line.pk}/experience/")
    experience = Experience.objects.get()
    assert response["Location"] == f"/experiences/{experience.pk}/debrief/"
    with opened(owner):
        experience = Experience.objects.get()
        assert (experience.who, experience.situation) == ("Sam", "Short with me")
    assert (experience.context, experience.status) == ("colleague", "draft")
    assert experience.happens_at == evening.at
    # A second click opens the same experience; nothing is made twice.
    owner_client.post(f"/interactions/{line.pk}/experience/")
    assert Experience.objects.count() == 1

    # Changing the evening afterwards keeps the line that became an experience.
    owner_client.post(
        f"/check-ins/{evening.pk}/edit/", {"who_0": "Jo", "what_0": "Asked how my day was"}
    )
    assert Interaction.objects.filter(experience=experience).exists()
    assert Interaction.objects.count() == 2
    assert "See it in your ledger" in page(owner_client, f"/check-ins/{evening.pk}/")


def test_a_check_in_after_midnight_belongs_to_the_evening_before(owner: User) -> None:
    late = datetime.datetime(2026, 7, 15, 0, 30, tzinfo=DUBLIN)
    assert a_check_in(owner, "evening", at=late).day == datetime.date(2026, 7, 14)
    morning = datetime.datetime(2026, 7, 15, 7, 0, tzinfo=DUBLIN)
    assert a_check_in(owner, "morning", at=morning).day == datetime.date(2026, 7, 15)


def test_the_history_counts_days_practised_without_a_streak(
    owner_client: Client, owner: User
) -> None:
    now = timezone.now()
    for days_ago in (0, 0, 1, 9):
        a_check_in(owner, "midday", at=now - datetime.timedelta(days=days_ago))
    text = page(owner_client, "/check-ins/")
    assert "Days you practised, week by week" in text
    assert "streak to keep" in text  # said only to say there is none
    weeks = services.consistency(owner)
    assert sum(week.days for week in weeks) == 3
    assert text.count('class="week-bars__bar"') == len(weeks)


def test_deleting_a_check_in_asks_first(owner_client: Client, owner: User) -> None:
    check_in = a_check_in(owner)
    assert "Delete this morning check-in?" in page(
        owner_client, f"/check-ins/{check_in.pk}/delete/"
    )
    assert CheckIn.objects.exists()
    owner_client.post(f"/check-ins/{check_in.pk}/delete/")
    assert not CheckIn.objects.exists()


def test_empty_history_invites_a_first_check_in(owner_client: Client) -> None:
    assert "No check-ins yet" in page(owner_client, "/check-ins/")


def test_history_and_today_use_a_fixed_number_of_queries(owner_client: Client, owner: User) -> None:
    a_check_in(owner)
    few = {url: queries_for(owner_client, url) for url in ("/check-ins/", "/")}
    now = timezone.now()
    for days_ago in range(1, 15):
        a_check_in(owner, "midday", at=now - datetime.timedelta(days=days_ago), note="ok")
        a_check_in(owner, "midday", at=now, note="again")
    many = {url: queries_for(owner_client, url) for url in ("/check-ins/", "/")}
    assert many == few


@pytest.mark.parametrize("zone", ["Europe/Dublin", "Asia/Kolkata", "America/St_Johns"])
def test_practised_days_turn_at_four_on_the_persons_clock_even_across_a_clock_change(
    owner: User, zone: str
) -> None:
    """The database works out each day; it must agree with practice_day to the minute."""
    owner.timezone = zone
    owner.save()
    local = ZoneInfo(zone)
    moments = [
        datetime.datetime(2026, 3, 29, 0, 30, tzinfo=local),  # the night Europe's clocks go on
        datetime.datetime(2026, 3, 29, 3, 59, tzinfo=local),
        datetime.datetime(2026, 3, 29, 4, 0, tzinfo=local),
        datetime.datetime(2026, 10, 25, 1, 30, tzinfo=local),  # and the night they go back
        datetime.datetime(2026, 11, 2, 23, 59, tzinfo=local),
        datetime.datetime(2026, 11, 3, 4, 1, tzinfo=local),
    ]
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        for moment in moments:
            Experience.objects.create(
                owner=owner, situation="s", happens_at=moment, created_at=moment
            )
    found = services.practised_days(owner, datetime.date(2026, 3, 1))
    assert found == {practice_day(moment, zone) for moment in moments}


@pytest.mark.parametrize("kind", ["morning", "midday", "evening"])
def test_a_check_in_with_nothing_in_it_is_not_kept(owner_client: Client, kind: str) -> None:
    # Every field sent and left blank, as a browser sends an untouched form.
    text = refused(owner_client, f"/check-in/{kind}/", {"mood": "", "note": "", "helped": ""})
    assert "Nothing is filled in yet, so there is nothing to keep." in text
    assert not CheckIn.objects.exists()


def test_a_mid_day_note_keeps_to_its_length_on_the_server(owner_client: Client) -> None:
    long_note = "I am tired and I would like to sit somewhere quiet for a while now"
    assert len(long_note) > 60
    text = refused(owner_client, "/check-in/midday/", {"note": long_note})
    assert "A mid-day note is a word or a few: up to 60 characters (this one has 66)." in text
    assert long_note in text  # nothing typed is lost
    assert text.count('<p class="error">A mid-day note') == 1  # beside the field, once
    assert not CheckIn.objects.exists()
    assert owner_client.post("/check-in/midday/", {"note": "x" * 60}).status_code == 302
