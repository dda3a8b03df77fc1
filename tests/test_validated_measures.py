"""Validated questionnaires: their wording imported from a FHIR file (placeholder wording only —
we ship none), checked against the published scoring, taken, scored in neutral words with
reliable change marked, a risk answer met with the safety notice, and exported as FHIR."""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.utils import timezone

from earned.accounts.models import User
from earned.core.instruments import ECR_RS, PHQ_9, SCS_SF, Definition
from earned.measures.models import Questionnaire, Response
from earned.measures.placeholder import placeholder_questionnaire
from earned.privacy import keyring, keys
from tests.conftest import PASSPHRASE
from tests.pages import page
from tests.test_insights import pdf_text

pytestmark = pytest.mark.django_db

IMPORT = "/insights/measures/import/"


def upload(document: Any, name: str = "questionnaire.json") -> SimpleUploadedFile:
    data = document if isinstance(document, bytes) else json.dumps(document).encode()
    return SimpleUploadedFile(name, data, content_type="application/json")


def imported(client: Client, definition: Definition = PHQ_9, chosen: str = "") -> str:
    document = placeholder_questionnaire(definition)
    response = client.post(IMPORT, {"file": upload(document), "instrument": chosen}, follow=True)
    assert response.redirect_chain == [("/insights/measures/", 302)]
    return response.content.decode()


def answers(values: list[int]) -> dict[str, str]:
    return {f"item_{n}": str(v) for n, v in enumerate(values, start=1)}


def test_the_measures_page_invites_an_import_and_names_what_earned_can_score(
    owner_client: Client,
) -> None:
    text = page(owner_client, "/insights/measures/")
    assert "Add a validated questionnaire" in text
    assert "the PHQ-9, the GAD-7, the PCL-5, the SCS-SF and the ECR-RS" in text
    form = page(owner_client, IMPORT)
    assert 'enctype="multipart/form-data"' in form
    assert "Let Earned recognise it from the file" in form


def test_a_loinc_file_is_recognised_and_its_wording_kept_encrypted(
    owner_client: Client, owner: User
) -> None:
    text = imported(owner_client)
    assert "Imported the PHQ-9. You can take it whenever suits you." in text
    assert '<h2 id="phq-9-heading">PHQ-9 (placeholder wording)</h2>' in text
    assert "Validated questionnaire · your imported wording" in text
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        kept = Questionnaire.objects.get(owner=owner)
        assert kept.instrument == "phq-9"
        assert json.loads(kept.wording)[0]["text"].startswith("Placeholder question 1")
    with connection.cursor() as cursor:
        cursor.execute("SELECT title, wording FROM measures_questionnaire")
        stored = " ".join(str(value) for value in cursor.fetchone())
    assert "Placeholder" not in stored
    form = page(owner_client, "/insights/measures/phq-9/")
    assert "Placeholder opening words." in form
    assert "9. Placeholder question 9" in form
    assert form.count('type="radio"') == 9 * 4
    assert "Placeholder answer 3" in form


def test_taking_it_gives_the_score_in_the_authors_range_never_a_diagnosis(
    owner_client: Client,
) -> None:
    imported(owner_client)
    response = owner_client.post(
        "/insights/measures/phq-9/", answers([2, 1, 1, 1, 1, 1, 1, 1, 0]), follow=True
    )
    text = response.content.decode()
    assert "Saved. Your score: 9 of 27, in the range its authors call “mild” (5–9)." in text
    assert "one of your answers stayed with us" not in text
    assert "<td>9 of 27 · mild</td>" in text  # the table's short form
    assert Response.objects.get().total == 9
    assert "never diagnose" in text


def test_a_risk_answer_brings_the_safety_notice_at_once(owner_client: Client) -> None:
    imported(owner_client)
    response = owner_client.post(
        "/insights/measures/phq-9/", answers([0, 0, 0, 0, 0, 0, 0, 0, 1]), follow=True
    )
    text = response.content.decode()
    assert "Saved. And one of your answers stayed with us." in text
    assert 'href="/safety-plan/"' in text
    assert Response.objects.get().total == 1  # saved all the same


def test_a_reliable_change_is_said_and_the_steady_band_drawn(owner_client: Client) -> None:
    imported(owner_client)
    owner_client.post("/insights/measures/phq-9/", answers([2, 2, 2, 2, 2, 2, 1, 1, 0]))
    Response.objects.update(at=timezone.now() - datetime.timedelta(days=30))
    owner_client.post("/insights/measures/phq-9/", answers([1, 1, 1, 1, 1, 1, 1, 1, 0]))
    text = page(owner_client, "/insights/measures/")
    assert "your score has gone down by 6: more than the 3.2 points" in text
    assert 'class="mini-chart__steady"' in text
    owner_client.post("/insights/measures/phq-9/", answers([2, 2, 2, 2, 1, 1, 1, 1, 0]))
    text = page(owner_client, "/insights/measures/")
    assert "your score has moved by 2: within the 3.2 points" in text


@pytest.mark.parametrize(
    ("document", "chosen", "problem"),
    [
        (b"not json", "", "This file is not JSON, so it cannot be a FHIR Questionnaire."),
        ({"resourceType": "Patient"}, "", "This file is a FHIR Patient, not a Questionnaire."),
        ({**placeholder_questionnaire(PHQ_9), "code": []}, "",
         "Earned could not tell which questionnaire this is from the file&#x27;s codes."),
        (placeholder_questionnaire(PHQ_9), "gad-7",
         "By its code this file is the PHQ-9, not the GAD-7"),
        ({**placeholder_questionnaire(ECR_RS)}, "phq-9",
         "Question “item-1” scores its answers 1, 2, 3, 4, 5, 6, 7; the PHQ-9 scores each "
         "answer 0 to 3, once each."),
    ],
)  # fmt: skip
def test_a_file_that_cannot_be_used_is_explained_and_nothing_is_kept(
    owner_client: Client, document: Any, chosen: str, problem: str
) -> None:
    response = owner_client.post(IMPORT, {"file": upload(document), "instrument": chosen})
    assert response.status_code == 400
    assert problem in response.content.decode()
    assert not Questionnaire.objects.exists()


def test_an_unrecognised_file_is_scored_as_the_person_chooses(owner_client: Client) -> None:
    imported(owner_client, ECR_RS, chosen="ecr-rs")
    response = owner_client.post(
        "/insights/measures/ecr-rs/", answers([7, 7, 7, 7, 1, 1, 6, 5, 4]), follow=True
    )
    assert "Your score: Avoidance 1, Anxiety 5 (each from 1 to 7)." in response.content.decode()
    saved = Response.objects.get()
    assert saved.total is None
    assert saved.scores == {"avoidance": 1.0, "anxiety": 5.0}
    text = page(owner_client, "/insights/measures/")
    assert text.count('class="mini-chart__svg"') == 2  # one per dimension
    assert "its two scores have no total to compare" in text
    assert owner_client.get("/insights/measures/ecr-rs/change/").status_code == 404


def test_importing_again_replaces_the_wording_and_keeps_the_answers(
    owner_client: Client,
) -> None:
    imported(owner_client)
    owner_client.post("/insights/measures/phq-9/", answers([1] * 8 + [0]))
    text = imported(owner_client)
    assert "The PHQ-9&#x27;s wording was replaced; your earlier answers are kept." in text
    assert Questionnaire.objects.count() == 1
    assert Response.objects.count() == 1


def test_the_wording_itself_never_brings_the_notice(owner_client: Client) -> None:
    document = placeholder_questionnaire(PHQ_9)
    document["item"][9]["text"] = "Thoughts that you would be better off dead"
    response = owner_client.post(IMPORT, {"file": upload(document)}, follow=True)
    assert "Imported the PHQ-9." in response.content.decode()
    assert "safety-notice-heading" not in response.content.decode()


def test_answers_and_scores_export_as_fhir_with_the_loinc_total(owner_client: Client) -> None:
    imported(owner_client)
    owner_client.post("/insights/measures/phq-9/", answers([1, 2, 3, 0, 1, 2, 3, 0, 0]))
    response = owner_client.get("/insights/measures/phq-9/fhir.json")
    assert response["Content-Disposition"] == 'attachment; filename="earned-phq-9-fhir.json"'
    bundle = json.loads(response.content)
    assert (bundle["resourceType"], bundle["type"]) == ("Bundle", "collection")
    answered, total = (entry["resource"] for entry in bundle["entry"])
    assert answered["resourceType"] == "QuestionnaireResponse"
    assert answered["questionnaire"] == "http://loinc.org/q/44249-1"
    assert answered["item"][1]["linkId"] == "item-2"
    assert answered["item"][1]["answer"] == [
        {"valueCoding": {"code": "A2", "display": "Placeholder answer 2"}}
    ]
    assert total["resourceType"] == "Observation"
    assert total["code"]["coding"][0]["code"] == "44261-6"
    assert total["valueQuantity"]["value"] == 12
    assert total["derivedFrom"] == [{"reference": bundle["entry"][0]["fullUrl"]}]


def test_anothers_questionnaire_and_answers_are_not_found(
    owner_client: Client, client_for: Any, other_client: User
) -> None:
    theirs = client_for(other_client)
    imported(theirs)
    theirs.post("/insights/measures/phq-9/", answers([1] * 8 + [0]))
    for url in ("/insights/measures/phq-9/", "/insights/measures/phq-9/fhir.json"):
        assert owner_client.get(url).status_code == 404
    assert "PHQ-9 (placeholder" not in page(owner_client, "/insights/measures/")


def test_removing_asks_first_forgets_the_wording_and_keeps_the_answers(
    owner_client: Client,
) -> None:
    imported(owner_client)
    owner_client.post("/insights/measures/phq-9/", answers([1] * 8 + [0]))
    confirm = page(owner_client, "/insights/measures/phq-9/remove/")
    assert "Remove the PHQ-9?" in confirm
    assert "Your 1 answer and score stays in your records" in confirm
    assert Questionnaire.objects.exists()  # nothing happens until they say so
    response = owner_client.post("/insights/measures/phq-9/remove/", follow=True)
    text = response.content.decode()
    assert "The PHQ-9&#x27;s wording is removed. Your answers are kept" in text
    assert "You have 1 earlier answer to the PHQ-9, kept" in text
    assert not Questionnaire.objects.exists()
    assert Response.objects.count() == 1
    assert owner_client.get("/insights/measures/phq-9/").status_code == 404
    assert owner_client.get("/insights/measures/practice/remove/").status_code == 404
    imported(owner_client)
    assert "9 of 27" not in page(owner_client, "/insights/measures/")  # 8, shown again
    assert "8 of 27" in page(owner_client, "/insights/measures/")


def test_a_mean_scored_questionnaire_shows_its_scale_and_its_parts(owner_client: Client) -> None:
    imported(owner_client, SCS_SF, chosen="scs-sf")
    kind = [1 if item in SCS_SF.rules.reverse else 5 for item in range(1, 13)]
    response = owner_client.post("/insights/measures/scs-sf/", answers(kind), follow=True)
    text = response.content.decode()
    assert "Your score: 5 on a scale from 1 to 5." in text
    assert "Self-kindness 5 · Self-judgement 1 · Common humanity 5" in text
    assert "Earned does not mark changes as reliable for the SCS-SF yet" in text


def test_a_file_with_more_questions_says_which_will_not_be_asked(owner_client: Client) -> None:
    document = placeholder_questionnaire(ECR_RS)
    document["item"] += [
        {**question, "linkId": f"second-{question['linkId']}"} for question in document["item"][1:]
    ]  # the same nine about a second person, as the published form asks about several
    response = owner_client.post(
        IMPORT, {"file": upload(document), "instrument": "ecr-rs"}, follow=True
    )
    text = response.content.decode()
    assert "Imported the ECR-RS." in text
    assert "The file&#x27;s 9 other questions (not part of the ECR-RS&#x27;s score)" in text
    assert page(owner_client, "/insights/measures/ecr-rs/").count('type="radio"') == 9 * 7


def test_the_therapy_report_holds_the_questionnaires_of_its_period(
    owner_client: Client,
) -> None:
    imported(owner_client)
    owner_client.post("/insights/measures/phq-9/", answers([2, 2, 2, 2, 2, 2, 1, 1, 0]))
    Response.objects.update(at=timezone.now() - datetime.timedelta(days=20))
    owner_client.post("/insights/measures/phq-9/", answers([1, 1, 1, 1, 1, 1, 1, 1, 0]))
    owner_client.post("/insights/measures/practice/", {f"item_{n}": "2" for n in range(1, 6)})
    today = timezone.localdate()
    response = owner_client.get(
        "/insights/report/",
        {"first": str(today - datetime.timedelta(days=30)), "last": str(today),
         "sections": ["measures"]},
    )  # fmt: skip
    words = " ".join(pdf_text(response.content).split())
    assert "Questionnaires taken, and their scores" in words
    assert "PHQ-9 (placeholder wording)" in words
    assert "Kroenke K, Spitzer RL, Williams JBW" in words
    assert "the score has gone down by 6: more than the 3.2 points" in words
    assert "14 of 27 · moderate" in words
    assert "Weekly practice check-in" in words
    assert "Written by Earned; not a validated questionnaire." in words
    assert "Never a diagnosis." in words
    last_week = owner_client.get(
        "/insights/report/",
        {"first": str(today - datetime.timedelta(days=60)),
         "last": str(today - datetime.timedelta(days=40)), "sections": ["measures"]},
    )  # fmt: skip
    assert "No questionnaires taken in this period." in pdf_text(last_week.content)


def test_a_published_studys_figures_can_judge_change_where_earned_has_none(
    owner_client: Client,
) -> None:
    imported(owner_client, SCS_SF, chosen="scs-sf")
    owner_client.post("/insights/measures/scs-sf/", answers([3] * 12))
    Response.objects.update(at=timezone.now() - datetime.timedelta(days=40))
    kind = [1 if item in SCS_SF.rules.reverse else 5 for item in range(1, 13)]
    owner_client.post("/insights/measures/scs-sf/", answers(kind))
    text = page(owner_client, "/insights/measures/")
    assert "Earned does not mark changes as reliable for the SCS-SF yet" in text
    assert "since your first time" not in text.lower()
    form = page(owner_client, "/insights/measures/scs-sf/change/")
    assert "Earned has no checked figures for the SCS-SF yet" in form
    refused = owner_client.post(
        "/insights/measures/scs-sf/change/",
        {"norm_sd": "-1", "reliability": "1.5", "source": "My notes"},
    )
    assert refused.status_code == 400
    said = refused.content.decode()
    assert "The standard deviation is a number above zero." in said
    assert "The reliability is a number from 0 up to (not including) 1." in said
    assert 'value="My notes"' in said
    owner_client.post(
        "/insights/measures/scs-sf/change/",
        {"norm_sd": "0.6", "reliability": "0.86", "source": "A study we trust (2020)"},
    )
    text = page(owner_client, "/insights/measures/")
    assert "Noted: reliable change is worked out from those figures now." in text
    assert "worked out from your figures, from A study we trust (2020)." in text
    # 1.96 · √2 · 0.6 · √.14 = 0.62; the mean rose from 3 to 5.
    assert "your score has gone up by 2: more than the 0.6 points" in text
    owner_client.post("/insights/measures/scs-sf/change/", {"built_in": "1"})
    assert "Earned does not mark changes as reliable for the SCS-SF yet" in page(
        owner_client, "/insights/measures/"
    )


def test_earned_figures_are_named_and_can_be_set_aside_for_a_studys(
    owner_client: Client,
) -> None:
    imported(owner_client)
    form = page(owner_client, "/insights/measures/phq-9/change/")
    assert "Earned's figures: alpha .89 (Kroenke et al. 2001)" in form
    assert "a change of more than 3.2 points is reliable" in form
    owner_client.post(
        "/insights/measures/phq-9/change/",
        {"norm_sd": "6", "reliability": "0.84", "source": "A clinical sample"},
    )
    assert "Use Earned's figures again" in page(owner_client, "/insights/measures/phq-9/change/")
    assert owner_client.get("/insights/measures/practice/change/").status_code == 404
