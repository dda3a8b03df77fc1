"""Export, import and erase: everything a person owns, and nothing of anyone else's."""

from __future__ import annotations

import copy
import datetime
import io
import json
from collections.abc import Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from earned.accounts.models import User
from earned.cli import main
from earned.core.instruments import ECR_RS
from earned.exchange import services
from earned.exchange.services import ImportProblem
from earned.ledger import services as ledger
from earned.ledger.models import Expectation, Experience
from earned.measures import services as measures
from earned.measures.instruments import PRACTICE, available
from earned.measures.placeholder import placeholder_questionnaire
from earned.practice import services as practice
from earned.practice.models import Ladder, Rehearsal, Step
from earned.privacy import keyring, keys
from earned.reflection import services as reflection
from earned.reflection.models import Dialogue, Imagery, JournalEntry, Shift, Turn
from earned.relationships import services as people
from earned.relationships.models import Person, Repair, Rupture
from earned.rituals import services as rituals
from earned.rituals.models import CheckIn
from earned.safety import services as safety
from earned.safety.models import SafetyPlan
from tests.conftest import PASSPHRASE, make_person
from tests.encryption_app.models import Note

pytestmark = pytest.mark.django_db


@pytest.fixture
def unlocked(owner: User) -> Iterator[User]:
    with as_person(owner):
        yield owner


def as_person(user: User) -> AbstractContextManager[None]:
    return keyring.using(keys.open_data_key(user, PASSPHRASE))


def bring_in(user: User, document: dict[str, Any], way: str) -> dict[str, int]:
    """Import a document as the web and terminal do (a file, read as a stream) or whole."""
    if way == "file":
        return services.import_file(user, io.BytesIO(json.dumps(document).encode()))
    return services.import_document(user, json.loads(json.dumps(document)))


def test_the_export_holds_the_profile_and_every_record_in_clear(unlocked: User) -> None:
    Note.objects.create(owner=unlocked, body="They stayed.", aside=None, mood=3)
    document = services.export_document(unlocked)
    assert document["format"] == "earned-export"
    assert document["version"] == services.VERSION == 2
    assert document["profile"] == {
        "display_name": "Sam",
        "timezone": "Europe/Dublin",
        "country": "IE",
        "theme": "system",
    }
    [note] = document["records"]["notes"]
    assert (note["body"], note["aside"], note["mood"]) == ("They stayed.", None, 3)


def test_the_export_holds_nothing_of_anyone_else(unlocked: User, other_client: User) -> None:
    with as_person(other_client):
        Note.objects.create(owner=other_client, body="not Sam's")
    assert services.export_document(unlocked)["records"]["notes"] == []


def test_exporting_needs_the_key(owner: User) -> None:
    with pytest.raises(keyring.Locked):
        services.export_document(owner)


notes = st.lists(
    st.tuples(st.text(max_size=200), st.none() | st.text(max_size=50), st.integers(-5, 5)),
    max_size=5,
)
profiles = st.fixed_dictionaries(
    {
        # What a form accepts: no NUL (Django's forms refuse it; PostgreSQL cannot store it).
        "display_name": st.text(
            st.characters(exclude_characters="\x00", exclude_categories=["Cs"]),
            min_size=1,
            max_size=80,
        ).filter(str.strip),
        "timezone": st.sampled_from(["UTC", "Europe/Dublin", "Pacific/Auckland"]),
        "country": st.sampled_from(["", "IE", "NZ"]),
        "theme": st.sampled_from(["system", "light", "dark"]),
    }
)


texts = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=80)
said = texts.filter(str.strip)  # what a record needs said (a name, what happened) is never empty
percents = st.integers(0, 100)
working_models = st.lists(
    st.fixed_dictionaries(
        {
            "text": said,
            "feels": percents,
            "think": percents,
            # Where it comes from, and the person's own word (needed when that is the answer).
            "wound": st.tuples(st.sampled_from(["", "abandonment"]), st.none() | texts)
            | said.map(lambda word: ("own", word)),
            "experiences": st.lists(
                st.fixed_dictionaries(
                    {
                        "situation": said,
                        "happened": said,
                        "likelihood": st.none() | percents,
                        "occurred": st.none() | percents,
                        "felt": st.sampled_from([None, True, False]),
                        "responses": st.sampled_from(["", "asked", "stayed,withdrew"]),
                        "emotions": st.lists(
                            st.tuples(st.sampled_from(["", "sad", "calm"]), texts, percents),
                            max_size=2,
                        ),
                        "rerated": st.booleans(),
                    }
                ),
                max_size=3,
            ),
        }
    ),
    max_size=3,
)


check_ins = st.lists(
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["morning", "midday", "evening"]),
            "mood": st.integers(-5, 5),  # a check-in holds at least one answer
            "emotions": st.sampled_from(["", "glad", "sad,calm"]),
            "note": st.none()
            | texts.filter(lambda text: len(text) <= 60),  # a mid-day note's limit
            "prediction": st.none() | texts,
            "lines": st.lists(st.tuples(texts, texts, st.none() | st.integers(-2, 2)), max_size=2),
            "as_experience": st.booleans(),
        }
    ),
    max_size=3,
)


def write_check_ins(owner: User, written: list[dict[str, Any]]) -> None:
    for number, item in enumerate(written):
        check_in = CheckIn(
            kind=item["kind"], mood=item["mood"], emotions=item["emotions"], note=item["note"],
            prediction=item["prediction"],
            at=datetime.datetime(2026, 5, 1 + number, 20, tzinfo=datetime.UTC),
        )  # fmt: skip
        lines = [rituals.Line(who, "friend", what, felt) for who, what, felt in item["lines"]]
        rituals.save_check_in(owner, check_in, lines=lines)
        first = check_in.interactions.first()
        if item["as_experience"] and first is not None:
            rituals.as_experience(owner, first)


def write_working_model(owner: User, model: list[dict[str, Any]]) -> None:
    when = datetime.datetime(2026, 5, 1, 12, tzinfo=datetime.UTC)
    for item in model:
        expectation = ledger.add_expectation(
            owner, item["text"], feels_true=item["feels"], think_true=item["think"],
            wound=item["wound"][0], wound_own_word=item["wound"][1], at=when,
        )  # fmt: skip
        for number, plan in enumerate(item["experiences"]):
            experience = Experience(
                situation=plan["situation"], happened=plan["happened"],
                likelihood=plan["likelihood"],
                occurred=plan["occurred"], felt=plan["felt"], responses=plan["responses"],
                happens_at=when + datetime.timedelta(days=number),
            )  # fmt: skip
            ledger.save_experience(
                owner,
                experience,
                expectations=[expectation],
                emotions=[ledger.NamedEmotion(*emotion) for emotion in plan["emotions"]],
                finish=plan["occurred"] is not None,
            )
            if plan["rerated"]:
                ledger.rate(owner, expectation, feels_true=50, think_true=50, experience=experience)


def write_reflections(owner: User, written: list[str]) -> None:
    for text in written:
        reflection.save_entry(
            owner,
            JournalEntry(body=text, prompt="hard-feared"),
            Expectation.objects.filter(owner=owner)[:1],
        )
        reflection.save_dialogue(
            owner,
            Dialogue(first_voice=text, second_voice=text, about=text or None),
            [(Turn.FIRST, text), (Turn.SECOND, text)],
        )
        reflection.save_imagery(
            owner, Imagery(script="calm-response", distress_before=40, felt=text, note=None)
        )
        write_practice(owner, text)
        write_people(owner, text)
    if written:
        safety.save_plan(owner, SafetyPlan(warning_signs=written[0], reasons=written[-1] or None))
        measures.record(owner, PRACTICE, dict.fromkeys(range(1, 6), 3), written[0])
        measures.set_schedule(owner, PRACTICE, 14)
        wording = placeholder_questionnaire(ECR_RS)
        wording["title"] = written[0].strip() or "Untitled"
        measures.import_questionnaire(owner, json.dumps(wording).encode(), "ecr-rs")
        ecr_rs = available(owner)["ecr-rs"]
        measures.record(owner, ecr_rs, dict.fromkeys(range(1, 10), 4), "")


def write_people(owner: User, text: str) -> None:
    """Someone, rated, showing up, a rupture and its repair, and an experience with them."""
    person = people.save_person(owner, Person(name=text, role="friend", note=text or None), 40)
    people.showed_up(owner, person, "reached")
    rupture = people.save_rupture(
        owner, Rupture(person=person, kind="anger", intensity=2, trigger=text or None)
    )
    people.save_repair(owner, Repair(rupture=rupture, what=text, outcome="repaired"))
    when = datetime.datetime(2026, 5, 3, tzinfo=datetime.UTC)
    ledger.save_experience(owner, Experience(situation=text, person=person, happens_at=when))
    reflection.save_entry(owner, JournalEntry(body=text), people=[person])


def write_practice(owner: User, text: str) -> None:
    """A ladder with a step, an attempt (its experience too), a script and a rehearsal of it."""
    ladder = practice.save_ladder(
        owner, Ladder(goal=text, value=text or None), Expectation.objects.filter(owner=owner)[:1]
    )
    step = practice.add_step(owner, ladder, Step(description=text, expected_distress=30))
    experience = Experience(
        situation=text, happens_at=datetime.datetime(2026, 5, 2, tzinfo=datetime.UTC)
    )
    attempt = practice.plan_attempt(owner, step, experience, expectations=[], coping_plan=text)
    practice.note_moment(owner, attempt, 40, text)
    script = practice.copy_starter(owner, "repair-after")
    practice.save_rehearsal(owner, Rehearsal(script=script, confidence_before=2, note=text,
                                             attempt=attempt))  # fmt: skip


@settings(max_examples=20, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    profile=profiles,
    entries=notes,
    model=working_models,
    days=check_ins,
    shifts=st.lists(texts, max_size=2),
    reflections=st.lists(said, max_size=2),
    way=st.sampled_from(["document", "file"]),
)
def test_export_import_export_gives_the_same_document(
    db: None,
    profile: dict[str, str],
    entries: list[tuple[str, str | None, int]],
    model: list[dict[str, Any]],
    days: list[dict[str, Any]],
    shifts: list[str],
    reflections: list[str],
    way: str,
) -> None:
    try:
        first = make_person("sam", "Sam")
        User.objects.filter(pk=first.pk).update(**profile)
        first.refresh_from_db()
        with as_person(first):
            for body, aside, mood in entries:
                Note.objects.create(owner=first, body=body, aside=aside, mood=mood)
            write_working_model(first, model)
            write_check_ins(first, days)
            for signal in shifts:
                Shift.objects.create(
                    owner=first, signal=signal, verdict=signal, reading_1=signal,
                    reading_2=signal, believable_before=50,
                    expectation=Expectation.objects.filter(owner=first).first(),
                )  # fmt: skip
            write_reflections(first, reflections)
            exported = services.export_document(first)
        services.erase_account(first)

        second = make_person("alex", "Alex")
        with as_person(second):
            bring_in(second, exported, way)
            second.refresh_from_db()
            again = services.export_document(second)
    finally:
        User.objects.all().delete()  # each example starts from an empty instance
    assert services.comparable(again) == services.comparable(exported)


def test_a_newer_format_is_refused_plainly(unlocked: User) -> None:
    document = services.export_document(unlocked)
    document["version"] = services.VERSION + 1
    with pytest.raises(ImportProblem, match="newer Earned"):
        services.import_document(unlocked, document)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d.update(format="something-else"), "not an Earned export"),
        (lambda d: d.update(version="one"), "no version"),
        (lambda d: d["records"].update(dreams=[]), "does not know"),
        (lambda d: d["records"]["notes"].append({"id": "nope"}), "no valid id"),
        (lambda d: d["records"]["notes"].append({"id": "0" * 32, "body": "x"}), "missing 'aside'"),
        (lambda d: d["profile"].update(timezone="Mars/Olympus"), "time zone"),
        (lambda d: d["profile"].update(theme="neon"), "does not fit"),
        (lambda d: d["profile"].update(display_name="Sa\x00m"), "NUL"),
    ],
)
@pytest.mark.parametrize("way", ["document", "file"])
def test_a_damaged_document_writes_nothing(
    unlocked: User, damage: Any, message: str, way: str
) -> None:
    Note.objects.create(owner=unlocked, body="exported")
    document = services.export_document(unlocked)
    Note.objects.all().delete()
    broken = copy.deepcopy(document)
    damage(broken)
    with pytest.raises(ImportProblem, match=message):
        bring_in(unlocked, broken, way)
    assert not Note.objects.exists()
    unlocked.refresh_from_db()
    assert unlocked.theme == "system"


@pytest.mark.parametrize("way", ["document", "file"])
def test_an_import_cannot_link_to_anyone_elses_records(
    unlocked: User, other_client: User, way: str
) -> None:
    with as_person(other_client):
        theirs = ledger.add_expectation(other_client, "theirs", feels_true=50, think_true=50)
    ledger.save_experience(unlocked, Experience(situation="mine", happens_at=timezone.now()))
    document = services.export_document(unlocked)
    Experience.objects.filter(owner=unlocked).delete()
    document["records"]["tested"] = [
        {"id": "1" * 32, "experience": document["records"]["experiences"][0]["id"],
         "expectation": str(theirs.pk), "visibility": "follow"}
    ]  # fmt: skip
    with pytest.raises(ImportProblem, match="points at a record this export does not hold"):
        bring_in(unlocked, document, way)
    assert not Experience.objects.filter(owner=unlocked).exists()


def test_an_import_holds_the_limits_the_forms_hold(unlocked: User) -> None:
    rituals.save_check_in(unlocked, CheckIn(kind="midday", note="tired", at=timezone.now()))
    document = services.export_document(unlocked)
    CheckIn.objects.filter(owner=unlocked).delete()
    document["records"]["check_ins"][0]["note"] = "t" * 61
    with pytest.raises(
        ImportProblem, match=r"check_ins\[0\] does not fit: A mid-day note is a word or a few"
    ):
        services.import_document(unlocked, document)
    assert not CheckIn.objects.exists()


def test_import_needs_an_empty_account(unlocked: User) -> None:
    Note.objects.create(owner=unlocked, body="already here")
    document = services.export_document(unlocked)
    with pytest.raises(ImportProblem, match="empty account"):
        services.import_document(unlocked, document)


def test_erase_leaves_no_row_of_the_person(unlocked: User, other_client: User) -> None:
    Note.objects.create(owner=unlocked, body="mine")
    with as_person(other_client):
        Note.objects.create(owner=other_client, body="theirs")
    assert services.rows_referencing(unlocked)  # something to erase
    services.erase_account(unlocked)
    assert services.rows_referencing(unlocked) == {}
    assert not User.objects.filter(username="sam").exists()
    assert Note.objects.filter(owner=other_client).count() == 1


# --- From the terminal ------------------------------------------------------------------------


def test_cli_export_writes_a_private_file(
    owner: User, passphrase_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "export.json"
    result = CliRunner().invoke(
        main, ["export", str(target), "--passphrase-file", str(passphrase_file)]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text())["profile"]["display_name"] == "Sam"


def test_cli_refuses_a_wrong_passphrase_in_one_line(owner: User, tmp_path: Path) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_text("not it at all")
    result = CliRunner().invoke(main, ["export", "--passphrase-file", str(wrong)])
    assert result.exit_code == 1
    assert result.output == "earned: That passphrase does not open your entries.\n"


def test_cli_import_refuses_a_file_that_is_not_json(
    owner: User, passphrase_file: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = CliRunner().invoke(
        main, ["import", str(bad), "--passphrase-file", str(passphrase_file)]
    )
    assert result.exit_code == 1
    assert result.output == (
        "earned: Nothing was imported. This file is not an Earned export: it is not JSON.\n"
    )


def test_cli_import_loads_an_export(owner: User, passphrase_file: Path, tmp_path: Path) -> None:
    document = {
        "format": "earned-export",
        "version": 1,
        "profile": {"display_name": "Sam", "timezone": "UTC", "country": "", "theme": "dark"},
        "records": {
            "notes": [
                {
                    "id": "6f0c1c1e-4a57-4d2a-9b0e-3c1f7d2a9e10",
                    "body": "hi",
                    "aside": None,
                    "mood": 1,
                }
            ]
        },
    }
    source = tmp_path / "in.json"
    source.write_text(json.dumps(document))
    result = CliRunner().invoke(
        main, ["import", str(source), "--passphrase-file", str(passphrase_file)]
    )
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "Brought in 1 record and your settings."
    with as_person(owner):
        assert Note.objects.get(owner=owner).body == "hi"


def test_cli_erase_asks_for_confirmation_unless_told(owner: User, passphrase_file: Path) -> None:
    refused = CliRunner().invoke(main, ["erase", "--passphrase-file", str(passphrase_file)])
    assert refused.exit_code == 1
    assert User.objects.filter(pk=owner.pk).exists()
    done = CliRunner().invoke(main, ["erase", "--yes", "--passphrase-file", str(passphrase_file)])
    assert done.exit_code == 0, done.output
    assert not User.objects.exists()


# --- From Settings ----------------------------------------------------------------------------


def test_settings_download_needs_the_passphrase(owner_client: Client) -> None:
    refused = owner_client.post("/settings/export/", {"passphrase": "not it"})
    assert refused["Location"] == "/settings/"
    response = owner_client.post("/settings/export/", {"passphrase": PASSPHRASE})
    assert response["Content-Disposition"].startswith('attachment; filename="earned-export-')
    assert json.loads(response.content)["profile"]["display_name"] == "Sam"
    assert response["Cache-Control"] == "no-store"


def test_deleting_the_account_needs_the_typed_confirmation(owner_client: Client) -> None:
    response = owner_client.post(
        "/settings/delete-account/", {"passphrase": PASSPHRASE, "confirmation": "yes"}
    )
    assert response.status_code == 400
    assert "Please type “delete my account” exactly." in response.content.decode()
    assert User.objects.exists()


def test_deleting_the_account_erases_it_and_signs_out(owner_client: Client) -> None:
    response = owner_client.post(
        "/settings/delete-account/",
        {"passphrase": PASSPHRASE, "confirmation": "Delete my account "},
    )
    assert response["Location"] == "/sign-in/"
    assert not User.objects.exists()
    assert owner_client.get("/").status_code == 302


def test_deleting_needs_the_right_passphrase(owner_client: Client) -> None:
    response = owner_client.post(
        "/settings/delete-account/", {"passphrase": "not it", "confirmation": "delete my account"}
    )
    assert response.status_code == 400
    assert User.objects.exists()
