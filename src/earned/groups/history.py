"""A person's groups as their export keeps them: each group they were in (its name, the name they
went by, when they joined and left), what they shared there, the replies they wrote, the
exercises they did, and the peer pairs they asked for or were asked to (a pair that opened is a
care circle, kept with the others). Other members appear only by the names they chose. An
import does not bring these back: a group joins accounts of one server."""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from earned.accounts.models import User
from earned.groups.models import ExerciseDone, Membership, PairRequest, Reply, Share
from earned.privacy.opening import read_now


def _when(moment: Any) -> str | None:
    return moment.isoformat() if moment is not None else None


def history(person: User) -> dict[str, list[dict[str, Any]]]:
    """Everything of the person's groups (their own words need their key; a group's name and an
    exercise's words are opened under the facilitator's)."""
    memberships = list(Membership.objects.filter(owner=person).select_related("group"))
    read_now(memberships, "alias")
    read_now([each.group for each in memberships], "name")
    done = list(ExerciseDone.objects.filter(membership__owner=person).select_related("exercise"))
    read_now([each.exercise for each in done], "what")
    asked = list(
        PairRequest.objects.filter(Q(asking__owner=person) | Q(asked__owner=person))
        .select_related("asking", "asked")
        .order_by("created_at")
    )
    read_now([m for each in asked for m in (each.asking, each.asked)], "alias")
    return {
        "memberships": [
            {
                "id": str(each.pk),
                "group": str(each.group_id),
                "group_name": each.group.name,
                "alias": each.alias,
                "accepted_guidelines_at": _when(each.accepted_guidelines_at),
                "joined_at": _when(each.joined_at),
                "left_at": _when(each.left_at),
            }
            for each in memberships
        ],
        "shares": [
            {
                "membership": str(each.membership_id),
                "entry_kind": each.entry_kind,
                "entry_id": str(each.entry_id),
                "shared_at": _when(each.shared_at),
            }
            for each in Share.objects.filter(membership__owner=person).order_by("shared_at")
        ],
        "replies": [
            {
                "membership": str(each.membership_id),
                "share": str(each.share_id),
                "body": each.body,
                "at": _when(each.at),
                "hidden_at": _when(each.hidden_at),
            }
            for each in Reply.objects.filter(owner=person).order_by("at")
        ],
        "exercises_done": [
            {
                "membership": str(each.membership_id),
                "exercise": str(each.exercise.what),
                "kind": each.exercise.kind,
                "entry_kind": each.entry_kind,
                "entry_id": str(each.entry_id),
                "at": _when(each.at),
            }
            for each in done
        ],
        "pair_requests": [
            {
                "asking": each.asking.alias,
                "asked": each.asked.alias,
                "by_me": each.asking.owner_id == person.pk,
                "categories": each.categories,  # what the one asking would share
                "created_at": _when(each.created_at),
            }
            for each in asked
        ],
    }
