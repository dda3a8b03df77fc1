"""Reading text as people write it, before the crisis-language reader looks at it: lower case,
straight apostrophes, missing apostrophes put back ("dont", "im"), texting opened out ("wanna",
"kms", "w/"), and a slip of one letter in the words that matter corrected ("suicdal"). Pure;
no Django.
"""

from __future__ import annotations

import functools
import re

SPELLINGS = {
    "dont": "don't", "cant": "can't", "wont": "won't", "im": "i'm", "ive": "i've",
    "didnt": "didn't", "wasnt": "wasn't", "isnt": "isn't", "shouldnt": "shouldn't",
    "wouldnt": "wouldn't", "couldnt": "couldn't", "doesnt": "doesn't", "havent": "haven't",
    "arent": "aren't", "werent": "weren't", "whats": "what's", "theres": "there's",
    "thats": "that's", "itd": "it'd", "theyd": "they'd", "youd": "you'd", "wanna": "want to",
    "wana": "want to", "wanted2": "wanted to", "gonna": "going to", "gona": "going to",
    "gotta": "got to", "kinda": "kind of", "abt": "about", "bc": "because", "cuz": "because",
    "coz": "because", "wud": "would", "wld": "would", "cud": "could", "shud": "should",
    "tmrw": "tomorrow", "tmr": "tomorrow", "2nite": "tonight", "tonite": "tonight",
    "anymor": "anymore", "anymroe": "anymore", "noone": "no one", "every1": "everyone",
    "every1s": "everyone's", "some1": "someone", "ppl": "people", "u": "you", "ur": "your",
    "r": "are", "w": "with", "w/": "with", "n": "and", "b4": "before", "kms": "kill myself",
    "kys": "kill yourself", "unalive": "kill myself", "unaliving": "killing", "unalived": "killed",
    "kil": "kill", "kiled": "killed", "killin": "killing", "ded": "dead", "dei": "die",
    "liv": "live", "al": "all", "wnat": "want", "cutt": "cut",
    "wnt": "want", "lfie": "life", "liek": "like", "cuting": "cutting", "cuttin": "cutting",
    "selfharm": "self-harm", "selfharmed": "self-harmed", "selfharming": "self-harming",
    "sh": "self-harm", "od": "overdose", "od'd": "overdosed", "oded": "overdosed",
    "overdoze": "overdose", "myslef": "myself", "myeslf": "myself", "mysef": "myself",
    "alvie": "alive", "aliv": "alive", "pils": "pills", "tabs": "tablets",
}  # fmt: skip
# Words that matter enough to be recognised with one letter wrong, missing, extra or swapped
# ("suicdal", "overdosse"): long ones with no everyday word one letter away.
MISTYPED_KEYS = ("suicide", "suicidal", "suicides", "overdose", "overdosed", "overdosing",
                 "myself")  # fmt: skip
# Everyday words one letter from a key, which must stay as written.
EVERYDAY_NEIGHBOURS = frozenset({"overdone", "overdoes", "overdue"})


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


_MISTYPED: dict[str, str] = {}
for _key in MISTYPED_KEYS:
    for _variant in _deletions(_key) | {_key}:
        _MISTYPED.setdefault(_variant, _key)


def _corrected(word: str) -> str:
    """The key a word was meant to be, when it is one slip away from one; else the word. Of two
    keys a slip away ("suicidel": suicide or suicidal), the one of the same length (a letter
    wrong rather than extra), then the first by name, so the answer never depends on order."""
    if word in EVERYDAY_NEIGHBOURS or word in MISTYPED_KEYS:
        return word
    if word in _MISTYPED:  # a letter missing
        return _MISTYPED[word]
    keys = {_MISTYPED[v] for v in _deletions(word) if v in _MISTYPED}  # extra, wrong, swapped
    keys = {key for key in keys if len(key) >= len(word) - 1}
    return min(keys, key=lambda key: (abs(len(key) - len(word)), key), default=word)


# A word as the spelling pass sees it: "w/" and "2nite" included.
_TOKEN = re.compile(r"(?<![a-z0-9'/])[a-z0-9'/]+")
_SPOKEN = (
    (re.compile(r"\bmy self\b"), "myself"),
    (re.compile(r"\b(live|do this|go on|be here|take it|do it|wake up|keep going) no more\b"),
     r"\1 anymore"),
    (re.compile(r"\b(want|wanted|going|ready|need|have|got) (?:2|too) (\w)"), r"\1 to \2"),
    (re.compile(r"\bwant (?:to|too|2) dye(?=\s*(?:$|[.!?,;\n]|\s(?:rn|now|tbh|so)\b))"),
     "want to die"),
)  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _respelled(word: str) -> str:
    if word in SPELLINGS:
        return SPELLINGS[word]
    if 5 <= len(word) <= 10 and word[0] in "smoyuv" and word.isalpha():
        return _corrected(word)
    return word


def normal(text: str) -> str:
    """The text in lower case, with apostrophes straightened, everyday spellings and texting
    opened out, and slips in the words that matter corrected."""
    lowered = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    changed = {w for w in set(_TOKEN.findall(lowered)) if _respelled(w) != w}
    if changed:  # most texts need no change, and are not rewritten
        lowered = _TOKEN.sub(lambda m: _respelled(m.group()), lowered)
    if any(word in lowered for word in ("my self", "2", "too", "dye", "no more")):
        for pattern, replacement in _SPOKEN:
            lowered = pattern.sub(replacement, lowered)
    return lowered
