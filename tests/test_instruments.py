"""The five validated instruments scored as their authors publish them: worked examples built
from each source's rules (reverse keys, subscales, ranges, risk items), properties over every
possible filling-in, and recognising and checking an imported file (placeholder wording only)."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from earned.core.fhir import ProblemInFile, read_questionnaire
from earned.core.instruments import (
    DEFINITIONS,
    ECR_RS,
    GAD_7,
    PCL_5,
    PHQ_9,
    SCS_SF,
    Definition,
    items_for,
    recognise,
)
from earned.core.measures import (
    Unscorable,
    asks_for_safety,
    band,
    reliable_change,
    score,
    smallest_reliable_change,
)


def every(definition: Definition, answer: int) -> dict[int, int]:
    return dict.fromkeys(range(1, definition.rules.items + 1), answer)


def test_phq_9_sums_nine_answers_into_the_authors_ranges() -> None:
    assert score(PHQ_9.rules, every(PHQ_9, 1)).total == 9  # "several days" to each
    assert band(PHQ_9.rules, 9) == "mild"
    assert score(PHQ_9.rules, every(PHQ_9, 3)).total == 27
    for total, name in [(0, "minimal"), (4, "minimal"), (5, "mild"), (10, "moderate"),
                        (14, "moderate"), (15, "moderately severe"), (19, "moderately severe"),
                        (20, "severe"), (27, "severe")]:  # fmt: skip
        assert band(PHQ_9.rules, total) == name


def test_phq_9_item_9_above_zero_asks_for_the_safety_notice() -> None:
    assert not asks_for_safety(PHQ_9.rules, every(PHQ_9, 0))
    assert not asks_for_safety(PHQ_9.rules, {**every(PHQ_9, 3), 9: 0})
    assert asks_for_safety(PHQ_9.rules, {**every(PHQ_9, 0), 9: 1})


def test_phq_9_reliable_change_from_its_published_reliability_and_norm_sd() -> None:
    # 1.96 · √2 · 3.5 · √(1 − .89) = 3.22: a move of 4 points is reliable, 3 is not.
    needed = smallest_reliable_change(3.5, 0.89)
    assert math.isclose(needed, 3.218, abs_tol=1e-3)
    assert reliable_change(14, 10, 3.5, 0.89).reliable
    assert not reliable_change(14, 11, 3.5, 0.89).reliable


def test_gad_7_ranges_and_its_unnamed_lowest_range() -> None:
    assert score(GAD_7.rules, every(GAD_7, 3)).total == 21
    assert band(GAD_7.rules, 4) == ""
    assert band(GAD_7.rules, 5) == "mild"
    assert band(GAD_7.rules, 10) == "moderate"
    assert band(GAD_7.rules, 21) == "severe"
    assert not GAD_7.rules.risk_items
    # 1.96 · √2 · 3.37 · √.11 = 3.10
    assert math.isclose(smallest_reliable_change(3.37, 0.89), 3.098, abs_tol=1e-3)


def test_pcl_5_sums_twenty_answers_and_its_four_clusters() -> None:
    answers = {item: item % 5 for item in range(1, 21)}  # 1,2,3,4,0,1,2,…
    result = score(PCL_5.rules, answers)
    assert result.total == sum(item % 5 for item in range(1, 21)) == 40
    assert result.subscales == {"b": 10, "c": 3, "d": 17, "e": 10}
    assert asks_for_safety(PCL_5.rules, {**every(PCL_5, 0), 16: 1})
    assert not asks_for_safety(PCL_5.rules, {**every(PCL_5, 4), 16: 0})


def test_scs_sf_reverses_the_uncompassionate_items_only_within_the_total() -> None:
    # Kind answers throughout: 5 to the six compassionate items, 1 to the six others.
    kind = {item: 1 if item in SCS_SF.rules.reverse else 5 for item in range(1, 13)}
    result = score(SCS_SF.rules, kind)
    assert result.total == 5.0
    assert result.subscales["self_kindness"] == 5.0
    assert result.subscales["self_judgment"] == 1.0  # reported as answered: little of it
    assert result.subscales["over_identified"] == 1.0
    # A mixed filling-in: items 1–12 answered 1,2,3,4,5,1,2,3,4,5,1,2.
    mixed = {item: (item - 1) % 5 + 1 for item in range(1, 13)}
    result = score(SCS_SF.rules, mixed)
    assert result.total is not None
    # Reversed: item 1 → 5, 4 → 2, 8 → 3, 9 → 2, 11 → 5, 12 → 4; the rest as answered.
    assert math.isclose(result.total, (5 + 2 + 3 + 2 + 5 + 1 + 2 + 3 + 2 + 5 + 5 + 4) / 12)
    assert result.subscales["isolation"] == (4 + 3) / 2
    assert result.subscales["mindfulness"] == (3 + 2) / 2


def test_ecr_rs_gives_avoidance_and_anxiety_and_no_total() -> None:
    # Items 1–4 (reverse keyed) at 7 and 5–6 at 1: as little avoidance as the scale has.
    answers = {1: 7, 2: 7, 3: 7, 4: 7, 5: 1, 6: 1, 7: 6, 8: 5, 9: 4}
    result = score(ECR_RS.rules, answers)
    assert result.total is None
    assert result.subscales == {"avoidance": 1.0, "anxiety": 5.0}


@pytest.mark.parametrize("definition", DEFINITIONS.values(), ids=DEFINITIONS)
def test_every_item_must_be_answered_as_no_source_allows_prorating(
    definition: Definition,
) -> None:
    with pytest.raises(Unscorable, match="unanswered"):
        score(definition.rules, {**every(definition, definition.rules.low), 1: None})


@given(st.data())
def test_every_filling_in_scores_within_the_range_and_has_a_range_name(data: Any) -> None:
    definition = data.draw(st.sampled_from(list(DEFINITIONS.values())))
    rules = definition.rules
    answers = data.draw(
        st.fixed_dictionaries(
            {item: st.integers(rules.low, rules.high) for item in range(1, rules.items + 1)}
        )
    )
    result = score(rules, answers)
    if rules.has_total:
        assert result.total is not None
        assert definition.lowest_total <= result.total <= definition.highest_total
        assert not rules.bands or band(rules, result.total) is not None
    for key, value in result.subscales.items():
        assert key in definition.subscale_names
        assert value >= rules.low


ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue"


def placeholder_file(questions: int, scale: range, **changes: Any) -> dict[str, Any]:
    def question(n: int) -> dict[str, Any]:
        options = [
            {"valueCoding": {"code": f"A{s}", "display": f"Placeholder answer {s}"},
             "extension": [{"url": ORDINAL, "valueDecimal": s}]}
            for s in scale
        ]  # fmt: skip
        return {"linkId": f"q{n}", "type": "choice", "text": f"Placeholder question {n}",
                "answerOption": options}  # fmt: skip

    return {
        "resourceType": "Questionnaire",
        "title": "Placeholder",
        "item": [
            {"linkId": "stem", "type": "display", "text": "Placeholder stem."},
            *(question(n) for n in range(1, questions + 1)),
            {"linkId": "total", "type": "integer", "text": "Placeholder total", "readOnly": True},
        ],
        **changes,
    }


def test_a_file_is_recognised_by_its_loinc_panel_code_or_canonical_url() -> None:
    by_code = read_questionnaire(
        placeholder_file(9, range(4), code=[{"system": "http://loinc.org", "code": "44249-1"}])
    )
    assert recognise(by_code.codes, by_code.url) is PHQ_9
    by_url = read_questionnaire(placeholder_file(7, range(4), url="http://loinc.org/q/69737-5"))
    assert recognise(by_url.codes, by_url.url) is GAD_7
    unknown = read_questionnaire(placeholder_file(9, range(4), url="http://example.org/q"))
    assert recognise(unknown.codes, unknown.url) is None


def test_an_imported_file_gives_the_scored_questions_with_their_answers_in_order() -> None:
    found = read_questionnaire(placeholder_file(10, range(4)))
    assert found.intro == "Placeholder stem."
    items = items_for(PHQ_9, found)
    assert len(items) == 9  # the tenth is not scored by the PHQ-9, and not asked
    assert items[0].text == "Placeholder question 1"
    assert items[8].answers == tuple(f"Placeholder answer {s}" for s in range(4))


def without_scores(document: dict[str, Any]) -> dict[str, Any]:
    """As LOINC often publishes them: answers listed lowest first, with no score given."""
    for item in document["item"]:
        for option in item.get("answerOption", []):
            option.pop("extension", None)
    return document


def test_a_loinc_style_file_without_scores_counts_its_answers_in_order() -> None:
    document = without_scores(
        placeholder_file(10, range(4), code=[{"system": "http://loinc.org", "code": "44249-1"}])
    )
    found = read_questionnaire(document)
    assert recognise(found.codes, found.url) is PHQ_9
    items = items_for(PHQ_9, found)
    assert len(items) == 9  # the tenth, a closing question with its own answers, is not asked
    assert items[0].answers == tuple(f"Placeholder answer {s}" for s in range(4))
    assert items[0].codes == ("A0", "A1", "A2", "A3")
    with pytest.raises(ProblemInFile) as raised:
        items_for(ECR_RS, read_questionnaire(without_scores(placeholder_file(9, range(5)))))
    assert (
        str(raised.value) == "Question “q1” offers 5 answers; the ECR-RS has 7 for each (1 to 7)."
    )


@pytest.mark.parametrize(
    ("document", "definition", "problem"),
    [
        (placeholder_file(8, range(4)), PHQ_9,
         "This file has only 8 questions with answers to choose from; the PHQ-9 has 9."),
        (placeholder_file(9, range(1, 5)), PHQ_9,
         "Question “q1” scores its answers 1, 2, 3, 4; the PHQ-9 scores each answer 0 to 3, "
         "once each."),
        (placeholder_file(12, range(1, 6)), ECR_RS,
         "Question “q1” scores its answers 1, 2, 3, 4, 5; the ECR-RS scores each answer 1 to 7, "
         "once each."),
    ],
)  # fmt: skip
def test_a_file_that_does_not_fit_the_instrument_is_explained(
    document: dict[str, Any], definition: Definition, problem: str
) -> None:
    with pytest.raises(ProblemInFile) as raised:
        items_for(definition, read_questionnaire(document))
    assert str(raised.value) == problem
