from __future__ import annotations

from django import forms

DELETE_CONFIRMATION = "delete my account"


class PassphraseCheckForm(forms.Form):
    passphrase = forms.CharField(
        label="Your passphrase",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class DeleteAccountForm(PassphraseCheckForm):
    confirmation = forms.CharField(
        label=f"Type “{DELETE_CONFIRMATION}” to confirm",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_confirmation(self) -> str:
        typed = str(self.cleaned_data["confirmation"]).strip().lower()
        if typed != DELETE_CONFIRMATION:
            raise forms.ValidationError(f"Please type “{DELETE_CONFIRMATION}” exactly.")
        return typed


class ExportFileForm(forms.Form):
    export = forms.FileField(
        label="Your export file (.json)",
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
        error_messages={"required": "Please choose the export file to bring in."},
    )


class BackupFileForm(forms.Form):
    backup = forms.FileField(
        label="Your backup file (.sqlite3)",
        widget=forms.ClearableFileInput(attrs={"accept": ".sqlite3"}),
        error_messages={"required": "Please choose the backup file to restore."},
    )
