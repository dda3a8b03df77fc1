"""`{% url %}` gives Django's own addresses, though those without arguments are remembered
(earned/web/templatetags/addresses.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from django.template import engines
from django.urls import get_script_prefix, reverse, set_script_prefix


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


def test_an_unknown_name_still_fails_loudly() -> None:
    from django.urls import NoReverseMatch

    with pytest.raises(NoReverseMatch):
        drawn("{% url 'no-such-page' %}")
