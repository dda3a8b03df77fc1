"""A small statistical reader beside the crisis-language rules: a weight for each word and pair
of words, learnt from our labelled sentences (bench/crisis_model.py writes the weights), so that
ways of saying it that no rule names can still be noticed. Pure; no Django.

It is a logistic model: a sentence's score is the sum of the weights of the words and word
pairs it holds, scaled by their number, through the logistic curve. The weights are data in
`data/crisis_weights.json`, readable as they are: the heaviest are the words that most suggest
risk. The model only decides *where* to look; earned/core/crisis_language.py then applies the
same rules around the heaviest word as around any expression (negation, the long past, someone
else's words, laughing, figures of speech).
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import re
from dataclasses import dataclass
from pathlib import Path

WEIGHTS = Path(__file__).with_name("data") / "crisis_weights.json"
# How a sentence is cut into words: the reader (earned/core/crisis_language.py) cuts with this
# same pattern, so the words scored are the words the weights were learnt from.
WORD = re.compile(r"[a-z']+")
# Never the word the set-aside rules read around: small words that weigh towards risk only
# because the person speaks of themselves ("I", "my"), and negations, which the rules must be
# able to find before it ("I won't want to die").
_SMALL = """
    i i'm i've i'd i'll me my mine a an the to and or but so it its it's of in on at for with
    just really be is am are was were been being do does did that this there here not no never
    nothing none nobody neither nor
"""
SMALL_WORDS = frozenset(_SMALL.split())


def features(sentence: str) -> list[str]:
    """The words and the pairs of neighbouring words of a sentence already read as written."""
    return features_of(WORD.findall(sentence))


def features_of(words: list[str]) -> list[str]:
    return words + [f"{first} {second}" for first, second in itertools.pairwise(words)]


@dataclass(frozen=True)
class Model:
    bias: float
    weights: dict[str, float]
    threshold: float  # a score at or above it suggests risk

    def score(self, sentence: str) -> float:
        return self.score_words(WORD.findall(sentence))

    def score_words(self, words: list[str]) -> float:
        """The score of a sentence cut into words already."""
        present = set(features_of(words))
        if not present:
            return 0.0
        total = sum(self.weights.get(feature, 0.0) for feature in present)
        return _logistic(self.bias + total / math.sqrt(len(present)))

    def heaviest_word(self, words: list[str], vocabulary: frozenset[str]) -> str | None:
        """The word of a sentence that weighs most towards risk, among those of `vocabulary`
        (words that speak of dying, harm or the means by themselves): some weights carry only
        the style of the sentences learnt from ("i've", "myself"), and the model must not speak
        for those alone."""
        weighty = [
            word
            for word in words
            if word in vocabulary
            and self.weights.get(word, 0.0) > 0
            and word not in SMALL_WORDS
            and not word.endswith("n't")
        ]
        return max(weighty, key=lambda word: self.weights[word], default=None)


def _logistic(value: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, value))))


@functools.cache
def model() -> Model:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return Model(bias=data["bias"], weights=data["weights"], threshold=data["threshold"])
