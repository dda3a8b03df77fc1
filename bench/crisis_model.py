"""Learns the weights of the crisis-language model (earned/core/crisis_model.py) from our
labelled sentences and writes them to earned/core/data/crisis_weights.json:
`make bench ARGS=train-crisis`. Pure Python and deterministic, so the file in the repository can
be made again and compared.

It learns from the corpora named in TRAINING and the test sentences. A new corpus is written
after freezing the rules and these weights, measured by the benchmark while unseen (that figure
goes in docs/safety.md), and only then added here. The threshold is chosen by five-fold cross
validation on the training sentences alone: the lowest score whose false alarms stay within
FALSE_ALARM_BUDGET there.
"""

from __future__ import annotations

import json
import math
import random

from bench.crisis_language import sentences
from earned.core.crisis_model import WEIGHTS, Model, features
from earned.core.crisis_spelling import normal

TRAINING = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")
PENALTY = 0.00005  # L2 on the mean loss: about C = 16 for these 1,300 sentences
EPOCHS = 400
LEARNING_RATE = 0.05
FALSE_ALARM_BUDGET = 0.04
KEEP_ABOVE = 0.5  # weights smaller than this are left out of the file (47 KB)
THRESHOLDS = [round(0.30 + step * 0.025, 3) for step in range(25)]

Example = tuple[str, int]  # a sentence read as written, and whether it should bring the notice


def examples() -> list[Example]:
    from tests.test_crisis_language import LEFT_ALONE, NOTICED

    labelled = [(text, 1) for text in NOTICED] + [(text, 0) for text in LEFT_ALONE if text.strip()]
    for name in TRAINING:
        labelled += [(text, 1) for _, text in sentences(name, "positive")]
        labelled += [(text, 0) for _, text in sentences(name, "negative")]
    return [(normal(text), label) for text, label in labelled]


def train(data: list[Example]) -> Model:
    """Logistic regression with balanced classes, by full-batch gradient descent (Adam)."""
    positives = sum(label for _, label in data)
    balance = {1: len(data) / (2 * positives), 0: len(data) / (2 * (len(data) - positives))}
    featured = [(sorted(set(features(text))), label) for text, label in data]
    weights: dict[str, float] = {}
    moments: dict[str, list[float]] = {}
    bias, bias_moment = 0.0, [0.0, 0.0]
    for step in range(1, EPOCHS + 1):
        gradient: dict[str, float] = {}
        bias_gradient = 0.0
        for present, label in featured:
            scale = 1 / math.sqrt(len(present)) if present else 0.0
            raw = bias + scale * sum(weights.get(feature, 0.0) for feature in present)
            error = balance[label] * (1 / (1 + math.exp(-max(-30, min(30, raw)))) - label)
            bias_gradient += error
            for feature in present:
                gradient[feature] = gradient.get(feature, 0.0) + error * scale
        for feature, value in gradient.items():
            value = value / len(data) + PENALTY * weights.get(feature, 0.0)
            weights[feature] = weights.get(feature, 0.0) - _adam(moments, feature, value, step)
        bias -= _adam({"": bias_moment}, "", bias_gradient / len(data), step)
    return Model(bias=bias, weights=weights, threshold=0.5)


def _adam(moments: dict[str, list[float]], key: str, gradient: float, step: int) -> float:
    first, second = moments.setdefault(key, [0.0, 0.0])
    first = 0.9 * first + 0.1 * gradient
    second = 0.999 * second + 0.001 * gradient * gradient
    moments[key][:] = [first, second]
    corrected = first / (1 - 0.9**step), second / (1 - 0.999**step)
    return LEARNING_RATE * corrected[0] / (math.sqrt(corrected[1]) + 1e-8)


def chosen_threshold(data: list[Example]) -> float:
    """The lowest threshold whose cross-validated false alarms stay within the budget."""
    shuffled = data[:]
    random.Random(18).shuffle(shuffled)
    folds = [shuffled[index::5] for index in range(5)]
    scored: list[tuple[float, int]] = []
    for index, held_out in enumerate(folds):
        rest = [example for other, fold in enumerate(folds) if other != index for example in fold]
        fitted = train(rest)
        scored += [(fitted.score(text), label) for text, label in held_out]
    negatives = [score for score, label in scored if label == 0]
    positives = [score for score, label in scored if label == 1]
    for threshold in THRESHOLDS:
        alarms = sum(score >= threshold for score in negatives) / len(negatives)
        if alarms <= FALSE_ALARM_BUDGET:
            recall = sum(score >= threshold for score in positives) / len(positives)
            print(f"  threshold {threshold}: cross-validated {recall:.1%} noticed, {alarms:.1%}")
            return threshold
    return THRESHOLDS[-1]


def bench_train_crisis_model() -> None:
    data = examples()
    print(f"Learning from {len(data)} sentences ({', '.join(TRAINING)} and the test sets)")
    threshold = chosen_threshold(data)
    fitted = train(data)
    kept = {f: round(w, 3) for f, w in fitted.weights.items() if abs(w) >= KEEP_ABOVE}
    ordered = dict(sorted(kept.items(), key=lambda item: -item[1]))
    WEIGHTS.parent.mkdir(exist_ok=True)
    WEIGHTS.write_text(
        json.dumps(
            {"about": "Weights of earned/core/crisis_model.py, written by bench/crisis_model.py.",
             "trained_on": list(TRAINING), "bias": round(fitted.bias, 4),
             "threshold": threshold, "weights": ordered},
            indent=0, ensure_ascii=False,
        ) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    print(f"  {len(ordered)} weights kept, {WEIGHTS.stat().st_size:,} bytes: {WEIGHTS.name}")


if __name__ == "__main__":
    bench_train_crisis_model()
