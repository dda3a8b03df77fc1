"""A model field whose text is stored encrypted, bound to its table, field, record and owner.

On the model, the attribute reads and writes plain text. In the database the column holds only
the format-1 token (see crypto.py). Reading needs the owner's data key to be current
(keyring.current_key); without it, reading raises keyring.Locked rather than showing anything.
Encrypted columns cannot be searched or filtered in SQL, by design.

Each field holds at most `limit` characters (WRITING_LIMIT unless it says less), checked with
the field's other rules wherever a record is saved or imported, never by the database.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property

from earned.privacy import crypto, keyring


class Sealed(str):
    """A value as it came from the database: ciphertext, not something the person wrote."""

    __slots__ = ()


UNOPENED = (
    "This part could not be opened: it was changed or damaged where it is stored. The rest "
    "of your entries are not affected. A backup from before the damage still holds it."
)


class CouldNotOpen:
    """What stands in for a value that could not be opened (`isinstance` finds either kind)."""

    __slots__ = ()


class Unopened(CouldNotOpen, str):
    """A value that could not be opened — altered, swapped with another or moved from elsewhere
    — standing in its place as a calm sentence, so one damaged value never takes the entry, the
    list or the export with it. Saving the record keeps the damaged token as it is (a backup or
    a repair may still bring it back); search, the export and `earned check --data` know it for
    what it is."""

    __slots__ = ()

    def __new__(cls, _copied: str = UNOPENED) -> Unopened:  # a copy passes the text back
        return super().__new__(cls, UNOPENED)

    def __html__(self) -> str:
        return f'<span class="unopened">{UNOPENED}</span>'


class UnopenedData(CouldNotOpen, dict):  # type: ignore[type-arg]
    """Numbers kept sealed (a questionnaire's answers) that could not be opened: nothing, in
    their place, so the rest of the record still reads."""

    __slots__ = ()


def binding_for(instance: models.Model, field_name: str) -> crypto.Binding:
    owner_id = getattr(instance, "owner_id", None)
    if instance.pk is None or owner_id is None:
        raise ValueError(
            f"{type(instance).__name__} needs its id and owner before {field_name} can be sealed"
        )
    return crypto.Binding(instance._meta.db_table, field_name, str(instance.pk), str(owner_id))


class EncryptedAttribute:
    """Opens the stored token on first read; keeps the plain text in memory only.

    The value lives under the field's own name in the instance __dict__ (Django checks there to
    know a field is loaded): a Sealed token until it is read, plain text afterwards. Beside it we
    remember which token that plain text came from, so an unchanged value is not re-encrypted.
    """

    def __init__(self, field: EncryptedTextField) -> None:
        self.field = field
        self.origin_key = f"_sealed_origin_{field.attname}"

    def __get__(self, instance: models.Model | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = instance.__dict__.get(self.field.attname)
        if isinstance(value, Sealed):
            key = keyring.current_key()  # locked: refused, never shown as damage
            binding = binding_for(instance, self.field.name)
            try:
                text: Any = self.field.opened(crypto.decrypt_text(key, value, binding))
            except crypto.DecryptionError:
                text = self.field.unopened()
            instance.__dict__[self.field.attname] = text
            instance.__dict__[self.origin_key] = (str(value), _kept(text))
            return text
        return value

    def __set__(self, instance: models.Model, value: Any) -> None:
        instance.__dict__[self.field.attname] = value
        if isinstance(value, Sealed):
            instance.__dict__.pop(self.origin_key, None)


def _kept(value: Any) -> Any:
    """What a value was when sealed, to tell later whether it changed: a copy of a mapping,
    which can change in place (text cannot)."""
    return value if isinstance(value, str) else copy.deepcopy(value)


WRITING_LIMIT = 50_000  # characters: a very long letter; a field says less where it must


class WithinLimit:
    """Refuses text longer than the limit, kindly, saying both lengths."""

    def __init__(self, limit: int) -> None:
        self.limit = limit

    def __call__(self, value: Any) -> None:
        if value is not None and len(str(value)) > self.limit:
            raise ValidationError(
                f"Please keep this to {self.limit:,} characters or fewer "
                f"(it has {len(str(value)):,}).",
                code="max_length",
            )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WithinLimit) and other.limit == self.limit

    def __hash__(self) -> int:
        return hash(self.limit)


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    description = "Text encrypted at rest with the owner's data key"

    def __init__(self, *args: Any, limit: int | None = WRITING_LIMIT, **kwargs: Any) -> None:
        self.limit = limit
        super().__init__(*args, **kwargs)

    @cached_property
    def validators(self) -> list[Any]:
        # Not in deconstruct(): a limit is checked in Python only, so changing one needs no
        # migration.
        within = [WithinLimit(self.limit)] if self.limit is not None else []
        return [*super().validators, *within]

    def contribute_to_class(
        self, cls: type[models.Model], name: str, private_only: bool = False
    ) -> None:
        super().contribute_to_class(cls, name, private_only=private_only)
        setattr(cls, self.attname, EncryptedAttribute(self))

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        return None if value is None else Sealed(value)

    def opened(self, text: str) -> Any:
        """The value as the model holds it, from the text that was sealed."""
        return text

    def unopened(self) -> Any:
        return Unopened()

    def sealed_text(self, value: Any) -> str:
        """The text that is sealed for a value the model holds."""
        return str(value)

    def pre_save(self, model_instance: models.Model, add: bool) -> str | None:
        value = model_instance.__dict__.get(self.attname)
        if value is None or isinstance(value, Sealed):
            return value  # nothing, or a token that was never opened: store it as it is
        attribute: EncryptedAttribute = getattr(type(model_instance), self.attname)
        origin = model_instance.__dict__.get(attribute.origin_key)
        if origin is not None and origin[1] == value:
            return str(origin[0])  # unchanged since it was opened: keep the same token
        token = crypto.encrypt_text(
            keyring.current_key(), self.sealed_text(value), binding_for(model_instance, self.name)
        )
        model_instance.__dict__[attribute.origin_key] = (token, _kept(value))
        return token

    def get_prep_value(self, value: Any) -> Any:
        # pre_save already produced the token; this only guards other paths (e.g. update()).
        if value is None or isinstance(value, Sealed) or str(value).startswith("e1."):
            return value
        raise TypeError("Encrypted text is written through the model, not update() or filter().")


class EncryptedJSONField(EncryptedTextField):
    """Numbers and choices too telling to keep in clear (a questionnaire's item answers), kept
    as JSON sealed like text. A value stored in clear before the field was sealed is read as it
    is, and sealed at the person's next sign-in (privacy.damage.seal_what_was_clear) or the next
    time its record is saved."""

    description = "JSON encrypted at rest with the owner's data key"
    # For django-stubs: the model attribute holds what the JSON holds, not text.
    _pyi_private_set_type: Any
    _pyi_private_get_type: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("limit", None)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        if value is not None and not value.startswith(crypto.FORMAT_PREFIX):
            return json.loads(value)  # stored in clear by an earlier Earned
        return super().from_db_value(value, expression, connection)

    def opened(self, text: str) -> Any:
        return json.loads(text)

    def unopened(self) -> Any:
        return UnopenedData()

    def sealed_text(self, value: Any) -> str:
        return json.dumps(value)

    def to_python(self, value: Any) -> Any:
        if isinstance(value, str) and not isinstance(value, Sealed):
            try:
                return json.loads(value)
            except ValueError:
                raise ValidationError("This is not JSON.", code="invalid") from None
        return value
