"""A measure's history as FHIR R4: a Bundle holding, for each time it was taken, the answers as
a QuestionnaireResponse and each score as an Observation derived from it — the total under its
LOINC code where one exists. For a clinician's record system; the JSON export holds the rest."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import timezone

from earned.core.instruments import LOINC
from earned.measures.instruments import Instrument
from earned.measures.models import Response

SURVEY = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey",
            "display": "Survey",
        }
    ]
}
SCORE_UNIT = {"unit": "{score}", "system": "http://unitsofmeasure.org", "code": "{score}"}


def questionnaire_url(instrument: Instrument) -> str:
    definition = instrument.definition
    if definition and definition.canonical_urls:
        return definition.canonical_urls[0]
    return f"urn:earned:instrument:{instrument.key}"


def bundle(instrument: Instrument, taken: list[Response]) -> dict[str, Any]:
    entries = []
    for response in sorted(taken, key=lambda r: r.at):
        answers_entry = _entry(response.id, questionnaire_response(instrument, response))
        entries.append(answers_entry)
        for key, value in _scores(instrument, response):
            observation = score_observation(instrument, response, key, value)
            observation["derivedFrom"] = [{"reference": answers_entry["fullUrl"]}]
            entries.append(_entry(uuid.uuid5(response.id, key), observation))
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": timezone.now().isoformat(),
        "entry": entries,
    }


def questionnaire_response(instrument: Instrument, response: Response) -> dict[str, Any]:
    items = []
    for item, answer in sorted((int(k), v) for k, v in response.answers.items()):
        if answer is None or not 1 <= item <= len(instrument.items):
            continue
        display = instrument.options[item - 1][answer - instrument.rules.low]
        items.append(
            {
                "linkId": instrument.link_id(item),
                "text": instrument.items[item - 1],
                "answer": [
                    {"valueCoding": {"code": instrument.code(item, answer), "display": display}}
                ],
            }
        )
    return {
        "resourceType": "QuestionnaireResponse",
        "id": str(response.id),
        "questionnaire": questionnaire_url(instrument),
        "status": "completed",
        "authored": response.at.isoformat(),
        "item": items,
    }


def score_observation(
    instrument: Instrument, response: Response, key: str, value: float
) -> dict[str, Any]:
    definition = instrument.definition
    name = definition.name if definition else instrument.title
    if key == "total":
        label = f"{name} total score"
        code: dict[str, Any] = {"text": label}
        if definition and definition.loinc_total:
            code["coding"] = [{"system": LOINC, "code": definition.loinc_total, "display": label}]
    else:
        subscale = definition.subscale_names.get(key, key) if definition else key
        code = {"text": f"{name} {subscale} score"}
    return {
        "resourceType": "Observation",
        "id": str(uuid.uuid5(response.id, key)),
        "status": "final",
        "category": [SURVEY],
        "code": code,
        "effectiveDateTime": response.at.isoformat(),
        "valueQuantity": {"value": value, **SCORE_UNIT},
    }


def _scores(instrument: Instrument, response: Response) -> list[tuple[str, float]]:
    found = [("total", response.total)] if response.total is not None else []
    scores = response.scores if isinstance(response.scores, dict) else {}
    found += [(s.key, scores[s.key]) for s in instrument.rules.subscales if s.key in scores]
    return found


def _entry(identity: uuid.UUID, resource: dict[str, Any]) -> dict[str, Any]:
    return {"fullUrl": f"urn:uuid:{identity}", "resource": resource}
