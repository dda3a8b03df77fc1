"""Noticing words that suggest thoughts of suicide or self-harm: a test set of phrases of both
kinds (at least 150), and properties of the function that decides whether to offer help."""

from __future__ import annotations

import re

import pytest
from bench.crisis_language import corpus_names, sentences
from hypothesis import given
from hypothesis import strategies as st

from earned.core.crisis_language import key_words, notice, suggests_risk, words_of
from earned.core.crisis_words import PHRASES

# Each of these should bring the calm notice with the safety plan and the crisis lines.
NOTICED = [
    "I want to die.",
    "i want to die",
    "I just want to die tonight",
    "Sometimes I want to die and I don't know why.",
    "I don't know why I want to die.",
    "Part of me wants to die. I wanted to die all evening.",
    "I wanna die",
    "I'm going to kill myself",
    "I am thinking of killing myself",
    "I could kill myself.",
    "I want to kill myself",
    "I keep thinking about killing myself",
    "I want to end my life",
    "I have thought about ending my life",
    "I might end my own life",
    "I want to take my own life",
    "I thought about taking my life",
    "I want to end it all",
    "Ending it all feels like the only way out",
    "I wish I was dead",
    "I wish I were dead.",
    "I wish I wasn't alive",
    "I wish I weren't here anymore",
    "I wished I had never been born",
    "Everyone would be better off without me",
    "They'd be happier off without me.",
    "I'd be better off dead",
    "There's no reason to live",
    "There is no point in living",
    "no point living like this",
    "I have nothing to live for",
    "I have nothing left to live for",
    "I don't want to be alive anymore",
    "I do not want to live",
    "I dont want to exist",
    "I don't want to be here anymore",
    "I don't want to wake up tomorrow",
    "I can't go on",
    "I cannot go on like this",
    "I can't keep going",
    "I cant carry on living",
    "I want to hurt myself",
    "I hurt myself again last night",
    "I've been hurting myself",
    "I want to harm myself",
    "I keep harming myself",
    "I cut myself",
    "I've started cutting myself again",
    "I burned myself on purpose",
    "I want to punish myself",
    "I'm self-harming again",
    "the urge to self harm is strong",
    "Self-harm feels like the only release",
    "I feel suicidal",
    "I'm suicidal",
    "Suicidal thoughts all day",
    "I've had thoughts of suicide",
    "I keep thinking about suicide",
    "I think about dying a lot",
    "I'm considering suicide",
    "I have a suicide plan",
    "I wrote a suicide note",
    "I want to take an overdose",
    "I took an overdose once and I want to again",
    "I thought about overdosing on my pills",
    "I want to go to sleep and never wake up",
    "I hope I fall asleep and not wake up",
    "I'd like to never wake up again",
    "I want to disappear forever",
    "I want to not be here anymore",
    "I keep thinking 'I want to die'",
    "Part of me said “I should just kill myself”",
    "I told myself 'end it all'",
    "I'm not sure I won't hurt myself tonight",
    "I can't promise I won't hurt myself",
    "I'm afraid I might kill myself",
    "I'm worried I will hurt myself",
    "I'm tempted to hurt myself",
    "It went fine but I want to die",
    "Work was okay. I want to die though.",
    "I WANT TO DIE",
    "I want to die.\nI mean it.",
    "They left and I want to kill myself",
    "I want to hurt myself, not anyone else",
    "Honestly? I want to end my life.",
    "i want to end it all tbh",
]

# None of these should bring the notice.
LEFT_ALONE = [
    "I'm not going to hurt myself.",
    "I would never kill myself.",
    "I don't want to die.",
    "I do not want to hurt myself",
    "I won't hurt myself, I promise.",
    "I didn't hurt myself this week.",
    "I no longer want to die.",
    "I'm not suicidal, just exhausted.",
    "not suicidal, just tired",
    "I used to want to die, years ago.",
    "When I was a teenager I used to hurt myself.",
    "I stopped cutting myself two years ago.",
    'She said "I want to die" as a joke.',
    'I know she said "I want to die" as a joke.',
    'I do not want to hurt myself\nShe said "I want to die" as a joke.',
    "The song goes “I want to die”, which surprised me.",
    "He shouted 'kill yourself' at the screen.",
    "The film was about suicide prevention.",
    "We talked about the news.",
    "The meeting went better than I feared.",
    "I asked Jo for help and she said yes.",
    "I felt anxious before the call.",
    "I was so tired I could sleep for a week.",
    "I'm dying to see the new film.",
    "The battery died.",
    "My phone is dead.",
    "The plant died while I was away.",
    "That joke killed me.",
    "I killed it at the presentation.",
    "My feet are killing me.",
    "The traffic was murder.",
    "I cut the onions and the bread.",
    "I cut my hair.",
    "I burned the toast.",
    "I hurt my knee running.",
    "She hurt my feelings.",
    "I don't want to go to the party.",
    "I don't want to be here when he arrives.",
    "I can't go on a trip this month.",
    "I can't keep going to that class.",
    "I want to disappear into a good book.",
    "I'd rather stay in tonight.",
    "I'm exhausted.",
    "I felt invisible at dinner.",
    "Nobody noticed my new haircut.",
    "I was afraid they would leave.",
    "I expected her to be angry.",
    "The deadline is killing the team.",
    "I'm dead tired.",
    "I nearly died laughing.",
    "We watched a documentary about grief.",
    "My grandmother died last year.",
    "I'm afraid of dying alone, said the character.",
    "I keep myself busy.",
    "I cut back on coffee.",
    "I want to live more fully.",
    "I want to be alive to every moment.",
    "There's every reason to keep going.",
    "I have so much to live for.",
    "I'm glad I'm here.",
    "I'm better off without caffeine.",
    "He's better off without that job.",
    "I want to quit my job.",
    "I want to leave the group chat.",
    "I want to take my own time with this.",
    "I took my time.",
    "I ended the call early.",
    "I ended things with Sam.",
    "Ending my shift early felt good.",
    "The end of my life as a student.",
    "A dead end at work.",
    "I wish I was there.",
    "I wish I were taller.",
    "I wish I wasn't so shy.",
    "I could have cried.",
    "",
    "   ",
    "I overdid it at the gym.",
    "I took an extra pill for my headache as the doctor said.",
    "I fell asleep and woke up late.",
    "Never wake up a sleeping baby.",
    "I want to sleep in tomorrow.",
    "I didn't want to be alone.",
    "I don't want to cause trouble.",
    "I'm not going to die of embarrassment.",
    "Nothing happened.",
    "I thought I was going to die of embarrassment.",
    "I was so nervous I thought I'd die.",
]


def test_the_test_set_is_large_enough() -> None:
    assert len(NOTICED) + len(LEFT_ALONE) >= 150
    assert len(set(NOTICED)) == len(NOTICED)
    assert len(set(LEFT_ALONE)) == len(LEFT_ALONE)


@pytest.mark.parametrize("text", NOTICED)
def test_words_suggesting_risk_are_noticed(text: str) -> None:
    assert suggests_risk(text), text


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_everyday_and_negated_words_are_left_alone(text: str) -> None:
    assert not suggests_risk(text), notice(text)


@given(st.text(max_size=200))
def test_it_never_fails_on_any_text(text: str) -> None:
    assert suggests_risk(text) == bool(notice(text))


def test_risk_is_noticed_beside_anything_else() -> None:
    """Whatever else is written in the same entry, on its own line, the risky words count —
    every pairing, so a clause from one line never sets aside the other's."""
    for risky in NOTICED:
        for ordinary in LEFT_ALONE:
            assert suggests_risk(f"{ordinary}\n{risky}"), (ordinary, risky)
            assert suggests_risk(f"{risky}\n{ordinary}"), (risky, ordinary)


def test_ordinary_lines_together_stay_ordinary() -> None:
    for first in LEFT_ALONE:
        for second in LEFT_ALONE:
            assert not suggests_risk(f"{first}\n{second}"), (first, second)


def test_any_of_several_fields_is_enough() -> None:
    assert suggests_risk(None, "Fine day.", "I want to hurt myself")
    assert not suggests_risk(None, "", "Fine day.")


# --- The labelled corpus and the reader's own guarantees --------------------------------------

ALL_PHRASES = [pattern for group in PHRASES.values() for pattern in group]


@given(st.sampled_from(ALL_PHRASES).flatmap(lambda p: st.tuples(st.just(p), st.from_regex(p))))
def test_every_way_a_phrase_matches_holds_one_of_its_key_words(
    drawn: tuple[str, str],
) -> None:
    """A sentence is read only with the expressions whose key words it holds: that is safe
    because every way an expression can match holds one of them."""
    pattern, text = drawn
    match = re.search(pattern, text)
    assert match is not None
    assert key_words(pattern).intersection(words_of(match.group(0))), (
        pattern,
        match.group(0),
    )


def test_the_first_corpus_is_read_within_the_targets() -> None:
    """The first corpus. The second, written after the rules were frozen, is measured by the
    benchmark (make bench ARGS=crisis): it shows how far the rules generalise."""
    assert "second" in corpus_names()
    positives, negatives = sentences("first", "positive"), sentences("first", "negative")
    assert len(positives) >= 100
    assert len(negatives) >= 100
    missed = [s for _, s in positives if not suggests_risk(s)]
    alarms = [s for _, s in negatives if suggests_risk(s)]
    assert len(missed) <= 0.03 * len(positives), missed
    assert len(alarms) <= 0.03 * len(negatives), alarms
