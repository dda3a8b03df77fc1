"""Forms for the working model and the ledger. Every field a person may skip is optional; the
few that make a record meaningful are asked for plainly."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone

from earned.ledger.choices import (
    APPROACH,
    AVOIDANCE,
    EMOTION_GROUPS,
    Context,
    ExplainedAway,
    Window,
)
from earned.ledger.models import Expectation, Experience, Rating, still_to_come
from earned.ledger.services import NamedEmotion
from earned.records.forms import (
    DATETIME_FORMAT,
    RecordForm,
    accept_formats,
    choose_from,
    limit_to,
    named,
    offer_blank,
    percent_field,
    set_choices,
    text_area,
)

EMOTION_ROWS = 3


class RatingForm(forms.Form):
    @classmethod
    def starting_from(cls, latest: Rating | None) -> RatingForm:
        """An unbound form showing the latest rating, so a re-rating starts from where it was."""
        if latest is None:
            return cls()
        return cls(initial={"feels_true": latest.feels_true, "think_true": latest.think_true})

    feels_true = percent_field(
        "How true does it feel? (0–100)",
        required=True,
        help_text="In your body, right now — not what you think you should feel.",
    )
    think_true = percent_field(
        "How true do you think it is? (0–100)",
        required=True,
        help_text="What your thinking mind says. The two often differ, and that is fine.",
    )


class ExpectationForm(RatingForm, RecordForm[Expectation]):
    class Meta:
        model = Expectation
        fields = ("text", "wound", "wound_own_word", "counterpart")
        labels = {
            "text": "The old expectation, in your own words",
            "wound": "Where it comes from (if you know)",
            "wound_own_word": "Your own word for it",
            "counterpart": "What would answer it",
        }
        help_texts = {
            "text": "For example: “When I ask for help, people get annoyed.”",
            "counterpart": "The kind of experience that, lived often enough, could soften it.",
        }
        widgets = {
            "text": text_area(3),
            "wound": forms.RadioSelect,
            "wound_own_word": forms.TextInput,
        }

    field_order = ("text", "feels_true", "think_true", "wound", "wound_own_word", "counterpart")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer_blank(self.fields["wound"], "I’m not sure")
        offer_blank(self.fields["counterpart"], "Not sure yet")


class ExpectationChoices(forms.ModelMultipleChoiceField[Expectation]):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.text)


class PlanForm(RecordForm[Experience]):
    """The prediction, before. Essential fields first; the rest sit behind “add more”."""

    ESSENTIAL = ("situation", "expectations", "happens_at", "feared", "likelihood")

    expectations = ExpectationChoices(
        queryset=Expectation.objects.none(),
        required=False,
        label="Which expectation does it test?",
        widget=forms.CheckboxSelectMultiple,
    )
    likelihood = percent_field(
        "How likely does the feared outcome feel? (0–100)",
        help_text="Your honest gut guess, before it happens.",
    )
    expected_distress = percent_field("How hard do you expect it to be? (0–100)")

    class Meta:
        model = Experience
        fields = (
            "situation", "expectations", "happens_at", "feared", "likelihood",
            "context", "person", "who", "expected_distress", "safety_behaviours", "support",
        )  # fmt: skip
        labels = {
            "situation": "What is the situation?",
            "happens_at": "When",
            "feared": "What do you fear will happen?",
            "context": "Who is it with?",
            "person": "Someone from your people (optional)",
            "who": "Their name, or a word for them (optional)",
            "safety_behaviours": "A safety behaviour you could drop",
            "support": "Who or what could support you",
        }
        help_texts = {
            "situation": "For example: “Asking Maya to help me move on Saturday.”",
            "safety_behaviours": "Something you usually do to stay safe that you might try "
            "without this time, like over-apologising.",
        }
        widgets = {
            "situation": text_area(),
            "happens_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format=DATETIME_FORMAT
            ),
            "feared": text_area(),
            "who": forms.TextInput,
            "safety_behaviours": text_area(),
            "support": text_area(),
        }

    def __init__(
        self,
        *args: Any,
        expectations: QuerySet[Expectation],
        people: QuerySet[Any] | None = None,
        has_happened: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.has_happened = has_happened  # logged in one go: its time must have come
        limit_to(self.fields["expectations"], expectations)
        person = self.fields["person"]
        if people is None or not people.exists():
            del self.fields["person"]  # nobody added yet (or a caller that does not ask)
        else:
            choose_from(person, people, named)
            offer_blank(person, "Nobody in particular")
        accept_formats(self.fields["happens_at"], DATETIME_FORMAT, "%Y-%m-%d %H:%M")
        offer_blank(self.fields["context"], "Choose…")

    def check_record(self) -> None:
        if self.has_happened:
            self.hold_to(self.instance.check_has_happened)


class DebriefForm(RecordForm[Experience]):
    """What actually happened, after. A draft may be saved with anything missing; finishing
    asks for the two answers the rest builds on."""

    ESSENTIAL = ("happened", "occurred", "peak_distress", "felt")

    occurred = percent_field(
        "How much of what you feared actually happened? (0–100)",
        help_text="0 means none of it; 100 means all of it, just as feared.",
    )
    peak_distress = percent_field("At its hardest, how distressed were you? (0–100)")
    felt = forms.TypedChoiceField(
        label="Did you feel it, or mostly watch it happen?",
        choices=[("true", "I felt it, in my body"), ("false", "I mostly watched from a distance")],
        coerce=lambda value: value == "true",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )
    window = forms.ChoiceField(
        label="Where were you, in your window of tolerance?",
        choices=Window.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    responses = forms.MultipleChoiceField(
        label="How did you respond?",
        choices=[
            ("Moving towards", list(APPROACH.items())),
            ("Protecting yourself", list(AVOIDANCE.items())),
        ],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    explained_away = forms.ChoiceField(
        label="Did part of you explain it away (“it doesn’t count because…”)?",
        choices=ExplainedAway.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Experience
        fields = (
            "happened", "occurred", "peak_distress", "felt", "window", "body_place",
            "body_sensation", "responses", "helped", "hindered", "explained_away",
            "explained_away_how", "learned", "next_action",
        )  # fmt: skip
        labels = {
            "happened": "What actually happened?",
            "body_place": "Where in your body did you notice it?",
            "body_sensation": "What did it feel like there?",
            "helped": "What helped?",
            "hindered": "What got in the way?",
            "explained_away_how": "How did it explain it away?",
            "learned": "What did you learn, or want to remember?",
            "next_action": "A next small step",
        }
        widgets = {
            "happened": text_area(3),
            "body_sensation": forms.TextInput,
            "helped": text_area(),
            "hindered": text_area(),
            "explained_away_how": text_area(),
            "learned": text_area(),
            "next_action": text_area(),
        }

    def __init__(self, *args: Any, finishing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.finishing = finishing
        offer_blank(self.fields["body_place"], "Choose…")
        if self.instance.pk and still_to_come(self.instance.happens_at):
            self.fields["earlier_than_planned"] = forms.BooleanField(
                label="It has already happened, earlier than planned (its time becomes now)",
                required=False,
            )
        if self.instance.pk:
            self.initial["responses"] = self.instance.response_keys
            if self.instance.felt is not None:
                self.initial["felt"] = "true" if self.instance.felt else "false"
        for row in range(EMOTION_ROWS):
            self.fields[f"emotion_{row}"] = forms.ChoiceField(
                label="Feeling",
                choices=[
                    ("", "Choose a word…"),
                    *[(group, list(words.items())) for group, words in EMOTION_GROUPS.items()],
                ],
                required=False,
            )
            self.fields[f"emotion_{row}_own"] = forms.CharField(
                label="or your own word", required=False, max_length=60
            )
            self.fields[f"emotion_{row}_intensity"] = percent_field("How strong (0–100)")
        if not self.instance._state.adding and not self.is_bound:  # feelings named before
            for row, emotion in enumerate(list(self.instance.emotions.all())[:EMOTION_ROWS]):
                self.initial[f"emotion_{row}"] = emotion.word
                self.initial[f"emotion_{row}_own"] = emotion.own_word or ""
                self.initial[f"emotion_{row}_intensity"] = emotion.intensity

    @property
    def emotion_rows(self) -> list[tuple[forms.BoundField, forms.BoundField, forms.BoundField]]:
        return [
            (self[f"emotion_{row}"], self[f"emotion_{row}_own"], self[f"emotion_{row}_intensity"])
            for row in range(EMOTION_ROWS)
        ]

    def clean_responses(self) -> str:
        return ",".join(self.cleaned_data.get("responses") or [])

    def check_record(self) -> None:
        if self.finishing:
            self.hold_to(self.instance.check_finished)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        unticked = "earlier_than_planned" in self.fields and not cleaned.get("earlier_than_planned")
        if self.finishing and unticked:
            self.add_error(
                "earlier_than_planned",
                "This is planned for a time still to come. If it has already happened, "
                "tick this; if not, save what you have as a draft and finish afterwards.",
            )
        return cleaned

    def save(self, commit: bool = False) -> Experience:
        """The experience as the debrief leaves it, unsaved: every save goes through
        earned.records (services.save_debrief), whatever `commit` says."""
        experience: Experience = super().save(commit=False)
        if self.cleaned_data.get("earlier_than_planned"):
            experience.happens_at = timezone.now().replace(second=0, microsecond=0)
        return experience

    def named_emotions(self) -> list[NamedEmotion]:
        found = []
        for row in range(EMOTION_ROWS):
            word = self.cleaned_data.get(f"emotion_{row}") or ""
            own = (self.cleaned_data.get(f"emotion_{row}_own") or "").strip()
            if word or own:
                intensity = self.cleaned_data.get(f"emotion_{row}_intensity")
                # Named without a number: middling, rather than losing the feeling.
                found.append(NamedEmotion(word, own, 50 if intensity is None else intensity))
        return found


def logged_experience(plan: PlanForm, debrief: DebriefForm) -> Experience:
    """A past experience told in one go: the prediction as it was, and what happened.
    Both forms must be valid; the caller saves the result through services.log_experience."""
    experience: Experience = plan.save(commit=False)
    for name in DebriefForm.Meta.fields:
        setattr(experience, name, debrief.cleaned_data[name])
    return experience


class DiscountingForm(forms.Form):
    explained_away = forms.ChoiceField(
        label="Is part of you explaining it away?",
        choices=ExplainedAway.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Please choose one, or leave this for now."},
    )
    explained_away_how = forms.CharField(
        label="If so, what does it say?", required=False, widget=text_area()
    )


class LedgerFilterForm(forms.Form):
    expectation = forms.ModelChoiceField(
        queryset=Expectation.objects.none(), required=False, empty_label="Any expectation"
    )
    context = forms.ChoiceField(required=False)
    status = forms.ChoiceField(
        required=False,
        choices=[
            ("", "Planned or debriefed"),
            ("open", "Waiting for a debrief"),
            ("done", "Debriefed"),
        ],
    )
    window = forms.ChoiceField(
        label="Window of tolerance",
        required=False,
        choices=[
            ("", "Any"),
            ("above", "Above — overwhelmed"),
            ("within", "Within"),
            ("below", "Below — shut down"),
        ],
    )
    since = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, expectations: QuerySet[Expectation], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choose_from(self.fields["expectation"], expectations, lambda obj: str(obj.text)[:60])
        set_choices(self.fields["context"], [("", "Anyone"), *Context.choices])
