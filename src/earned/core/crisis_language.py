"""Noticing words that suggest thoughts of suicide or self-harm, so that Earned can offer the
safety plan and crisis lines, calmly, after something is saved. Pure functions; no Django.

What it does: looks, clause by clause, for first-person phrases from a list we keep (PHRASES),
and leaves a phrase aside when the person is saying they will not or do not (a negation just
before it, as in "I'm not going to hurt myself"), when it lies in the past ("I used to want to
die"), or when it sits inside quotation marks attributed to someone else ("She sang 'I want to
die'"). Uncertainty keeps it ("I'm not sure I won't hurt myself").

What it cannot do, said plainly: it reads words, not meaning. It misses what is said in other
words, in other languages, with spelling it does not expect, or spread across sentences; and it
will sometimes notice a phrase used differently. It never diagnoses, never blocks saving and
never sends anything anywhere: it only decides whether to offer help. docs/safety.md says more.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CLAUSE_ENDS = r"(?=\s*(?:$|[.!?,;:\n]|\band\b|\bbut\b))"

# First-person expressions of suicidal thoughts or self-harm. Each is a regular expression over
# lower-case text in which curly apostrophes are straightened.
PHRASES: tuple[str, ...] = (
    r"kill(?:ing)? myself",
    r"end(?:ing)? my (?:own )?life",
    r"take (?:my own|my) life",
    r"taking my (?:own )?life",
    r"end(?:ing)? it all",
    r"(?:want|wanted|wanting|wanna) (?:to )?die",
    r"wish(?:ed)? i (?:was|were) dead",
    r"wish(?:ed)? i (?:was|were)n'?t (?:alive|here|around)",
    r"wish(?:ed)? i had never been born",
    r"better off dead",
    r"(?:better|happier) off without me",
    r"no (?:reason|point) (?:to live|in living|living|to go on)",
    r"nothing (?:left )?to live for",
    r"(?:don't|do not|dont) want to (?:be alive|live|exist|wake up)",
    # "…be here" and "can't go on" only when nothing follows but "anymore" or "like this":
    # "I don't want to be here when he arrives" and "I can't go on a trip" are everyday.
    r"(?:don't|do not|dont) want to be here(?: anymore| any more)?" + _CLAUSE_ENDS,
    r"can(?:'t|not|t) (?:go on|keep going|carry on)(?: living| like this| anymore)?" + _CLAUSE_ENDS,
    r"(?:hurt|hurting|harm|harming|harmed|cut|cutting|burn|burned|burnt|burning|punish|punishing) "
    r"myself",
    r"self[- ]?harm(?:ing)?",
    r"suicidal",
    r"(?:thoughts of|thinking about|think about|thought about|considering|contemplating) "
    r"(?:suicide|ending it|dying)",
    r"(?:a |my )?suicide (?:plan|note|attempt)",
    r"(?:take|taking|took) an overdose",
    r"overdos(?:e|ing) on",
    r"(?:go to sleep|fall asleep) and (?:never|not) wake up",
    r"(?:never|not) (?:to )?wake up again",
    r"disappear (?:forever|for good)",
    r"not (?:be|being) here anymore",
)
_PHRASE = re.compile(r"\b(?:" + "|".join(PHRASES) + r")\b")

# A negation in the few words before a phrase, with no new subject in between.
NEGATIONS = frozenset(
    {"not", "never", "no", "don't", "dont", "won't", "wont", "wouldn't", "wouldnt", "didn't",
     "didnt", "isn't", "am't", "aren't", "doesn't", "nothing", "stopped", "longer"}
)  # fmt: skip
SUBJECTS = frozenset(
    {"i", "i'm", "im", "i've", "ive", "i'd", "id", "i'll", "ill", "you", "he", "she", "they",
     "we", "it", "that", "this", "because", "and", "but", "so"}
)  # fmt: skip
PAST = ("used to", "once wanted", "years ago", "back then", "when i was a teenager")
# Doubt undoes a negation: "I'm not sure I won't…", "I can't promise I won't…".
DOUBT = ("not sure", "don't know if", "dont know if", "can't promise", "cant promise",
         "might", "afraid i", "scared i", "worried i", "tempted")  # fmt: skip
LOOK_BACK = 5  # words
QUOTED = re.compile(
    '["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]'  # "double", or curly
    "|(?<![a-z])'([^']*)'(?![a-z])"  # 'single' (curly ones are straightened first)
)
FIRST_PERSON_BEFORE_QUOTE = re.compile(
    r"\b(?:i|i'm|im|me|myself|part of me)\b(?P<between>[^.!?;:\n]{0,30})$"
)  # "I keep thinking 'I want to die'" is the person's own thought…
SOMEONE_ELSE = re.compile(r"\b(?:she|he|they|someone|somebody|you)\b")  # …"I heard she said" is not
CLAUSE_END = re.compile(r"[.!?;:\n]+|\bbut\b|\bthough\b|\bhowever\b")


@dataclass(frozen=True)
class Noticed:
    phrase: str  # the words that matched, as written (lower case)


def _normal(text: str) -> str:
    return text.lower().replace("\u2019", "'").replace("\u2018", "'")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks that someone else said (not the person's own thought)."""
    spans = []
    for match in QUOTED.finditer(text):
        own = FIRST_PERSON_BEFORE_QUOTE.search(text[: match.start()])
        if not own or SOMEONE_ELSE.search(own.group("between")):
            spans.append((match.start(), match.end()))
    return spans


def _clause_before(text: str, start: int) -> str:
    """The words of the clause that come before position `start`."""
    before = text[:start]
    ends = list(CLAUSE_END.finditer(before))
    return before[ends[-1].end() :] if ends else before


def _set_aside(clause_before: str, clause_start_words: list[str]) -> bool:
    if any(doubt in clause_before for doubt in DOUBT):
        return False
    if any(past in clause_before for past in PAST):
        return True
    for word in reversed(clause_start_words[-LOOK_BACK:]):
        if word in NEGATIONS or word.endswith("n't"):
            return True
        if word in SUBJECTS:
            return False
    return False


def notice(text: str | None) -> list[Noticed]:
    """Every phrase in `text` that suggests thoughts of suicide or self-harm, as the person's
    own and current; empty when there is none."""
    if not text:
        return []
    normal = _normal(text)
    quoted = _quoted_spans(normal)
    found = []
    for match in _PHRASE.finditer(normal):
        if any(start <= match.start() < end for start, end in quoted):
            continue
        before = _clause_before(normal, match.start())
        words = re.findall(r"[a-z']+", before)
        if not _set_aside(before, words):
            found.append(Noticed(match.group(0)))
    return found


def suggests_risk(*texts: str | None) -> bool:
    """Whether any of the texts suggests thoughts of suicide or self-harm."""
    return any(notice(text) for text in texts)
