"""Reading a FHIR R4 `Questionnaire` — the standard file in which an instrument's owner, LOINC
or a clinic publishes its wording — into what Earned needs: its identity (canonical URL and
codes), and each question with its answer options and their scores. Pure functions; no Django.

We ship no instrument's wording; a person or clinic imports it, and a file that cannot be used
is explained in plain words (`ProblemInFile`), naming the question it is about.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

# Where an answer's score is given: R4's, the R5 extension backported to R4, and the one older
# files put on a value set's concepts.
SCORE_EXTENSIONS = (
    "http://hl7.org/fhir/StructureDefinition/ordinalValue",
    "http://hl7.org/fhir/StructureDefinition/itemWeight",
    "http://hl7.org/fhir/StructureDefinition/valueset-ordinalValue",
)
QUESTION_TYPES = {"choice", "coding", "integer", "decimal", "string", "text", "boolean"}
MOST_ITEMS = 200  # far beyond any questionnaire; guards against a file that is not one


class ProblemInFile(ValueError):
    """Why a file cannot be imported, in one plain sentence."""


@dataclass(frozen=True)
class Option:
    code: str
    display: str
    score: float | None  # None when the file gives none


@dataclass(frozen=True)
class Question:
    link_id: str
    text: str
    kind: str  # the FHIR item type
    options: tuple[Option, ...]
    required: bool

    @property
    def scored(self) -> bool:
        return bool(self.options) and all(o.score is not None for o in self.options)


@dataclass(frozen=True)
class Questionnaire:
    title: str
    url: str | None
    version: str | None
    codes: tuple[tuple[str, str], ...]  # (system, code), e.g. LOINC panel codes
    copyright: str | None
    questions: tuple[Question, ...]
    intro: str | None = None  # the first display text (often the stem), else the description


def read_questionnaire(document: str | bytes | Mapping[str, Any]) -> Questionnaire:
    """The questionnaire in a FHIR R4 JSON document (text or already parsed)."""
    data = _parsed(document)
    kind = data.get("resourceType")
    if kind != "Questionnaire":
        found = f"a FHIR {kind}" if isinstance(kind, str) else "not a FHIR resource"
        raise ProblemInFile(f"This file is {found}, not a Questionnaire.")
    title = _text(data.get("title")) or _text(data.get("name"))
    if not title:
        raise ProblemInFile("The questionnaire has no title or name.")
    answer_lists = _answer_lists(data.get("contained"))
    questions = tuple(_questions(data.get("item"), "the questionnaire", answer_lists))
    if not questions:
        raise ProblemInFile("The questionnaire has no questions.")
    if len(questions) > MOST_ITEMS:
        raise ProblemInFile(f"The questionnaire has more than {MOST_ITEMS} questions.")
    seen: set[str] = set()
    for question in questions:
        if question.link_id in seen:
            raise ProblemInFile(f"Two questions share the linkId “{question.link_id}”.")
        seen.add(question.link_id)
    return Questionnaire(
        title=title,
        url=_text(data.get("url")),
        version=_text(data.get("version")),
        codes=tuple(_codes(data.get("code"))),
        copyright=_text(data.get("copyright")),
        questions=questions,
        intro=_first_display(data.get("item")) or _text(data.get("description")),
    )


def _parsed(document: str | bytes | Mapping[str, Any]) -> Mapping[str, Any]:
    if isinstance(document, Mapping):
        return document
    try:
        data = json.loads(document)
    except (ValueError, UnicodeDecodeError):
        raise ProblemInFile(
            "This file is not JSON, so it cannot be a FHIR Questionnaire."
        ) from None
    if not isinstance(data, Mapping):
        raise ProblemInFile("This file holds JSON, but not a FHIR resource.")
    return data


def _text(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _codes(value: object) -> Iterator[tuple[str, str]]:
    for coding in value if isinstance(value, list) else []:
        if isinstance(coding, Mapping) and _text(coding.get("code")):
            yield _text(coding.get("system")) or "", str(_text(coding.get("code")))


AnswerLists = Mapping[str, tuple[Option, ...]]


def _answer_lists(contained: object) -> dict[str, tuple[Option, ...]]:
    """The answer lists the file holds itself (contained ValueSets), by the ways a question
    points at one: `#id`, or the list's canonical URL. A list's answers are its expansion, or
    else the concepts it is composed of — listed, or all of a code system the file holds too —
    each with its score where the file gives one (on the concept, or as the code system's
    `itemWeight` or `ordinalValue` property)."""
    resources = [each for each in (contained if isinstance(contained, list) else [])
                 if isinstance(each, Mapping)]  # fmt: skip
    systems = {
        url: {c.get("code"): c for c in resource.get("concept") or [] if isinstance(c, Mapping)}
        for resource in resources
        if resource.get("resourceType") == "CodeSystem" and (url := _text(resource.get("url")))
    }
    found: dict[str, tuple[Option, ...]] = {}
    for resource in resources:
        if resource.get("resourceType") != "ValueSet":
            continue
        # Each answer as the list gives it, beside its code system's definition (or nothing).
        concepts: list[tuple[Mapping[str, Any], Mapping[str, Any]]] = [
            (concept, {}) for concept in _expanded(_part(resource, "expansion").get("contains"))
        ]
        for include in [] if concepts else _part(resource, "compose").get("include") or []:
            if not isinstance(include, Mapping):
                continue
            system = systems.get(_text(include.get("system")) or "", {})
            listed = [c for c in include.get("concept") or [] if isinstance(c, Mapping)]
            concepts += [(c, system.get(c.get("code"), {})) for c in listed or system.values()]
        options = tuple(
            Option(code, _text(concept.get("display") or defined.get("display")) or code,
                   _score(concept) if _score(concept) is not None else _property_score(defined))
            for concept, defined in concepts
            if (code := _text(concept.get("code")))
        )  # fmt: skip
        if (identity := _text(resource.get("id"))) is not None:
            found[f"#{identity}"] = options
        if (url := _text(resource.get("url"))) is not None:
            found[url] = options
    return found


def _property_score(concept: Mapping[str, Any]) -> float | None:
    """A score a code system gives its concept as a property (`itemWeight`, `ordinalValue`)."""
    for held in concept.get("property") or []:
        weighs = isinstance(held, Mapping) and held.get("code") in ("itemWeight", "ordinalValue")
        if weighs and (value := _number(held)) is not None:
            return value
    return _score(concept)


def _part(resource: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    part = resource.get(name)
    return part if isinstance(part, Mapping) else {}


def _expanded(contains: object) -> Iterator[Mapping[str, Any]]:
    for each in contains if isinstance(contains, list) else []:
        if isinstance(each, Mapping):
            if _text(each.get("code")) and each.get("abstract") is not True:
                yield each  # an abstract entry only groups the answers under it
            yield from _expanded(each.get("contains"))


def _listed(reference: object, answer_lists: AnswerLists, link_id: str) -> tuple[Option, ...]:
    """The answers a question takes from a list (`answerValueSet`), which the file must hold."""
    key = _text(reference)
    if key is None:
        return ()
    if key in answer_lists:
        return answer_lists[key]
    raise ProblemInFile(
        f"Question “{link_id}” takes its answers from a list the file does not hold ({key}). "
        "Earned reads only the file: export the questionnaire with its answers included."
    )


def _questions(items: object, where: str, answer_lists: AnswerLists) -> Iterator[Question]:
    """Every question, groups opened and display-only items left out, in order."""
    if items is None:
        return
    if not isinstance(items, list):
        raise ProblemInFile(f"The items of {where} are not a list.")
    for number, item in enumerate(items, start=1):
        if not isinstance(item, Mapping):
            raise ProblemInFile(f"Item {number} of {where} is not an item.")
        link_id = _text(item.get("linkId"))
        if not link_id:
            raise ProblemInFile(f"Item {number} of {where} has no linkId.")
        kind = item.get("type")
        if kind == "group":
            yield from _questions(item.get("item"), f"group “{link_id}”", answer_lists)
            continue
        if kind == "display":
            continue
        if not isinstance(kind, str) or kind not in QUESTION_TYPES:  # a list cannot be looked up
            raise ProblemInFile(f"Question “{link_id}” has a type Earned cannot ask: {kind!r}.")
        text = _text(item.get("text"))
        if not text:
            raise ProblemInFile(f"Question “{link_id}” has no wording.")
        options = tuple(_options(item.get("answerOption"), link_id)) or _listed(
            item.get("answerValueSet"), answer_lists, link_id
        )
        if kind in ("choice", "coding") and not options:
            raise ProblemInFile(f"Question “{link_id}” offers no answers to choose from.")
        yield Question(link_id, text, str(kind), options, item.get("required") is True)


def _first_display(items: object) -> str | None:
    """The text of the first display item, or of the first group holding questions, before any
    question: where a questionnaire keeps its stem ("Over the last two weeks…")."""
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, Mapping):
            return None
        if item.get("type") == "display":
            return _text(item.get("text"))
        if item.get("type") == "group":
            return _first_display(item.get("item")) or _text(item.get("text"))
        return None
    return None


def _options(options: object, link_id: str) -> Iterator[Option]:
    for number, option in enumerate(options if isinstance(options, list) else [], start=1):
        if not isinstance(option, Mapping):
            raise ProblemInFile(f"Answer {number} of question “{link_id}” is not an answer.")
        coding = option.get("valueCoding")
        if isinstance(coding, Mapping) and _text(coding.get("code")):
            code = str(_text(coding.get("code")))
            display = _text(coding.get("display")) or code
            score = _score(option) if _score(option) is not None else _score(coding)
        elif isinstance(option.get("valueInteger"), int):
            code = display = str(option["valueInteger"])
            score = _score(option)
            score = float(option["valueInteger"]) if score is None else score
        elif _text(option.get("valueString")):
            code = display = str(_text(option.get("valueString")))
            score = _score(option)
        else:
            raise ProblemInFile(f"Answer {number} of question “{link_id}” has no value.")
        yield Option(code, display, score)


def _score(holder: Mapping[str, Any]) -> float | None:
    for extension in holder.get("extension") or []:
        scores = isinstance(extension, Mapping) and extension.get("url") in SCORE_EXTENSIONS
        if scores and (value := _number(extension)) is not None:
            return value
    return None


def _number(holder: Mapping[str, Any]) -> float | None:
    """A FHIR decimal or integer value, as a number (never a yes/no)."""
    value = holder.get("valueDecimal", holder.get("valueInteger"))
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
