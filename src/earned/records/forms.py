"""The form pieces every kind of record is asked for with: a percentage, a choice worded in our
own words, a text area, a date and time."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

from django import forms
from django.db.models import QuerySet

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def percent_field(label: str, *, required: bool = False, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=100,
        required=required,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1, "class": "percent"}),
        error_messages={
            "min_value": "Please choose a number from 0 to 100.",
            "max_value": "Please choose a number from 0 to 100.",
            "invalid": "Please choose a number from 0 to 100.",
            "required": "Please choose a number from 0 to 100.",
        },
    )


def offer_blank(field: forms.Field, label: str) -> None:
    """Word a choice field's empty choice in our own words."""
    assert isinstance(field, forms.ChoiceField)
    existing: list[tuple[Any, Any]] = list(field.choices)  # type: ignore[arg-type]
    field.choices = [("", label), *[choice for choice in existing if choice[0] != ""]]


def text_area(rows: int = 2) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


def named(record: Any) -> str:
    """A person, as a choice shows them: by name."""
    return str(record.name)


def choose_from(
    field: forms.Field,
    records: QuerySet[Any],
    label: Callable[[Any], str],
    *,
    empty: str | None = None,
) -> None:
    """Offer the person's own records in a choice field, each named by `label`."""
    limit_to(field, records)
    chooser = cast("forms.ModelChoiceField[Any]", field)
    chooser.label_from_instance = label  # type: ignore[method-assign,assignment]
    if empty is not None:
        chooser.empty_label = empty


def limit_to(field: forms.Field, records: QuerySet[Any]) -> None:
    """A choice of records limited to these (the person's own)."""
    cast("forms.ModelChoiceField[Any]", field).queryset = records


def set_choices(field: forms.Field, choices: Sequence[tuple[Any, Any]]) -> None:
    cast(forms.ChoiceField, field).choices = choices


def accept_formats(field: forms.Field, *formats: str) -> None:
    """The ways a date and time may be typed (a browser's own picker sends DATETIME_FORMAT)."""
    cast(forms.DateTimeField, field).input_formats = list(formats)
