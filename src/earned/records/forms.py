"""How the browser asks for a record: `RecordForm`, and the pieces every kind is asked for with
(a percentage, a choice worded in our own words, a text area, a date and time).

A record's rules are not kept here. They belong to the record — its fields' limits, the message
when something it needs is missing (`needed`), its model's `clean` — and to the service that
saves it (a debrief is finished only with what happened), because the terminal, an import and
the demo save records without a form. A form shows what those rules say, beside its fields."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar, cast

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import QuerySet

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"

RecordT = TypeVar("RecordT", bound=models.Model)


class RecordForm(forms.ModelForm[RecordT]):
    """A form for one kind of record. It asks for what is missing in the record's own words,
    and `hold_to` shows what a service's rule says of the record as the form would save it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        model = self._meta.model
        for name, field in self.fields.items():
            if message := _needed_message(model, name):
                field.error_messages["required"] = message

    def full_clean(self) -> None:
        super().full_clean()  # the form's fields, then the record's fields and its `clean`
        if self.is_bound:
            self.check_record()

    def check_record(self) -> None:
        """Where a form holds its record to a service's rule (`self.hold_to(rule)`)."""

    def hold_to(self, rule: Callable[[], None]) -> None:
        """Run a rule of the record's service on the record as this form would save it; what it
        says appears beside the field it names (a field already showing a problem keeps its)."""
        try:
            rule()
        except ValidationError as refused:
            if not hasattr(refused, "error_dict"):
                self.add_error(None, refused)  # about the record as a whole
                return
            for name, messages in refused.message_dict.items():
                if name not in self.errors:
                    self.add_error(name if name in self.fields else None, messages)


def _needed_message(model: type[models.Model], name: str) -> str | None:
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None  # a field of the form alone
    if not isinstance(field, models.Field):
        return None
    message = field.error_messages.get("blank")
    return None if message == models.Field.default_error_messages["blank"] else str(message)


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
