"""A FHIR Questionnaire with placeholder wording for any instrument Earned can score: for the
demo, the tests and trying the import — Earned ships no instrument's real wording."""

from __future__ import annotations

from typing import Any

from earned.core.fhir import SCORE_EXTENSIONS
from earned.core.instruments import LOINC, Definition


def placeholder_questionnaire(definition: Definition) -> dict[str, Any]:
    rules = definition.rules

    def question(number: int) -> dict[str, Any]:
        return {
            "linkId": f"item-{number}",
            "type": "choice",
            "required": True,
            "text": f"Placeholder question {number} — import the real wording from its owner",
            "answerOption": [
                {
                    "valueCoding": {"code": f"A{score}", "display": f"Placeholder answer {score}"},
                    "extension": [{"url": SCORE_EXTENSIONS[0], "valueDecimal": score}],
                }
                for score in range(rules.low, rules.high + 1)
            ],
        }

    document: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "status": "draft",
        "title": f"{definition.name} (placeholder wording)",
        "copyright": "Placeholder: the real wording belongs to the instrument's owner.",
        "item": [
            {"linkId": "stem", "type": "display", "text": "Placeholder opening words."},
            *(question(number) for number in range(1, rules.items + 1)),
        ],
    }
    if definition.loinc_panel:
        document["code"] = [{"system": LOINC, "code": definition.loinc_panel}]
    return document
