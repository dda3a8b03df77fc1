"""The statistical reader beside the crisis-language rules: what it adds, where it may point,
and that its weights are the ones our trainer writes from the sentences it names."""

from __future__ import annotations

import json

import pytest
from bench.crisis_language import corpus_names
from bench.crisis_model import TRAINING, examples, train
from hypothesis import given
from hypothesis import strategies as st

from earned.core import crisis_language
from earned.core.crisis_model import SMALL_WORDS, WEIGHTS, model
from earned.core.crisis_words import RISK_WORDS

# Ways of saying it that no rule names, which the model notices (from the fourth corpus).
ONLY_THE_MODEL_NOTICES = [
    "Why can't I just die.",
    "I've planned to take the pills on Saturday when I'm alone.",
    "I've been saying goodbye to people in little ways.",
    "I feel like I'm just existing until it ends.",
]


@pytest.mark.parametrize("sentence", ONLY_THE_MODEL_NOTICES)
def test_the_model_notices_what_no_rule_names(
    sentence: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert crisis_language.suggests_risk(sentence)
    monkeypatch.setattr(crisis_language, "_model_matches", lambda *_: iter(()))
    assert not crisis_language.suggests_risk(sentence)


VOCABULARY = sorted(set(model().weights) | SMALL_WORDS | {"won't", "can't", "never"})


@given(st.lists(st.sampled_from([w for w in VOCABULARY if " " not in w]), max_size=20))
def test_the_model_points_only_at_a_word_of_risk(words: list[str]) -> None:
    """The rules read around the word the model points at: it is never a small word or a
    negation (which must stay before it), and never a word that speaks of risk only by style."""
    word = model().heaviest_word(words, RISK_WORDS)
    assert word is None or (word in RISK_WORDS and word not in SMALL_WORDS)
    assert word is None or not word.endswith("n't")


@given(st.text(max_size=300))
def test_a_score_is_a_probability(text: str) -> None:
    assert 0.0 <= model().score(text.lower()) <= 1.0


def test_the_weights_say_which_corpora_they_learnt_from() -> None:
    """A corpus is measured unseen before it is learnt from (bench/crisis_model.py, TRAINING),
    and the file records which ones it holds."""
    stored = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert stored["trained_on"] == list(TRAINING)
    assert set(TRAINING) <= set(corpus_names())
    assert 0.5 <= stored["threshold"] < 1


@pytest.mark.slow  # trains the model again, in pure Python
def test_the_weights_are_the_ones_the_trainer_writes() -> None:
    """Training again on the same sentences gives the stored weights (to their rounding), so
    the file can always be made again and its changes reviewed."""
    stored = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    fitted = train(examples())
    assert round(fitted.bias, 4) == stored["bias"]
    for feature, weight in stored["weights"].items():
        assert round(fitted.weights[feature], 3) == weight, feature
