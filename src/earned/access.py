"""The one way views, the API and the CLI fetch a person's records.

Every owned row carries an ``owner``. Asking for a row that belongs to someone else (or does not
exist) answers 404 either way, so nobody can learn that another person's record exists.
Care-circle grants will widen this in one place, here, when they arrive.
"""

from __future__ import annotations

from typing import Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest

from earned.accounts.models import User

RecordT = TypeVar("RecordT", bound=Model)


def owned(source: type[RecordT] | QuerySet[RecordT], user: User) -> QuerySet[RecordT]:
    """The rows of a model (or queryset) that belong to ``user``."""
    queryset = source if isinstance(source, QuerySet) else source._default_manager.all()
    if not user.is_authenticated:
        return queryset.none()
    return queryset.filter(owner=user)


def get_owned_or_404(
    source: type[RecordT] | QuerySet[RecordT], user: User, **lookup: Any
) -> RecordT:
    queryset = owned(source, user)
    try:
        return queryset.get(**lookup)
    except (ObjectDoesNotExist, ValidationError, ValueError, TypeError):
        # A malformed id is just another record that is not yours.
        raise Http404("No such record.") from None


def signed_in_user(request: HttpRequest) -> User:
    """The person behind a request to a @login_required view."""
    assert isinstance(request.user, User)  # guaranteed by @login_required
    return request.user
