"""Noticing words that suggest thoughts of suicide or self-harm, so that Earned can offer the
safety plan and crisis lines, calmly, after something is saved. Pure functions; no Django.

How it reads, step by step (docs/safety.md says the same in plain words):

1. The text is read as people write it (earned/core/crisis_spelling.py): lower case,
   straight apostrophes, missing apostrophes put back ("dont", "im"), texting opened out
   ("wanna", "kms", "w/"), and a slip of one letter in the words that matter corrected.
2. It looks for expressions we keep (earned/core/crisis_words.py), under the headings
   clinicians use when they ask about suicide, most built from a frame ("I want", "thinking
   about", "it would be a relief") and an outcome for oneself ("to be dead", "not to wake
   up"). Each sentence is read only with the expressions whose key words it holds.
   Where no expression is found, a small model (earned/core/crisis_model.py) may point at a
   sentence's heaviest word of risk, and the next step reads around it in the same way.
3. Each one found is left aside when, in its own clause, the person says they will not or do
   not (a negation just before it); when it is clearly long past ("when I was a teenager",
   "years ago") and nothing says it is recent again; when it is someone else's (another person
   is the one it is about, or it sits in quotation marks that someone else said or sang);
   when it is a reported question ("my therapist asked whether…"); when it is said laughing
   ("lol"), unless the person adds they mean it; or when it is a known figure of speech
   ("I could kill myself for forgetting", "dead tired", "die of embarrassment"). Doubt keeps it
   ("I'm not sure I won't hurt myself").

What it cannot do, said plainly: it reads words, not meaning. It misses what is said in words
we have not foreseen (a quarter to a third of new ways of saying it, measured on corpora
written after the reader was frozen: docs/safety.md), in other languages, or across several
sentences, and it will sometimes notice words used differently. It never diagnoses, never
blocks saving and never sends anything anywhere: it only decides whether to offer help. When
in doubt, offering costs little.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from earned.core import crisis_model
from earned.core.crisis_phrases import PHRASES
from earned.core.crisis_spelling import normal as read_as_written
from earned.core.crisis_words import (
    ANCHOR_WORDS,
    CONTEXT,
    EVERYDAY_AFTER,
    RISK_WORDS,
    WEAK_PHRASES,
)

_ANCHORS_BY_STEM: dict[str, set[str]] = {}
for _anchor in ANCHOR_WORDS:
    for _end in range(3, len(_anchor) + 1):
        _ANCHORS_BY_STEM.setdefault(_anchor[:_end], set()).add(_anchor)
_LOOKAROUND = re.compile(r"\(\?<?[=!]")
_MAY_BE_ABSENT = re.compile(r"\?|\*|\{0,\d*\}")


def _groups(pattern: str) -> Iterator[tuple[int, int]]:
    """Where each group of a pattern starts and ends (after its closing bracket), read past
    escapes and character classes ("[.!?)]")."""
    opened, position, in_class = [], 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            position += 1
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class, position = True, position + (pattern[position + 1 : position + 2] == "]")
        elif char == "(":
            opened.append(position)
        elif char == ")":
            yield opened.pop(), position + 1
        position += 1


def _left_out(pattern: str, spans: Iterable[tuple[int, int]], instead: str) -> str:
    kept, position = [], 0
    for start, end in sorted(spans):
        if start >= position:  # not inside a part already left out
            kept += [pattern[position:start], instead]
            position = end
    return "".join(kept) + pattern[position:]


def _without_lookarounds(pattern: str) -> str:
    """The pattern less its (?=…) and (?!…) parts, whose words are never part of a match."""
    spans = [(a, b) for a, b in _groups(pattern) if _LOOKAROUND.match(pattern, a)]
    return _left_out(pattern, spans, "")


def _without_optional_groups(pattern: str) -> str:
    """The pattern with each group that may match nothing ("(?: anymore)?", "(…){0,5}") left as
    an empty "(?:)": a match need not hold its words, and a word just before one is still read
    as a stem ("end(?:ing)?")."""
    spans = [
        (start, quantifier.end())
        for start, end in _groups(pattern)
        if (quantifier := _MAY_BE_ABSENT.match(pattern, end))
    ]
    return _left_out(pattern, spans, "(?:)")


def key_words(pattern: str) -> frozenset[str]:
    """The anchor words an expression is written with, whole or as a stem with endings
    ("exist(?:ing)?"), less those in parts a match may leave out: every match holds one of them
    (a property test checks it), so a sentence holding none of them is not read with it."""
    written = _without_optional_groups(_without_lookarounds(pattern))
    written = re.sub(r"\\[a-zA-Z]", " ", written)
    found: set[str] = set()
    for word, endings in re.findall(r"([a-z']+)(\(\?:)?", written):
        found.update(_ANCHORS_BY_STEM.get(word, ()) if endings else ())
        found.update({word} & ANCHOR_WORDS)
    return frozenset(found)


_EXPRESSIONS = [pattern for group in PHRASES.values() for pattern in group]
_WEAK = "|".join(f"(?:{p})" for p in WEAK_PHRASES)


# Compiled when first needed, not on import: every command of the CLI imports this module, and
# most texts need only a few of the expressions (compiling them all takes ~75 ms).
@functools.cache
def _expression(index: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The expression, and a quicker one that finds at least wherever it does: the same less its
    leading word boundary, which keeps Python from skipping ahead to the letters a match can
    begin with (twice as fast). Most sentences match neither, and are passed by the quick one."""
    pattern = _EXPRESSIONS[index]
    quick = pattern.removeprefix(r"\b")
    return re.compile(quick), re.compile(pattern)


@functools.cache
def _by_key_word() -> dict[str, list[int]]:
    index: dict[str, list[int]] = {}
    for position, pattern in enumerate(_EXPRESSIONS):
        for word in key_words(pattern):
            index.setdefault(word, []).append(position)
    return index


# --- When a phrase is left aside -------------------------------------------------------------

NEGATIONS = frozenset(
    {"not", "never", "no", "don't", "won't", "wouldn't", "didn't", "isn't", "aren't", "doesn't",
     "nothing", "stopped", "longer", "haven't", "hasn't", "nobody"}
)  # fmt: skip
SUBJECTS = frozenset(
    {"i", "i'm", "i've", "i'd", "i'll", "you", "he", "she", "they", "we", "it", "that", "this",
     "because", "and", "but", "so", "part"}
)  # fmt: skip
FIRST_PERSON = frozenset({"i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself"})
I_SUBJECT = frozenset({"i", "i'm", "i've", "i'd", "i'll"})
RECIPIENT_BEFORE = frozenset({"my", "our", "to", "with", "for", "at"})
OTHERS = frozenset(
    {"she", "he", "they", "they'd", "he's", "she's", "someone", "somebody", "you", "client",
     "patient", "friend", "cousin", "brother", "sister", "mum", "mom", "dad", "mother", "father",
     "son", "daughter", "neighbour", "neighbor", "partner", "husband", "wife", "people",
     "article", "report", "news", "leaflet", "doctor", "nurse", "character", "hero",
     "training", "lecture", "film", "book", "study", "charity", "police", "paper", "poem",
     "song", "band", "documentary", "course", "teacher", "boss", "colleague", "boy", "girl",
     "man", "woman", "story", "kid", "singer", "actor", "grandma", "grandpa", "grandmother",
     "grandfather", "aunt", "uncle", "student", "flatmate", "roommate", "stranger", "guy",
     "lady", "podcast", "show", "novel", "movie", "series", "episode", "narrator", "speaker",
     "questionnaire", "form", "survey", "textbook", "classmate", "coworker", "neighbours"}
)  # fmt: skip
_FIRST_PERSON_INSIDE = re.compile(r"\b(?:i|me|my|myself|i'm|i'd|i've|i'll)\b")
# Words that are about someone only when the person says so: a topic, a statistic, a service.
SPECIAL = re.compile(r"^(?:suicid|self|overdos)")
COMPOUND_AFTER = re.compile(
    r"^[- ]?\s*(?:prevention|rates?|helplines?|hotlines?|lines?|awareness|research|risk"
    r"|statistics|stats|tendencies|squad|bomb\w*|mission|watch|deaths|training|week|month|day"
    r"|charity|services?|survivors?|forum|crisis|for (?:my|your|his|her|the|our|their)"
    r" (?:career|reputation|image|chances|business|social life|grades))\b"
)
# "Career suicide", "social suicide": a figure of speech, said before the word.
FIGURE_BEFORE = re.compile(
    r"\b(?:career|social|political|professional|commercial|financial|fashion|electoral)\s+$"
)
# What the person read or heard about is a topic, even with "I" before it: "I read research on
# overdose in older adults".
TOPIC_VERB_BEFORE = re.compile(
    r"\b(?:read|reading|watched|watching|heard|hearing|studied|studying|learned|learnt|saw"
    r"|researching)\b[^.!?;]{0,30}\b(?:about|on|of|into)\s+$"
)
TOPIC_BEFORE = re.compile(
    r"\b(?:about|on|of|for|a|the|against|into|in|explains|explained|covers|covered|describes"
    r"|described|discusses|discussed|defines|teaches|mentions)\s+$"
)
# …unless it is the person's own pull towards it: "the idea of suicide", "the urge to self-harm".
OWN_PULL_BEFORE = re.compile(
    r"\b(?:idea|ideas|thought|thoughts|urge|urges|pull|temptation|fantasy|fantasies|image|images)"
    r"\s+(?:of|to|towards)\s+$|\b(?:thinking|thought|think|considering|contemplating|obsessing)"
    r"(?:\s+(?:about|of|over))?\s+$"
)
# "Overdose is a common reason for admission": the word as the subject of a general statement,
# in a sentence that nowhere speaks of the person.
GENERAL_AFTER = re.compile(
    r"^\s*(?:rates?\s+)?(?:is|are|was|were|remains|can|causes?|affects?|kills|accounts?|has"
    r"|have)\b"
)
SAID_OF_ITSELF = re.compile(
    r"^\s*(?:is|feels|seems|sounds|looks|keeps|has been|would be)\s+(?:like\s+|so\s+)?"
    r"(?:the only|my only|the answer|the way out|on my mind|comforting|tempting|appealing"
    r"|calling|a relief|peaceful|easier|better|coming (?:back|up|into my head)|always there)"
)
NEGATION_AFTER = re.compile(r"^[^.!?;\n]{0,3}?\s*(?:is|was)\s+(?:not|never)\b|^\s*isn't\b")
# The long past, said before a phrase or after it ("years ago", "when I was a teenager").
_AGO = r"years ago|a decade ago|long ago|a long time ago"
_YOUNGER = (
    r"as a (?:child|teen\w*|kid|student|young\w*)|when i was (?:a |an |at"
    r" |in )?(?:teen\w*|kid|child|young\w*|little|student|school|uni\w*|\d+|\w+teen|twelve"
    r"|eleven|ten|nine|eight|seven|six|five|(?:twenty|thirty|forty|fifty|sixty)(?:[- ]\w+)?)"
)
DISTANT_BEFORE = re.compile(
    rf"\b(?:used to|{_AGO}|back then|back (?:at|in|when)|once wanted|my old self|{_YOUNGER}"
    r"|in my (?:teens|twenties"
    r"|thirties|youth|teenage years)|it(?:'s| has) been \w+ (?:years|months) since)\b"
)
DISTANT_AFTER = re.compile(rf"\b(?:{_AGO}|{_YOUNGER})\b")
RECENT = re.compile(
    r"\b(?:again|this morning|last night|tonight|today|yesterday|this week|last week|recently"
    r"|just now|this evening|right now)\b"
)
# Doubt undoes a negation: "I'm not sure I won't…", "I can't promise I won't…"; so does someone
# else's "no" ("nobody can talk me out of…") and a question's ("why can't I just…").
DOUBT = ("not sure", "don't know if", "can't promise", "might", "afraid i", "scared i",
         "worried i", "tempted", "can't stop", "cannot stop", "can't help", "stop me",
         "talk me out", "change my mind", "why can't", "why won't", "why couldn't",
         "why didn't")  # fmt: skip
REPORTED = re.compile(r"\b(?:asked|asks|ask|asking) (?:me )?(?:whether|if|about)\b")
LAUGHING = re.compile(
    r"\b(?:lol|lmao|lmfao|rofl|haha\w*|hehe\w*|jk|kidding|joked|joking|jokingly|teased)\b|😂|🤣"
    r"|, ha\b"
)
SERIOUS = re.compile(
    r"\bnot (?:even )?(?:joking|kidding)|\bno joke\b|\bi mean it\b"
    + r"|\bseriously\b|\bfor real\b|\bfr\b"
)
HYPERBOLE_BEFORE = re.compile(
    r"\bif i (?:have|had) to (?:sit|listen|hear|watch|go|do|eat|attend|deal|wait|read|sing|see)\b"
)
ACCIDENT_AFTER = re.compile(
    r"^[^.!?;\n]{0,30}?\b(?:shaving|chopping|cooking|baking|gardening|falling|fell|tripped"
    r"|lifting|running|playing|by accident|accidentally|at the gym|with the (?:oven|iron|kettle)"
    r"|on (?:a|the|some|an) (?:\w+ )?(?:glass|nail|knife|tin|can|paper|edge|oven|stove|iron|pan"
    r"|tray|kettle|door|corner|stairs|fence|wire|saw|grater|mandoline|bottle|plate|mug|lid|hob"
    r"|radiator|branch|thorn|rose|rosebush|bramble|shelf))"
)
ON_PURPOSE = re.compile(r"\b(?:on purpose|deliberately|to punish|to feel)\b")
FOR_AFTER = re.compile(
    r"^ for (?:forgetting|missing|losing|leaving|not|saying|being|doing|eating|buying|letting)\b"
    r"|^ (?:laughing|with laughter|in the foot|out (?:at|in) the gym|trying to (?:please|impress"
    r"|keep up|fit in))\b"
)
# "I could kill myself for locking the keys in the car": the idiom is "could … for".
COULD_BEFORE = re.compile(r"\bcould (?:honestly |literally |just |seriously |actually )?$")
LOOK_BACK = 7  # words, for a negation
# A negation that comes before its own subject: "there's no way I'd hurt myself".
NEGATED_WITH_SUBJECT = re.compile(
    r"\bno part of me\s+$|\bnot (?:a single|one) part of me\s+$"
    r"|\b(?:no way|not a chance|no chance|never in a million years|not once)\s+(?:that\s+)?"
    r"i(?:'d| would| will|'ll| could| am| was| have|'ve)?\s+(?:ever\s+|really\s+|actually\s+)?$"
)
QUOTED = re.compile(
    '["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]'  # "double", or curly
    "|(?<![a-z])'([^']*)'(?![a-z])"  # 'single' (curly ones are straightened first)
)
FIRST_PERSON_BEFORE_QUOTE = re.compile(
    r"\b(?:i|i'm|me|myself|part of me)\b(?P<between>[^.!?;:\n]{0,30})$"
)  # "I keep thinking 'I want to die'" is the person's own thought…
SOMEONE_ELSE = re.compile(
    r"\b(?:she|he|they|someone|somebody|you|humming|hummed|singing|sang|sings|song|lyrics?"
    r"|chorus|poem|reading|read|book|film)\b"
)  # …"I heard she said", "I was humming" are not
# …nor is what someone said to the person: 'She told me "I want to die"'.
SAID_TO_ME = re.compile(
    r"\b(?:told|tells|telling|asked|asks|texted|texts|messaged|wrote to|said to|says to|shouted at"
    r"|yelled at|screamed at|sang to|whispered to|kept telling) me\b[^.!?;:\n]{0,30}$"
)
CLAUSE_END = re.compile(r"[.!?;:\n]+|\bbut\b|\bthough\b|\bhowever\b|\band\b")
SENTENCE_END = re.compile(r"[.!?;\n]+")
_WORD = crisis_model.WORD  # one way of cutting words, for the rules and the model alike


def words_of(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """The words of text[start:end], and the parts of those joined by an apostrophe that a
    regular expression sees as separate words ("out'die")."""
    return _with_parts(_WORD.findall(text, start, len(text) if end is None else end))


def _with_parts(words: list[str]) -> list[str]:
    return words + [part for word in words if "'" in word for part in word.split("'")]


@dataclass(frozen=True)
class Noticed:
    phrase: str  # the words that matched, as written (lower case)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks that someone else said (not the person's own thought)."""
    spans = []
    for match in QUOTED.finditer(text):
        before = text[: match.start()]
        own = FIRST_PERSON_BEFORE_QUOTE.search(before)
        if not own or SOMEONE_ELSE.search(own.group("between")) or SAID_TO_ME.search(before):
            spans.append((match.start(), match.end()))
    return spans


class _Layout:
    """Where the text's sentences begin and end, found once for all phrases; the clause of a
    phrase only when one needs it (most entries hold none)."""

    def __init__(self, text: str) -> None:
        self.text = text
        sentences = list(SENTENCE_END.finditer(text))
        self.sentence_starts = [0, *(m.end() for m in sentences)]
        self.sentence_ends = [*(m.start() for m in sentences), len(text)]

    def clause_start(self, position: int) -> int:
        start = self.sentence_starts[bisect.bisect_right(self.sentence_starts, position) - 1]
        for end in CLAUSE_END.finditer(self.text, start, position):
            start = end.end()
        return start

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        first = self.sentence_starts[bisect.bisect_right(self.sentence_starts, start) - 1]
        last = self.sentence_ends[bisect.bisect_left(self.sentence_ends, end)]
        return first, last


def _negated(clause_before: str, words: list[str]) -> bool:
    if any(doubt in clause_before for doubt in DOUBT):
        return False
    if NEGATED_WITH_SUBJECT.search(clause_before):
        return True
    for word in reversed(words[-LOOK_BACK:]):
        if word in NEGATIONS or word.endswith("n't"):
            return True
        if word in SUBJECTS:
            return False
    return False


def _about_someone_else(words: list[str]) -> bool | None:
    """Whether the nearest person named before the phrase is someone else (None: nobody is)."""
    for position in range(len(words) - 1, -1, -1):
        word = words[position]
        if word in FIRST_PERSON and word != "my":  # "someone in my group" is not the person
            return False
        if word in OTHERS:
            # "I sent my brother a message saying goodbye": the brother is who it was sent to.
            if (
                position
                and words[position - 1] in RECIPIENT_BEFORE
                and I_SUBJECT & {*words[: position - 1]}
            ):
                continue
            return True
    return None


def _long_past(sentence_before: str, sentence_after: str, clause_before: str) -> bool:
    if RECENT.search(sentence_before) or RECENT.search(sentence_after):
        return False
    return bool(DISTANT_BEFORE.search(clause_before) or DISTANT_AFTER.search(sentence_after))


def _set_aside(text: str, match: re.Match[str], layout: _Layout) -> bool:
    phrase = match.group(0)
    start, end = match.span()
    clause_before = text[min(layout.clause_start(start), start) : start]
    words = _WORD.findall(clause_before)
    first, last = layout.sentence(start, end)
    sentence_before, sentence_after = text[min(first, start) : start], text[end:last]
    after = text[end : end + 80]
    if _negated(clause_before, words) or NEGATION_AFTER.search(after):
        return True
    if _long_past(sentence_before, sentence_after, clause_before):
        return True
    if REPORTED.search(clause_before) or HYPERBOLE_BEFORE.search(sentence_before):
        return True
    # "My specialist asked about my mood and suicidal thoughts": still the question, unless the
    # person speaks for themselves after it ("…asked how I was and I said I want to die").
    reported = [*REPORTED.finditer(sentence_before)]
    if reported and I_SUBJECT.isdisjoint(_WORD.findall(sentence_before[reported[-1].end() :])):
        return True
    if LAUGHING.search(sentence_before + " " + sentence_after) and not SERIOUS.search(
        sentence_before + " " + phrase + " " + sentence_after
    ):
        return True
    if phrase.endswith("myself") and (
        ACCIDENT_AFTER.search(after)
        or FOR_AFTER.search(after)
        or (after.startswith(" for ") and COULD_BEFORE.search(clause_before))
    ):
        return not ON_PURPOSE.search(sentence_after)
    if SPECIAL.match(phrase):
        if COMPOUND_AFTER.search(after):
            return True
        own = any(word in FIRST_PERSON for word in words)
        said_of_itself = SAID_OF_ITSELF.search(phrase.partition(" ")[2] + " " + after)
        if FIGURE_BEFORE.search(clause_before) or TOPIC_VERB_BEFORE.search(clause_before):
            return True
        pulled = OWN_PULL_BEFORE.search(clause_before)
        if not own and TOPIC_BEFORE.search(clause_before) and not said_of_itself and not pulled:
            return True
        if (
            GENERAL_AFTER.search(after)
            and not said_of_itself
            and not pulled
            and FIRST_PERSON.isdisjoint(_WORD.findall(text, first, last))
        ):
            return True
    if _FIRST_PERSON_INSIDE.search(phrase):
        return False
    # In its clause, or, when the clause names nobody ("… relapsed and self-harmed"), before it.
    about_someone_else = _about_someone_else(words)
    if about_someone_else is None:
        about_someone_else = _about_someone_else(_WORD.findall(sentence_before))
    return bool(about_someone_else)


def notice(text: str | None) -> list[Noticed]:
    """Every phrase in `text` that suggests thoughts of suicide or self-harm, as the person's
    own and current; empty when there is none."""
    if not text:
        return []
    normal = read_as_written(text)
    quoted = _quoted_spans(normal)
    layout = _Layout(normal)

    def own(matches: Iterable[re.Match[str]]) -> list[Noticed]:
        return [
            Noticed(match.group(0))
            for match in matches
            if not any(start <= match.start() < end for start, end in quoted)
            and not _set_aside(normal, match, layout)
        ]

    found, read, by_key_word = [], [], _by_key_word()
    for first, last in zip(layout.sentence_starts, layout.sentence_ends, strict=True):
        words = _WORD.findall(normal, first, last)
        read.append((first, last, words))
        keys = by_key_word.keys() & _with_parts(words)
        for index in sorted({i for key in keys for i in by_key_word[key]}):
            quick, expression = _expression(index)
            if quick.search(normal, first, last) and expression.search(normal, first, last):
                found += own(expression.finditer(normal, first, last))
    if not found:  # ways of saying it that no rule names: the model, with the same set-aside
        found = own(_model_matches(normal, read, layout))
    if not found and CONTEXT.search(normal):  # a vague "do it" counts beside words of dying
        vague = own(re.finditer(_WEAK, normal))
        if vague and own(m for m in CONTEXT.finditer(normal) if m.group() not in vague[0].phrase):
            found = vague
    return found


def _model_matches(
    text: str, sentences: list[tuple[int, int, list[str]]], layout: _Layout
) -> Iterator[re.Match[str]]:
    """In each sentence the model scores as suggesting risk, its heaviest word, as a match the
    set-aside rules can read around. A word is less than a phrase, so a negation anywhere in
    its clause sets it aside ("I won't wish I was dead"), not only one just before it."""
    reader = crisis_model.model()
    for first, last, words in sentences:
        # It may only point at a word of risk: a sentence without one need not be scored.
        if RISK_WORDS.isdisjoint(words) or reader.score_words(words) < reader.threshold:
            continue
        word = reader.heaviest_word(words, RISK_WORDS)
        if word and (found := re.compile(rf"\b{re.escape(word)}\b").search(text, first, last)):
            everyday = EVERYDAY_AFTER.get(word)
            if everyday and everyday.match(text, found.end(), last):
                continue
            clause = text[layout.clause_start(found.start()) : found.start()]
            if _negated(clause, [w for w in _WORD.findall(clause) if w not in SUBJECTS]):
                continue
            yield found


def suggests_risk(*texts: str | None) -> bool:
    """Whether any of the texts suggests thoughts of suicide or self-harm."""
    return any(notice(text) for text in texts)
