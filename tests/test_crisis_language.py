"""Noticing words that suggest thoughts of suicide or self-harm: a test set of phrases of both
kinds (at least 150), and properties of the function that decides whether to offer help."""

from __future__ import annotations

import re

import pytest
from bench.crisis_language import corpus_names, sentences
from hypothesis import given
from hypothesis import strategies as st

from earned.core.crisis_language import key_words, notice, suggests_risk, words_of
from earned.core.crisis_phrases import PHRASES

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
    # Written after the second corpus, to try the reader on phrasings it had not met.
    "I just want everything to stop for good.",
    "Sometimes I think everyone would be relieved if I was gone.",
    "i keep hoping i won't wake up tomorrow",
    "I'm planning to end my life this weekend.",
    "I bought rope today and hid it in the shed.",
    "I want to go to sleep forever.",
    "I don't think I can keep going much longer.",
    "It's all too much, I want to die.",
    "I've been thinking about how to kill myself.",
    "I keep picturing myself jumping off the bridge.",
    "Why am I even alive.",
    "I dream about dying most nights.",
    "Suicide feels like my only option.",
    "I scratched my arms until they bled last night.",
    "I've been burning myself with a lighter.",
    "I punched the wall until my knuckles bled on purpose.",
    "I took 20 paracetamol last night.",
    "I feel like ending it.",
    "Everyone would be better off if I just disappeared.",
    "I hate myself so much I want to die.",
    "i want to kms",
    "Honestly I'm ready to die.",
    "There's no point in me being here.",
    "My family would be better off without me around.",
    "I'm tired of being alive.",
    "I wrote notes to my kids in case I don't make it.",
    "I've decided to kill myself.",
    "I've been looking at ways to die online.",
    "I wish I could just fall asleep and never wake up.",
    "I want to stop existing.",
    "I'm thinking of taking all my sleeping pills.",
    "Part of me wants to drive into a wall.",
    "i cant keep living like this",
    "Nothing matters, I want it to be over.",
    "I deserve to die.",
    "I want to hurt myself so badly right now.",
    "I cut again after three months.",
    "I'm scared I'll do something to myself tonight.",
    "I'm so done with life.",
    "had a fight with mum and honestly i just want to not be here anymore",
    "Therapy was hard. Afterwards I sat in the car and thought about driving into the river.",
    "i keep thinking everyone would be fine without me",
    "I've started giving my things to my sister so she has them after.",
    "Tonight I feel like I could just swallow everything in the cabinet.",
    "What if I just didn't wake up. That would be ok.",
    "I'm so tired. I don't want to do this anymore. I want to go to sleep and not come back.",
    "I caught myself looking at the knife drawer again.",
    "I've been hurting myself again, mostly my arms.",
    "I feel like the only way out is to die.",
    "The voice in my head keeps telling me to end it.",
    "I told nobody but I tried to hang myself last month.",
    "i want to die so bad",
    "it would be so easy to just step off the platform",
    "My partner left and I can't see a way to keep living.",
    "I want to disappear and never come back.",
    "Every day I think about killing myself.",
    "I don't want to be alive for christmas.",
    "I'm going to take all my pills tonight.",
    "im scared of how much i want to die",
    "I hate my life and want to end it.",
    "Some days I wish I'd never woken up after the accident.",
    "The world would be better off without me in it.",
    "I'd be doing everyone a favour if I died.",
    "I had a plan to end it on Sunday.",
    # Someone else's words that are not a negation; the general rules above keep the person's own.
    "Nobody can talk me out of ending my life now.",
    "Suicide is on my mind again.",
    "When I was twenty I wanted to die, and I want to again today.",
    "i cutt myself again",
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
    # Written after the second corpus, as hard as we could make them.
    "I want this week to be over.",
    "I could sleep forever after that hike.",
    "I'm dying to tell you what happened.",
    "I killed the interview today!",
    "I'm so done with this job.",
    "I want to stop feeling guilty about saying no.",
    "I wrote my mum a letter for her birthday.",
    "I gave away my old clothes to the charity shop.",
    "We made a plan to visit Grandma.",
    "I'm ready to leave this relationship.",
    "My plants are dying because I forgot to water them.",
    "He said he was going to end it with her.",
    "I hurt myself lifting boxes at work.",
    "I cut myself on a broken glass.",
    "The deadline is going to kill me.",
    "I wanted to disappear when she read my message aloud.",
    "I'm sick of living with flatmates.",
    "I'd rather die than go back to that gym.",
    "I took my pills this morning.",
    "I looked up the bus times.",
    "I'm going to do it, I'm going to sign up for the class.",
    "I stood on the bridge and watched the boats.",
    "My dad nearly died last year and it scared me.",
    "I dreamt about my grandmother who died.",
    "I was thinking about death a lot after the funeral, but I'm okay.",
    "I hope I don't die of boredom in this meeting.",
    "I need to end things with Jo.",
    "I'm so tired of being tired.",
    "I finished the whole packet of biscuits.",
    "No one would notice if I left the party early.",
    "I'm not going to give up on life.",
    "I'm afraid of dying.",
    "I'm going to be dead tired tomorrow.",
    "We saw a documentary about people who survived jumping from the Golden Gate.",
    "I cried because I felt like a burden, then Sam hugged me.",
    "I have a death in the family.",
    "I wish I could disappear for a week to a beach.",
    "I'm killing it at work lately.",
    "I want to end the day with a bath.",
    "I'm jumping at the chance to go.",
    "I'm dying for a coffee.",
    "I died a little inside when he read it out.",
    "She's going to kill me when she finds out.",
    "I wanted to kill him for what he said, but I breathed.",
    "I wish my dad hadn't died so young.",
    "The old me would have shut down, but I stayed.",
    "Nobody would notice if I skipped the meeting, so I went home.",
    "I'm sick of this weather.",
    "The film's hero throws himself off a cliff.",
    "My therapist and I talked about what to do if I ever feel unsafe.",
    "We discussed the safety plan together, I don't feel at risk now.",
    "I hid the chocolates from myself.",
    "I took a whole box of tissues to the cinema lol.",
    "I'm going to end it with Chris tonight, I've decided.",
    "I want to end my life as a people pleaser.",
    "I'm over it.",
    "Ending my life in London and starting again in Leeds feels right.",
    "I don't want to exist only for other people.",
    "My plan is to take the bus home.",
    "I'm ready to give up on this diet.",
    "I'm scared of heights so the bridge walk was hard.",
    "I stepped off the train and Sam was there.",
    "Life feels pointless without music, so I started piano again.",
    "I wish I could stop thinking about what she said.",
    # Self-compassion, which a statistical reader trained on our sentences once misread.
    "Be kind to myself if I get something wrong.",
    "An hour to myself.",
    "Reminding myself that I could stop and come back to it.",
    "I keep thinking about that.",
    "Telling myself nobody would notice if I disappeared for a week.",
    "I've been looking after myself all week.",
    "I'm learning to be on my own side.",
    # Words of risk in their everyday uses, when the model points at them.
    "Nobody will respond; it will just hang in the air.",
    "We've been told to cut back on overtime, which is scary for rent.",
    # A general statement about the word, in a sentence that nowhere speaks of the person.
    "Paracetamol overdose is a common reason for hospital admission, she explained.",
    "Suicide rates are rising among older men, the article says.",
    # A bottle of something that is not medicine; the long past said in words.
    "I looked at the bottle of wine and decided not tonight.",
    "When I was twenty I wanted to die; now I want to see my daughter grow up.",
    "I don't think I'll still be here by Christmas, the contract ends in November.",
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


@pytest.mark.parametrize("name", ["first", "second", "third", "fourth", "fifth", "seventh"])
def test_the_corpora_the_rules_were_written_with_are_read_within_the_targets(name: str) -> None:
    """Every corpus, once measured unseen (docs/safety.md keeps those figures), is learnt from
    and held to the targets; the next one is written after freezing, and measured first."""
    assert corpus_names()[-1] == "seventh"
    positives, negatives = sentences(name, "positive"), sentences(name, "negative")
    assert len(positives) >= 80
    assert len(negatives) >= 80
    missed = [s for _, s in positives if not suggests_risk(s)]
    alarms = [s for _, s in negatives if suggests_risk(s)]
    assert len(missed) <= 0.03 * len(positives), missed
    assert len(alarms) <= 0.03 * len(negatives), alarms


def test_the_sixth_corpus_is_read_as_far_as_one_sentence_can_tell() -> None:
    """The sixth was written with twins: "I've given away my tools and my fishing gear" beside
    "I gave my old fishing gear to my nephew". Alone, a sentence cannot tell them apart, so
    these stay missed rather than become false alarms; the rest are held to the targets."""
    positives, negatives = sentences("sixth", "positive"), sentences("sixth", "negative")
    missed = [s for _, s in positives if not suggests_risk(s)]
    alarms = [s for _, s in negatives if suggests_risk(s)]
    assert len(missed) <= 0.10 * len(positives), missed
    assert alarms == []
