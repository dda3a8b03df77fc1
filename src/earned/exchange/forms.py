from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict

from earned.core.other_apps import MOST_BYTES

if TYPE_CHECKING:
    from earned.exchange.arrivals import MoodWord

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


class OtherAppFileForm(forms.Form):
    export = forms.FileField(
        label="The file from your other app",
        help_text="Daylio: a .csv file. Day One and Journiv: a .zip file. jrnl: a .json file.",
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.json,.zip"}),
        error_messages={
            "required": "Please choose the file your other app exported.",
            "empty": "That file is empty. Please choose the file your other app exported.",
        },
    )

    def clean_export(self) -> UploadedFile:
        upload: UploadedFile = self.cleaned_data["export"]
        if (upload.size or 0) > MOST_BYTES:
            raise forms.ValidationError(
                "That file is larger than Earned reads at once (200 MB). Nothing was brought in."
            )
        return upload


MOOD_ENDS = {5: " (very good)", 0: " (neutral)", -5: " (very low)"}
MOOD_NUMBERS = [
    ("", "No number (kept as words)"),
    *((str(n), f"{n:+d}".replace("-", "−") + MOOD_ENDS.get(n, "")) for n in range(5, -6, -1)),
]


class MoodNumbersForm(forms.Form):
    """The number each of a file's mood words becomes, one choice a word, offered as Earned
    guessed it (arrivals.preview)."""

    def __init__(self, moods: Sequence[MoodWord], data: QueryDict | None = None) -> None:
        super().__init__(data)
        self.words: dict[str, str] = {}
        for position, (word, count, guess) in enumerate(moods):
            name = f"mood-{position}"
            self.words[name] = word
            times = f"{count:,} time{'' if count == 1 else 's'}"
            self.fields[name] = forms.ChoiceField(
                label=f"“{word}” ({times})",
                choices=MOOD_NUMBERS,
                required=False,
                initial="" if guess is None else str(guess),
            )

    def numbers(self) -> dict[str, int | None]:
        return {word: int(value) if (value := self.cleaned_data.get(name)) else None
                for name, word in self.words.items()}  # fmt: skip
