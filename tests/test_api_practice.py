"""Practice and questionnaires through the API: a ladder, its steps, an attempt at one (planned,
its moment noted, debriefed in the ledger, its lessons kept), a script and its rehearsal; the
questionnaires a person can take, one taken and scored, and a risk answer linking to Help now."""

from __future__ import annotations

import datetime
import json

import pytest
from django.test import Client
from django.utils import timezone

from earned.accounts.models import User
from earned.core.instruments import PHQ_9
from earned.ledger.models import Experience
from earned.measures import services as measures
from earned.measures.models import Response
from earned.measures.placeholder import placeholder_questionnaire
from earned.practice.models import Attempt, Ladder
from earned.privacy import keyring, keys
from tests.conftest import PASSPHRASE
from tests.test_api import calling, sent, token_for

pytestmark = pytest.mark.django_db


def test_practice_a_ladder_its_steps_a_script_and_a_rehearsal(owner: User) -> None:
    script = calling(token_for(owner, ["practice", "expectations"], can_write=True))
    belief = {"text": "If I ask, they leave", "feels_true": 70, "think_true": 40}
    expectation = sent(script, "post", "/api/expectations", belief).json()["id"]
    goal = {"goal": "Ask for help at work", "expectations": [expectation]}
    ladder = sent(script, "post", "/api/ladders", goal)
    assert ladder.status_code == 201, ladder.content
    ladder_id = ladder.json()["id"]
    for hard, what in ((60, "Ask Sam for a hand"), (20, "Ask where the printer is")):
        small = {"ladder": ladder_id, "description": what, "expected_distress": hard}
        step = sent(script, "post", "/api/steps", small)
        assert step.status_code == 201, step.content
    renamed = sent(script, "patch", f"/api/ladders/{ladder_id}", {"value": "Belonging"})
    assert renamed.json()["goal"] == "Ask for help at work"
    kept = Ladder.objects.get()
    assert [str(e.pk) for e in kept.expectations.all()] == [expectation]  # kept, not cleared
    assert [step.expected_distress for step in kept.ordered_steps()] == [20, 60]
    words = {"situation": "help", "title": "Asking Sam", "opening": "Have you a minute?"}
    written = sent(script, "post", "/api/scripts", words)
    assert written.status_code == 201, written.content
    rehearsed = sent(script, "post", "/api/rehearsals",
                     {"script": written.json()["id"], "confidence_before": 3,
                      "confidence_after": 6})  # fmt: skip
    assert rehearsed.status_code == 201, rehearsed.content


def _a_step(script: Client) -> tuple[str, str]:
    belief = {"text": "If I ask, they leave", "feels_true": 70, "think_true": 40}
    expectation = sent(script, "post", "/api/expectations", belief).json()["id"]
    goal = {"goal": "Ask for help at work", "expectations": [expectation]}
    ladder = sent(script, "post", "/api/ladders", goal).json()["id"]
    small = {"ladder": ladder, "description": "Ask Sam for a hand", "expected_distress": 40}
    return expectation, sent(script, "post", "/api/steps", small).json()["id"]


def test_a_step_is_tried_planned_noted_in_the_moment_and_debriefed(owner: User) -> None:
    script = calling(token_for(owner, can_write=True))
    expectation, step = _a_step(script)
    ahead = (timezone.now() + datetime.timedelta(hours=3)).isoformat()
    plan = {"step": step, "happens_at": ahead, "likelihood": 70, "coping_plan": "Breathe out"}
    planned = sent(script, "post", "/api/attempts", plan)
    assert planned.status_code == 201, planned.content
    attempt = planned.json()
    assert (attempt["step"], attempt["coping_plan"]) == (step, "Breathe out")
    experience = script.get(f"/api/experiences/{attempt['experience']}").json()
    # As on the step's page: the step's words and expected distress, the ladder's expectation.
    assert (experience["situation"], experience["expected_distress"]) == ("Ask Sam for a hand", 40)
    assert experience["status"] == "planned"
    assert [str(e.pk) for e in Experience.objects.get().expectations.all()] == [expectation]

    moment = sent(script, "patch", f"/api/attempts/{attempt['id']}", {"distress_now": 55})
    assert moment.status_code == 200, moment.content
    assert moment.json()["distress_now"] == 55
    assert moment.json()["moment_at"] is not None  # noted now, as "In the moment" does

    debrief = {"happened": "Sam helped at once", "occurred": 5, "peak_distress": 50,
               "finish": True}  # fmt: skip
    finished = sent(script, "patch", f"/api/experiences/{attempt['experience']}", debrief)
    assert finished.json()["status"] == "done", finished.content
    lessons = {"to_repeat": "Asking early", "to_adjust": "Ask in person"}
    learned = sent(script, "patch", f"/api/attempts/{attempt['id']}", lessons)
    assert (learned.json()["to_repeat"], learned.json()["distress_now"]) == ("Asking early", 55)
    assert (learned.json()["to_adjust"], learned.json()["doing_now"]) == ("Ask in person", None)


def test_an_attempt_is_planned_only_at_ones_own_step_testing_ones_own_expectations(
    owner: User, other_client: User
) -> None:
    script = calling(token_for(owner, can_write=True))
    _, step = _a_step(script)
    theirs = calling(token_for(other_client, can_write=True))
    _, their_step = _a_step(theirs)
    ahead = (timezone.now() + datetime.timedelta(hours=3)).isoformat()
    at_theirs = sent(script, "post", "/api/attempts", {"step": their_step, "happens_at": ahead})
    assert at_theirs.status_code == 404
    their_belief = theirs.get("/api/expectations").json()["items"][0]["id"]
    testing_theirs = {"step": step, "happens_at": ahead, "expectations": [their_belief]}
    assert sent(script, "post", "/api/attempts", testing_theirs).status_code == 404
    assert not Attempt.objects.filter(owner=owner).exists()
    assert Experience.objects.filter(owner=owner).count() == 0  # nothing half-made
    not_ladders = {"goal": "Mine", "expectations": [their_belief]}
    assert sent(script, "post", "/api/ladders", not_ladders).status_code == 404


def test_an_attempt_needs_a_token_that_writes_practice_and_experiences(owner: User) -> None:
    script = calling(token_for(owner, can_write=True))
    _, step = _a_step(script)
    practice_only = calling(token_for(owner, ["practice", "expectations"], can_write=True))
    plan = {"step": step, "happens_at": timezone.now().isoformat()}
    refused = sent(practice_only, "post", "/api/attempts", plan)
    assert refused.status_code == 403
    assert not Attempt.objects.exists()


def test_the_questionnaires_one_can_take_and_one_taken(owner: User) -> None:
    script = calling(token_for(owner, can_write=True))
    offered = script.get("/api/questionnaires").json()
    assert [each["key"] for each in offered] == ["practice"]  # ours, until one is imported
    ours = offered[0]
    assert len(ours["questions"]) == 5
    assert [answer["value"] for answer in ours["questions"][0]["answers"]] == [0, 1, 2, 3, 4]
    week = {"instrument": "practice", "answers": [4, 3, 2, 1, 0], "note": "A kind week"}
    taken = sent(script, "post", "/api/measures", week)
    assert taken.status_code == 201, taken.content
    assert (taken.json()["total"], taken.json()["note"]) == (10, "A kind week")
    assert "Link" not in taken
    assert taken.json()["answers"] == {"1": 4, "2": 3, "3": 2, "4": 1, "5": 0}
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        assert Response.objects.get().answers == {"1": 4, "2": 3, "3": 2, "4": 1, "5": 0}


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"answers": [1, 2]}, "answers", "each of its 5 questions"),
        ({"answers": [1, 2, 9, 1, 1]}, "answers", "Question 3: please choose an answer from 0"),
        ({"answers": [1, 2, 3, 1, 1], "at": "2100-01-01T10:00:00"}, "at", "taken now"),
    ],
)
def test_a_questionnaire_answered_wrongly_is_refused_in_plain_words(
    owner: User, body: dict[str, object], field: str, words: str
) -> None:
    script = calling(token_for(owner, can_write=True))
    refused = sent(script, "post", "/api/measures", {"instrument": "practice", **body})
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == field
    assert words in refused.json()["detail"]
    assert not Response.objects.exists()


def test_a_validated_questionnaire_is_taken_once_its_wording_is_imported(owner: User) -> None:
    script = calling(token_for(owner, can_write=True))
    phq = {"instrument": "phq-9", "answers": [1] * 8 + [0]}
    not_yet = sent(script, "post", "/api/measures", phq)
    assert not_yet.status_code == 404
    assert "imported its wording" in not_yet.json()["detail"]
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        wording = json.dumps(placeholder_questionnaire(PHQ_9)).encode()
        measures.import_questionnaire(owner, wording, "phq-9")
    offered = {each["key"]: each for each in script.get("/api/questionnaires").json()}
    assert offered["phq-9"]["validated"]
    assert len(offered["phq-9"]["questions"]) == 9
    calm = sent(script, "post", "/api/measures", phq)
    assert calm.status_code == 201, calm.content
    assert calm.json()["total"] == 8
    assert "Link" not in calm
    # The ninth question answered above its lowest: the answer links to Help now, as the page
    # would show its calm notice. Nothing is diagnosed; the score is as it is.
    heavy = sent(script, "post", "/api/measures", {"instrument": "phq-9", "answers": [1] * 9})
    assert heavy.status_code == 201
    assert heavy["Link"] == '<http://testserver/help/>; rel="help"; title="Help now"'
    assert heavy["Earned-Notice"] == "answers"
    assert "Set-Cookie" not in heavy  # nothing waits for a page the script never sees


def test_words_that_suggest_risk_link_to_help_now(owner: User) -> None:
    script = calling(token_for(owner, can_write=True))
    written = sent(script, "post", "/api/journal_entries", {"body": "I want to die tonight"})
    assert written.status_code == 201
    assert written["Earned-Notice"] == "words"
    assert written["Link"].startswith("<http://testserver/help/>")


def test_a_measure_needs_a_token_that_may_write_measures(owner: User) -> None:
    reading = calling(token_for(owner, ["measures"]))
    assert reading.get("/api/questionnaires").status_code == 200
    taking = {"instrument": "practice", "answers": [1, 1, 1, 1, 1]}
    assert sent(reading, "post", "/api/measures", taking).status_code == 403
    elsewhere = calling(token_for(owner, ["experiences"]))
    assert elsewhere.get("/api/questionnaires").status_code == 403


def test_a_validated_questionnaire_is_imported_scheduled_and_given_a_studys_figures(
    owner: User,
) -> None:
    script = calling(token_for(owner, ["measures"], can_write=True))
    wording = placeholder_questionnaire(PHQ_9)
    imported = sent(script, "post", "/api/questionnaires", {"questionnaire": wording})
    assert imported.status_code == 201, imported.content
    phq = imported.json()
    assert (phq["key"], phq["validated"], len(phq["questions"])) == ("phq-9", True, 9)
    assert (phq["every_days"], phq["figures_from"]) == (14, "")
    weekly = sent(script, "put", "/api/questionnaires/phq-9/schedule", {"every_days": 7})
    assert weekly.json()["every_days"] == 7
    never = sent(script, "put", "/api/questionnaires/practice/schedule", {"every_days": 0})
    assert never.json()["every_days"] == 0
    study = {"norm_sd": 4.5, "reliability": 0.86, "source": "A community sample, 2010"}
    ours = sent(script, "put", "/api/questionnaires/phq-9/figures", study)
    assert ours.json()["figures_from"] == "A community sample, 2010", ours.content
    wrong = sent(script, "put", "/api/questionnaires/phq-9/figures", {**study, "reliability": 1})
    assert wrong.status_code == 422
    assert wrong.json()["errors"] == [{"field": "reliability", "message":
                                       "The reliability is a number from 0 up to (not "
                                       "including) 1."}]  # fmt: skip
    back = script.delete("/api/questionnaires/phq-9/figures")
    assert back.json()["figures_from"] == ""
    # Our own check-in is not validated: it has no figures to change.
    assert sent(script, "put", "/api/questionnaires/practice/figures", study).status_code == 404


def test_a_questionnaire_file_earned_cannot_read_is_refused_in_plain_words(owner: User) -> None:
    script = calling(token_for(owner, ["measures"], can_write=True))
    unknown = {**placeholder_questionnaire(PHQ_9), "code": [], "url": ""}
    unnamed = sent(script, "post", "/api/questionnaires", {"questionnaire": unknown})
    assert unnamed.status_code == 422
    assert unnamed.json()["errors"][0]["field"] == "instrument"
    named = sent(script, "post", "/api/questionnaires",
                 {"questionnaire": unknown, "instrument": "phq-9"})  # fmt: skip
    assert named.status_code == 201, named.content
    nothing = sent(script, "post", "/api/questionnaires", {"questionnaire": {"a": 1}})
    assert nothing.status_code == 422
    assert nothing.json()["errors"][0]["field"] == "questionnaire"
    reading = calling(token_for(owner, ["measures"]))
    again = sent(reading, "post", "/api/questionnaires", {"questionnaire": unknown})
    assert again.status_code == 403
