"""The JSON API with a personal access token: a script logs an experience and reads its weekly
markers; a token opens only the kinds it was made for, writes only if it may, and opens nothing
once expired or revoked; another person's record answers 404; errors are problem details."""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from earned.accounts.models import User
from earned.api import tokens
from earned.api.models import AccessToken
from earned.ledger.models import Expectation, Experience
from earned.privacy import keyring, keys
from earned.search import services as search
from earned.search.models import Indexed
from tests.conftest import PASSPHRASE, make_person

pytestmark = pytest.mark.django_db

EVERYTHING = ["experiences", "expectations", "check_ins", "practice", "reflection", "people",
              "measures", "safety"]  # fmt: skip


def token_for(person: User, categories: list[str] | None = None, **options: Any) -> str:
    with keyring.using(keys.open_data_key(person, PASSPHRASE)):
        return tokens.create(person, "my script", categories or EVERYTHING, **options).secret


def calling(secret: str) -> Client:
    return Client(HTTP_AUTHORIZATION=f"Bearer {secret}")


def sent(client: Client, method: str, url: str, body: dict[str, Any]) -> Any:
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_a_script_logs_an_experience_and_reads_its_weekly_markers(owner: User) -> None:
    script = calling(token_for(owner, can_write=True))
    expectation = sent(script, "post", "/api/expectations",
                       {"text": "People leave when I need them", "feels_true": 80,
                        "think_true": 40})  # fmt: skip
    assert expectation.status_code == 201, expectation.content
    logged = sent(script, "post", "/api/experiences", {
        "situation": "Asked Maya to help me move", "happens_at": timezone.now().isoformat(),
        "likelihood": 80, "happened": "She said yes, and came early", "occurred": 10,
        "expectations": [expectation.json()["id"]], "finish": True,
        "emotions": [{"word": "", "own_word": "relieved", "intensity": 6}],
    })  # fmt: skip
    assert logged.status_code == 201, logged.content
    body = logged.json()
    assert body["situation"] == "Asked Maya to help me move"
    assert body["status"] == "done"
    experience = Experience.objects.get(pk=body["id"])
    assert list(experience.expectations.all()) == [Expectation.objects.get()]
    listed = script.get("/api/experiences").json()
    assert listed["count"] == 1
    assert listed["items"][0]["id"] == body["id"]
    model = script.get("/api/insights/model").json()
    assert [(each["text"], each["feels_true"], each["evidence"]["tested"]) for each in model] == [
        ("People leave when I need them", 80, 1)
    ]
    assert model[0]["evidence"]["mean"] < 80  # what happened suggests less than it feels
    markers = script.get("/api/insights/markers?period=4w").json()
    surprise = next(each for each in markers["markers"] if each["key"] == "violation")
    assert [week["value"] for week in surprise["weeks"] if week["count"]] == [70.0]


def test_a_plan_ahead_is_debriefed_later(owner: User) -> None:
    script = calling(token_for(owner, can_write=True))
    ahead = (timezone.now() + datetime.timedelta(days=2)).isoformat()
    plan = {"situation": "Tell Jo I was hurt", "happens_at": ahead, "likelihood": 70}
    planned = sent(script, "post", "/api/experiences", plan)
    assert planned.json()["status"] == "planned"
    record = f"/api/experiences/{planned.json()['id']}"
    unfinished = sent(script, "patch", record, {"finish": True})
    assert unfinished.status_code == 422
    problem = unfinished.json()
    assert unfinished["Content-Type"] == "application/problem+json"
    assert problem["status"] == 422
    assert {each["field"] for each in problem["errors"]} == {"happened", "occurred"}
    assert "Please write a few words about what happened." in problem["detail"]
    done = sent(script, "patch", record, {"happened": "Jo listened", "occurred": 0,
                                          "finish": True})  # fmt: skip
    assert done.status_code == 200, done.content
    assert done.json()["status"] == "done"
    assert done.json()["situation"] == "Tell Jo I was hurt"  # what was not sent stays


@pytest.mark.parametrize(
    ("categories", "write", "method", "url", "allowed"),
    [
        (["experiences"], False, "get", "/api/experiences", True),
        (["expectations"], False, "get", "/api/experiences", False),
        (["experiences"], False, "post", "/api/experiences", False),
        (["experiences"], True, "post", "/api/experiences", True),
        (["experiences"], True, "post", "/api/expectations", False),
        (["reflection"], False, "get", "/api/journal_entries", True),
        (["reflection"], False, "get", "/api/safety_plan", False),
    ],
)
def test_a_token_does_only_what_it_was_made_for(
    owner: User, categories: list[str], write: bool, method: str, url: str, allowed: bool
) -> None:
    script = calling(token_for(owner, categories, can_write=write))
    body = {"situation": "A walk", "happens_at": timezone.now().isoformat(), "text": "x",
            "feels_true": 1, "think_true": 1}  # fmt: skip
    answer = sent(script, method, url, body) if method == "post" else script.get(url)
    assert (answer.status_code in (200, 201)) is allowed, answer.content
    if not allowed:
        assert answer.status_code == 403
        assert "This token cannot" in answer.json()["detail"]


def test_markers_drawn_from_kinds_a_token_cannot_open_are_left_out(owner: User) -> None:
    everything = calling(token_for(owner)).get("/api/insights/markers").json()["markers"]
    only_experiences = calling(token_for(owner, ["experiences"])).get("/api/insights/markers")
    keys_seen = {each["key"] for each in only_experiences.json()["markers"]}
    assert "violation" in keys_seen
    assert keys_seen < {each["key"] for each in everything}  # check-ins, repairs… left out


def test_another_persons_record_answers_404_and_stays(owner: User) -> None:
    mine = {"situation": "Asked for help", "happens_at": timezone.now().isoformat()}
    made = sent(calling(token_for(owner, can_write=True)), "post", "/api/experiences", mine)
    sam_experience = Experience.objects.get(pk=made.json()["id"])
    other = make_person("robin", "Robin")
    script = calling(token_for(other, can_write=True))
    record = f"/api/experiences/{sam_experience.pk}"
    assert script.get(record).status_code == 404
    assert sent(script, "patch", record, {"situation": "Mine now"}).status_code == 404
    assert script.delete(record).status_code == 404
    assert script.get("/api/experiences").json()["count"] == 0
    assert Experience.objects.filter(pk=sam_experience.pk).exists()
    assert script.get(record)["Content-Type"] == "application/problem+json"


def test_no_token_a_wrong_one_an_expired_one_and_a_revoked_one_open_nothing(owner: User) -> None:
    assert Client().get("/api/experiences").status_code == 401
    secret = token_for(owner)
    assert calling(secret[:-2] + "xx").get("/api/experiences").status_code == 401
    assert calling("not-a-token").get("/api/experiences").status_code == 401
    token = AccessToken.objects.get()
    token.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    token.save()
    assert calling(secret).get("/api/experiences").status_code == 401
    token.expires_at = None
    token.save()
    assert calling(secret).get("/api/experiences").status_code == 200
    assert AccessToken.objects.get().last_used_at is not None
    tokens.revoke(owner, token)
    answer = calling(secret).get("/api/experiences")
    assert answer.status_code == 401
    assert answer["WWW-Authenticate"].startswith("Bearer")
    assert "revoked" in answer.json()["detail"]


def test_a_token_holds_no_key_that_opens_entries_without_it(owner: User) -> None:
    secret = token_for(owner)
    token = AccessToken.objects.get()
    assert secret not in json.dumps([token.prefix, token.secret_hash, token.wrapped_key])
    assert token.wrapped_key  # locally, the data key wrapped under the token alone
    assert secret.startswith(token.prefix + "_")


def test_a_browser_session_calls_the_api_with_its_csrf_token(
    owner: User, client_for: Callable[[User], Client]
) -> None:
    browser = client_for(owner)
    assert browser.get("/api/experiences").status_code == 200
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = browser.cookies
    refused = sent(strict, "post", "/api/expectations",
                   {"text": "x", "feels_true": 1, "think_true": 1})  # fmt: skip
    assert refused.status_code in (401, 403)
    assert not Expectation.objects.exists()


def test_too_much_at_once_is_refused_before_it_is_read(owner: User) -> None:
    script = calling(token_for(owner, can_write=True))
    huge = {"text": "x" * 300_000, "feels_true": 1, "think_true": 1}
    answer = sent(script, "post", "/api/expectations", huge)
    assert answer.status_code == 413
    assert answer.json()["title"] == "Too much at once"


def test_a_list_is_newest_first_a_page_at_a_time_between_days(owner: User) -> None:
    script = calling(token_for(owner, can_write=True))
    for days_ago in (1, 3, 5, 7):
        at = timezone.now() - datetime.timedelta(days=days_ago)
        sent(script, "post", "/api/experiences",
             {"situation": f"{days_ago} days ago", "happens_at": at.isoformat()})  # fmt: skip
    page = script.get("/api/experiences?limit=2").json()
    assert page["count"] == 4
    assert [each["situation"] for each in page["items"]] == ["1 days ago", "3 days ago"]
    since = (timezone.localdate() - datetime.timedelta(days=4)).isoformat()
    recent = script.get(f"/api/experiences?since={since}").json()
    assert [each["situation"] for each in recent["items"]] == ["1 days ago", "3 days ago"]
    bad = script.get("/api/experiences?limit=1000")
    assert bad.status_code == 422
    assert bad.json()["errors"] == [
        {"field": "limit", "message": "Please give a number up to 100."}
    ]
    wrong_day = script.get("/api/experiences?since=yesterday").json()["errors"][0]
    assert wrong_day["message"] == "Please give a day as YYYY-MM-DD, like 2026-12-04."


def test_the_openapi_description_is_served(owner: User) -> None:
    described = Client().get("/api/openapi.json").json()
    assert described["info"]["title"] == "Earned"
    assert "/api/experiences" in described["paths"]
    assert {"get", "post"} <= set(described["paths"]["/api/experiences"])


def test_a_day_is_checked_in_morning_midday_and_evening(owner: User) -> None:
    script = calling(token_for(owner, ["check_ins"], can_write=True))
    morning = sent(script, "post", "/api/check_ins", {
        "kind": "morning", "mood": 1, "energy": 6, "emotions": "anxious,hopeful",
        "prediction": "Jo will be short with me",
    })  # fmt: skip
    assert morning.status_code == 201, morning.content
    again = sent(script, "post", "/api/check_ins", {"kind": "morning", "mood": 2})
    assert again.status_code == 409
    assert f"PATCH /api/check_ins/{morning.json()['id']}" in again.json()["detail"]
    changed = sent(script, "patch", f"/api/check_ins/{morning.json()['id']}", {"mood": 2})
    assert changed.json()["mood"] == 2
    assert changed.json()["prediction"] == "Jo will be short with me"
    assert (
        sent(script, "post", "/api/check_ins", {"kind": "midday", "note": "tired"}).status_code
        == 201
    )
    assert (
        sent(script, "post", "/api/check_ins", {"kind": "midday", "note": "better"}).status_code
        == 201
    )
    evening = sent(script, "post", "/api/check_ins", {
        "kind": "evening", "helped": "A walk", "prediction_happened": "did-not",
        "moments": [{"who": "Jo", "context": "partner", "what": "Jo was kind", "felt": 2}],
    })  # fmt: skip
    assert evening.status_code == 201, evening.content
    from earned.rituals.models import CheckIn, Interaction

    assert CheckIn.objects.get(pk=morning.json()["id"]).prediction_outcome == "did-not"
    assert Interaction.objects.get().felt == 2
    empty = sent(script, "post", "/api/check_ins", {"kind": "midday"})
    assert empty.status_code == 422
    assert "Nothing is filled in yet" in empty.json()["detail"]
    too_long = sent(script, "post", "/api/check_ins", {"kind": "midday", "note": "x" * 70})
    assert "A mid-day note is a word or a few" in too_long.json()["detail"]


def test_search_finds_within_the_kinds_a_token_opens(owner: User) -> None:
    writer = calling(token_for(owner, ["experiences", "expectations"], can_write=True))
    belief = {"text": "Priya will be annoyed if I ask", "feels_true": 70, "think_true": 30}
    sent(writer, "post", "/api/expectations", belief)
    now = timezone.now().isoformat()
    sent(
        writer, "post", "/api/experiences", {"situation": "Asked Priya to swap", "happens_at": now}
    )
    found = writer.get("/api/search?q=priya").json()
    assert found["count"] == 2
    assert {hit["kind"] for hit in found["hits"]} == {"experiences", "expectations"}
    only = calling(token_for(owner, ["experiences"])).get("/api/search?q=priya").json()
    assert [hit["title"] for hit in only["hits"]] == ["Asked Priya to swap"]
    assert calling(token_for(owner, ["safety"])).get("/api/search?q=priya").status_code == 403


def test_search_after_an_update_says_it_is_getting_ready_until_it_is(
    owner: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    writer = calling(token_for(owner, ["experiences"], can_write=True))
    now = timezone.now().isoformat()
    for n in range(4):
        sent(
            writer, "post", "/api/experiences", {"situation": f"Asked Priya {n}", "happens_at": now}
        )
    Indexed.objects.filter(owner=owner).update(version=search.VERSION - 1)  # as after an update
    step = search.build_step
    monkeypatch.setattr(search, "build_step", lambda person: step(person, seconds=0, at_once=1))
    waited = []
    for _ in range(10):
        answer = writer.get("/api/search?q=priya")
        if answer.status_code != 503:
            break
        assert answer["Retry-After"] == "1"
        assert answer["Content-Type"] == "application/problem+json"
        waited.append(answer.json()["detail"])
    assert answer.status_code == 200
    assert answer.json()["count"] == 4
    assert waited[0].endswith("1 of 4 entries so far. Ask again in a moment.")
    assert 3 <= len(waited) <= 4  # a step each; the last may find nothing left


def test_a_call_to_an_address_this_server_does_not_answer_is_a_problem_too(owner: User) -> None:
    answer = Client(HTTP_HOST="0\\x:3iA").get("/api/experiences")
    assert answer.status_code == 400
    assert answer["Content-Type"] == "application/problem+json"
    assert "an address this server does not answer to" in answer.json()["detail"]
    assert "<html" in Client(HTTP_HOST="0\\x:3iA").get("/").content.decode()


def test_the_export_needs_a_token_that_opens_everything(owner: User) -> None:
    assert calling(token_for(owner, ["experiences"])).get("/api/export").status_code == 403
    document = calling(token_for(owner)).get("/api/export").json()
    assert document["format"] == "earned-export"
    assert "experiences" in document["records"]


def test_a_script_keeps_a_journal(owner: User) -> None:
    script = calling(token_for(owner, ["reflection", "expectations"], can_write=True))
    belief = {"text": "I am too much for people", "feels_true": 60, "think_true": 30}
    expectation = sent(script, "post", "/api/expectations", belief).json()["id"]
    written = sent(script, "post", "/api/journal_entries",
                   {"body": "Jo stayed when I cried.", "expectations": [expectation]})  # fmt: skip
    assert written.status_code == 201, written.content
    entry = written.json()
    assert entry["body"] == "Jo stayed when I cried."
    changed = sent(script, "patch", f"/api/journal_entries/{entry['id']}", {"body": "Jo stayed."})
    assert changed.json()["body"] == "Jo stayed."
    from earned.reflection.models import JournalEntry

    assert [str(e.pk) for e in JournalEntry.objects.get().expectations.all()] == [expectation]
    missing = sent(script, "post", "/api/journal_entries",
                   {"body": "x", "people": ["3f2b1c9e-0000-4000-8000-000000000000"]})  # fmt: skip
    assert missing.status_code == 404
    assert "no such person" in missing.json()["detail"]
    assert sent(script, "post", "/api/journal_entries", {"body": ""}).status_code == 422


def test_the_people_in_a_life_their_presence_ruptures_and_repairs(owner: User) -> None:
    script = calling(token_for(owner, ["people"], can_write=True))
    jo = sent(script, "post", "/api/people", {"name": "Jo", "role": "partner", "feels_safe": 70})
    assert jo.status_code == 201, jo.content
    person = jo.json()["id"]
    from earned.relationships.models import Person, Safety

    assert Safety.objects.get().feels_safe == 70
    showed = sent(script, "post", "/api/presence", {"person": person, "showed": "kept"})
    assert showed.status_code == 201, showed.content
    hurt = {"person": person, "kind": "quiet", "intensity": 2, "trigger": "I was late"}
    rupture = sent(script, "post", "/api/ruptures", hurt)
    assert rupture.status_code == 201, rupture.content
    repair = sent(script, "post", "/api/repairs",
                  {"rupture": rupture.json()["id"], "what": "We talked it through"})  # fmt: skip
    assert repair.status_code == 201, repair.content
    renamed = sent(script, "patch", f"/api/people/{person}", {"note": "Kind on Sundays"})
    assert renamed.json()["name"] == "Jo"
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        assert str(Person.objects.get().note) == "Kind on Sundays"
    nameless = sent(script, "post", "/api/people", {"role": "friend"})
    assert nameless.status_code == 422
    wrong = sent(script, "post", "/api/presence", {"person": person, "showed": "sometimes"})
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "showed"
    # A moment noted by mistake is taken back, as on the person's page.
    assert script.delete(f"/api/presence/{showed.json()['id']}").status_code == 204
    assert script.get("/api/presence").json()["count"] == 0


def test_a_shift_and_an_imagery_session(owner: User) -> None:
    script = calling(token_for(owner, ["reflection"], can_write=True))
    shift = sent(script, "post", "/api/shifts", {
        "signal": "Jo did not answer", "verdict": "Jo is angry with me",
        "reading_1": "Jo is busy", "reading_2": "Jo's phone is off", "believable_before": 80,
    })  # fmt: skip
    assert shift.status_code == 201, shift.content
    later = sent(script, "patch", f"/api/shifts/{shift.json()['id']}", {"believable_after": 30})
    assert later.json()["believable_after"] == 30
    assert later.json()["verdict"] == "Jo is angry with me"
    half = sent(script, "post", "/api/shifts", {"signal": "x", "verdict": "y"})
    assert half.status_code == 422
    assert {each["field"] for each in half.json()["errors"]} == {"reading_1", "reading_2"}
    from earned.reflection.imagery import SCRIPT_CHOICES

    session = {"script": SCRIPT_CHOICES[0][0], "distress_before": 60, "distress_after": 30}
    imagery = sent(script, "post", "/api/imagery", session)
    assert imagery.status_code == 201, imagery.content


def test_a_dialogue_between_two_voices_is_carried_on(owner: User) -> None:
    script = calling(token_for(owner, ["reflection"], can_write=True))
    made = sent(script, "post", "/api/dialogues", {
        "first_voice": "The critic", "second_voice": "The kind friend",
        "turns": [{"voice": 1, "text": "You always get it wrong."},
                  {"voice": 2, "text": "You got most of it right."}],
    })  # fmt: skip
    assert made.status_code == 201, made.content
    record = f"/api/dialogues/{made.json()['id']}"
    sent(script, "patch", record, {"about": "The move"})
    from earned.reflection.models import Dialogue

    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        kept = [(turn.voice, str(turn.text)) for turn in Dialogue.objects.get().turns.all()]
    assert kept == [(1, "You always get it wrong."), (2, "You got most of it right.")]
    nobody = sent(script, "post", "/api/dialogues", {"first_voice": "A", "turns": [None]})
    assert nobody.status_code == 422


def test_the_safety_plan_is_written_step_by_step(owner: User) -> None:
    script = calling(token_for(owner, ["safety"], can_write=True))
    first = sent(script, "patch", "/api/safety_plan", {"warning_signs": "I stop answering"})
    assert first.status_code == 200, first.content
    second = sent(script, "patch", "/api/safety_plan", {"reasons": "My niece"})
    plan = second.json()
    assert (plan["warning_signs"], plan["reasons"]) == ("I stop answering", "My niece")
    assert script.get("/api/safety_plan").json()["count"] == 1
    reading_only = calling(token_for(owner, ["safety"]))
    assert sent(reading_only, "patch", "/api/safety_plan", {"reasons": "x"}).status_code == 403


def test_a_moment_far_off_in_time_is_refused_in_plain_words(owner: User) -> None:
    script = calling(token_for(owner, can_write=True))
    for far in ("0140-08-25T07:49:55", "2400-01-01T10:00:00+01:00"):
        refused = sent(script, "post", "/api/journal_entries", {"body": "x", "at": far})
        assert refused.status_code == 422, refused.content
        assert refused.json()["errors"] == [
            {"field": "at", "message": "Please give a date between 1900 and 2199."}
        ]
    # One long ago on a local clock (a city's mean time, an odd offset) is kept, as UTC.
    old = sent(script, "post", "/api/journal_entries", {"body": "x", "at": "1901-03-01T09:00"})
    assert old.status_code == 201, old.content
