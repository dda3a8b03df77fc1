"""One-time codes: made from letters that cannot be mistaken for one another, and the same code
however a person types it back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from earned.core import codes

A_CODE = st.text(alphabet=codes.ALPHABET, min_size=codes.LENGTH, max_size=codes.LENGTH)


def test_a_new_code_is_twelve_unmistakable_characters_in_groups_of_four() -> None:
    made = codes.new()
    groups = made.split("-")
    assert [len(group) for group in groups] == [4, 4, 4]
    assert set("".join(groups)) <= set(codes.ALPHABET)
    assert not set("O0I1L") & set(codes.ALPHABET)


@given(A_CODE, st.lists(st.sampled_from(["-", " ", "  "]), max_size=4), st.booleans())
def test_a_code_hashes_the_same_however_it_is_typed(
    code: str, separators: list[str], lower: bool
) -> None:
    typed = codes.shown(code)
    for separator in separators:
        typed = typed.replace("-", separator, 1)
    typed = typed.lower() if lower else typed
    assert codes.normalised(typed) == code
    assert codes.hashed(typed) == codes.hashed(code)


@given(A_CODE, A_CODE)
def test_different_codes_hash_differently(first: str, second: str) -> None:
    assert (codes.hashed(first) == codes.hashed(second)) == (first == second)
