"""The one way views, the API and the CLI fetch a person's records.

Every owned row carries an ``owner``. Asking for a row that belongs to someone else (or does not
exist) answers 404 either way, so nobody can learn that another person's record exists.

The one widening is a care circle: `circle_or_404` finds the open circle in which someone reads
a person's entries, and `shared` the entries of one kind it lets them read — decided from the
circle's categories and each entry's own visibility at the moment of the request, never copied.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from earned.accounts.models import User
from earned.circles.models import Circle
from earned.records.models import Owned, Visibility

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


def shared(source: type[OwnedT] | QuerySet[OwnedT], circle: Circle) -> QuerySet[OwnedT]:
    """The person's entries of this kind that the circle shares now: of a kind they share,
    unless the entry is marked private; of another kind, only entries marked shared."""
    queryset = source if isinstance(source, QuerySet) else source._default_manager.all()
    if not circle.is_open:
        return queryset.none()
    mine = queryset.filter(owner_id=circle.person_id)
    if circle.shares(queryset.model.category):
        return mine.exclude(visibility=Visibility.PRIVATE)
    return mine.filter(visibility=Visibility.SHARED)


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
