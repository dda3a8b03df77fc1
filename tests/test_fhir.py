"""Reading a FHIR R4 Questionnaire: the parts Earned needs, and a plain sentence for a file
that cannot be used. The files here hold placeholder wording only: we ship no instrument's."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from earned.core.fhir import ProblemInFile, read_questionnaire

ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight"


def option(code: str, score: int, where: str = "option") -> dict[str, Any]:
    """An answer option whose score sits on the option, or (R5 style) on its coding."""
    coding: dict[str, Any] = {"system": "http://loinc.org", "code": code}
    extension = [{"url": ORDINAL, "valueDecimal": score}]
    if where == "coding":
        return {"valueCoding": {**coding, "extension": extension}}
    return {"valueCoding": coding, "extension": extension}


def placeholder(**changes: Any) -> dict[str, Any]:
    """A three-question instrument with placeholder wording, in a group, after an introduction."""
    document: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "url": "http://example.org/Questionnaire/placeholder",
        "version": "1.0",
        "title": "Placeholder questionnaire",
        "status": "active",
        "code": [{"system": "http://loinc.org", "code": "00000-0"}],
        "copyright": "Placeholder copyright",
        "item": [
            {"linkId": "intro", "type": "display", "text": "Placeholder introduction."},
            {
                "linkId": "group", "type": "group", "text": "Placeholder group",
                "item": [
                    {"linkId": f"q{n}", "type": "choice", "text": f"Placeholder question {n}",
                     "required": True,
                     "answerOption": [option(f"LA{n}-{s}", s) for s in range(4)]}
                    for n in (1, 2)
                ] + [
                    {"linkId": "q3", "type": "choice", "text": "Placeholder question 3",
                     "answerOption": [option(f"LA3-{s}", s, "coding") for s in range(4)]},
                ],
            },
        ],
    }  # fmt: skip
    return {**document, **changes}


def test_a_questionnaire_is_read_with_its_identity_questions_and_scores() -> None:
    found = read_questionnaire(json.dumps(placeholder()))
    assert found.title == "Placeholder questionnaire"
    assert found.url == "http://example.org/Questionnaire/placeholder"
    assert found.codes == (("http://loinc.org", "00000-0"),)
    assert [q.link_id for q in found.questions] == ["q1", "q2", "q3"]  # display item left out
    first = found.questions[0]
    assert first.required
    assert first.scored
    assert [(o.code, o.score) for o in first.options] == [
        ("LA1-0", 0.0), ("LA1-1", 1.0), ("LA1-2", 2.0), ("LA1-3", 3.0),
    ]  # fmt: skip
    assert found.questions[2].options[3].score == 3.0  # the score given on the coding itself


def test_integer_answers_score_as_themselves_and_weights_are_read() -> None:
    document = placeholder(item=[
        {"linkId": "a", "type": "choice", "text": "Placeholder",
         "answerOption": [{"valueInteger": n} for n in range(1, 6)]},
        {"linkId": "b", "type": "choice", "text": "Placeholder",
         "answerOption": [{"valueCoding": {"code": "x"},
                           "extension": [{"url": WEIGHT, "valueInteger": 7}]}]},
        {"linkId": "c", "type": "text", "text": "Placeholder free text"},
    ])  # fmt: skip
    a, b, c = read_questionnaire(document).questions
    assert [o.score for o in a.options] == [1.0, 2.0, 3.0, 4.0, 5.0]
    assert b.options[0].score == 7.0
    assert not c.scored


def test_answers_from_a_list_the_file_holds_composed_or_expanded_with_their_scores() -> None:
    weighted = [
        {"code": f"LA-{n}", "display": f"Placeholder answer {n}",
         "extension": [{"url": WEIGHT, "valueDecimal": n}]}
        for n in range(4)
    ]  # fmt: skip
    document = placeholder(
        contained=[
            {"resourceType": "ValueSet", "id": "composed",
             "compose": {"include": [{"system": "http://loinc.org", "concept": weighted}]}},
            {"resourceType": "ValueSet", "id": "expanded", "url": "http://example.org/vs/x",
             "expansion": {"contains": [{"code": "group", "abstract": True,
                                         "contains": weighted[:2]}]}},
        ],
        item=[
            {"linkId": "a", "type": "choice", "text": "Placeholder",
             "answerValueSet": "#composed"},
            {"linkId": "b", "type": "choice", "text": "Placeholder",
             "answerValueSet": "http://example.org/vs/x"},
        ],
    )  # fmt: skip
    a, b = read_questionnaire(document).questions
    assert [(o.code, o.display, o.score) for o in a.options] == [
        (f"LA-{n}", f"Placeholder answer {n}", float(n)) for n in range(4)
    ]
    assert [o.code for o in b.options] == ["LA-0", "LA-1"]  # opened; the abstract parent left out
    assert a.scored


def test_answers_from_a_code_system_the_file_holds_scored_by_its_item_weight() -> None:
    # As the HL7 SDC guide's examples do: the scores are a property of the code system's
    # concepts, and the value set takes the whole system.
    system = "http://example.org/CodeSystem/placeholder"
    document = placeholder(
        contained=[
            {"resourceType": "CodeSystem", "id": "cs", "url": system, "concept": [
                {"code": f"c{n}", "display": f"Placeholder answer {n}",
                 "property": [{"code": "itemWeight", "valueDecimal": n}]}
                for n in range(4)
            ]},
            {"resourceType": "ValueSet", "id": "vs",
             "compose": {"include": [{"system": system}]}},
        ],
        item=[{"linkId": "a", "type": "choice", "text": "Placeholder", "answerValueSet": "#vs"}],
    )  # fmt: skip
    (a,) = read_questionnaire(document).questions
    assert [(o.code, o.display, o.score) for o in a.options] == [
        (f"c{n}", f"Placeholder answer {n}", float(n)) for n in range(4)
    ]


def test_a_list_outside_the_file_is_explained_not_fetched() -> None:
    document = placeholder(item=[
        {"linkId": "a", "type": "choice", "text": "Placeholder",
         "answerValueSet": "http://loinc.org/vs/LL358-3"},
    ])  # fmt: skip
    with pytest.raises(ProblemInFile, match=r"takes its answers from a list the file does not"):
        read_questionnaire(document)


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ("not json", "This file is not JSON, so it cannot be a FHIR Questionnaire."),
        ("[1, 2]", "This file holds JSON, but not a FHIR resource."),
        ('{"resourceType": "Patient"}', "This file is a FHIR Patient, not a Questionnaire."),
        ("{}", "This file is not a FHIR resource, not a Questionnaire."),
        (placeholder(title=None), "The questionnaire has no title or name."),
        (placeholder(item=[]), "The questionnaire has no questions."),
        (placeholder(item="q1"), "The items of the questionnaire are not a list."),
        (placeholder(item=[{"type": "choice"}]), "Item 1 of the questionnaire has no linkId."),
        (
            placeholder(item=[{"linkId": "a", "type": "string", "text": "x"}] * 2),
            "Two questions share the linkId “a”.",
        ),
        (
            placeholder(item=[{"linkId": "a", "type": "choice", "text": "Placeholder"}]),
            "Question “a” offers no answers to choose from.",
        ),
        (
            placeholder(item=[{"linkId": "a", "type": "choice"}]),
            "Question “a” has no wording.",
        ),
        (
            placeholder(item=[{"linkId": "a", "type": "attachment", "text": "x"}]),
            "Question “a” has a type Earned cannot ask: 'attachment'.",
        ),
        (
            placeholder(
                item=[
                    {
                        "linkId": "a",
                        "type": "choice",
                        "text": "x",
                        "answerOption": [{"valueDate": "2026-01-01"}],
                    }
                ]
            ),
            "Answer 1 of question “a” has no value.",
        ),
        (
            placeholder(item=[{"linkId": "g", "type": "group", "item": [{"type": "choice"}]}]),
            "Item 1 of group “g” has no linkId.",
        ),
    ],
)
def test_a_file_that_cannot_be_used_is_explained(document: Any, problem: str) -> None:
    with pytest.raises(ProblemInFile) as raised:
        read_questionnaire(document)
    assert str(raised.value) == problem


KEYS = ["resourceType", "title", "item", "linkId", "type", "text", "answerOption",
        "valueCoding", "code", "extension", "url"]  # fmt: skip
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=25,
)


def explained(document: Any) -> str | None:
    """None when the file is read; otherwise the sentence that explains why not."""
    try:
        read_questionnaire(json.dumps(document))
    except ProblemInFile as problem:
        return str(problem)
    return None


@given(json_values)
@example([{"linkId": "1", "type": []}])  # a question whose type is a list: once a crash
def test_any_file_is_read_or_explained_never_a_crash(value: Any) -> None:
    for document in (value, {**placeholder(), "item": value}):
        problem = explained(document)
        assert problem is None or problem.endswith(".")
