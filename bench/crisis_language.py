"""How well the crisis-language reader does on our labelled sentences, and how fast it reads.

Each corpus in tests/data/crisis_language/ is a pair of files: NAME-positive.tsv (sentences
that should bring the calm notice) and NAME-negative.tsv (sentences that should not), one
"category<TAB>sentence" a line, in the order they were written:
- "first", the corpus the rules were first written against;
- "second", written after the rules of 2 December 2026 were frozen (64% noticed then), and used
  since to develop them;
- "third", written after the rules of 3 December 2026 (morning) were frozen (70% noticed, 6.9%
  false alarms then), and used since to develop them;
- "fourth", written after the rules of 3 December 2026 (afternoon) were frozen (73.6% noticed,
  4.6% false alarms then), and used since to develop the rules and train the model;
- "fifth", written after the rules and the model of 3 December 2026 (evening) were frozen
  (68.5% noticed, 3.4% false alarms then), and learnt from since.
- "sixth", written after the reader of 3 December 2026 (late) was frozen (66.3% noticed, 3.4%
  false alarms then), and learnt from since; some of its sentences are twins of everyday ones,
  which one sentence alone cannot tell apart.
- "seventh", written after the reader of 3 December 2026 (night) was frozen (72.0% noticed,
  3.0% false alarms then), and learnt from since.
The next corpus is written after freezing again, and measured before it is learnt from.
"""

from __future__ import annotations

import ast
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from earned.core.crisis_language import suggests_risk

CORPORA = Path(__file__).resolve().parent.parent / "tests" / "data" / "crisis_language"
RECALL_TARGET = 0.97
FALSE_ALARM_TARGET = 0.03


def sentences(name: str, kind: str) -> list[tuple[str, str]]:
    found = []
    for line in (CORPORA / f"{name}-{kind}.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            category, sentence = line.split("\t", 1)
            found.append((category, sentence))
    return found


ORDER = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh")


def corpus_names() -> list[str]:
    """The corpora, in the order they were written."""
    names = {path.name.rsplit("-", 1)[0] for path in CORPORA.glob("*-positive.tsv")}
    return sorted(names, key=lambda name: ORDER.index(name) if name in ORDER else len(ORDER))


def measure(name: str, *, show_misses: bool = True) -> tuple[float, float]:
    positives, negatives = sentences(name, "positive"), sentences(name, "negative")
    missed = [(c, s) for c, s in positives if not suggests_risk(s)]
    alarms = [(c, s) for c, s in negatives if suggests_risk(s)]
    recall = 1 - len(missed) / len(positives)
    false_alarms = len(alarms) / len(negatives)
    print(
        f"corpus {name!r}: {len(positives)} that should bring the notice, {len(negatives)} that "
        f"should not\n  recall {recall:6.1%} (target ≥ {RECALL_TARGET:.0%})   false alarms "
        f"{false_alarms:6.1%} (target ≤ {FALSE_ALARM_TARGET:.0%})"
    )
    by_category = Counter(category for category, _ in positives)
    missed_by = Counter(category for category, _ in missed)
    print("  recall by category: " + ", ".join(
        f"{c} {1 - missed_by[c] / n:.0%}" for c, n in sorted(by_category.items())
    ))  # fmt: skip
    if show_misses:
        for category, sentence in missed:
            print(f"    missed      [{category}] {sentence}")
        for category, sentence in alarms:
            print(f"    false alarm [{category}] {sentence}")
    return recall, false_alarms


def speed() -> None:
    """A 2,000-character entry of everyday writing (the corpus's everyday sentences, not its
    figures of speech): alone, where nothing is found and the model reads every sentence, and
    with one sentence of risk at its end."""
    everyday = [s for category, s in sentences("first", "negative") if category == "everyday"]
    entry = ""
    while len(entry) < 2100:
        entry += everyday[len(entry) % len(everyday)] + " "
    ordinary = entry[: entry.rfind(".", 0, 2000) + 1]
    risky = entry[: entry.rfind(".", 0, 1985) + 1] + " I want to die."
    assert suggests_risk(risky)
    assert not suggests_risk(ordinary)
    words = re.compile(r"[a-z']+")
    times: dict[str, list[float]] = {"ordinary": [], "risky": [], "floor": []}
    for _ in range(200):  # interleaved, so a busy machine slows all alike
        for name, text in (("ordinary", ordinary), ("risky", risky)):
            start = time.perf_counter()
            suggests_risk(text)
            times[name].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        words.findall(ordinary.lower())  # the floor: cutting the entry into words, once
        times["floor"].append((time.perf_counter() - start) * 1000)
    cutting = statistics.median(times["floor"])
    for name, text in (("ordinary", ordinary), ("risky", risky)):
        reading = statistics.median(times[name])
        print(
            f"  reading a {len(text):,}-character {name} entry: median {reading:.3f} ms (target "
            f"< 1 ms); {reading / cutting:.0f} times the time to cut it into words "
            f"({cutting:.3f} ms)"
        )


def demo_sentences() -> list[str]:
    """Every sentence of the demo's six months (earned/demo/): everyday writing made for the
    product, not for this reader, so a fair count of notices nobody needed."""
    texts = []
    for path in sorted((Path(__file__).parent.parent / "src" / "earned" / "demo").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                texts += re.split(r"(?<=[.!?])\s+", node.value)
    return [text for text in texts if len(text.split()) >= 3]


def bench_crisis_language() -> None:
    for name in corpus_names():
        measure(name)
    demo = demo_sentences()
    noticed = [sentence for sentence in demo if suggests_risk(sentence)]
    print(f"the demo's {len(demo)} everyday sentences: {len(noticed)} bring the notice")
    for sentence in noticed:
        print(f"    {sentence}")
    speed()


if __name__ == "__main__":
    bench_crisis_language()
