from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from earned.access import get_owned_or_404, signed_in_user
from earned.accounts.models import User
from earned.core import progress
from earned.core.fhir import ProblemInFile
from earned.core.instruments import DEFINITIONS
from earned.core.measures import smallest_reliable_change
from earned.insights import charts
from earned.measures import fhir_export, readings, services
from earned.measures.forms import ChangeFiguresForm, ImportForm, ScheduleForm, TakeForm
from earned.measures.instruments import Instrument, available
from earned.measures.models import Questionnaire
from earned.rituals.services import day_of
from earned.safety.noticing import ABOUT_ANSWERS, show_notice
from earned.suggested import for_page
from earned.web.deleting import Deletion, confirm_then_delete
from earned.web.pages import form_page

WEEKS_SHOWN = 26


@login_required
def measures(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    instruments = available(user)
    schedules = services.every_days(user, instruments)
    cards = [_card(user, i, schedules[i.key]) for i in instruments.values()]
    return render(
        request,
        "measures/measures.html",
        {
            "cards": cards,
            "due": {i.key for i in services.due(user, instruments=instruments)},
            "not_imported": [d for d in DEFINITIONS.values() if d.key not in instruments],
            "kept": [
                (DEFINITIONS[key], count)
                for key, count in services.answered_without_wording(user, instruments).items()
            ],
        },
    )


def _card(user: User, instrument: Instrument, every_days: int) -> dict[str, Any]:
    today = day_of(user)
    first = today - datetime.timedelta(weeks=WEEKS_SHOWN)
    taken = services.history(user, instrument)
    movement = readings.since_first(instrument, taken)
    low, high = instrument.lowest, instrument.highest
    if not instrument.rules.has_total:
        low, high = instrument.rules.low, instrument.rules.high
    lines = []
    for key, name in instrument.scales:
        points = [
            (day_of(user, response.at), value)
            for response in taken
            if (value := readings.value_of(response, key)) is not None
        ]
        chart = charts.weekly(
            progress.weekly_mean(points, first, today), style="line", low=low, high=high,
            y_labels=(readings.number(low), "", readings.number(high)),
            describe="{value:.1f}", by_month=False, join_gaps=True,
        )  # fmt: skip
        if movement and movement.first.total is not None and key == "total":
            charts.mark_steady(chart, movement.first.total, movement.reach, low, high)
        lines.append({"key": key, "name": name, "chart": chart})
    return {
        "instrument": instrument,
        "taken": [
            (
                r,
                readings.score_words(instrument, r, short=True),
                readings.parts_words(instrument, r),
            )
            for r in taken
        ],
        "has_parts": instrument.rules.has_total and bool(instrument.rules.subscales),
        "latest": readings.score_words(instrument, taken[0]) if taken else "",
        "movement": movement,
        "lines": lines,
        "schedule": ScheduleForm(
            initial={"every_days": every_days}, auto_id=f"{instrument.key}_%s"
        ),
    }


@login_required
@require_POST
def schedule(request: HttpRequest, key: str) -> HttpResponse:
    instrument = _instrument(request, key)
    form = ScheduleForm(request.POST)
    if form.is_valid():
        days = form.cleaned_data["every_days"]
        services.set_schedule(signed_in_user(request), instrument, days)
        messages.success(
            request,
            "It will not be suggested." if days == 0 else "Noted: it will be suggested then.",
        )
    return redirect("measures:measures")


@login_required
def take(request: HttpRequest, key: str) -> HttpResponse:
    instrument = _instrument(request, key)
    user = signed_in_user(request)
    form = TakeForm(request.POST or None, instrument=instrument)
    # Taken because a practitioner suggested it: linked back when saved.
    suggested = for_page(request, "questionnaire", [key])
    if request.method == "POST" and form.is_valid():
        taken = services.record(user, instrument, form.answers(), form.cleaned_data["note"])
        if suggested is not None:
            suggested.done(taken.response)
        words = readings.score_words(instrument, taken.response)
        messages.success(request, f"Saved. Your score: {words}. Thank you.")
        if taken.asks_for_safety:
            show_notice(ABOUT_ANSWERS)
        return redirect("measures:measures")
    return render(
        request,
        "measures/take.html",
        {"form": form, "instrument": instrument, "suggested": suggested},
        status=400 if form.errors else 200,
    )


@login_required
def import_questionnaire(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                imported = services.import_questionnaire(
                    signed_in_user(request),
                    upload.read(services.MOST_FILE_BYTES + 1),
                    form.cleaned_data["instrument"],
                )
            except ProblemInFile as problem:
                field = "instrument" if isinstance(problem, services.NeedsChoosing) else "file"
                form.add_error(field, str(problem))
            else:
                messages.success(request, imported.words())
                return redirect("measures:measures")
    return render(
        request,
        "measures/import.html",
        {"form": form, "definitions": DEFINITIONS.values()},
        status=status,
    )


@login_required
def fhir(request: HttpRequest, key: str) -> HttpResponse:
    instrument = _instrument(request, key)
    user = signed_in_user(request)
    bundle = fhir_export.bundle(instrument, services.history(user, instrument))
    response = JsonResponse(bundle, json_dumps_params={"indent": 2, "ensure_ascii": False})
    response["Content-Disposition"] = f'attachment; filename="earned-{key}-fhir.json"'
    return response


@login_required
def change_figures(request: HttpRequest, key: str) -> HttpResponse:
    """The figures reliable change is worked out from: Earned's, from the instrument's sources,
    or a published study's that the person or their clinician prefers."""
    instrument = _instrument(request, key)
    definition = instrument.definition
    if definition is None or not instrument.rules.has_total:
        raise Http404  # our check-in is not validated; the ECR-RS has no total to compare
    user = signed_in_user(request)
    if request.method == "POST" and "built_in" in request.POST:
        services.set_change_figures(user, instrument, None, None, "")
        messages.success(request, "Reliable change is worked out from Earned's figures again.")
        return redirect("measures:measures")
    initial = (
        {"norm_sd": instrument.rules.norm_sd, "reliability": instrument.rules.reliability,
         "source": instrument.own_figures}
        if instrument.own_figures else {}
    )  # fmt: skip
    return form_page(
        request,
        ChangeFiguresForm(request.POST or None, initial=initial),
        "measures/change_figures.html",
        lambda valid: services.set_change_figures(
            user,
            instrument,
            valid.cleaned_data["norm_sd"],
            valid.cleaned_data["reliability"],
            valid.cleaned_data["source"],
        ),
        "Noted: reliable change is worked out from those figures now.",
        {
            "instrument": instrument,
            "definition": definition,
            "built_in_reach": smallest_reliable_change(
                definition.rules.norm_sd, definition.rules.reliability
            )
            if definition.rules.norm_sd and definition.rules.reliability is not None
            else None,
        },
    )


@login_required
def remove(request: HttpRequest, key: str) -> HttpResponse:
    """Asks first, then forgets an imported questionnaire's wording (never our own check-in);
    its answers stay."""
    instrument = _instrument(request, key)
    definition = instrument.definition
    if definition is None:
        raise Http404
    user = signed_in_user(request)
    taken = len(services.history(user, instrument))
    answers = (
        f"Your {taken} answer{'s' if taken != 1 else ''} and score{'s' if taken != 1 else ''} "
        f"stay{'' if taken != 1 else 's'} in your records and in your export; if you import the "
        f"questionnaire again, {'they show' if taken != 1 else 'it shows'} again."
        if taken
        else "You have not taken it yet, so no answers are affected."
    )
    return confirm_then_delete(
        request,
        get_owned_or_404(Questionnaire, user, instrument=key),
        Deletion(
            title=f"Remove the {definition.name}?",
            what=instrument.title,
            consequences=[
                "Its wording will be removed from Earned and it will no longer be suggested.",
                answers,
            ],
            done=f"The {definition.name}'s wording is removed. Your answers are kept; import it "
            "again to see them.",
            then="measures:measures",
        ),
    )


def _instrument(request: HttpRequest, key: str) -> Instrument:
    instrument = available(signed_in_user(request)).get(key)
    if instrument is None:
        raise Http404
    return instrument
