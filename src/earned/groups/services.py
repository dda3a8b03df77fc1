"""Groups, step by step: a facilitator makes a group with its guidelines and a one-time code for
each person invited; a person joins by reading the guidelines, accepting them and choosing the
name they go by there; they leave when they like, and the facilitator can end the group. Who
may see what in a group is decided in earned/access.py, at every request."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from earned.accounts.models import User
from earned.core import codes
from earned.core.instruments import DEFINITIONS
from earned.groups import pairs
from earned.groups.models import (
    ALIAS_LIMIT,
    REPLY_LIMIT,
    Exercise,
    ExerciseDone,
    Group,
    GroupInvitation,
    Meeting,
    Membership,
    Reply,
    Share,
)
from earned.measures.instruments import PRACTICE
from earned.practice.library import STARTERS_BY_KEY
from earned.privacy.opening import read_now
from earned.records.models import Owned, Visibility
from earned.reflection.prompts import PROMPTS
from earned.safety import noticing

INVITATION_LIFETIME = timedelta(days=14)  # time to read the guidelines and think it over
NOT_A_CODE = (
    "That code does not open a group: it may have been mistyped, used already, or expired. "
    "Please ask the facilitator for a new one."
)


class GroupError(Exception):
    """Something asked of a group cannot be done; the message says why, kindly."""


def available() -> bool:
    """Groups need a practice server, as care circles do: members read one another's shared
    entries through the server's key, at the moment of each request."""
    return bool(settings.IS_SERVER)


def _facilitating(user: User) -> None:
    if not available():
        raise GroupError("Groups need a practice server.")
    if not user.is_practitioner:
        raise GroupError("Groups are made by a facilitator's (a practitioner's) account.")


def create(facilitator: User, name: str, description: str, guidelines: str) -> Group:
    """A new group (the facilitator's key current: its words are sealed with theirs)."""
    _facilitating(facilitator)
    group = Group(
        owner=facilitator,
        name=name.strip(),
        description=description.strip() or None,
        guidelines=guidelines.strip(),
    )
    group.full_clean()
    group.save()
    return group


def led_by(facilitator: User) -> QuerySet[Group]:
    """The groups a facilitator runs, open ones first."""
    return Group.objects.filter(owner=facilitator).order_by(
        F("ended_at").desc(nulls_first=True), "-created_at"
    )


def invite(facilitator: User, group: Group) -> str:
    """A one-time code for one person to join; shown to the facilitator once."""
    _facilitating(facilitator)
    if group.owner_id != facilitator.pk or not group.is_open:
        raise GroupError("That group has ended.")
    code = codes.new()
    GroupInvitation.objects.create(
        group=group,
        code_hash=codes.hashed(code),
        expires_at=timezone.now() + INVITATION_LIFETIME,
    )
    return code


def open_invitations(group: Group) -> QuerySet[GroupInvitation]:
    return group.invitations.filter(used_at__isnull=True, expires_at__gt=timezone.now())


def withdraw(facilitator: User, invitation: GroupInvitation) -> None:
    if invitation.group.owner_id == facilitator.pk:
        invitation.delete()


def _invitation(code: str, *, lock: bool = False) -> GroupInvitation:
    if not codes.normalised(code):
        raise GroupError(NOT_A_CODE)
    found = GroupInvitation.objects.all()
    if lock:  # only the invitation's row: its group is read through a join
        found = found.select_for_update(of=("self",))
    invitation = (
        found.filter(code_hash=codes.hashed(code), group__ended_at__isnull=True)
        .select_related("group__owner")
        .first()
    )
    if invitation is None or not invitation.is_usable:
        raise GroupError(NOT_A_CODE)
    return invitation


def invited_to(person: User, code: str) -> Group:
    """The group a code opens, for the person to read about before joining (its words are
    sealed with the facilitator's key, which the caller opens)."""
    if person.is_practitioner:
        raise GroupError("A facilitator's account runs groups; it does not join them.")
    return _invitation(code).group


@transaction.atomic
def join(person: User, code: str, alias: str, accepted: bool) -> Membership:
    """The person joins, having accepted the guidelines, as `alias` (their key current: the
    alias is sealed with theirs). The code works once."""
    group = invited_to(person, code)
    errors: dict[str, str] = {}
    alias = alias.strip()
    if not alias:
        errors["alias"] = "Please choose a name to go by in this group."
    elif len(alias) > ALIAS_LIMIT:
        errors["alias"] = f"Please keep it to {ALIAS_LIMIT} characters."
    elif alias.casefold() in {person.username.casefold(), person.display_name.casefold()}:
        errors["alias"] = (
            "That is the name on your account. Please choose another, so the group knows you "
            "only by what you choose here."
        )
    if not accepted:
        errors["accepted"] = "Please read the guidelines and say you agree to them."
    if errors:
        raise ValidationError(errors)
    invitation = _invitation(code, lock=True)
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    try:
        with transaction.atomic():
            return Membership.objects.create(
                group=group, owner=person, alias=alias, accepted_guidelines_at=timezone.now()
            )
    except IntegrityError:
        raise GroupError("You are in this group already.") from None


def memberships_of(person: User) -> QuerySet[Membership]:
    """The groups the person is in now."""
    return Membership.objects.filter(
        owner=person, left_at__isnull=True, group__ended_at__isnull=True
    ).select_related("group")


def known_as(pairs: Iterable[tuple[Any, Any]]) -> dict[tuple[Any, Any], str]:
    """How each reader is known in each group, by (group id, reader id): the name they chose
    there, or "the facilitator, <name>" (their words opened under their own keys)."""
    pairs = set(pairs)
    if not pairs:
        return {}
    found = Membership.objects.filter(
        group_id__in={g for g, _ in pairs}, owner_id__in={r for _, r in pairs}
    ).order_by("joined_at")
    memberships = [each for each in found if (each.group_id, each.owner_id) in pairs]
    read_now(memberships, "alias")
    names = {(each.group_id, each.owner_id): str(each.alias) for each in memberships}
    for group in Group.objects.filter(pk__in={g for g, _ in pairs}).select_related("owner"):
        if (group.pk, group.owner_id) in pairs:
            names[(group.pk, group.owner_id)] = f"The facilitator, {group.owner}"
    return names


def members(group: Group) -> QuerySet[Membership]:
    """Who is in the group now, in the order they joined."""
    return group.memberships.filter(left_at__isnull=True)


@transaction.atomic
def leave(person: User, membership: Membership) -> None:
    """The person leaves: what they shared and their replies go with them, at once, and their
    peer pairs there end."""
    if membership.owner_id == person.pk and membership.left_at is None:
        membership.left_at = timezone.now()
        membership.save(update_fields=["left_at"])
        membership.shares.all().delete()
        membership.replies.all().delete()
        pairs.end_all(membership.group, person.pk)


def end(facilitator: User, group: Group) -> None:
    """The facilitator ends the group: it opens for nobody any more, nor do its pairs."""
    if group.owner_id == facilitator.pk and group.is_open:
        group.ended_at = timezone.now()
        group.save(update_fields=["ended_at"])
        pairs.end_all(group)


# --- Sharing one entry, and the replies beside it ---------------------------------------------

# The kinds a member can share with a group: their own practice and reflection. People, their
# ruptures and the safety plan name others or are too close to share with a room.
SHAREABLE = (
    "experiences", "expectations", "check_ins", "journal_entries", "shifts", "dialogues",
    "imagery", "ladders", "attempts", "scripts",
)  # fmt: skip


def share(person: User, membership: Membership, entry: Owned) -> Share:
    """The member shares one entry of theirs with the group: the group reads it, as it is at
    each moment, until they take it back or leave."""
    if membership.owner_id != person.pk or membership.left_at or not membership.group.is_open:
        raise GroupError("You are not in that group any more.")
    if entry.owner_id != person.pk or entry.exported_as not in SHAREABLE:
        raise GroupError("This kind of entry stays with you: it cannot be shared with a group.")
    if entry.visibility == Visibility.PRIVATE:
        raise GroupError(
            "You keep this entry always private. To share it, first choose who may see it."
        )
    found, _ = Share.objects.get_or_create(
        membership=membership, entry_id=entry.pk, defaults={"entry_kind": entry.exported_as}
    )
    return found


def take_back(person: User, shared: Share) -> None:
    """The member unshares: the group no longer sees it, nor the replies beside it."""
    if shared.membership.owner_id == person.pk:
        shared.delete()


def shares_of(person: User, entry: Owned) -> dict[Any, Share]:
    """Where one of the person's entries is shared now, by membership."""
    return {
        each.membership_id: each
        for each in Share.objects.filter(
            membership__owner=person, membership__left_at__isnull=True, entry_id=entry.pk
        )
    }


@dataclass(frozen=True)
class Sharing:
    """One of the person's groups, and whether an entry is shared there now."""

    membership: Membership
    share: Share | None


def sharing(person: User, entry: Owned) -> list[Sharing]:
    """For an entry's own page: each group the person is in, and whether it is shared there
    (nothing for a kind that stays with them)."""
    if entry.exported_as not in SHAREABLE or person.is_practitioner:
        return []
    memberships = list(memberships_of(person))
    read_now([each.group for each in memberships], "name")
    read_now(memberships, "alias")
    there = shares_of(person, entry)
    return [Sharing(each, there.get(each.pk)) for each in memberships]


def forget_entries(owner_id: Any, ids: Iterable[Any]) -> None:
    """Entries are being deleted: they are no longer shared with any group (earned/records/
    saving.py asks this of every deletion)."""
    Share.objects.filter(membership__owner_id=owner_id, entry_id__in=list(ids)).delete()


def reply(person: User, membership: Membership, shared: Share, body: str) -> Reply:
    """A member's short, kind reply beside an entry shared in their group (their key current:
    it is sealed with theirs). Their words are looked at, as anywhere."""
    if membership.owner_id != person.pk or membership.group_id != shared.membership.group_id:
        raise GroupError("You are not in that group any more.")
    text = (body or "").strip()
    if not text:
        raise ValidationError({"body": "Please write a few words first."})
    if len(text) > REPLY_LIMIT:
        raise ValidationError(
            {"body": f"A reply holds up to {REPLY_LIMIT} characters (this one has {len(text)}): "
                     "a few kind sentences."}
        )  # fmt: skip
    made = Reply.objects.create(share=shared, owner=person, membership=membership, body=text)
    noticing.look(Reply, [text])
    return made


def set_hidden(facilitator: User, chosen: Reply, hidden: bool) -> None:
    """The facilitator hides a reply from the group, or brings it back."""
    if chosen.share.membership.group.owner_id == facilitator.pk:
        chosen.hidden_at = timezone.now() if hidden else None
        chosen.save(update_fields=["hidden_at"])


def report(membership: Membership, chosen: Reply) -> None:
    """Anyone in the group tells the facilitator a reply needs a look."""
    if membership.group_id == chosen.share.membership.group_id and chosen.reported_at is None:
        chosen.reported_at = timezone.now()
        chosen.save(update_fields=["reported_at"])


def reported(group: Group) -> QuerySet[Reply]:
    """Replies someone reported, for the facilitator to look at (hidden ones included)."""
    return Reply.objects.filter(
        share__membership__group=group, reported_at__isnull=False
    ).select_related("share", "membership")


# --- Exercises ---------------------------------------------------------------------------------


def exercise_choices() -> dict[str, dict[str, str]]:
    """What an exercise of each kind can be about, by its value, with its words."""
    return {
        Exercise.Kind.PROMPT: {key: prompt.text for key, prompt in PROMPTS.items()},
        Exercise.Kind.SCRIPT: {key: starter.title for key, starter in STARTERS_BY_KEY.items()},
        Exercise.Kind.QUESTIONNAIRE: {
            PRACTICE.key: PRACTICE.title,
            **{key: each.name for key, each in DEFINITIONS.items()},
        },
    }


ABOUT_NEEDED = {
    Exercise.Kind.SCRIPT: "Please choose one of Earned's starter scripts.",
    Exercise.Kind.QUESTIONNAIRE: "Please choose a questionnaire.",
}


def post_exercise(
    facilitator: User, group: Group, kind: str, what: str, about: str = "", due: Any = None
) -> Exercise:
    """The facilitator posts an exercise for every member (their key current: its words are
    sealed with theirs). A script or a questionnaire speaks for itself; an experience or a
    prompt needs a few words."""
    if group.owner_id != facilitator.pk or not group.is_open:
        raise GroupError("That group has ended.")
    kind = Exercise.Kind(kind)
    choices = exercise_choices().get(kind, {})
    about = about if about in choices else ""
    if kind in ABOUT_NEEDED and not about:
        raise ValidationError({"about": ABOUT_NEEDED[kind]})
    said = (what or "").strip() or choices.get(about, "")
    if not said:
        raise ValidationError({"what": "Please say what to try."})
    exercise = Exercise(group=group, owner=facilitator, kind=kind, what=said, about=about, due=due)
    exercise.full_clean()
    exercise.save()
    return exercise


def exercises_in(group: Group) -> QuerySet[Exercise]:
    """The group's exercises, newest first, each with how many members have done it."""
    return group.exercises.annotate(
        done_by=Count("done", filter=Q(done__membership__left_at__isnull=True))
    ).order_by("-posted_at")


def waiting_for(person: User) -> list[tuple[Exercise, Membership]]:
    """The exercises of the person's groups they have not done yet, soonest due first."""
    memberships = {each.group_id: each for each in memberships_of(person)}
    waiting = (
        Exercise.objects.filter(group_id__in=list(memberships))
        .exclude(done__membership__in=list(memberships.values()))
        .select_related("group")
        .order_by(F("due").asc(nulls_last=True), "-posted_at")
    )
    return [(each, memberships[each.group_id]) for each in waiting]


def exercise_for(person: User, exercise_id: Any, page: str, about: Iterable[str] = ()) -> Any:
    """The exercise a page was opened for (by an id that came with the request), with the
    person's membership, if it is one of theirs, not done, and for this page — or None."""
    kinds = {page} | ({Exercise.Kind.PROMPT} if page == "journal" else set())
    try:
        found = (
            Exercise.objects.filter(
                pk=exercise_id,
                kind__in=kinds,
                group__memberships__owner=person,
                group__memberships__left_at__isnull=True,
                group__ended_at__isnull=True,
            )
            .select_related("group")
            .first()
            if exercise_id
            else None
        )
    except (ValidationError, ValueError):
        return None
    if found is None or (
        found.about and found.kind != Exercise.Kind.PROMPT and found.about not in about
    ):
        return None
    membership = memberships_of(person).filter(group=found.group).first()
    if membership is None or found.done.filter(membership=membership).exists():
        return None
    return found, membership


def mark_done(membership: Membership, exercise: Exercise, entry: Owned) -> None:
    """A member did an exercise: only that it was done is kept for the group."""
    if membership.owner_id == entry.owner_id and membership.group_id == exercise.group_id:
        ExerciseDone.objects.get_or_create(
            exercise=exercise,
            membership=membership,
            defaults={"entry_kind": entry.exported_as, "entry_id": entry.pk},
        )


# --- Meetings ------------------------------------------------------------------------------------


def keep_meeting(
    facilitator: User,
    group: Group,
    at: Any,
    status: str,
    came: Iterable[Membership] = (),
    note: str = "",
    meeting: Meeting | None = None,
) -> Meeting:
    """Plan a meeting, or log one: held or cancelled, who came, a note for the facilitator's
    own log (their key current: it is sealed with theirs)."""
    if group.owner_id != facilitator.pk or not group.is_open:
        raise GroupError("That group has ended.")
    meeting = meeting if meeting is not None else Meeting(group=group, owner=facilitator)
    meeting.at, meeting.status = at, status
    meeting.note = note.strip() or None
    meeting.full_clean()
    meeting.save()
    members_now = set(members(group).values_list("pk", flat=True))
    meeting.came.set([each for each in came if each.pk in members_now])
    return meeting


WEEKS_AHEAD = 16  # a course's worth of meetings, planned at once


def weekly(first: datetime, weeks: int) -> list[datetime]:
    """`weeks` moments a week apart from `first`, at the same time of day on its clock: a
    meeting at 18:00 stays at 18:00 when the clocks change."""
    local = timezone.localtime(first)
    zone, wall = local.tzinfo, local.replace(tzinfo=None)
    return [timezone.make_aware(wall + timedelta(weeks=n), zone) for n in range(weeks)]


@transaction.atomic
def plan_weekly(facilitator: User, group: Group, at: Any, weeks: int, note: str = "") -> None:
    """Plan a meeting each week, from `at`, for `weeks` weeks (a note goes with the first)."""
    for n, when in enumerate(weekly(at, weeks)):
        keep_meeting(facilitator, group, when, Meeting.Status.PLANNED, note=note if n == 0 else "")


def meetings_in(group: Group) -> QuerySet[Meeting]:
    """The group's meetings in time order, each with how many came."""
    return group.meetings.annotate(came_count=Count("came")).order_by("at")
