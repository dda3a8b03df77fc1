"""Keeping, finding and forgetting a person's drafts: the one place they are written."""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.urls import Resolver404, resolve
from django.utils import timezone

from earned.accounts.models import User
from earned.drafts.models import ACTION_LENGTH, Draft

DRAFT_DAYS = 30  # a draft left longer than this is forgotten
MOST_DRAFTS = 100  # beyond this many, the oldest is forgotten first
MOST_CHARACTERS = 200_000  # all of one draft's fields together: far past any form's limits
MOST_FIELDS = 400

Fields = Sequence[tuple[str, str]]


class NotKept(ValueError):
    """The draft is not something a form of this app could have sent."""


def form_at(action: str) -> str:
    """The path a draft belongs to, checked to be one of this app's pages (drafts' own aside)."""
    if not action.startswith("/") or len(action) > ACTION_LENGTH:
        raise NotKept("That is not a form of Earned.")
    try:
        match = resolve(action)
    except Resolver404:
        raise NotKept("That is not a form of Earned.") from None
    if match.app_name in ("drafts", "rest"):
        raise NotKept("That is not a form of Earned.")
    return action


def fields_from(text: str) -> list[tuple[str, str]]:
    """A draft's fields as the page sends them: a JSON list of [name, value] pairs."""
    if len(text) > MOST_CHARACTERS:
        raise NotKept("That draft is longer than Earned keeps.")
    try:
        pairs = json.loads(text)
    except ValueError:
        raise NotKept("That draft could not be read.") from None
    if not isinstance(pairs, list) or len(pairs) > MOST_FIELDS:
        raise NotKept("That draft could not be read.")
    fields = []
    for pair in pairs:
        if not (
            isinstance(pair, list)
            and len(pair) == 2
            and all(isinstance(part, str) for part in pair)
            and 0 < len(pair[0]) <= 100
        ):
            raise NotKept("That draft could not be read.")
        fields.append((pair[0], pair[1]))
    return fields


def base_from(text: str) -> str:
    """The page's fingerprint of the form as it was drawn (a few hex digits), or nothing."""
    if len(text) > 16 or any(character not in "0123456789abcdef" for character in text):
        raise NotKept("That draft could not be read.")
    return text


def keep(user: User, action: str, slot: int, fields: Fields, base: str = "") -> Draft:
    """Keep (or replace) what the person has in one form so far, and the fingerprint of the
    form it was written in (a draft comes back by itself only into that)."""
    now = timezone.now()
    try:
        with transaction.atomic():
            forget_old(user, now)
            draft = Draft.objects.filter(owner=user, action=action, slot=slot).first()
            if draft is None:
                draft = Draft(owner=user, action=action, slot=slot)
            draft.fields = json.dumps({"fields": list(fields), "base": base}, ensure_ascii=False)
            draft.saved_at = now
            draft.save()
            beyond = Draft.objects.filter(owner=user).order_by("-saved_at")[MOST_DRAFTS:]
            old = list(beyond.values_list("pk", flat=True))
            Draft.objects.filter(owner=user, pk__in=old).delete()
    except IntegrityError:
        # The same form, kept from two tabs at once: the other one's words are kept, and
        # this tab's go with its next keeping, a moment later.
        return Draft.objects.get(owner=user, action=action, slot=slot)
    return draft


def found(user: User, action: str) -> list[Draft]:
    """The drafts kept for the forms sent to `action`, in the order of the forms on the page."""
    forget_old(user, timezone.now())
    return list(Draft.objects.filter(owner=user, action=action).order_by("slot"))


def fields_of(draft: Draft) -> list[tuple[str, str]]:
    return [(name, value) for name, value in json.loads(draft.fields)["fields"]]


def base_of(draft: Draft) -> str:
    return str(json.loads(draft.fields)["base"])


def forget(user: User, action: str, slot: int | None = None) -> None:
    """Forget the drafts of the forms sent to `action` (one of them, given its slot)."""
    drafts = Draft.objects.filter(owner=user, action=action)
    if slot is not None:
        drafts = drafts.filter(slot=slot)
    drafts.delete()


def forget_old(user: User, now: datetime.datetime) -> None:
    cutoff = now - datetime.timedelta(days=DRAFT_DAYS)
    Draft.objects.filter(owner=user, saved_at__lt=cutoff).delete()
