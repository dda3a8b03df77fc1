"""`earned log`: an experience from the terminal, from flags (scripts) or step by step."""

from __future__ import annotations

import datetime
import functools
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from earned.accounts.models import User
from earned.cli import log as log_command
from earned.cli import main
from earned.ledger.models import Experience, Rating
from earned.privacy import keyring, keys
from tests.conftest import PASSPHRASE, Runner
from tests.test_ledger import EXPECTATION, an_expectation

pytestmark = pytest.mark.django_db


@pytest.fixture
def run(earned: Runner) -> Runner:
    return functools.partial(earned, "log")


@pytest.fixture
def in_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(log_command, "in_a_terminal", lambda: True)


def only_experience(owner: User) -> Experience:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        experience = Experience.objects.get(owner=owner)
        # Read every encrypted field while the key is open.
        for field in ("situation", "feared", "happened", "learned", "body_sensation"):
            getattr(experience, field)
        list(experience.emotions.all())
        return experience


def one_line_failure(result: Result) -> str:
    assert result.exit_code != 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_everything_can_come_from_flags(owner: User, run: Runner) -> None:
    expectation = an_expectation(owner)
    result = run(
        "--expectation", "ask for help",
        "--situation", "Asking Maya to help me move",
        "--when", "2026-07-04 18:30",
        "--context", "friend",
        "--who", "Maya",
        "--expected", "She sighs and says she is busy",
        "--likelihood", "80",
        "--happened", "She said yes straight away",
        "--occurred", "10",
        "--distress", "35",
        "--window", "within",
        "--felt",
        "--emotion", "anxious=70",
        "--emotion", "wobbly",
        "--body-place", "chest",
        "--body", "tight, then looser",
        "--response", "asked",
        "--response", "stayed",
        "--learned", "Asking plainly worked",
        "--explained-away", "partly",
        "--feels-true", "65",
        "--think-true", "30",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "70 points better than feared" in result.output

    experience = only_experience(owner)
    assert experience.status == Experience.Status.DONE
    assert experience.debriefed_at is not None
    assert list(experience.expectations.all()) == [expectation]
    assert experience.situation == "Asking Maya to help me move"
    assert experience.feared == "She sighs and says she is busy"
    assert (experience.likelihood, experience.occurred, experience.peak_distress) == (80, 10, 35)
    assert (experience.context, experience.window, experience.felt) == ("friend", "within", True)
    assert (experience.body_place, experience.body_sensation) == ("chest", "tight, then looser")
    assert experience.response_keys == ["asked", "stayed"]
    assert experience.explained_away == "partly"
    assert experience.learned == "Asking plainly worked"
    # The time is read in the person's own time zone (Dublin is an hour ahead of UTC in July).
    assert experience.happens_at == datetime.datetime(2026, 7, 4, 17, 30, tzinfo=datetime.UTC)
    emotions = sorted((emotion.label, emotion.intensity) for emotion in experience.emotions.all())
    assert emotions == [("Anxious", 70), ("wobbly", 50)]
    latest = Rating.objects.filter(expectation=expectation).latest("rated_at")
    assert (latest.feels_true, latest.think_true, latest.experience) == (65, 30, experience)


def test_an_expectation_can_be_named_by_the_start_of_its_id(
    owner: User,
    run: Runner,
) -> None:
    expectation = an_expectation(owner)
    an_expectation(owner, "If I rest, I will be left behind.")
    result = run(
        "-e", str(expectation.pk)[:8], "--situation", "s", "--happened", "h", "--occurred", "0"
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert list(only_experience(owner).expectations.all()) == [expectation]


@pytest.mark.parametrize(
    ("arguments", "reason"),
    [
        (["--happened", "h", "--occurred", "0"], "--situation"),
        (["--situation", "s", "--occurred", "0"], "--happened: Please write a few words"),
        (["--situation", "s", "--happened", "h"], "--occurred: Please choose how much"),
        (["--situation", "s", "--happened", "h", "--occurred", "120"], "from 0 to 100"),
        (["--situation", "s", "--happened", "h", "--occurred", "5", "--when", "Tuesday"], "like"),
        (["--situation", "s", "--happened", "h", "--occurred", "5", "-e", "nothing"], "No expect"),
        (["--situation", "s", "--happened", "h", "--occurred", "5", "-e", "I"], "matches 2"),
        (["--situation", "s", "--happened", "h", "--occurred", "5", "--feels-true", "4"], "both"),
        (["--situation", "s", "--happened", "h", "--occurred", "5", "--emotion", "sad=400"], "0"),
        (["--situation", "  ", "--happened", "h", "--occurred", "5"], "--situation: Please say"),
        (
            [
                "--situation",
                "s",
                "--happened",
                "h",
                "--occurred",
                "5",
                "--explained-away",
                "no",
                "--likelihood",
                "101",
            ],
            "--likelihood",
        ),
        (
            ["--situation", "s", "--happened", "h", "--occurred", "5", "--when", "2099-01-01 9:00"],
            "--when: That time is still to come.",
        ),
    ],
)
def test_a_script_with_something_missing_or_wrong_gets_one_line_and_nothing_is_saved(
    owner: User,
    run: Runner,
    arguments: list[str],
    reason: str,
) -> None:
    an_expectation(owner)
    an_expectation(owner, "If I rest, I will be left behind.")
    line = one_line_failure(run(*arguments))
    assert line.startswith("earned: ")
    assert reason in line
    assert not Experience.objects.exists()


def test_step_by_step_asks_again_kindly_and_saves_it_all(
    owner: User,
    run: Runner,
    in_a_terminal: None,
) -> None:
    expectation = an_expectation(owner)
    typed = [
        "1",  # which expectation it tested
        "Asking my partner to plan the weekend with me",
        "2026-11-20 18:00",
        "partnr",  # not one of the choices: asked again
        "partner",
        "Jo",
        "He will say I am needy",
        "120",  # out of range: asked again
        "75",
        "He said he would love to",
        "",  # needed: asked again
        "5",
        "30",
        "watched",
        "yes",  # add more
        "within",
        "relieved 60, wobbly",
        "chest",
        "loosened",
        "asked nope",  # not on the list: asked again
        "asked stayed",
        "Breathing first",
        "",
        "He likes being asked",
        "Ask again next week",
        "partly",  # the discounting question (70 points better than feared)
        "It was a good day for him",
        "60",  # re-rating
        "35",
    ]
    result = run(typed="\n".join(typed) + "\n")
    assert result.exit_code == 0, result.output
    assert "Please choose one of: therapy, partner" in result.output
    assert "Please choose a number from 0 to 100." in result.output
    assert "This one is needed" in result.output
    assert "Please use words from the two lists above." in result.output
    assert "This went better than you feared." in result.output
    assert "Re-rated." in result.output

    experience = only_experience(owner)
    assert experience.status == Experience.Status.DONE
    assert (experience.context, experience.who) == ("partner", "Jo")
    assert (experience.likelihood, experience.occurred, experience.peak_distress) == (75, 5, 30)
    assert experience.felt is False
    assert experience.response_keys == ["asked", "stayed"]
    assert experience.helped == "Breathing first"
    assert not experience.hindered
    assert experience.next_action == "Ask again next week"
    assert (experience.explained_away, experience.explained_away_how) == (
        "partly",
        "It was a good day for him",
    )
    emotions = sorted((emotion.label, emotion.intensity) for emotion in experience.emotions.all())
    assert emotions == [("Relieved", 60), ("wobbly", 50)]
    latest = Rating.objects.filter(expectation=expectation).latest("rated_at")
    assert (latest.feels_true, latest.think_true, latest.experience) == (60, 35, experience)


def test_stopping_half_way_keeps_a_draft(
    owner: User,
    run: Runner,
    in_a_terminal: None,
) -> None:
    # The input ends after the feared outcome, as if the person pressed Ctrl+D (Ctrl+C alike).
    typed = ["Telling my sister I was hurt", "", "family", "", "She will laugh it off"]
    result = run(typed="\n".join(typed) + "\n")
    assert result.exit_code == 0, result.output
    assert "saved as a draft" in result.output
    experience = only_experience(owner)
    assert experience.status == Experience.Status.DRAFT
    assert experience.situation == "Telling my sister I was hurt"
    assert experience.feared == "She will laugh it off"
    assert experience.debriefed_at is None


def test_stopping_before_anything_is_typed_saves_nothing(
    owner: User,
    run: Runner,
    in_a_terminal: None,
) -> None:
    result = run(typed="")
    assert result.exit_code != 0
    assert result.output.strip().splitlines()[-1] == "earned: Stopped; nothing was saved."
    assert not Experience.objects.exists()


def test_the_expectations_list_shows_the_id_to_log_against(
    owner: User, passphrase_file: Path
) -> None:
    expectation = an_expectation(owner)
    result = CliRunner().invoke(main, ["expectations", "--passphrase-file", str(passphrase_file)])
    assert str(expectation.pk)[:8] in result.output
    assert EXPECTATION in result.output


@given(
    word=st.text(st.characters(categories=["L"]), min_size=1, max_size=20),
    strength=st.integers(0, 100),
)
def test_a_feeling_keeps_its_word_and_strength_however_it_is_written(
    word: str, strength: int
) -> None:
    for written in (f"{word}={strength}", f"{word} {strength}", f"  {word} = {strength} "):
        emotion = log_command.parse_emotion(written, "--emotion")
        assert emotion.intensity == strength
        assert (emotion.own_word or log_command_label(emotion.word)).lower() == word.lower()
    assert log_command.parse_emotion(word, "--emotion").intensity == 50


def log_command_label(key: str) -> str:
    from earned.ledger.choices import EMOTIONS

    return EMOTIONS[key]
