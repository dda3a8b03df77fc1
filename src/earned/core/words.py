"""Words for search: how text is cut into words, how a word is reduced to the form the search
index keeps (so that "asked", "asking" and "asks" find each other), and where a page of results
marks its matches. Pure functions over strings; no Django.

The stemmer is deliberately light — a few regular English endings, applied until none is left —
so that it is easy to reason about and never turns two unrelated common words into one. The
index stores only a keyed hash of each stem (see earned/search), never the stem itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# A word: letters and digits, with apostrophes inside it ("hasn't", "Jo’s").
WORD = re.compile(r"\w+(?:['’]\w+)*")
LONGEST_WORD = 40  # longer runs are not words a person searches for (links, pasted noise)
SHORTEST_STEM = 3

# Too common to help find anything; left out of the index and of queries.
COMMON = frozenset((
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "did", "do", "does", "for",
    "from", "had", "has", "have", "he", "her", "him", "his", "i", "if", "in", "is", "it", "its",
    "me", "my", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their", "them",
    "then", "there", "they", "this", "to", "too", "us", "was", "we", "were", "what", "when",
    "which", "who", "will", "with", "would", "you", "your",
))  # fmt: skip

_PLURALS = (("sses", "ss"), ("ies", "y"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"))
_ENDINGS = ("ing", "ed", "ly")
_DOUBLE_KEPT = frozenset("lsz")  # "calling" is "call", but "stopped" is "stop"


def normalise(word: str) -> str:
    """Lower case, accents and apostrophes folded: “Zoë’s” and "zoes" are the same word."""
    folded = unicodedata.normalize("NFKD", word.replace("’", "'")).casefold()
    folded = "".join(char for char in folded if not unicodedata.combining(char))
    if folded.endswith("'s"):
        folded = folded[:-2]
    return folded.replace("'", "")


def _one_ending_less(word: str) -> str:
    for ending, replacement in _PLURALS:
        if word.endswith(ending) and len(word) - len(ending) + len(replacement) >= SHORTEST_STEM:
            return word[: -len(ending)] + replacement
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > SHORTEST_STEM:
        return word[:-1]
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST_STEM:
            word = word[: -len(ending)]
            if len(word) > SHORTEST_STEM and word[-1] == word[-2] and word[-1] not in _DOUBLE_KEPT:
                word = word[:-1]  # "stopped": "stop"
            return word
    return word


def stem(word: str) -> str:
    """A normalised word without its regular English endings ("feelings" is "feel"); never
    shorter than three letters unless the word itself is. Applying it twice changes nothing."""
    while (shorter := _one_ending_less(word)) != word:
        word = shorter
    return word


def key_of(word: str) -> str | None:
    """The form of a written word the index keeps, or None for a word too common to search."""
    folded = normalise(word)
    if not folded or folded in COMMON or len(folded) > LONGEST_WORD:
        return None
    return stem(folded)


NO_WORDS, TOO_LONG, ONLY_COMMON = "no-words", "too-long", "only-common"


def why_nothing_searchable(query: str) -> str:
    """Why a query with no searchable word has none: NO_WORDS (emoji or punctuation alone),
    TOO_LONG (a run longer than any word, such as a link), or ONLY_COMMON ("the", "and")."""
    written = [normalise(match.group()) for match in WORD.finditer(query)]
    written = [word for word in written if word]
    if not written:
        return NO_WORDS
    if any(len(word) > LONGEST_WORD for word in written):
        return TOO_LONG
    return ONLY_COMMON


def keys_of(texts: Iterable[str | None], known: dict[str, str | None] | None = None) -> set[str]:
    """Every distinct searchable word form in some texts. `known` keeps each word's form as it
    is worked out, for a caller that reads many texts (rebuilding an index) and drops it after."""
    known = {} if known is None else known
    found = set()
    for text in texts:
        for word in set(WORD.findall(text or "")):  # each word once: a text repeats many
            key = known[word] if word in known else known.setdefault(word, key_of(word))
            if key:
                found.add(key)
    return found


Segment = tuple[str, bool]  # a piece of text, and whether it is a match to mark


def marked(text: str, keys: set[str]) -> list[Segment]:
    """The text cut into pieces, each word whose form is one of `keys` a marked piece of its own.
    Joined again, the pieces are exactly the text."""
    segments: list[Segment] = []
    position = 0
    for match in WORD.finditer(text):
        if key_of(match.group()) in keys:
            if match.start() > position:
                segments.append((text[position : match.start()], False))
            segments.append((match.group(), True))
            position = match.end()
    if position < len(text):
        segments.append((text[position:], False))
    return segments


def excerpt(text: str, keys: set[str], width: int = 180) -> list[Segment]:
    """About `width` characters of the text around its first match, cut at spaces, with an
    ellipsis where text was left out, and the matches marked."""
    if len(text) <= width:
        return marked(text, keys)
    first = next((m for m in WORD.finditer(text) if key_of(m.group()) in keys), None)
    start = 0 if first is None else max(0, first.start() - width // 3)
    if start:
        space = text.find(" ", start, first.start() if first else None)
        start = space + 1 if space >= 0 else start
    end = start + width
    if end < len(text):
        space = text.rfind(" ", first.end() if first else start, end)
        end = space if space > start else end
    segments = marked(text[start:end], keys)
    return [
        *([("…", False)] if start else []),
        *segments,
        *([("…", False)] if end < len(text) else []),
    ]
