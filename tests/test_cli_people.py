"""`earned people`, `earned rupture` and `earned repair` from the terminal."""

from __future__ import annotations

import pytest

from earned.accounts.models import User
from earned.privacy import keyring, keys
from earned.relationships import services
from earned.relationships.models import Person, Repair, Rupture
from tests.conftest import PASSPHRASE, Runner

pytestmark = pytest.mark.django_db


def someone(owner: User, name: str, **fields: object) -> Person:
    with keyring.using(keys.open_data_key(owner, PASSPHRASE)):
        return services.save_person(owner, Person(name=name, **fields), 65)


def test_people_are_listed_with_safety_presence_and_open_ruptures(
    owner: User, earned: Runner
) -> None:
    priya = someone(owner, "Priya", role="friend", safe_ally=True)
    someone(owner, "Mum", role="family")
    services.showed_up(owner, priya, "reached")
    assert earned("rupture", "--with", "mum", "--kind", "blame", "--intensity", "3").exit_code == 0
    result = earned("people")
    assert result.exit_code == 0, result.output
    assert (
        "Priya (friend) · a safe ally\n  feels 65% safe · showed up 1 time in three months\n"
        in (result.output)
    )
    assert "Mum (family)" in result.output
    assert "a rupture open since" in result.output


def test_a_rupture_and_its_repair_from_flags(owner: User, earned: Runner) -> None:
    someone(owner, "Jo")
    noted = earned(
        "rupture", "--with", "Jo", "--when", "2026-11-20 20:00", "--kind", "quiet",
        "--intensity", "2", "--setting", "therapy", "--trigger", "The dishes",
        "--mine", "I went silent",
    )  # fmt: skip
    assert noted.exit_code == 0, noted.output
    assert "Noted: Withdrawal — one of us went quiet or cold, with Jo." in noted.output
    rupture = Rupture.objects.get()
    assert (rupture.setting, rupture.intensity) == ("therapy", 2)
    repaired = earned(
        "repair", "--with", "jo", "--when", "2026-11-21 08:00", "--started-by", "me",
        "--what", "I said sorry over breakfast", "--outcome", "repaired",
    )  # fmt: skip
    assert repaired.exit_code == 0, repaired.output
    assert "a repair with Jo, about 12 hours after the rupture (repaired)" in repaired.output
    assert Repair.objects.get().rupture == rupture
    again = earned("repair", "--with", "Jo", "--what", "More")
    assert again.output == (
        "earned: There is no open rupture with Jo. `earned rupture` notes one first.\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("rupture", "--kind", "quiet", "--intensity", "2"), "earned: --with: say who it was"),
        (("rupture", "--with", "Alex", "--kind", "quiet"), "earned: Nobody called 'Alex'."),
        (("rupture", "--with", "Jo", "--intensity", "2"), "earned: --kind: Please choose what"),
        (("rupture", "--with", "Jo", "--kind", "quiet", "--intensity", "9"), "earned: Invalid"),
        (("rupture", "--with", "Jo", "--kind", "sulk"), "earned: Invalid value for '--kind'"),
        (("repair", "--what", "Sorry"), "earned: --with: say whose rupture"),
    ],
)
def test_a_mistake_is_one_kind_line_and_nothing_is_saved(
    owner: User, earned: Runner, args: tuple[str, ...], message: str
) -> None:
    someone(owner, "Jo")
    result = earned(*args)
    assert result.exit_code != 0
    assert result.output.startswith(message), result.output
    assert result.output.count("\n") == 1
    assert not Rupture.objects.exists()


def test_a_rupture_asked_step_by_step_in_a_terminal(
    owner: User, earned: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    from earned.cli import people as command

    someone(owner, "Jo")
    monkeypatch.setattr(command, "in_a_terminal", lambda: True)
    typed = "\n".join(["Jo", "anger", "7", "4", "life", "Being late", "", "Raised voice", ""])
    result = earned("rupture", typed=typed + "\n")
    assert result.exit_code == 0, result.output
    assert "Please choose a number from 1 to 5." in result.output  # 7 was asked again, kindly
    rupture = Rupture.objects.get()
    assert (rupture.kind, rupture.intensity) == ("anger", 4)


def test_without_anyone_people_says_where_to_start(owner: User, earned: Runner) -> None:
    assert earned("people").output == (
        "Nobody added yet. Add someone in the app: People → Add someone.\n"
    )
