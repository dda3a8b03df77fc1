"""Groups on a practice server: a facilitator starts a group with its guidelines and a code for
each person; a person reads the guidelines, accepts them and chooses the name they go by, and
the group knows them by that name alone; a member shares a single entry when she chooses, the
others reply kindly, and it leaves the group the moment she takes it back; members leave, the
facilitator ends it, and nobody else finds it."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from earned.accounts.models import User
from earned.circles.models import Read
from earned.exchange import services as exchange
from earned.groups import services
from earned.groups.models import (
    Exercise,
    Group,
    GroupInvitation,
    Meeting,
    Membership,
    Reply,
    Share,
)
from earned.privacy import keyring, keys
from earned.records import saving
from earned.records.models import Visibility
from earned.relationships import services as relationships
from earned.relationships.models import Person
from tests.conftest import make_person
from tests.group_people import GUIDELINES, a_group, a_journal_entry, joined

pytestmark = pytest.mark.django_db


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
    assert ">Code<" not in problems  # the code travels hidden
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


# --- Sharing one entry, and the replies beside it ---------------------------------------------


def test_a_member_shares_one_entry_and_the_group_reads_it_by_her_chosen_name(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    group = a_group(okafor)
    robin = make_person("robin", "Robin Ashworth")
    joined(ana, group, "River")
    joined(robin, group, "Wren")
    entry = a_journal_entry(ana)
    person, other = client_for(ana), client_for(robin)
    own_page = person.get(entry.get_absolute_url()).content.decode()
    assert "Not shared with <strong>Tuesday evenings</strong>" in own_page
    assert other.get(reverse("groups:group", args=[group.pk])).context["feed"] == []
    person.post(
        reverse("groups:share", args=[group.pk]),
        {"kind": "journal_entries", "entry_id": str(entry.pk)},
    )
    share = Share.objects.get()
    feed = other.get(reverse("groups:group", args=[group.pk])).content.decode()
    assert "I asked for help and it went fine" in feed
    assert "River shared a journal entry" in feed
    read = other.get(reverse("groups:entry", args=[group.pk, share.pk])).content.decode()
    assert "I asked for help and it went fine" in read
    client_for(okafor).get(reverse("groups:entry", args=[group.pk, share.pk]))
    person.get(reverse("groups:entry", args=[group.pk, share.pk]))  # her own look is not kept
    seen = person.get(reverse("circles:seen")).content.decode()
    assert "<strong>Wren</strong> read a journal entry you shared with a group" in seen
    assert "<strong>The facilitator, Dr Okafor</strong> read" in seen
    assert "Robin" not in seen
    assert Read.objects.filter(person=ana, group=group).count() == 2


def test_replies_are_kind_and_short_reported_to_and_hidden_by_the_facilitator(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    group = a_group(okafor)
    robin = make_person("robin", "Robin Ashworth")
    membership = joined(ana, group, "River")
    joined(robin, group, "Wren")
    share = services.share(ana, membership, a_journal_entry(ana))
    page = reverse("groups:entry", args=[group.pk, share.pk])
    other, person, coach = client_for(robin), client_for(ana), client_for(okafor)
    too_long = other.post(reverse("groups:reply", args=[group.pk, share.pk]), {"body": "x" * 601})
    assert too_long.status_code == 302
    assert not Reply.objects.exists()
    other.post(reverse("groups:reply", args=[group.pk, share.pk]), {"body": "That took courage."})
    reply = Reply.objects.get()
    assert "Wren" in person.get(page).content.decode()
    assert "That took courage." in person.get(page).content.decode()
    person.post(reverse("groups:moderate", args=[group.pk, reply.pk]))
    assert (
        "Reported replies" in coach.get(reverse("groups:group", args=[group.pk])).content.decode()
    )
    coach.post(reverse("groups:moderate", args=[group.pk, reply.pk]))
    assert "That took courage." not in person.get(page).content.decode()
    assert "That took courage." not in other.get(page).content.decode()
    assert "hidden from the group" in coach.get(page).content.decode()
    coach.post(reverse("groups:moderate", args=[group.pk, reply.pk]), {"hidden": "no"})
    assert "That took courage." in person.get(page).content.decode()
    # The facilitator keeps the room: they do not reply.
    assert (
        coach.post(reverse("groups:reply", args=[group.pk, share.pk]), {"body": "Hi"}).status_code
        == 404
    )


def test_what_a_member_shares_leaves_the_group_the_moment_she_takes_it_back(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    group = a_group(okafor)
    robin = make_person("robin", "Robin Ashworth")
    membership = joined(ana, group, "River")
    theirs = joined(robin, group, "Wren")
    entry = a_journal_entry(ana)
    other = client_for(robin)
    for undo in ("take back", "private", "delete", "leave"):
        share = services.share(ana, membership, entry)
        if undo == "take back":
            client_for(ana).post(reverse("groups:take-back", args=[group.pk, share.pk]))
        elif undo == "private":
            saving.set_visibility(ana, entry, Visibility.PRIVATE)
        elif undo == "delete":
            with keyring.using(keys.open_data_key(ana)):
                saving.delete(ana, entry)
        else:
            with keyring.using(keys.open_data_key(robin)):
                services.reply(robin, theirs, share, "Thank you")
            client_for(ana).post(reverse("groups:leave", args=[group.pk]))
            assert not Reply.objects.exists()
        address = reverse("groups:entry", args=[group.pk, share.pk])
        assert other.get(address).status_code == 404, undo
        assert other.get(reverse("groups:group", args=[group.pk])).context["feed"] == [], undo
        if undo == "private":
            saving.set_visibility(ana, entry, Visibility.FOLLOW)
            Share.objects.all().delete()
        if undo == "delete":
            assert not Share.objects.exists()
            entry = a_journal_entry(ana)


def test_only_her_own_entries_of_the_kinds_a_group_may_see_can_be_shared(
    ana: User, okafor: User, lind: User, client_for: Callable[[User], Client]
) -> None:
    group = a_group(okafor)
    membership = joined(ana, group, "River")
    with keyring.using(keys.open_data_key(ana)):
        maya = relationships.save_person(ana, Person(name="Maya"))
    with pytest.raises(services.GroupError, match="stays with you"):
        services.share(ana, membership, maya)
    entry = a_journal_entry(ana)
    saving.set_visibility(ana, entry, Visibility.PRIVATE)
    refused = client_for(ana).post(
        reverse("groups:share", args=[group.pk]),
        {"kind": "journal_entries", "entry_id": str(entry.pk)},
        follow=True,
    )
    assert "You keep this entry always private" in refused.content.decode()
    sam = make_person("sam", "Sam")
    someone_elses = client_for(sam).post(
        reverse("groups:share", args=[group.pk]),
        {"kind": "journal_entries", "entry_id": str(entry.pk)},
    )
    assert someone_elses.status_code == 404
    saving.set_visibility(ana, entry, Visibility.FOLLOW)
    share = services.share(ana, membership, entry)
    for outsider in (lind, sam):
        address = reverse("groups:entry", args=[group.pk, share.pk])
        assert client_for(outsider).get(address).status_code == 404


# --- Exercises -----------------------------------------------------------------------------------


def test_an_exercise_waits_on_each_members_today_and_the_facilitator_counts_who_did_it(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    group = a_group(okafor)
    robin = make_person("robin", "Robin Ashworth")
    joined(ana, group, "River")
    joined(robin, group, "Wren")
    coach, person = client_for(okafor), client_for(ana)
    post = reverse("groups:post-exercise", args=[group.pk])
    coach.post(post, {"kind": "prompt", "what": "A time someone stayed", "about": ""})
    coach.post(post, {"kind": "script", "what": "", "about": "need-small"})
    coach.post(post, {"kind": "questionnaire", "what": "", "about": "practice"})
    refused = coach.post(post, {"kind": "script", "what": "", "about": ""}, follow=True)
    assert "Please choose one of Earned" in refused.content.decode()
    assert Exercise.objects.count() == 3
    today = person.get(reverse("web:today")).content.decode()
    assert "To try, from your groups" in today
    assert "A time someone stayed" in today
    assert "Asking for something small" in today  # the starter's own title
    by_kind = {each.kind: each for each in Exercise.objects.all()}
    start = reverse("groups:start-exercise", args=[group.pk, by_kind["prompt"].pk])
    journal = person.get(start)["Location"]
    assert "Suggested by Tuesday evenings" in person.get(journal).content.decode()
    person.post(journal, {"body": "When Jo waited with me at the station."})
    start = reverse("groups:start-exercise", args=[group.pk, by_kind["script"].pk])
    rehearse = person.get(start)["Location"]
    person.post(rehearse, {"mode": "alone", "confidence_before": "3", "confidence_after": "5"})
    assert person.get(start)["Location"] == rehearse  # her own copy, not another
    start = reverse("groups:start-exercise", args=[group.pk, by_kind["questionnaire"].pk])
    person.post(person.get(start)["Location"], {f"item_{n}": "2" for n in range(1, 6)})
    facilitating = coach.get(reverse("groups:group", args=[group.pk])).content.decode()
    assert facilitating.count("Done by 1 of 2 members.") == 3
    assert "When Jo waited" not in facilitating  # only that it was done
    today = reverse("web:today")
    assert "To try, from your groups" not in person.get(today).content.decode()
    assert "To try, from your groups" in client_for(robin).get(today).content.decode()
    # Only members start exercises, and only where the exercise is done.
    assert coach.get(start).status_code == 404
    elsewhere = (
        reverse("measures:take", args=["phq-9"]) + f"?exercise={by_kind['questionnaire'].pk}"
    )
    assert "Suggested by" not in client_for(robin).get(elsewhere).content.decode()


# --- Export and erasure --------------------------------------------------------------------------


def test_her_export_keeps_her_groups_under_the_names_people_chose_and_erasing_leaves_nothing(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    group = a_group(okafor)
    robin = make_person("robin", "Robin Ashworth")
    membership = joined(ana, group, "River")
    theirs = joined(robin, group, "Wren")
    share = services.share(ana, membership, a_journal_entry(ana))
    client_for(robin).get(reverse("groups:entry", args=[group.pk, share.pk]))
    with keyring.using(keys.open_data_key(ana)):
        services.reply(ana, membership, share, "Thank you both")
        document = exchange.export_document(ana)
    section = document["groups"]
    assert section["memberships"][0]["alias"] == "River"
    assert section["memberships"][0]["group_name"] == "Tuesday evenings"
    assert [each["entry_kind"] for each in section["shares"]] == ["journal_entries"]
    assert [each["body"] for each in section["replies"]] == ["Thank you both"]
    assert [read["reader"] for read in document["care_circle"]["reads"]] == ["Wren"]
    assert "Robin" not in json.dumps(document)
    with keyring.using(keys.open_data_key(robin)):
        services.reply(robin, theirs, share, "So glad")
    exchange.erase_account(ana)
    assert not Membership.objects.filter(owner_id=membership.owner_id).exists()
    assert not Share.objects.exists()
    assert not Reply.objects.exists()  # the replies beside her entry went with it
    page = client_for(robin).get(reverse("groups:group", args=[group.pk]))
    assert page.context["feed"] == []
    assert "River" not in page.content.decode()


# --- Meetings ------------------------------------------------------------------------------------


def test_the_facilitator_plans_meetings_and_logs_who_came_members_see_only_when(
    ana: User, okafor: User, client_for: Callable[[User], Client]
) -> None:
    group = a_group(okafor)
    robin = make_person("robin", "Robin Ashworth")
    river = joined(ana, group, "River")
    joined(robin, group, "Wren")
    coach, person = client_for(okafor), client_for(ana)
    coach.post(
        reverse("groups:meeting-new", args=[group.pk]),
        {"at": "2030-01-08T18:00", "status": "planned"},
    )
    meeting = Meeting.objects.get()
    group_page = reverse("groups:group", args=[group.pk])
    assert "Tue 8 Jan 2030, 18:00" in person.get(group_page).content.decode()
    today = person.get(reverse("web:today")).content.decode()
    assert "meets Tue 8 Jan, 18:00" in today  # the next meeting, a step from the group's page
    assert group_page in today
    logged = coach.post(
        reverse("groups:meeting", args=[group.pk, meeting.pk]),
        {"at": "2030-01-08T18:00", "status": "held", "came": [str(river.pk)],
         "note": "River spoke first tonight."},
    )  # fmt: skip
    assert logged.status_code == 302
    facilitating = coach.get(reverse("groups:group", args=[group.pk])).content.decode()
    assert "1 of 2 came" in facilitating
    member_page = person.get(reverse("groups:group", args=[group.pk])).content.decode()
    assert "River spoke first" not in member_page  # the note is the facilitator's own
    assert person.get(reverse("groups:meeting", args=[group.pk, meeting.pk])).status_code == 404
    missing = coach.post(reverse("groups:meeting-new", args=[group.pk]), {"status": "held"})
    assert missing.status_code == 400
    assert "Please say when." in missing.content.decode()
