from __future__ import annotations

import datetime
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from earned.accounts.models import User
from earned.ledger import services as ledger
from earned.ledger.models import Experience
from earned.practice import services as practice
from earned.practice.models import Ladder, Step
from earned.privacy import keyring, keys
from earned.reflection import services as reflection
from earned.reflection.models import Dialogue, Imagery, JournalEntry, Turn
from earned.relationships import services as people
from earned.relationships.models import Person, Repair, Rupture
from earned.rituals import services as rituals
from earned.rituals.models import CheckIn
from tests.conftest import PASSPHRASE
from tests.serving import person_environment

pytestmark = pytest.mark.django_db

PAGES_SIGNED_IN = [
    "/", "/settings/", "/help/", "/expectations/", "/expectations/new/",
    "/expectations/how-the-evidence-works/", "/experiences/", "/experiences/plan/",
    "/experiences/log/", "/check-in/morning/", "/check-in/midday/", "/check-in/evening/",
    "/check-ins/", "/reflect/", "/reflect/shifts/", "/reflect/shifts/new/", "/reflect/journal/",
    "/reflect/journal/new/", "/reflect/journal/new/?prompt=before-bring", "/reflect/dialogues/",
    "/reflect/dialogues/new/?pair=critic", "/reflect/imagery/", "/reflect/imagery/safe-place/",
    "/search/", "/search/?q=asking", "/practice/", "/practice/ladders/new/", "/practice/scripts/",
    "/practice/scripts/new/", "/practice/put-away/", "/people/", "/people/new/",
    "/people/put-away/", "/ruptures/", "/ruptures/new/", "/insights/", "/insights/?period=all",
    "/insights/map/", "/insights/report/", "/safety-plan/", "/safety-plan/edit/",
    "/insights/measures/", "/insights/measures/practice/", "/insights/measures/import/",
]  # fmt: skip
PAGES_SIGNED_OUT = ["/sign-in/", "/help/", "/help/?country=JP", "/no-such-page/"]


@pytest.mark.parametrize("path", PAGES_SIGNED_IN)
def test_pages_with_personal_data_are_never_cached(owner_client: Client, path: str) -> None:
    response = owner_client.get(path)
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", PAGES_SIGNED_IN)
def test_every_page_has_a_strict_policy(owner_client: Client, path: str) -> None:
    response = owner_client.get(path)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "connect-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", PAGES_SIGNED_OUT)
def test_no_page_has_inline_script_or_style(client: Client, owner: object, path: str) -> None:
    assert_no_inline_code(client.get(path).content.decode())


def test_no_signed_in_page_has_inline_script_or_style(owner_client: Client, owner: User) -> None:
    """Every signed-in page, including those with a chart, an experience and its debrief."""
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        expectation = ledger.add_expectation(owner, "They leave", feels_true=80, think_true=40)
        experience = ledger.save_experience(
            owner,
            Experience(
                situation="Asking",
                happened="They said yes",
                likelihood=80,
                occurred=10,
                happens_at=timezone.now(),
            ),
            expectations=[expectation],
            finish=True,
        )
        evening = rituals.save_check_in(
            owner,
            CheckIn(kind="evening", at=timezone.now() - datetime.timedelta(days=3), mood=1),
            lines=[rituals.Line("Jo", "partner", "Dinner", 1)],
        )
        entry = reflection.save_entry(owner, JournalEntry(body="Asking", prompt="before-bring"))
        dialogue = reflection.save_dialogue(
            owner, Dialogue(first_voice="A", second_voice="B"), [(Turn.FIRST, "Asking")]
        )
        imagery = reflection.save_imagery(owner, Imagery(script="safe-place", note="Asking"))
        ladder = practice.save_ladder(owner, Ladder(goal="Asking"), [expectation])
        step = practice.add_step(owner, ladder, Step(description="Ask once", expected_distress=20))
        attempt = practice.plan_attempt(
            owner, step, Experience(situation="Ask", happens_at=timezone.now()), expectations=[]
        )
        script = practice.copy_starter(owner, "need-small")
        jo = people.save_person(owner, Person(name="Jo"), 50)
        rupture = people.save_rupture(owner, Rupture(person=jo, kind="quiet", intensity=2))
        repair = people.save_repair(owner, Repair(rupture=rupture, what="Sorry"))
    details = [
        *(f"/people/{jo.pk}/{end}" for end in ("", "edit/", "delete/")),
        *(f"/ruptures/{rupture.pk}/{end}" for end in ("", "edit/", "delete/", "repair/")),
        *(f"/repairs/{repair.pk}/{end}" for end in ("edit/", "delete/")),
        *(f"/practice/ladders/{ladder.pk}/{end}" for end in ("", "edit/", "delete/")),
        *(f"/practice/steps/{step.pk}/{end}" for end in ("edit/", "delete/", "attempt/")),
        *(f"/practice/attempts/{attempt.pk}/{end}" for end in ("", "now/", "debrief/", "delete/")),
        *(f"/practice/scripts/{script.pk}/{end}" for end in ("", "edit/", "delete/", "rehearse/")),
        *(f"/reflect/journal/{entry.pk}/{end}" for end in ("", "edit/", "delete/")),
        *(f"/reflect/dialogues/{dialogue.pk}/{end}" for end in ("", "edit/", "delete/")),
        *(f"/reflect/imagery/notes/{imagery.pk}/{end}" for end in ("", "edit/", "delete/")),
        f"/check-ins/{evening.pk}/",
        f"/check-ins/{evening.pk}/edit/",
        f"/check-ins/{evening.pk}/delete/",
        f"/expectations/{expectation.pk}/",
        f"/experiences/{experience.pk}/",
        f"/experiences/{experience.pk}/debrief/",
        f"/experiences/{experience.pk}/edit/",
        f"/experiences/{experience.pk}/delete/",
        f"/expectations/{expectation.pk}/delete/",
    ]
    for path in [*PAGES_SIGNED_IN, *details]:
        response = owner_client.get(path)
        assert response.status_code == 200, path
        assert_no_inline_code(response.content.decode())


def assert_no_inline_code(html: str) -> None:
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers


@pytest.mark.parametrize("path", PAGES_SIGNED_OUT)
def test_nothing_is_loaded_from_another_origin(client: Client, owner: object, path: str) -> None:
    html = client.get(path).content.decode()
    assert not re.search(
        r'(?:src|href)="(?:https?:)?//(?!127\.0\.0\.1)[^"]*\.(?:js|css|woff2?)', html
    )
    assert 'rel="stylesheet" href="/static/' in html


def test_static_files_may_be_cached(client: Client) -> None:
    response = client.get("/static/earned/earned.css")
    assert response.status_code == 200
    assert response["Cache-Control"] != "no-store"


def test_server_mode_cookies_are_secure() -> None:
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SESSION_COOKIE_AGE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env=server_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.split() == ["True", "True", "True", str(30 * 60)]


def server_environment(*, without: str = "", **extra: str) -> dict[str, str]:
    """A complete production configuration, optionally missing one variable or changing some."""
    environ = person_environment(
        EARNED_MODE="server",
        EARNED_SECRET_KEY=secrets.token_urlsafe(64),
        EARNED_ALLOWED_HOSTS="earned.example.org",
        DATABASE_URL="postgres://earned@127.0.0.1:5432/earned",
        EARNED_MASTER_KEY="dGVzdHMtb25seS1pbnN0YW5jZS1rZXktMzItYnl0ZXM=",
        DJANGO_SETTINGS_MODULE="earned.settings",
    )
    environ.update(extra)
    environ.pop(without, None)
    return environ


def deploy_check(environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`manage.py check --deploy --fail-level WARNING`, as an operator would run it."""
    manage = Path(__file__).parents[1] / "manage.py"
    return subprocess.run(
        [sys.executable, str(manage), "check", "--deploy", "--fail-level", "WARNING"],
        env=environ,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def test_production_settings_pass_the_deploy_checks() -> None:
    result = deploy_check(server_environment())
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_an_insecure_server_fails_the_deploy_checks() -> None:
    result = deploy_check(server_environment(EARNED_SSL_REDIRECT="0", EARNED_DEBUG="1"))
    assert result.returncode != 0
    assert "security.W008" in result.stderr  # no HTTPS redirect
    assert "security.W018" in result.stderr  # DEBUG on


def test_a_server_on_sqlite_is_warned() -> None:
    result = deploy_check(server_environment(without="DATABASE_URL"))
    assert result.returncode != 0
    assert "earned.W001" in result.stderr
    assert os.environ.get("EARNED_MODE") != "server"  # the test process itself is untouched


def test_a_server_without_an_instance_key_fails_the_checks() -> None:
    result = deploy_check(server_environment(without="EARNED_MASTER_KEY"))
    assert result.returncode != 0
    assert "earned.E002" in result.stderr
    assert "EARNED_MASTER_KEY" in result.stderr
