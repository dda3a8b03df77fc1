"""Run by test_canary in a child process: submits a canary through every form that stores entry
text, into a real database, prints the export, and stays connected until told to stop (so the
test can read SQLite's write-ahead log before it is folded into the file). Not a test module."""

import json
import os
import sys


def main(canary: str) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from earned.exchange import services
    from earned.ledger.models import Expectation, Experience
    from earned.practice.models import Attempt, Ladder, Script, Step
    from earned.privacy import keyring, keys
    from earned.relationships.models import Person, Rupture
    from tests.conftest import PASSPHRASE, make_person, sign_in
    from tests.encryption_app.models import Note

    call_command("migrate", verbosity=0)
    person = make_person("sam", "Sam")
    browser = sign_in(Client(HTTP_HOST="localhost"), person)

    def submit(url: str, form: dict[str, str | list[str]]) -> None:
        response = browser.post(url, form)
        if response.status_code != 302:
            sys.exit(f"{url} did not accept the canary ({response.status_code})")

    text = f"before {canary} after"
    submit(
        "/expectations/new/",
        {"text": text, "feels_true": "80", "think_true": "40", "wound": "own",
         "wound_own_word": text},
    )  # fmt: skip
    expectation = Expectation.objects.get(owner=person)
    plan: dict[str, str | list[str]] = {
        "situation": text, "expectations": [str(expectation.pk)], "happens_at": "2026-11-20T18:00",
        "feared": text, "likelihood": "80", "who": text, "safety_behaviours": text,
        "support": text,
    }  # fmt: skip
    submit("/experiences/plan/", plan)
    debrief: dict[str, str | list[str]] = {
        "finish": "1", "happened": text, "occurred": "10", "body_sensation": text,
        "helped": text, "hindered": text, "explained_away": "partly", "explained_away_how": text,
        "learned": text, "next_action": text, "emotion_0_own": text, "emotion_0_intensity": "40",
    }  # fmt: skip
    first = Experience.objects.get(owner=person)
    submit(f"/experiences/{first.pk}/debrief/", debrief)
    submit("/experiences/log/", {**plan, **debrief})
    submit("/check-in/morning/", {"own_words": text, "note": text, "prediction": text})
    submit("/check-in/midday/", {"note": text})
    submit(
        "/check-in/evening/",
        {"helped": text, "hindered": text, "rupture_or_repair": text, "who_0": text,
         "what_0": text},
    )  # fmt: skip
    submit(
        "/reflect/shifts/new/",
        {"signal": text, "verdict": text, "reading_1": text, "reading_2": text,
         "reading_3": text, "information": text},
    )  # fmt: skip
    submit("/reflect/journal/new/", {"body": text, "expectations": [str(expectation.pk)]})
    submit(
        "/reflect/dialogues/new/",
        {"first_voice": text, "second_voice": text, "about": text, "voice_0": "1",
         "turn_0": text, "voice_1": "2", "turn_1": text},
    )  # fmt: skip
    submit("/reflect/imagery/safe-place/", {"felt": text, "note": text})
    submit("/practice/ladders/new/", {"goal": text, "value": text})
    ladder = Ladder.objects.get(owner=person)
    submit(
        f"/practice/ladders/{ladder.pk}/steps/", {"description": text, "expected_distress": "20"}
    )
    step = Step.objects.get(owner=person)
    submit(f"/practice/steps/{step.pk}/attempt/", {**plan, "coping_plan": text})
    attempt = Attempt.objects.get(owner=person)
    submit(f"/practice/attempts/{attempt.pk}/now/", {"distress_now": "40", "doing_now": text})
    submit(
        f"/practice/attempts/{attempt.pk}/debrief/",
        {**debrief, "to_repeat": text, "to_adjust": text},
    )
    submit(
        "/practice/scripts/new/",
        {"situation": "need", "title": text, "when_it_fits": text, "opening": text,
         "feeling": text, "request": text, "if_badly": text},
    )  # fmt: skip
    script = Script.objects.get(owner=person)
    submit(f"/practice/scripts/{script.pk}/rehearse/", {"mode": "alone", "note": text})
    submit("/people/new/", {"name": text, "note": text, "feels_safe": "50"})
    jo = Person.objects.get(owner=person)
    submit(
        "/ruptures/new/",
        {"person": str(jo.pk), "at": "2026-11-20T20:00", "setting": "life", "kind": "quiet",
         "intensity": "2",
         "trigger": text, "own_part": text, "their_part": text},
    )  # fmt: skip
    rupture = Rupture.objects.get(owner=person)
    submit(f"/ruptures/{rupture.pk}/repair/", {"at": "2026-11-21T09:00", "what": text,
                                                "outcome": "partly"})  # fmt: skip
    from earned.safety.models import STEPS

    submit("/safety-plan/edit/", {key: text for key, _, _ in STEPS})
    # A draft: kept encrypted, never exported (so it adds nothing to the export's count).
    kept = browser.post(
        "/drafts/",
        {"action": "/reflect/journal/new/", "slot": "0", "fields": json.dumps([["body", text]])},
    )
    if kept.status_code != 204:
        sys.exit(f"/drafts/ did not keep the canary ({kept.status_code})")
    # A file from another app, read and waiting to be looked over: sealed, never exported.
    from django.core.files.uploadedfile import SimpleUploadedFile

    daylio = f'full_date,time,mood,note\n2026-11-19,10:00,good,"{text}"\n'.encode()
    waiting = browser.post(
        "/settings/bring-in/",
        {"step": "read", "export": SimpleUploadedFile("daylio_export.csv", daylio)},
    )
    if waiting.status_code != 302:
        sys.exit(f"/settings/bring-in/ did not hold the canary ({waiting.status_code})")
    submit("/insights/measures/practice/", {**{f"item_{n}": "2" for n in range(1, 6)},
                                            "note": text})  # fmt: skip
    from earned.core.instruments import PHQ_9
    from earned.measures.placeholder import placeholder_questionnaire

    wording = placeholder_questionnaire(PHQ_9)
    wording.update(title=text, copyright=text, url=text, code=[])
    wording["item"][0]["text"] = wording["item"][1]["text"] = text  # opening words, question 1
    upload = SimpleUploadedFile("phq-9.json", json.dumps(wording).encode())
    response = browser.post("/insights/measures/import/", {"file": upload, "instrument": "phq-9"})
    if response.status_code != 302:
        sys.exit(f"the questionnaire import did not accept the canary ({response.status_code})")
    submit("/insights/measures/phq-9/change/", {"norm_sd": "3", "reliability": "0.9",
                                                "source": text})  # fmt: skip
    keyring.use_for_this_run(keys.open_data_key(person, PASSPHRASE))
    # Through the API, with a token (itself named with the canary).
    from earned.api import tokens
    from earned.api.main import api
    from earned.records.models import Category

    made = tokens.create(person, text, list(Category), can_write=True)
    caller = Client(HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {made.secret}")
    sent_to: set[str] = set()

    def send(url: str, body: dict[str, object], method: str = "post") -> str:
        response = getattr(caller, method)(url, body, content_type="application/json")
        if response.status_code not in (200, 201):
            sys.exit(f"{url} did not accept the canary ({response.status_code})")
        sent_to.add(url)
        return str(response.json()["id"])

    made_expectation = send("/api/expectations", {
        "text": text, "wound": "own", "wound_own_word": text, "feels_true": 70, "think_true": 30,
    })  # fmt: skip
    planned = {key: plan[key] for key in ("situation", "feared", "who", "safety_behaviours",
                                          "support")}  # fmt: skip
    send("/api/experiences", {
        **planned,
        **{key: debrief[key] for key in ("happened", "body_sensation", "helped", "hindered",
                                         "explained_away_how", "learned", "next_action")},
        "happens_at": "2026-11-20T18:00:00Z", "likelihood": 80, "occurred": 10,
        "explained_away": "partly", "finish": True,
        "emotions": [{"word": "", "own_word": text, "intensity": 4}],
    })  # fmt: skip
    send("/api/check_ins", {"kind": "morning", "at": "2026-11-19T08:00:00Z", "own_words": text,
                            "note": text, "prediction": text})  # fmt: skip
    send("/api/journal_entries", {"body": text})
    turns = [{"voice": 1, "text": text}, {"voice": 2, "text": text}]
    send("/api/dialogues", {"first_voice": text, "second_voice": text, "about": text,
                            "turns": turns})  # fmt: skip
    send("/api/shifts", {"signal": text, "verdict": text, "reading_1": text, "reading_2": text,
                         "reading_3": text, "information": text})  # fmt: skip
    send("/api/imagery", {"script": "safe-place", "felt": text, "note": text})
    made_ladder = send("/api/ladders", {"goal": text, "value": text,
                                        "expectations": [made_expectation]})  # fmt: skip
    made_step = send("/api/steps", {"ladder": made_ladder, "description": text,
                                    "expected_distress": 30})  # fmt: skip
    made_attempt = send("/api/attempts", {**planned, "step": made_step, "coping_plan": text,
                                          "happens_at": "2026-11-22T18:00:00Z"})  # fmt: skip
    send(f"/api/attempts/{made_attempt}", {"doing_now": text, "to_repeat": text,
                                           "to_adjust": text}, "patch")  # fmt: skip
    made_script = send("/api/scripts", {
        "situation": "need", "title": text, "when_it_fits": text, "opening": text,
        "feeling": text, "request": text, "if_badly": text,
    })  # fmt: skip
    send("/api/rehearsals", {"script": made_script, "mode": "alone", "note": text})
    made_person = send("/api/people", {"name": text, "note": text, "feels_safe": 60})
    send("/api/presence", {"person": made_person, "showed": "kept", "note": text})
    made_rupture = send("/api/ruptures", {
        "person": made_person, "at": "2026-11-21T20:00:00Z", "setting": "life", "kind": "quiet",
        "intensity": 2, "trigger": text, "own_part": text, "their_part": text,
    })  # fmt: skip
    send("/api/repairs", {"rupture": made_rupture, "what": text, "outcome": "partly"})
    send("/api/safety_plan", {key: text for key, _, _ in STEPS}, "patch")
    send("/api/measures", {"instrument": "practice", "answers": [2] * 5, "note": text})
    from earned.core.instruments import GAD_7

    gad = placeholder_questionnaire(GAD_7)
    gad.update(title=text, copyright=text, url=text)
    gad["item"][0]["text"] = gad["item"][1]["text"] = text  # opening words, question 1
    imported = caller.post("/api/questionnaires", {"questionnaire": gad}, "application/json")
    if imported.status_code != 201:
        sys.exit(f"/api/questionnaires did not accept the canary ({imported.status_code})")
    sent_to.add("/api/questionnaires")
    # Every operation that makes a record has been sent the canary (a new one, too).
    described = api.get_openapi_schema()["paths"]
    makers = {path for path, operations in described.items()
              if "post" in operations and "{" not in path}  # fmt: skip
    if makers - sent_to:
        sys.exit(f"the canary was not sent through {sorted(makers - sent_to)}")
    Note.objects.create(owner=person, body=text, aside=canary)  # the field itself, directly
    print(json.dumps(services.export_document(person)), flush=True)
    sys.stdin.readline()


if __name__ == "__main__":
    main(sys.argv[1])
