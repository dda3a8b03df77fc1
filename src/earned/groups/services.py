"""Groups, step by step: a facilitator makes a group with its guidelines and a one-time code for
each person invited; a person joins by reading the guidelines, accepting them and choosing the
name they go by there; they leave when they like, and the facilitator can end the group. Who
may see what in a group is decided in earned/access.py, at every request."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from earned.accounts.models import User
from earned.core import codes
from earned.groups.models import ALIAS_LIMIT, Group, GroupInvitation, Membership

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


def members(group: Group) -> QuerySet[Membership]:
    """Who is in the group now, in the order they joined."""
    return group.memberships.filter(left_at__isnull=True)


def leave(person: User, membership: Membership) -> None:
    """The person leaves: from the next request the group sees nothing of theirs."""
    if membership.owner_id == person.pk and membership.left_at is None:
        membership.left_at = timezone.now()
        membership.save(update_fields=["left_at"])


def end(facilitator: User, group: Group) -> None:
    """The facilitator ends the group: it opens for nobody any more."""
    if group.owner_id == facilitator.pk and group.is_open:
        group.ended_at = timezone.now()
        group.save(update_fields=["ended_at"])
