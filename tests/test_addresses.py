"""`{% url %}` gives Django's own addresses, though those without arguments are remembered
(earned/web/templatetags/addresses.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Sequence

import pytest
from django.template import engines
from django.urls import (
    NoReverseMatch,
    URLResolver,
    get_resolver,
    get_script_prefix,
    reverse,
    set_script_prefix,
)
from hypothesis import given
from hypothesis import strategies as st


def names(patterns: Sequence[object] | None = None, namespace: str = "") -> list[str]:
    """Every named address of the site, namespaced as templates name them."""
    found = []
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += names(pattern.url_patterns, inner)
        elif getattr(pattern, "name", None):
            found.append(f"{namespace}{pattern.name}")  # type: ignore[attr-defined]
    return found


def takes_one_id(name: str) -> bool:
    try:
        reverse(name, args=[uuid.uuid4()])
    except NoReverseMatch:
        return False
    return True


EVERY_NAME = sorted(set(names()))
BY_ONE_ID = [name for name in EVERY_NAME if takes_one_id(name)]


def drawn(source: str, **context: object) -> str:
    return engines["django"].from_string(source).render(context)


@pytest.fixture
def prefix() -> Iterator[None]:
    before = get_script_prefix()
    yield
    set_script_prefix(before)


def test_an_address_without_arguments_is_djangos_every_time() -> None:
    for _ in range(2):  # worked out, then remembered
        assert drawn("{% url 'ledger:ledger' %}") == reverse("ledger:ledger") == "/experiences/"
        assert drawn("{% url 'safety:crisis' %}") == reverse("safety:crisis")


def test_served_under_a_prefix_the_address_carries_it(prefix: None) -> None:
    assert drawn("{% url 'ledger:ledger' %}") == "/experiences/"
    set_script_prefix("/earned/")
    assert drawn("{% url 'ledger:ledger' %}") == "/earned/experiences/"
    set_script_prefix("/")
    assert drawn("{% url 'ledger:ledger' %}") == "/experiences/"


def test_addresses_with_arguments_or_kept_aside_are_djangos_own() -> None:
    record = uuid.uuid4()
    assert drawn("{% url 'ledger:experience' pk %}", pk=record) == reverse(
        "ledger:experience", args=[record]
    )
    assert drawn("{% url 'ledger:ledger' as there %}[{{ there }}]") == "[/experiences/]"
    assert drawn("{% url 'no-such-page' as there %}[{{ there }}]") == "[]"


def test_every_address_of_the_site_is_djangos() -> None:
    assert len(EVERY_NAME) > 100
    for name in EVERY_NAME:
        try:
            expected = reverse(name)
        except NoReverseMatch:
            continue  # it takes arguments
        assert drawn(f"{{% url '{name}' %}}") == expected


@given(name=st.sampled_from(BY_ONE_ID), record=st.uuids())
def test_every_address_of_a_record_is_djangos(name: str, record: uuid.UUID) -> None:
    assert drawn(f"{{% url '{name}' pk %}}", pk=record) == reverse(name, args=[record])


def test_addresses_by_record_are_many_and_anything_else_is_djangos_answer() -> None:
    assert len(BY_ONE_ID) > 40
    with pytest.raises(NoReverseMatch):  # not an id: Django's own refusal
        drawn("{% url 'ledger:experience' pk %}", pk="not-an-id")


def test_an_unknown_name_still_fails_loudly() -> None:
    with pytest.raises(NoReverseMatch):
        drawn("{% url 'no-such-page' %}")
