from __future__ import annotations

import zoneinfo
from functools import cache
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.urls import reverse_lazy

from earned.accounts.models import User
from earned.accounts.passphrases import MINIMUM_LENGTH
from earned.safety.services import country_choices


@cache
def timezone_choices() -> list[tuple[str, str]]:
    names = sorted(zoneinfo.available_timezones() - {"localtime", "Factory"})
    return [(name, name.replace("_", " ")) for name in names]


def _country_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Country",
        choices=[("", "Somewhere else / rather not say"), *country_choices()],
        required=False,
        help_text="Only used to show the right crisis lines.",
    )


def _timezone_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Time zone",
        choices=timezone_choices,
        initial="UTC",
        help_text="So that your days begin and end when they really do.",
        widget=forms.Select(attrs={"data-fill-timezone": ""}),
    )


def _new_passphrase_field(label: str, *, with_meter: bool = False) -> forms.CharField:
    # render_value keeps what was typed when another field needs fixing; pages are no-store.
    # The length is checked once, by the validators, in our words (not on each field).
    attrs: dict[str, Any] = {"autocomplete": "new-password", "minlength": MINIMUM_LENGTH}
    if with_meter:
        attrs["data-strength"] = reverse_lazy("accounts:passphrase-strength")
    return forms.CharField(
        label=label, strip=False, widget=forms.PasswordInput(render_value=True, attrs=attrs)
    )


class NewPassphraseMixin(forms.Form):
    """Two matching entries of a new passphrase, checked by the configured validators."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        first, second = cleaned.get("passphrase"), cleaned.get("passphrase_again")
        if first and second and first != second:
            self.add_error("passphrase_again", "The two passphrases are not the same.")
        elif first:
            candidate = User(
                username=cleaned.get("username", "") or cleaned.get("name", ""),
                display_name=cleaned.get("name", ""),
            )
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("passphrase", error)
        return cleaned


class WelcomeForm(NewPassphraseMixin):
    name = forms.CharField(
        label="What would you like to be called?",
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    passphrase = _new_passphrase_field("Choose a passphrase", with_meter=True)
    passphrase_again = _new_passphrase_field("Type it once more")
    timezone = _timezone_field()
    country = _country_field()

    def __init__(self, *args: Any, ask_username: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.is_bound:  # the person has chosen; the browser must not overwrite it
            self.fields["timezone"].widget.attrs.pop("data-fill-timezone", None)
        if ask_username:
            self.fields["username"] = forms.CharField(
                label="Sign-in name",
                max_length=150,
                help_text="What you will type to sign in. It can differ from your name.",
                widget=forms.TextInput(attrs={"autocomplete": "username"}),
            )
            self.order_fields(["name", "username", "passphrase", "passphrase_again"])

    def clean_username(self) -> str:
        name = str(self.cleaned_data["username"]).strip().casefold()
        if User.objects.filter(username=name).exists():
            raise forms.ValidationError("That sign-in name is taken. Please choose another.")
        return name


class SignInForm(forms.Form):
    passphrase = forms.CharField(
        label="Passphrase",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if settings.IS_SERVER:
            self.fields["username"] = forms.CharField(
                label="Sign-in name",
                max_length=150,
                widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
            )
            self.fields["passphrase"].widget.attrs.pop("autofocus")
            self.order_fields(["username", "passphrase"])


class ProfileForm(forms.ModelForm[User]):
    timezone = _timezone_field()
    country = _country_field()

    class Meta:
        model = User
        fields = ("display_name", "timezone", "country", "theme")
        labels = {"display_name": "Name to be called by", "theme": "Appearance"}
        widgets = {"theme": forms.RadioSelect}


class ChangePassphraseForm(NewPassphraseMixin):
    current = forms.CharField(
        label="Current passphrase",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    passphrase = _new_passphrase_field("New passphrase", with_meter=True)
    passphrase_again = _new_passphrase_field("New passphrase, once more")
