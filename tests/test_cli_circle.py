"""`earned circle` and `earned care`: the care circle from the terminal, on a practice server."""

from __future__ import annotations

import pytest
from click.testing import CliRunner, Result

from earned.accounts.models import User
from earned.circles.models import Circle, Read
from earned.cli import main
from tests.circle_people import in_circle

pytestmark = pytest.mark.django_db


def earned(*args: str, user: str, typed: str | None = None) -> Result:
    return CliRunner().invoke(main, [*args, "--user", user], input=typed)


def test_invite_join_list_and_end(ana: User, okafor: User) -> None:
    invited = earned("circle", "invite", "--share", "experiences", "--share", "measures",
                     user="ana")  # fmt: skip
    assert invited.exit_code == 0, invited.output
    code = invited.stdout.strip().splitlines()[0]
    assert "They will see: experiences, measures." in invited.output
    joined = earned("care", "join", code, user="dr-okafor")
    assert joined.exit_code == 0, joined.output
    assert "You are now in Ana’s circle." in joined.output
    assert "Ana  since" in earned("care", "people", user="dr-okafor").output
    listed = earned("circle", "list", user="ana").output
    assert "Dr Okafor" in listed
    assert "sees: experiences, measures" in listed
    ended = earned("circle", "end", "dr", "--yes", user="ana")
    assert ended.exit_code == 0, ended.output
    assert not Circle.objects.get().is_open
    assert "Nobody yet" in earned("care", "people", user="dr-okafor").output


def test_a_practitioner_invites_and_the_person_accepts_choosing_what_to_share(
    ana: User, okafor: User
) -> None:
    invited = earned("care", "invite", user="dr-okafor")
    assert invited.exit_code == 0, invited.output
    code = invited.stdout.strip().splitlines()[0]
    assert "earned circle accept CODE" in invited.output
    asked = earned("circle", "accept", code, user="ana")  # not a terminal: it cannot ask
    assert asked.exit_code == 1
    assert "Say --yes" in asked.output
    assert not Circle.objects.exists()
    accepted = earned("circle", "accept", code, "--share", "experiences", "--yes", user="ana")
    assert accepted.exit_code == 0, accepted.output
    assert "Dr Okafor is in your care circle now. They see: experiences." in accepted.output
    assert Circle.objects.get().categories == ["experiences"]
    again = earned("circle", "accept", code, "--yes", user="ana")
    assert again.exit_code == 1
    assert "used already" in again.output


def test_revoke_is_another_name_for_ending(ana: User, okafor: User) -> None:
    in_circle(ana, okafor)
    revoked = earned("circle", "revoke", "Dr Okafor", "--yes", user="ana")
    assert revoked.exit_code == 0, revoked.output
    assert not Circle.objects.get().is_open


def test_who_has_seen_what(ana: User, okafor: User) -> None:
    circle = in_circle(ana, okafor)
    Read.objects.create(person=ana, reader=okafor, circle=circle, page="overview")
    assert (
        "Dr Okafor: the overview of what you share" in earned("circle", "seen", user="ana").output
    )


@pytest.mark.parametrize(
    ("arguments", "who", "reason"),
    [
        (["care", "join", "AAAA-BBBB-CCCC"], "dr-okafor", "That code does not open a circle"),
        (["care", "join", "AAAA-BBBB-CCCC"], "ana", "Only a practitioner's account"),
        (["circle", "end", "nobody", "--yes"], "ana", "Nobody called 'nobody'"),
        (["circle", "end", "dr"], "ana", "Say --yes"),
        (["circle", "invite", "--share", "diaries"], "ana", "'diaries' is not one of"),
        (["care", "people"], "ana", "This is for a practitioner's account"),
        (["care", "invite"], "ana", "Only a practitioner's account can invite"),
        (["circle", "accept", "AAAA-BBBB-CCCC", "--yes"], "ana", "That code does not open"),
        (["circle", "accept", "AAAA-BBBB-CCCC"], "dr-okafor", "A practitioner joins with"),
    ],
)
def test_a_mistake_is_one_kind_line(
    ana: User, okafor: User, arguments: list[str], who: str, reason: str
) -> None:
    in_circle(ana, okafor)
    result = earned(*arguments, user=who)
    assert result.exit_code != 0
    assert reason in result.output
    assert "Traceback" not in result.output


def test_a_local_earned_says_circles_need_a_practice_server(
    owner: User, passphrase_file: object
) -> None:
    result = CliRunner().invoke(
        main, ["circle", "invite", "--passphrase-file", str(passphrase_file)]
    )
    assert result.exit_code != 0
    assert "Care circles need a practice server" in result.output
    assert "earned export FILE" in result.output
