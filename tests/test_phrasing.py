"""Our sentences holding a person's own words read as sentences."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from earned.core.phrasing import both, mid_sentence


@pytest.mark.parametrize(
    ("first", "second", "read"),
    [
        ("The old critic", "A kinder voice", "The old critic and a kinder voice"),
        ("My younger self", "My adult self", "My younger self and my adult self"),
        ("The critic", "Mum", "The critic and Mum"),
        ("Me", "I", "Me and I"),
        ("Fear", "THE BOSS", "Fear and THE BOSS"),  # written in capitals on purpose: kept
        ("The critic", "A", "The critic and A"),  # one word alone may be a name
    ],
)
def test_two_voices_read_as_one_phrase(first: str, second: str, read: str) -> None:
    assert both(first, second) == read


@given(st.text(max_size=40))
def test_only_the_first_letter_can_change(words: str) -> None:
    inside = mid_sentence(words)
    assert len(inside) == len(words)
    assert inside[1:] == words[1:]
    assert mid_sentence(inside) == inside
