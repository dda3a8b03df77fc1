"""How our sentences read when they hold a person's own words. Pure functions; no Django."""

from __future__ import annotations

# A name that begins with one of these is a description ("A kinder voice", "My adult self"),
# written with a capital only because it began a field; inside a sentence it reads lower-case.
# Anything else may be a name ("Mum", "Priya", "I") and keeps its capital.
DESCRIBING = frozenset(("a", "an", "the", "my", "our", "your", "his", "her", "their", "this"))


def mid_sentence(words: str) -> str:
    """The words as they read inside a sentence, not at its start."""
    first, _, rest = words.partition(" ")
    capitalised = first[:1].isupper() and first[1:] == first[1:].lower()  # not "THE"
    if rest and first.casefold() in DESCRIBING and capitalised:
        return first.casefold() + " " + rest
    return words


def both(first: str, second: str) -> str:
    """Two of the person's names for things, joined: "The old critic and a kinder voice"."""
    return f"{first} and {mid_sentence(second)}"
