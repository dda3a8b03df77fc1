"""Groups on a practice server: a facilitator starts a group with its guidelines and a code for
each person; a person reads the guidelines, accepts them and chooses the name they go by, and
the group knows them by that name alone; members leave, the facilitator ends it, and nobody
else finds it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from earned.accounts.models import User
from earned.groups import services
from earned.groups.models import Group, GroupInvitation, Membership
from earned.privacy import keyring, keys
from tests.conftest import make_person

pytestmark = pytest.mark.django_db

GUIDELINES = "What is shared here stays here. Replies are kind and brief."


def a_group(okafor: User, name: str = "Tuesday evenings") -> Group:
    with keyring.using(keys.open_data_key(okafor)):
        return services.create(okafor, name, "Asking for what we need", GUIDELINES)


def joined(person: User, group: Group, alias: str) -> Membership:
    code = services.invite(group.owner, group)
    with keyring.using(keys.open_data_key(person)):
        return services.join(person, code, alias, accepted=True)


def test_a_facilitator_starts_a_group_and_a_person_joins_it_by_a_name_of_their_own(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    coach, person = client_for(okafor), client_for(ana)
    made = coach.post(
        reverse("groups:new"),
        {"name": "Tuesday evenings", "description": "", "guidelines": GUIDELINES},
    )
    group = Group.objects.get()
    assert made["Location"] == reverse("groups:group", args=[group.pk])
    code = coach.post(reverse("groups:invite", args=[group.pk])).context["code"]
    first = person.post(reverse("groups:join"), {"code": code})
    page = first.content.decode()
    assert "Tuesday evenings" in page
    assert "What is shared here stays here." in page  # the guidelines, read before joining
    assert not Membership.objects.exists()
    refused = person.post(reverse("groups:join"), {"code": code, "alias": "Ana"})
    problems = refused.content.decode()
    assert refused.status_code == 400
    assert "That is the name on your account." in problems
    assert "Please read the guidelines and say you agree to them." in problems
    assert 'value="Ana"' in problems  # what she typed is kept
    done = person.post(reverse("groups:join"), {"code": code, "alias": "River", "accepted": "on"})
    assert done["Location"] == reverse("groups:group", args=[group.pk])
    membership = Membership.objects.get()
    assert (membership.owner, membership.group) == (ana, group)
    assert "You are here as <strong>River</strong>" in person.get(done["Location"]).content.decode()
    again = person.post(reverse("groups:join"), {"code": code})
    assert "used already" in again.content.decode()


def test_members_see_one_another_only_by_the_names_they_chose(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    group = a_group(okafor)
    robin = make_person("robin", "Robin Ashworth")
    joined(ana, group, "River")
    joined(robin, group, "Wren")
    for reader in (ana, robin, okafor):
        page = client_for(reader).get(reverse("groups:group", args=[group.pk])).content.decode()
        assert "River" in page
        assert "Wren" in page
        assert "Robin Ashworth" not in page
        assert "robin" not in page.replace("River", "")  # nor the sign-in name


def test_a_group_opens_only_for_its_facilitator_and_its_members_now(
    ana: User, okafor: User, lind: User, client_for: Callable[[User], Client]
) -> None:
    group = a_group(okafor)
    membership = joined(ana, group, "River")
    page = reverse("groups:group", args=[group.pk])
    sam = make_person("sam", "Sam")
    for outsider in (lind, sam):
        assert client_for(outsider).get(page).status_code == 404
    assert client_for(ana).get(page).status_code == 200
    assert client_for(ana).post(reverse("groups:invite", args=[group.pk])).status_code == 404
    assert client_for(ana).get(reverse("groups:end", args=[group.pk])).status_code == 404
    assert client_for(okafor).get(reverse("groups:leave", args=[group.pk])).status_code == 404
    left = client_for(ana).post(reverse("groups:leave", args=[group.pk]))
    assert left["Location"] == reverse("groups:groups")
    assert client_for(ana).get(page).status_code == 404
    assert Membership.objects.filter(pk=membership.pk, left_at__isnull=False).exists()
    client_for(okafor).post(reverse("groups:end", args=[group.pk]))
    assert client_for(okafor).get(page).status_code == 404
    assert "Tuesday evenings" in client_for(okafor).get(reverse("groups:groups")).content.decode()


def test_who_may_start_and_join_a_group(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    assert client_for(ana).get(reverse("groups:new")).status_code == 404
    assert client_for(okafor).get(reverse("groups:join")).status_code == 404
    group = a_group(okafor)
    code = services.invite(okafor, group)
    with pytest.raises(services.GroupError, match="does not join"):
        services.invited_to(okafor, code)
    with pytest.raises(services.GroupError, match="facilitator"):
        services.create(ana, "Mine", "", GUIDELINES)
    empty = client_for(okafor).post(reverse("groups:new"), {"name": "", "guidelines": ""})
    assert empty.status_code == 400
    assert "Please name the group." in empty.content.decode()


def test_a_code_can_be_withdrawn_and_expires_in_two_weeks(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    group = a_group(okafor)
    code = services.invite(okafor, group)
    invitation = GroupInvitation.objects.get()
    lifetime = invitation.expires_at - invitation.created_at
    assert abs(lifetime - services.INVITATION_LIFETIME).total_seconds() < 1
    assert code not in invitation.code_hash
    withdraw = reverse("groups:withdraw", args=[group.pk, invitation.pk])
    assert client_for(ana).post(withdraw).status_code == 404
    client_for(okafor).post(withdraw)
    assert not GroupInvitation.objects.exists()
    gone = client_for(ana).post(reverse("groups:join"), {"code": code})
    assert "does not open a group" in gone.content.decode()
