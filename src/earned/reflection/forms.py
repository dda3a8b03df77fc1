from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django import forms
from django.db.models import QuerySet

from earned.ledger.models import Expectation
from earned.records.forms import RecordForm, choose_from, named, percent_field, text_area
from earned.reflection.models import Dialogue, Imagery, JournalEntry, Shift, Turn
from earned.reflection.prompts import PROMPT_CHOICES
from earned.relationships.models import Person


class ShiftForm(forms.ModelForm[Shift]):
    believable_before = percent_field(
        "At first, how believable was the verdict? (0–100)", help_text="Your gut, then."
    )
    believable_after = percent_field(
        "Now, how believable is it? (0–100)",
        help_text="Whatever the number, catching the verdict is the practice.",
    )

    class Meta:
        model = Shift
        fields = (
            "signal", "verdict", "believable_before", "reading_1", "reading_2", "reading_3",
            "information", "believable_after", "expectation",
        )  # fmt: skip
        labels = {
            "signal": "What happened? Just the signal",
            "verdict": "The verdict that came at once",
            "reading_1": "Another way to read it",
            "reading_2": "And another",
            "reading_3": "One more, if it comes (optional)",
            "information": "What does the signal tell you, as information? (optional)",
            "expectation": "Which old expectation was speaking? (optional)",
        }
        help_texts = {
            "signal": "For example: “My friend hasn’t answered my message for a day.”",
            "verdict": "For example: “She’s had enough of me.”",
            "reading_1": "For example: “She’s busy with the move.”",
            "information": "For example: “I don’t know yet how she feels; I know she hasn’t "
            "replied.”",
        }
        widgets = {
            "signal": text_area(),
            "verdict": text_area(),
            "reading_1": forms.TextInput,
            "reading_2": forms.TextInput,
            "reading_3": forms.TextInput,
            "information": text_area(),
        }

    def __init__(self, *args: Any, expectations: QuerySet[Expectation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self.fields["expectation"], expectations, lambda obj: str(obj.text),
                    empty="None in particular")  # fmt: skip
        messages = {
            "signal": "Please write what happened, in a few plain words.",
            "verdict": "Please write the verdict that came, even if it sounds harsh.",
            "reading_1": "Please find at least two other ways to read it; small ones count.",
            "reading_2": "Please find at least two other ways to read it; small ones count.",
        }
        for name, message in messages.items():
            self.fields[name].error_messages["required"] = message


def linkable_expectations(field: forms.Field, expectations: QuerySet[Expectation]) -> None:
    """Offer the person's own expectations, shown in their own words."""
    choose_from(field, expectations, lambda obj: str(obj.text))


class JournalForm(RecordForm[JournalEntry]):
    prompt = forms.ChoiceField(
        choices=[("", ""), *PROMPT_CHOICES], required=False, widget=forms.HiddenInput
    )
    expectations = forms.ModelMultipleChoiceField(
        queryset=Expectation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Is it about an old expectation? (optional)",
    )
    people = forms.ModelMultipleChoiceField(
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Is it about someone? (optional)",
    )

    class Meta:
        model = JournalEntry
        fields = ("prompt", "body")
        labels = {"body": "Write as much or as little as you like"}
        widgets = {"body": text_area(12)}

    def __init__(
        self,
        *args: Any,
        expectations: QuerySet[Expectation],
        people: QuerySet[Person] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        linkable_expectations(self.fields["expectations"], expectations)
        choose_from(self.fields["people"], people if people is not None else Person.objects.none(),
                    named)  # fmt: skip
        if not self.instance._state.adding and not self.is_bound:
            self.initial["expectations"] = list(self.instance.expectations.all())
            self.initial["people"] = list(self.instance.people.all())
        if not expectations.exists():
            del self.fields["expectations"]
        if people is None or not people.exists():
            del self.fields["people"]


class DialogueForm(RecordForm[Dialogue]):
    """The two voices and what they are talking about, then numbered turns. Each turn keeps
    which voice speaks it; new turns take it in turns."""

    class Meta:
        model = Dialogue
        fields = ("first_voice", "second_voice", "about")
        labels = {
            "first_voice": "Who is the first voice?",
            "second_voice": "Who is the second voice?",
            "about": "What is it about? (optional)",
        }
        help_texts = {
            "first_voice": "For example: the old critic, or my younger self.",
            "second_voice": "For example: a kinder voice, or my adult self.",
        }
        widgets = {
            "first_voice": forms.TextInput(attrs={"data-names-voice": "1"}),
            "second_voice": forms.TextInput(attrs={"data-names-voice": "2"}),
            "about": forms.TextInput,
        }

    def __init__(self, *args: Any, turns: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        saved = list(self.instance.turns.all()) if self.instance.pk else []
        if self.is_bound:
            known = list(_posted_voices(self.data))
            self.turn_count = max(turns, len(known), FIRST_TURNS)
        else:
            known = [turn.voice for turn in saved]
            self.turn_count = max(turns, len(known) + FRESH_TURNS, FIRST_TURNS)
            for row, turn in enumerate(saved):
                self.initial[f"turn_{row}"] = turn.text
        self.first_fresh = len(known)  # where the empty turns begin
        last = known[-1] if known else Turn.SECOND
        self.voices = known + [
            _alternate(last, step) for step in range(self.turn_count - len(known))
        ]
        for row in range(self.turn_count):
            self.fields[f"turn_{row}"] = forms.CharField(
                required=False, widget=text_area(2), label=self.voice_name(self.voices[row])
            )

    def voice_name(self, voice: int) -> str:
        field = "first_voice" if voice == Turn.FIRST else "second_voice"
        typed = str(self[field].value() or "").strip()
        return typed or ("The first voice" if voice == Turn.FIRST else "The second voice")

    @property
    def turn_rows(self) -> list[tuple[int, forms.BoundField]]:
        return [(self.voices[row], self[f"turn_{row}"]) for row in range(self.turn_count)]

    def turns(self) -> list[tuple[int, str]]:
        """The turns written, in order, without the empty ones."""
        found = []
        for row in range(self.turn_count):
            text = (self.cleaned_data.get(f"turn_{row}") or "").strip()
            if text:
                found.append((self.voices[row], text))
        return found

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors and not self.turns():
            raise forms.ValidationError("Let at least one of the voices say something.")
        return cleaned


FIRST_TURNS = 6
FRESH_TURNS = 4  # empty turns offered below the saved ones when a dialogue is continued


def _posted_voices(data: Any) -> Iterator[int]:
    """The voice of each turn row the page sent back, as long as they make sense."""
    row = 0
    while (value := data.get(f"voice_{row}")) in ("1", "2"):
        yield int(value)
        row += 1


def _alternate(last_voice: int, step: int) -> int:
    """The voice of the `step`th new turn after one spoken by `last_voice`."""
    other = Turn.FIRST if last_voice == Turn.SECOND else Turn.SECOND
    return other if step % 2 == 0 else last_voice


class ImageryForm(forms.ModelForm[Imagery]):
    distress_before = percent_field(
        "Before you start: distress right now (0–100)",
        help_text="0 is completely calm, 100 the most distress you can imagine. Optional.",
    )
    distress_after = percent_field("Distress now (0–100)")

    class Meta:
        model = Imagery
        fields = ("distress_before", "distress_after", "felt", "note")
        labels = {
            "felt": "How was it? (optional)",
            "note": "Anything to remember from it? (optional)",
        }
        help_texts = {"felt": "For example: “Calmer than I expected; my shoulders dropped.”"}
        widgets = {"felt": text_area(), "note": text_area()}
