"""Links between one person's records that name the person whenever they are followed.

Every row carries its owner, and a link only ever joins a person's own rows (`records.save`
and the import insist on it). Followed the usual way, a link reads by the other row's id alone:
`experience.person`, `experience.emotions.all()`, a prefetch of a ladder's steps. On one
database that finds the right rows; on a database spread over many machines by owner (see
docs/scaling.md), a read without the owner goes to every machine. So these links add the owner
to each such read — the record's own owner, or the owners of the records a prefetch is for (a
group's page reads its members' records together) — and `tests/test_owner_scoped_queries.py`
holds every page to it.

In the database they are ordinary foreign keys: `deconstruct` says so, and migrations see no
change.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING, Any

from django.db import models
from django.db.models.fields.related_descriptors import (
    ForwardManyToOneDescriptor,
    ForwardOneToOneDescriptor,
    ManyToManyDescriptor,
    ReverseManyToOneDescriptor,
    ReverseOneToOneDescriptor,
)


def _owner_of(instance: Any) -> Any:
    """The owner a read through this record names, or None before the record has one (a form
    still being filled in), when the read stays as Django makes it."""
    return getattr(instance, "owner_id", None)


def _of_owners(queryset: Any, instances: Any) -> Any:
    owners = {_owner_of(instance) for instance in instances}
    return queryset if None in owners else queryset.filter(owner_id__in=owners)


class _Forward(ForwardManyToOneDescriptor[Any]):
    """`experience.person`: the person, looked up with the experience's owner."""

    def get_queryset(self, **hints: Any) -> Any:
        queryset = super().get_queryset(**hints)
        owner = _owner_of(hints.get("instance"))
        return queryset if owner is None else queryset.filter(owner_id=owner)

    def get_prefetch_querysets(self, instances: Any, querysets: Any = None) -> Any:
        chosen = querysets[0] if querysets else super().get_queryset()
        return super().get_prefetch_querysets(instances, [_of_owners(chosen, instances)])


class _ForwardOne(_Forward, ForwardOneToOneDescriptor[Any]):
    """`attempt.experience`."""


def _naming_the_owner(plain: Any) -> Any:
    """Django's manager of the rows linked to a record, reading them with the owner too."""

    class OwnRows(plain):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            owner = _owner_of(self.instance)
            if owner is not None:
                # With Django's own filter, not after it: Django leaves that filter unmade
                # until the rows are asked for, and a prefetch, which has them already, never
                # asks (a filter of its own, made at once, took most of a prefetch's time).
                self.core_filters = {**self.core_filters, "owner_id": owner}  # type: ignore[has-type]

        def _apply_rel_filters(self, queryset: Any) -> Any:
            queryset = super()._apply_rel_filters(queryset)
            if self.instance._state.adding:  # not saved yet (its id is made in Python)
                return queryset.none()  # so nothing links to it: no need to ask
            return queryset

        def get_prefetch_querysets(self, instances: Any, querysets: Any = None) -> Any:
            chosen = querysets[0] if querysets else self.model._default_manager.all()
            return super().get_prefetch_querysets(instances, [_of_owners(chosen, instances)])

    return OwnRows


class _Reverse(ReverseManyToOneDescriptor[Any]):
    """`experience.emotions`: the rows pointing at a record."""

    @cached_property
    def related_manager_cls(self) -> Any:
        return _naming_the_owner(super().related_manager_cls)


class _Many(ManyToManyDescriptor[Any]):
    """`experience.expectations`, through the experience's tests, either way."""

    @cached_property
    def related_manager_cls(self) -> Any:
        return _naming_the_owner(super().related_manager_cls)


class _ReverseOne(ReverseOneToOneDescriptor[Any, Any]):
    """`experience.attempt`."""

    def get_queryset(self, **hints: Any) -> Any:
        queryset = super().get_queryset(**hints)
        owner = _owner_of(hints.get("instance"))
        return queryset if owner is None else queryset.filter(owner_id=owner)

    def get_prefetch_querysets(self, instances: Any, querysets: Any = None) -> Any:
        chosen = querysets[0] if querysets else super().get_queryset()
        return super().get_prefetch_querysets(instances, [_of_owners(chosen, instances)])


class _OwnLink(models.ForeignKey):  # type: ignore[type-arg]
    """A link from one of a person's records to another of theirs."""

    forward_related_accessor_class = _Forward
    related_accessor_class = _Reverse

    def deconstruct(self) -> Any:
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.ForeignKey", args, kwargs


class _OwnOneLink(models.OneToOneField):  # type: ignore[type-arg]
    """A one-to-one link between two of a person's records."""

    forward_related_accessor_class = _ForwardOne
    related_accessor_class = _ReverseOne

    def deconstruct(self) -> Any:
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.OneToOneField", args, kwargs


class _OwnLinks(models.ManyToManyField):  # type: ignore[type-arg]
    """Links from one of a person's records to several of theirs, through a model of links."""

    def contribute_to_class(self, cls: Any, name: str, **kwargs: Any) -> None:  # type: ignore[override]  # as the stubs have it
        super().contribute_to_class(cls, name, **kwargs)
        setattr(cls, self.name, _Many(self.remote_field, reverse=False))

    def contribute_to_related_class(self, cls: Any, related: Any) -> None:
        super().contribute_to_related_class(cls, related)
        if not self.remote_field.hidden and not related.related_model._meta.swapped:
            setattr(cls, related.accessor_name, _Many(self.remote_field, reverse=True))

    def deconstruct(self) -> Any:
        name, _, args, kwargs = super().deconstruct()
        return name, "django.db.models.ManyToManyField", args, kwargs


if TYPE_CHECKING:  # to the type checker, and django-stubs, they are the fields they extend
    OwnLink = models.ForeignKey
    OwnOneLink = models.OneToOneField
    OwnLinks = models.ManyToManyField
else:
    OwnLink, OwnOneLink, OwnLinks = _OwnLink, _OwnOneLink, _OwnLinks
