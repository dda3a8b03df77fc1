from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from earned.access import signed_in_user
from earned.core import progress
from earned.insights import charts
from earned.measures import services
from earned.measures.forms import ScheduleForm, TakeForm
from earned.measures.instruments import INSTRUMENTS, Instrument
from earned.rituals.services import day_of

WEEKS_SHOWN = 26


@login_required
def measures(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    today = day_of(user)
    first = today - datetime.timedelta(weeks=WEEKS_SHOWN)
    cards = []
    schedules = services.every_days(user)
    for instrument in INSTRUMENTS.values():
        taken = services.history(user, instrument)
        points = [(day_of(user, response.at), response.total) for response in taken]
        series = progress.weekly_mean(points, first, today)
        high = instrument.rules.high * instrument.rules.items
        chart = charts.weekly(
            series, style="line", low=0, high=high, y_labels=("0", "", str(high)),
            describe="{value:.0f}", by_month=False,
        )  # fmt: skip
        form = ScheduleForm(initial={"every_days": schedules[instrument.key]},
                            auto_id=f"{instrument.key}_%s")  # fmt: skip
        cards.append({"instrument": instrument, "taken": taken, "chart": chart, "high": high,
                      "schedule": form})  # fmt: skip
    return render(
        request,
        "measures/measures.html",
        {"cards": cards, "due": {i.key for i in services.due(user)}},
    )


@login_required
@require_POST
def schedule(request: HttpRequest, key: str) -> HttpResponse:
    instrument = _instrument(key)
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
    instrument = _instrument(key)
    user = signed_in_user(request)
    form = TakeForm(request.POST or None, instrument=instrument)
    if request.method == "POST" and form.is_valid():
        response = services.record(user, instrument, form.answers(), form.cleaned_data["note"])
        high = instrument.rules.high * instrument.rules.items
        messages.success(request, f"Saved: {response.total:.0f} of {high} this week. Thank you.")
        return redirect("measures:measures")
    return render(
        request,
        "measures/take.html",
        {"form": form, "instrument": instrument},
        status=400 if form.errors else 200,
    )


def _instrument(key: str) -> Instrument:
    instrument = INSTRUMENTS.get(key)
    if instrument is None:
        raise Http404
    return instrument
