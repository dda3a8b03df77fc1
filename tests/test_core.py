from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from earned.accounts.passphrases import MESSAGES, strength
from earned.accounts.services import describe_device
from earned.core.clock import part_of_day


@given(st.integers(min_value=0, max_value=23))
def test_every_hour_has_a_part_of_the_day(hour: int) -> None:
    assert part_of_day(hour) in {"morning", "afternoon", "evening"}


@pytest.mark.parametrize(
    ("hour", "part"),
    [(4, "evening"), (5, "morning"), (11, "morning"), (12, "afternoon"), (18, "evening")],
)
def test_the_day_turns_at_the_documented_hours(hour: int, part: str) -> None:
    assert part_of_day(hour) == part


@given(st.integers().filter(lambda h: not 0 <= h <= 23))
def test_impossible_hours_are_refused(hour: int) -> None:
    with pytest.raises(ValueError, match="from 0 to 23"):
        part_of_day(hour)


@given(st.text(min_size=1, max_size=300))
def test_strength_is_always_a_score_with_our_message(passphrase: str) -> None:
    result = strength(passphrase)
    assert 0 <= result.score <= 4
    assert result.message == MESSAGES[result.score]


def test_a_persons_own_name_never_makes_a_passphrase_stronger() -> None:
    plain = strength("sammywhitfield1990")
    assert strength("sammywhitfield1990", ("sammy", "whitfield")).score <= plain.score


@given(st.text(max_size=500))
def test_device_labels_stay_short_and_never_echo_the_agent(user_agent: str) -> None:
    label = describe_device(user_agent)
    assert 0 < len(label) <= 30


@pytest.mark.parametrize(
    ("agent", "label"),
    [
        (
            "Mozilla/5.0 (Linux; Android 14) AppleWebKit Chrome/130 Mobile Safari/537",
            "Chrome on Android",
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17 Safari/604",
            "Safari on iPhone",
        ),
        ("Mozilla/5.0 (Windows NT 10.0) Chrome/130 Safari/537 Edg/130", "Edge on Windows"),
        ("curl/8.0", "A browser"),
    ],
)
def test_device_labels_read_naturally(agent: str, label: str) -> None:
    assert describe_device(agent) == label
