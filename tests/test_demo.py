"""`earned demo`: a fictional person's six months, made or refreshed, never over a real account."""

from __future__ import annotations

import datetime

import pytest
from click.testing import CliRunner, Result
from django.test import Client
from django.utils import timezone
from pytest_django import Settings as SettingsWrapper

from earned import demo
from earned.accounts.models import User
from earned.cli import main
from earned.ledger import services
from earned.ledger.models import Expectation, Experience, Rating
from earned.measures.models import Response
from earned.practice.models import Attempt, Ladder, Rehearsal
from earned.privacy import keyring, keys
from earned.reflection.models import Dialogue, Imagery, JournalEntry, Shift
from earned.relationships.models import Person, Presence, Rupture, Safety
from earned.rituals.models import CheckIn, Interaction
from earned.safety.models import SafetyPlan
from earned.search import finding
from tests.conftest import make_person

pytestmark = pytest.mark.django_db


def run_demo(*args: str) -> Result:
    return CliRunner().invoke(main, ["demo", "--timezone", "Europe/Dublin", *args])


def signed_in_to_the_demo() -> Client:
    client = Client()
    response = client.post("/sign-in/", {"passphrase": demo.PASSPHRASE})
    assert response.status_code == 302, "the printed passphrase must open the demo"
    return client


def test_the_demo_is_six_lived_months_ending_today() -> None:
    result = run_demo()
    assert result.exit_code == 0, result.output
    assert "Made the demo" in result.output
    assert demo.PASSPHRASE in result.output

    person = User.objects.get()
    assert (person.is_demo, person.display_name, person.timezone) == (
        True,
        demo.NAME,
        "Europe/Dublin",
    )
    now = timezone.now()
    done = Experience.objects.filter(status=Experience.Status.DONE)
    assert done.count() >= 50
    first, last = done.order_by("happens_at").first(), done.order_by("happens_at").last()
    assert first is not None
    assert last is not None
    assert now - first.happens_at > datetime.timedelta(days=150)
    assert first.happens_at > now - datetime.timedelta(days=demo.story.DAYS + 1)
    assert last.happens_at < now
    # Today has something waiting: one to debrief, one half-written, one coming up.
    waiting = Experience.objects.exclude(status=Experience.Status.DONE).filter(attempt=None)
    assert sorted(each.status for each in waiting) == ["draft", "planned", "planned"]
    assert sum(each.is_due for each in waiting) == 2
    assert Expectation.objects.filter(archived_at__isnull=False).count() == 1
    # Days of check-ins too: not every day, some evenings closing the morning's prediction.
    check_ins = CheckIn.objects.filter(owner=person)
    assert 150 < check_ins.count() < 3 * demo.story.DAYS
    assert check_ins.exclude(prediction_outcome="").exists()
    assert Interaction.objects.filter(owner=person).exists()
    # Reflections woven through the months, and all of it findable.
    assert JournalEntry.objects.filter(owner=person).count() > 20
    assert Dialogue.objects.filter(owner=person).count() == 3
    assert Imagery.objects.filter(owner=person).exists()
    assert Shift.objects.filter(owner=person).count() > 5
    assert SafetyPlan.objects.filter(owner=person).count() == 1  # written early, with therapy
    totals = [
        total or 0
        for total in Response.objects.filter(owner=person, instrument="practice")
        .order_by("at")
        .values_list("total", flat=True)
    ]
    assert len(totals) > 12
    assert sum(totals[-4:]) > sum(totals[:4])  # the weeks warming, unevenly
    phq_9 = [
        total or 0
        for total in Response.objects.filter(owner=person, instrument="phq-9")
        .order_by("at")
        .values_list("total", flat=True)
    ]
    assert len(phq_9) >= 6  # every fortnight from the third month, placeholder wording
    assert sum(phq_9[-3:]) < sum(phq_9[:3])  # easing
    with keyring.using(keys.open_data_key(person, demo.PASSPHRASE)):
        assert all(r.answers["9"] == 0 for r in Response.objects.filter(instrument="phq-9"))
    # A ladder in progress: two steps climbed, a hard attempt on the way, one coming up.
    [ladder] = Ladder.objects.filter(owner=person)
    assert ladder.steps.filter(climbed_at__isnull=False).count() == 2
    assert Attempt.objects.filter(experience__window="above").count() == 1
    [coming] = Attempt.objects.filter(experience__status="planned")
    assert coming.experience.happens_at > now
    assert coming.rehearsals.count() == 1
    assert Rehearsal.objects.filter(owner=person).count() == 3
    # The people in Robin's life: felt safety over time, presence, ruptures mostly repaired.
    assert Person.objects.filter(owner=person).count() == 5
    assert Safety.objects.filter(owner=person).count() >= 25
    assert not Safety.objects.filter(at__gt=now).exists()
    assert not Presence.objects.filter(at__gt=now).exists()
    assert Presence.objects.filter(owner=person).count() > 10
    open_ruptures = [r for r in Rupture.objects.prefetch_related("repairs") if r.is_open]
    assert len(open_ruptures) == 2  # one only partly repaired, one recent
    assert Experience.objects.filter(person__isnull=False).count() > 20

    with keyring.using(keys.open_data_key(person, demo.PASSPHRASE)):
        model = services.working_model(person)
        assert finding.find(person, "Priya").count > 10  # the demo's index is complete
    for summary in model:
        first_rating = Rating.objects.filter(expectation=summary.expectation).earliest("rated_at")
        assert summary.estimate.tested > 0
        # The felt sense has softened, and the evidence says the fear came true less often.
        assert summary.latest is not None
        assert summary.latest.feels_true < first_rating.feels_true
        assert summary.estimate.mean < first_rating.feels_true


def test_every_page_of_the_demo_opens_and_says_it_is_a_demo() -> None:
    assert run_demo().exit_code == 0
    client = signed_in_to_the_demo()
    expectation = Expectation.objects.filter(archived_at__isnull=True).first()
    experience = Experience.objects.filter(status=Experience.Status.DONE).first()
    assert expectation is not None
    assert experience is not None
    for url in (
        "/",
        "/reflect/",
        "/reflect/journal/",
        "/reflect/dialogues/",
        "/reflect/imagery/",
        "/reflect/shifts/",
        "/search/?q=Jo",
        "/practice/",
        "/practice/scripts/",
        f"/practice/ladders/{Ladder.objects.get().pk}/",
        "/people/",
        "/ruptures/",
        f"/people/{Person.objects.get(role='partner').pk}/",
        "/check-ins/",
        "/expectations/",
        f"/expectations/{expectation.pk}/",
        "/experiences/",
        f"/experiences/{experience.pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "You are looking at a demo." in response.content.decode(), url
    assert "Ready to debrief" in client.get("/").content.decode()


def test_running_it_again_refreshes_it_in_place() -> None:
    assert run_demo().exit_code == 0
    before = User.objects.get()
    experiences = Experience.objects.count()
    again = run_demo()
    assert again.exit_code == 0, again.output
    assert "Refreshed the demo" in again.output
    person = User.objects.get()
    assert person.pk != before.pk
    assert Experience.objects.count() == experiences  # replaced, not added to
    assert not Experience.objects.exclude(owner=person).exists()


def test_it_never_touches_a_real_local_account(owner: User) -> None:
    result = run_demo()
    assert result.exit_code == 1
    line = result.output.strip().splitlines()[-1]
    assert line.startswith("earned: This Earned already holds your own account")
    assert "EARNED_DATA_DIR" in line
    assert list(User.objects.all()) == [owner]
    assert not owner.is_demo


def test_on_a_server_it_sits_beside_real_accounts(server_mode: SettingsWrapper) -> None:
    someone = make_person("alex", "Alex")
    assert run_demo().exit_code == 0
    assert User.objects.get(username=demo.USERNAME).is_demo
    assert User.objects.get(pk=someone.pk).is_demo is False


def test_on_a_server_a_real_account_called_demo_is_left_alone(
    server_mode: SettingsWrapper,
) -> None:
    make_person(demo.USERNAME, "Dee Mo")
    result = run_demo()
    assert result.exit_code == 1
    assert "belongs to a real account" in result.output
    assert not Experience.objects.exists()


def test_only_a_demo_shows_its_passphrase_on_the_sign_in_page(client: Client) -> None:
    assert run_demo().exit_code == 0
    assert demo.PASSPHRASE in client.get("/sign-in/").content.decode()


def test_a_real_owner_sees_no_passphrase_on_the_sign_in_page(client: Client, owner: User) -> None:
    page = client.get("/sign-in/").content.decode()
    assert demo.PASSPHRASE not in page
    assert "demo" not in page.lower()


def test_serving_the_demo_prints_its_passphrase(capsys: pytest.CaptureFixture[str]) -> None:
    from earned.cli.server import _entry_link

    assert run_demo().exit_code == 0
    assert _entry_link("http://127.0.0.1:8000/", is_server=False).endswith("/sign-in/")
    assert f"its passphrase is: {demo.PASSPHRASE}" in capsys.readouterr().out
