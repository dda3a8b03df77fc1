"""`earned ladders` and `earned practice`: the ladders and the next step, in a terminal."""

from __future__ import annotations

import datetime

import pytest

from earned.accounts.models import User
from earned.ledger import services as ledger
from earned.ledger.models import Experience
from earned.practice import services as practice
from earned.practice.models import Ladder, Step
from earned.privacy import keyring, keys
from earned.records import saving as records
from tests.conftest import PASSPHRASE, Runner

pytestmark = pytest.mark.django_db
WHEN = datetime.datetime(2026, 11, 28, 19, tzinfo=datetime.UTC)


def a_ladder(owner: User, goal: str = "Ask for what I need at home") -> Ladder:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        ladder = practice.save_ladder(owner, Ladder(goal=goal))
        for description, distress in (("Ask Jo to pass the salt", 10), ("Ask for an evening", 60)):
            practice.add_step(
                owner, ladder, Step(description=description, expected_distress=distress)
            )
        return ladder


def attempt(owner: User, ladder: Ladder, **outcome: object) -> None:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        step = ladder.ordered_steps()[0]
        experience = Experience(
            situation="Salt",
            feared="Jo sighs",
            happened="Jo passed it",
            likelihood=80,
            happens_at=WHEN,
        )
        made = practice.plan_attempt(
            owner, step, experience, expectations=[], coping_plan="Breathe out slowly"
        )
        if outcome:
            for name, value in outcome.items():
                setattr(made.experience, name, value)
            ledger.save_experience(owner, made.experience, finish=True)


def test_ladders_are_listed_with_how_far_up_they_are(owner: User, earned: Runner) -> None:
    ladder = a_ladder(owner)
    attempt(owner, ladder, occurred=10, window="within")
    attempt(owner, ladder, occurred=0, window="within")
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        practice.climb(owner, ladder.ordered_steps()[0])
    a_ladder(owner, "Say no to extra shifts")
    result = earned("ladders")
    assert result.exit_code == 0, result.output
    assert "Ask for what I need at home\n  ●◐  1 of 2 steps climbed\n" in result.output
    assert "  now: Ask for an evening — Not tried yet" in result.output
    assert "Say no to extra shifts" in result.output


def test_put_away_ladders_are_listed_only_when_asked(owner: User, earned: Runner) -> None:
    ladder = a_ladder(owner)
    records.set_archived(owner, ladder, True)
    assert "No ladders yet" in earned("ladders").output
    assert "(put away)" in earned("ladders", "--archived").output


def test_practice_shows_the_next_step_why_and_its_plan(owner: User, earned: Runner) -> None:
    ladder = a_ladder(owner)
    attempt(owner, ladder, occurred=10, window="within")
    attempt(owner, ladder)  # planned, not yet lived
    result = earned("practice", "need at home")
    assert result.exit_code == 0, result.output
    assert "Now: Ask Jo to pass the salt (expected distress 10)" in result.output
    assert "Stay with this step a little longer. It went clearly better than feared." in (
        result.output.replace("\n", " ")
    )
    assert "Planned: Sat 28 Nov 19:00" in result.output
    assert "You fear: Jo sighs (80% likely)" in result.output
    assert "If it gets hard: Breathe out slowly" in result.output


def test_practice_shows_times_on_the_persons_own_clock(owner: User, earned: Runner) -> None:
    User.objects.filter(pk=owner.pk).update(timezone="Pacific/Auckland")
    attempt(owner, a_ladder(owner))
    assert "Planned: Sun 29 Nov 08:00" in earned("practice").output


def test_practice_after_two_clear_attempts_says_ready(owner: User, earned: Runner) -> None:
    ladder = a_ladder(owner)
    attempt(owner, ladder, occurred=10, window="within")
    attempt(owner, ladder, occurred=5, window="within")
    assert "Ready for the next step, when you are." in earned("practice").output


def test_practice_names_a_ladder_it_cannot_find_in_one_line(owner: User, earned: Runner) -> None:
    a_ladder(owner)
    result = earned("practice", "juggling")
    assert result.exit_code != 0
    assert result.output == "earned: No ladder matches 'juggling'. `earned ladders` lists them.\n"


def test_without_ladders_both_say_where_to_start(owner: User, earned: Runner) -> None:
    for verb in ("ladders", "practice"):
        assert (
            earned(verb).output == "No ladders yet. Start one in the app: Practice → New ladder.\n"
        )
