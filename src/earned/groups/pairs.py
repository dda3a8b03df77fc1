"""Peer pairs: two members of a group each read what the other chooses to share, as in a care
circle and with the same consent — each ticks the kinds of entries they share, can change that
or end the pair at any moment, and sees every read — knowing each other only by the names they
chose in the group. One asks, saying what they would share; the pair opens when the other says
yes and chooses what they share in turn. A pair is two circles, one each way
(earned/circles/models.py), so who may read what is decided where it is for every circle,
earned/access.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from earned.circles.models import Circle, validate_categories
from earned.groups.models import Group, Membership, PairRequest


class PairError(Exception):
    """Something asked of a pair cannot be done; the message says why, kindly."""


GONE = "That request is no longer open: one of you may have left the group, or answered it."


def _open(membership: Membership) -> bool:
    return membership.left_at is None and membership.group.is_open


def _chosen(categories: Iterable[str]) -> list[str]:
    chosen = sorted(set(categories))
    validate_categories(chosen)
    return chosen


def _paired(one: Membership, other: Membership) -> bool:
    return Circle.objects.filter(
        group_id=one.group_id,
        person_id=one.owner_id,
        practitioner_id=other.owner_id,
        ended_at__isnull=True,
    ).exists()


def _asked_either_way(one: Membership, other: Membership) -> bool:
    return PairRequest.objects.filter(
        Q(asking=one, asked=other) | Q(asking=other, asked=one)
    ).exists()


def askable(membership: Membership) -> list[Membership]:
    """The members one may ask now: everyone else in the group, but for partners already and
    anyone asked, or asking, already."""
    group = membership.group
    partners = set(
        Circle.objects.filter(
            group=group, person_id=membership.owner_id, ended_at__isnull=True
        ).values_list("practitioner_id", flat=True)
    )
    asked = PairRequest.objects.filter(Q(asking=membership) | Q(asked=membership))
    taken = {m for pair in asked.values_list("asking_id", "asked_id") for m in pair}
    return [
        each
        for each in group.memberships.filter(left_at__isnull=True).exclude(pk=membership.pk)
        if each.owner_id not in partners and each.pk not in taken
    ]


def ask(membership: Membership, partner: Membership, categories: Iterable[str]) -> PairRequest:
    """`membership`'s member asks `partner` to practise as a pair, sharing these kinds."""
    chosen = _chosen(categories)
    if not _open(membership) or not _open(partner) or partner.group_id != membership.group_id:
        raise PairError("You can ask only someone in the group with you now.")
    if partner.pk == membership.pk:
        raise PairError("Please choose someone else in the group.")
    if _paired(membership, partner) or _asked_either_way(membership, partner):
        raise PairError("You are partners already, or one of you has asked the other.")
    return PairRequest.objects.create(asking=membership, asked=partner, categories=chosen)


def offered_to(membership: Membership) -> QuerySet[PairRequest]:
    """Requests waiting for this member's answer."""
    return membership.pairs_offered.select_related("asking")


def asked_by(membership: Membership) -> QuerySet[PairRequest]:
    """Requests this member made that wait for an answer."""
    return membership.pairs_asked.select_related("asked")


@transaction.atomic
def accept(request: PairRequest, categories: Iterable[str]) -> Circle:
    """The member asked says yes, sharing these kinds: the pair opens both ways at once, and
    the circle in which they share is returned."""
    chosen = _chosen(categories)
    found = PairRequest.objects.select_for_update().filter(pk=request.pk).first()
    asking, asked = request.asking, request.asked
    if found is None or not _open(asking) or not _open(asked) or _paired(asking, asked):
        raise PairError(GONE)
    group_id = asked.group_id
    Circle.objects.create(
        person_id=asking.owner_id,
        practitioner_id=asked.owner_id,
        group_id=group_id,
        categories=found.categories,
    )
    found.delete()
    return Circle.objects.create(
        person_id=asked.owner_id, practitioner_id=asking.owner_id, group_id=group_id,
        categories=chosen,
    )  # fmt: skip


def decline(request: PairRequest) -> None:
    """Said no to, or withdrawn by the one who asked: it simply goes."""
    request.delete()


@dataclass(frozen=True)
class Pair:
    """A member's peer partner: the circle in which the member shares (`mine`) and the one in
    which the partner does (`theirs`)."""

    partner: Membership
    mine: Circle
    theirs: Circle | None


def pairs_of(membership: Membership) -> list[Pair]:
    """The member's partners in this group now, in the order they paired."""
    circles = Circle.objects.filter(group_id=membership.group_id, ended_at__isnull=True)
    mine = list(circles.filter(person_id=membership.owner_id).order_by("started_at"))
    theirs = {each.person_id: each for each in circles.filter(practitioner_id=membership.owner_id)}
    partners = {
        each.owner_id: each
        for each in membership.group.memberships.filter(
            left_at__isnull=True, owner_id__in=[each.practitioner_id for each in mine]
        )
    }
    return [
        Pair(partners[each.practitioner_id], each, theirs.get(each.practitioner_id))
        for each in mine
        if each.practitioner_id in partners
    ]


def end_all(group: Group, member: Any = None) -> None:
    """A member left (or the group ended, with no member named): their pairs end, both ways,
    and their requests go."""
    circles = Circle.objects.filter(group=group, ended_at__isnull=True)
    requests = PairRequest.objects.filter(asking__group=group)
    if member is not None:
        circles = circles.filter(Q(person_id=member) | Q(practitioner_id=member))
        requests = requests.filter(Q(asking__owner_id=member) | Q(asked__owner_id=member))
    circles.update(ended_at=timezone.now())
    requests.delete()
