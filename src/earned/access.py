"""The one way views, the API and the CLI fetch a person's records.

Every owned row carries an ``owner``. Asking for a row that belongs to someone else (or does not
exist) answers 404 either way, so nobody can learn that another person's record exists.

The widenings are a care circle — `circle_or_404` finds the open circle in which someone reads
a person's entries, and `shared` the entries of one kind it lets them read, decided from the
circle's categories and each entry's own visibility at the moment of the request, never copied
— and a group, which `group_or_404` opens to its facilitator and its members now.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import CASCADE, ForeignKey, Model, Q, QuerySet
from django.http import Http404, HttpRequest

from earned.accounts.models import User
from earned.circles.models import Circle
from earned.groups.models import Group, Membership, Share
from earned.records.models import Owned, Visibility, with_pages

RecordT = TypeVar("RecordT", bound=Model)
OwnedT = TypeVar("OwnedT", bound=Owned)


def owned(source: type[RecordT] | QuerySet[RecordT], user: User) -> QuerySet[RecordT]:
    """The rows of a model (or queryset) that belong to ``user``."""
    queryset = source if isinstance(source, QuerySet) else source._default_manager.all()
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(owner=user)


def get_owned_or_404(
    source: type[RecordT] | QuerySet[RecordT], user: User, **lookup: Any
) -> RecordT:
    return _one_or_404(owned(source, user), lookup)


def signed_in_user(request: HttpRequest) -> User:
    """The person behind a request to a @login_required view."""
    assert isinstance(request.user, User)  # guaranteed by @login_required
    return request.user


def circle_or_404(reader: User, person_id: Any) -> Circle:
    """The open circle in which `reader` works with the person `person_id`, or 404 — the same
    answer for no such person, a circle that ended, and a circle that was never there."""
    try:
        return Circle.objects.select_related("person").get(
            practitioner=reader, person_id=person_id, ended_at__isnull=True
        )
    except (Circle.DoesNotExist, ValidationError, ValueError, TypeError):
        raise Http404("No such person.") from None


def group_or_404(user: User, group_id: Any) -> tuple[Group, Membership | None]:
    """An open group `user` runs (with no membership) or is in now (with theirs), or 404 — the
    same answer for a group that ended, one they left, and one that was never there."""
    try:
        group = Group.objects.select_related("owner").get(pk=group_id, ended_at__isnull=True)
    except (Group.DoesNotExist, ValidationError, ValueError, TypeError):
        raise Http404("No such group.") from None
    if group.owner_id == user.pk:
        return group, None
    membership = group.memberships.filter(owner_id=user.pk, left_at__isnull=True).first()
    if membership is None:
        raise Http404("No such group.")
    return group, membership


def shared_in(group: Group) -> QuerySet[Share]:
    """What the group's members share with it now (those who left took theirs back)."""
    return Share.objects.filter(
        membership__group=group, membership__left_at__isnull=True
    ).select_related("membership")


def entries_shared(shares: Sequence[Share]) -> dict[Any, Owned]:
    """The entries behind these shares, by share: each the member's own record as it is now,
    unless since deleted or marked always private (one query a kind)."""
    kinds = with_pages()
    wanted: dict[str, dict[Any, Share]] = {}
    for each in shares:
        wanted.setdefault(each.entry_kind, {})[each.entry_id] = each
    found: dict[Any, Owned] = {}
    for kind, by_entry in wanted.items():
        model = kinds[kind]
        for record in model._default_manager.filter(pk__in=list(by_entry)).exclude(
            visibility=Visibility.PRIVATE
        ):
            share = by_entry[record.pk]
            if record.owner_id == share.membership.owner_id:
                found[share.pk] = record
    return found


def group_entry_or_404(group: Group, share_id: Any) -> tuple[Share, Owned]:
    """One entry shared with the group now, with its share, or 404."""
    share = _one_or_404(shared_in(group), {"pk": share_id})
    record = entries_shared([share]).get(share.pk)
    if record is None:
        raise Http404("No such entry.")
    return share, record


def shared(source: type[OwnedT] | QuerySet[OwnedT], circle: Circle) -> QuerySet[OwnedT]:
    """The person's entries of this kind that the circle shares now: of a kind they share,
    unless the entry is marked private; of another kind, only entries marked shared. A row
    written with an entry and without a page of its own (a ladder's step, an experience's
    feelings), or one said to be part of another (a repair, of its rupture), is seen only with
    what it is part of — unless it is marked shared itself."""
    queryset = source if isinstance(source, QuerySet) else source._default_manager.all()
    if not circle.is_open:
        return queryset.none()
    model = queryset.model
    mine = queryset.filter(owner_id=circle.person_id)
    if circle.shares(model.category):
        mine = mine.exclude(visibility=Visibility.PRIVATE)
    else:
        mine = mine.filter(visibility=Visibility.SHARED)
    for field, parent in _written_with(model):
        with_it = Q(**{f"{field}__in": shared(parent, circle).values("pk")})
        mine = mine.filter(with_it | Q(visibility=Visibility.SHARED))  # unless shared itself
    return mine


@cache
def _written_with(model: type[Owned]) -> tuple[tuple[str, type[Owned]], ...]:
    """The entries a kind of row is part of: those it names in `part_of` (a repair, its
    rupture), or, for a row without a page of its own, every entry whose deletion takes it."""
    if hasattr(model, "get_absolute_url"):
        fields = [model._meta.get_field(name) for name in model.part_of]
    else:
        fields = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, ForeignKey) and field.remote_field.on_delete is CASCADE
        ]
    return tuple(
        (field.name, field.related_model)
        for field in fields
        if isinstance(field.related_model, type) and issubclass(field.related_model, Owned)
    )


def entries_of(
    source: type[OwnedT] | QuerySet[OwnedT], person: User, through: Circle | None = None
) -> QuerySet[OwnedT]:
    """A person's rows of a kind, for a page drawn from them: all of them when the person reads
    their own, or what a circle shares now when someone reads `through` it."""
    return owned(source, person) if through is None else shared(source, through)


def get_shared_or_404(
    source: type[OwnedT] | QuerySet[OwnedT], circle: Circle, **lookup: Any
) -> OwnedT:
    return _one_or_404(shared(source, circle), lookup)


def _one_or_404(queryset: QuerySet[RecordT], lookup: dict[str, Any]) -> RecordT:
    try:
        return queryset.get(**lookup)
    except (ObjectDoesNotExist, ValidationError, ValueError, TypeError):
        # A malformed id is just another record that is not yours to see.
        raise Http404("No such record.") from None
