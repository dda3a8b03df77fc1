"""The rules that set a phrase aside, held as properties over every risky phrase: a negation
before it, the long past (and what makes it recent again), someone else's quoted words and a
person's own quoted thought, doubt; and the same answer whatever the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

from hypothesis import given
from hypothesis import strategies as st

from earned.core.crisis_language import suggests_risk
from tests.test_crisis_language import LEFT_ALONE

# What a person might say of themselves, each noticed on its own after "I " (checked below).
RISKY = [
    "want to die", "want to kill myself", "hurt myself", "cut myself", "want to end my life",
    "think about suicide", "take an overdose", "wish I was dead", "want to disappear forever",
    "think about killing myself", "want to self-harm", "burn myself on purpose",
]  # fmt: skip
NEGATIONS = ["don't", "do not", "won't", "will not", "would never", "never", "didn't",
             "no longer", "am not going to", "wouldn't", "could never"]  # fmt: skip
LONG_AGO = ["Years ago I used to", "When I was a teenager I used to", "As a child I used to",
            "In my twenties I used to", "A long time ago I used to"]  # fmt: skip
SOMEONE = ["She", "He", "My friend", "The character", "My mum", "Someone in the group"]
SAID = ["said", "wrote", "shouted", "sang", "told me"]
ASIDE = st.sampled_from(LEFT_ALONE[:40])  # a few ordinary lines, to sit beside them


@given(st.sampled_from(RISKY))
def test_each_risky_phrase_is_noticed_on_its_own(risky: str) -> None:
    assert suggests_risk(f"I {risky}."), risky


@given(st.sampled_from(RISKY), st.sampled_from(NEGATIONS), ASIDE)
def test_a_negation_before_a_phrase_sets_it_aside(risky: str, negation: str, aside: str) -> None:
    assert not suggests_risk(f"I {negation} {risky}."), (negation, risky)
    assert not suggests_risk(f"{aside}\nI {negation} {risky}."), (negation, risky)


@given(st.sampled_from(RISKY), st.sampled_from(["won't", "will not", "don't"]))
def test_doubt_undoes_a_negation(risky: str, negation: str) -> None:
    assert suggests_risk(f"I'm not sure I {negation} {risky}."), (negation, risky)


@given(st.sampled_from(RISKY), st.sampled_from(LONG_AGO), ASIDE)
def test_the_long_past_sets_a_phrase_aside(risky: str, long_ago: str, aside: str) -> None:
    assert not suggests_risk(f"{long_ago} {risky}."), (long_ago, risky)
    assert not suggests_risk(f"{long_ago} {risky}.\n{aside}"), (long_ago, risky)


@given(st.sampled_from(RISKY), st.sampled_from(LONG_AGO))
def test_what_is_recent_again_is_noticed_beside_the_long_past(risky: str, long_ago: str) -> None:
    assert suggests_risk(f"{long_ago} {risky}. Last night I {risky} again."), (long_ago, risky)


@given(st.sampled_from(RISKY), st.sampled_from(SOMEONE), st.sampled_from(SAID), ASIDE)
def test_someone_elses_quoted_words_are_set_aside(
    risky: str, someone: str, said: str, aside: str
) -> None:
    assert not suggests_risk(f'{someone} {said} "I {risky}".'), (someone, said, risky)
    assert not suggests_risk(f'{aside}\n{someone} {said} "I {risky}".'), (someone, said, risky)


@given(st.sampled_from(RISKY), st.sampled_from(["I keep thinking", "I told myself", "I wrote"]))
def test_a_persons_own_quoted_thought_is_noticed(risky: str, thinking: str) -> None:
    assert suggests_risk(f"{thinking} 'I {risky}'."), (thinking, risky)


def test_the_set_aside_rules_hold_for_every_combination() -> None:
    """The properties above, over every combination rather than a sample: the model's weights
    must never lead past a negation, the long past or someone else's quoted words."""
    for risky in RISKY:
        for negation in NEGATIONS:
            assert not suggests_risk(f"I {negation} {risky}."), (negation, risky)
        for long_ago in LONG_AGO:
            assert not suggests_risk(f"{long_ago} {risky}."), (long_ago, risky)
        for someone in SOMEONE:
            for said in SAID:
                assert not suggests_risk(f'{someone} {said} "I {risky}".'), (someone, risky)


def test_slips_are_corrected_the_same_way_whatever_the_hash_seed() -> None:
    """A word one slip from two keys is corrected by a rule, not by a set's order: the reader
    (and the model's training) give the same answer in every process."""
    script = "from earned.core.crisis_spelling import normal; print(normal('suicidel suicdie'))"
    answers = {
        subprocess.run(
            [sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True,
        ).stdout
        for seed in ("1", "2", "3", "4")
    }  # fmt: skip
    assert answers == {"suicidal suicide\n"}
