"""How text is cut into words for search, how words are reduced to one form, and how matches are
marked: the properties a person relies on when they search."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from earned.core import words
from earned.core.words import COMMON, WORD, excerpt, key_of, keys_of, marked, stem

lowercase = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)
# Text as people write it: words, punctuation, curly apostrophes, accents, new lines.
writing = st.lists(
    st.sampled_from([*list("abcdefghij ASKED’'.,!?\nöéß-"), "Jo", "ask", "help", " asked "]),
    max_size=200,
).map("".join)


@given(lowercase)
def test_reducing_a_word_twice_changes_nothing(word: str) -> None:
    assert stem(stem(word)) == stem(word)


@given(lowercase)
def test_a_reduced_word_is_never_longer_nor_shorter_than_three_letters_unless_it_was(
    word: str,
) -> None:
    reduced = stem(word)
    assert len(reduced) <= len(word) + 1  # "ies" becomes "y": one letter for three
    assert len(reduced) >= min(len(word), 3)


@given(lowercase)
def test_regular_forms_of_a_word_find_each_other(base: str) -> None:
    assume(len(base) >= 3 and stem(base) == base)
    # Words ending in e, s or y change shape when inflected; -us and -is words ("bus", "this")
    # keep their s; a doubled last letter is read as a doubled consonant ("stopped").
    assume(base[-1] not in "esyui" and base[-1] != base[-2])
    assert stem(base + "s") == stem(base + "ed") == stem(base + "ing") == base


def test_everyday_words_meet_their_other_forms() -> None:
    assert {key_of(word) for word in ("ask", "asks", "asked", "asking", "Asked")} == {"ask"}
    assert key_of("stopped") == key_of("stopping") == "stop"
    assert key_of("feelings") == key_of("feeling") == "feel"
    assert key_of("stories") == key_of("story")
    assert key_of("Jo’s") == key_of("jo") == "jo"
    assert key_of("Zoë") == key_of("zoe")
    assert key_of("calling") == "call"  # a double l stays


@given(st.sampled_from(sorted(COMMON)))
def test_common_words_are_never_searched(word: str) -> None:
    assert key_of(word) is None
    assert key_of(word.upper()) is None


@given(writing, st.sets(st.sampled_from(["ask", "help", "jo", "abc", "ed"])))
def test_marking_keeps_every_character_and_marks_exactly_the_matching_words(
    text: str, keys: set[str]
) -> None:
    segments = marked(text, keys)
    assert "".join(piece for piece, _ in segments) == text
    for piece, is_match in segments:
        if is_match:
            assert key_of(piece) in keys
    wanted = [word for word in WORD.findall(text) if key_of(word) in keys]
    assert [piece for piece, is_match in segments if is_match] == wanted


@given(writing, st.sets(st.sampled_from(["ask", "help", "jo"]), min_size=1))
def test_an_excerpt_is_a_piece_of_the_text_with_its_first_match(text: str, keys: set[str]) -> None:
    segments = excerpt(text, keys, width=60)
    inner = [piece for piece, _ in segments]
    if inner and inner[0] == "…":
        inner = inner[1:]
    if inner and inner[-1] == "…":
        inner = inner[:-1]
    assert "".join(inner) in text
    assert len("".join(inner)) <= 60 or "".join(inner) == text
    if keys & keys_of([text]):
        assert any(is_match for _, is_match in segments)


def test_an_excerpt_of_a_long_entry_starts_near_the_match_and_says_what_was_left_out() -> None:
    text = "Quiet morning. " * 20 + "Then Jo asked how I was, and listened. " + "Tea. " * 40
    segments = excerpt(text, {"listen"}, width=80)
    assert segments[0] == ("…", False)
    assert segments[-1] == ("…", False)
    assert ("listened", True) in segments


@given(st.text(alphabet=st.characters(categories=["So", "Po", "Zs", "Sm"]), max_size=30))
def test_symbols_and_punctuation_alone_hold_no_word(query: str) -> None:
    assert not keys_of([query])
    assert words.why_nothing_searchable(query) == words.NO_WORDS


@given(st.text(alphabet="abcdefgh", min_size=words.LONGEST_WORD + 1, max_size=80))
def test_a_run_longer_than_any_word_is_said_to_be_too_long(run: str) -> None:
    assert not keys_of([run])
    assert words.why_nothing_searchable(f"the {run} 🙂") == words.TOO_LONG


@given(st.lists(st.lists(writing, max_size=4), max_size=6))
def test_a_rebuilds_memo_of_word_forms_changes_no_result(records: list[list[str]]) -> None:
    known: dict[str, str | None] = {}
    for texts in records:  # one memo across many records, as a rebuild keeps it
        assert keys_of(texts, known) == keys_of(texts)
    assert all(form == key_of(word) for word, form in known.items())
