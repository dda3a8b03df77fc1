"""`earned checkin`: the day's rituals from the terminal, from flags or asked for."""

from __future__ import annotations

import functools

import pytest

from earned.accounts.models import User
from earned.cli import checkin as checkin_command
from earned.privacy import keyring, keys
from earned.rituals.models import CheckIn, Interaction
from tests.conftest import PASSPHRASE, Runner

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(earned: Runner) -> Runner:
    return functools.partial(earned, "checkin")


def read(owner: User, **filters: str) -> list[CheckIn]:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return list(CheckIn.objects.filter(owner=owner, **filters).order_by("at"))


def test_a_morning_from_flags_then_changed_the_same_day(owner: User, run: Runner) -> None:
    first = run(
        "morning", "--mood", "−2", "--energy", "6", "--feeling", "Hopeful", "--feeling",
        "wobbly", "--prediction", "Lena will ignore my idea.", "--where", "chest",
    )  # fmt: skip
    assert first.exit_code == 0, first.output
    assert "Noted: morning check-in" in first.output
    again = run("morning", "--mood", "1")
    assert again.exit_code == 0, again.output
    [morning] = read(owner, kind="morning")  # changed, not written twice
    assert (morning.mood, morning.energy, morning.tension_place) == (1, 6, "chest")
    assert (morning.emotions, morning.own_words) == ("hopeful", "wobbly")
    assert morning.prediction == "Lena will ignore my idea."


def test_an_evening_from_flags_keeps_the_moments_and_closes_the_prediction(
    owner: User, run: Runner
) -> None:
    assert run("morning", "--prediction", "Jo will be distant.").exit_code == 0
    result = run(
        "evening", "--outcome", "did-not", "--moment", "Jo: asked about my day (good)",
        "--moment", "short with me in the meeting", "--helped", "A walk",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    [morning] = read(owner, kind="morning")
    assert morning.prediction_outcome == "did-not"
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        lines = [(i.who, i.what, i.felt) for i in Interaction.objects.order_by("position")]
    assert lines == [("Jo", "asked about my day", 2), (None, "short with me in the meeting", None)]


def test_an_evening_may_hold_only_a_moment(owner: User, run: Runner) -> None:
    """As in the browser: one moment with someone is something to keep."""
    result = run("evening", "--moment", "Jo: asked about my day")
    assert result.exit_code == 0, result.output
    (evening,) = read(owner, kind="evening")
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        assert [line.what for line in evening.interactions.all()] == ["asked about my day"]


def test_mid_day_notes_may_be_many(owner: User, run: Runner) -> None:
    for word in ("tired", "lighter"):
        assert run("midday", "--word", word).exit_code == 0
    assert [note.note for note in read(owner, kind="midday")] == ["tired", "lighter"]


@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        (["morning"], "Give at least one answer"),
        (["morning", "--mood", "7"], "please choose a number from -5 to 5"),
        (["morning", "--where", "nowhere"], "'nowhere' is not one of"),
        (["evening", "--moment", " : "], "--moment: write who and what happened"),
        (["tonight"], "'tonight' is not one of 'morning', 'midday', 'evening'"),
        (["midday", "--word", "w" * 61], "--word: A mid-day note is a word or a few: up to 60"),
    ],
)
def test_a_mistake_is_one_line_and_nothing_is_saved(
    run: Runner, arguments: list[str], reason: str
) -> None:
    result = run(*arguments)
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert reason in lines[0]
    assert not CheckIn.objects.exists()


def test_in_a_terminal_the_evening_is_asked_for(
    owner: User, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkin_command, "in_a_terminal", lambda: True)
    assert run("morning", "--prediction", "Priya won't answer.").exit_code == 0
    typed = [
        "9",  # out of range: asked again
        "−1",
        "partly",  # did the morning's prediction happen?
        "Priya",
        "Answered after lunch",
        "fine",  # not one of the words: asked again
        "okay",
        "",  # no more moments
        "Texting first",
        "",
        "",
    ]
    result = run("evening", typed="\n".join(typed) + "\n")
    assert result.exit_code == 0, result.output
    assert "Please choose a number from −5 to +5." in result.output
    assert "This morning you predicted: “Priya won't answer.”" in result.output
    [evening] = read(owner, kind="evening")
    assert (evening.mood, evening.helped) == (-1, "Texting first")
    assert read(owner, kind="morning")[0].prediction_outcome == "partly"
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        [line] = Interaction.objects.all()
        assert (line.who, line.what, line.felt) == ("Priya", "Answered after lunch", 1)


def test_stopping_the_questions_saves_nothing(run: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checkin_command, "in_a_terminal", lambda: True)
    result = run("morning", typed="2\n")
    assert result.exit_code != 0
    assert result.output.strip().splitlines()[-1] == "earned: Stopped; nothing was saved."
    assert not CheckIn.objects.exists()
