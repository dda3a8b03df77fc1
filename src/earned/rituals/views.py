from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.views.decorators.http import require_POST

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.rituals import services
from earned.rituals.charts import WeekBars
from earned.rituals.choices import Kind
from earned.rituals.forms import FORMS, EveningForm
from earned.rituals.models import CheckIn, Interaction
from earned.web.deleting import Deletion, confirm_then_delete

HISTORY_PAGE = 30


SAVED = {
    Kind.MORNING: "Noted. Whatever today brings, you began by noticing.",
    Kind.MIDDAY: "Noted. Thank you for pausing.",
    Kind.EVENING: "Noted. The day is written down; you can set it aside now.",
}


def _check_in_page(request: HttpRequest, kind: str, instance: CheckIn | None) -> HttpResponse:
    user = signed_in_user(request)
    day = instance.day if instance else services.day_of(user)
    morning = services.morning_to_close(user, day) if kind == Kind.EVENING else None
    form = FORMS[kind](request.POST or None, instance=instance)
    if morning is not None and not form.is_bound:
        form.initial["prediction_outcome"] = morning.prediction_outcome
    if request.method == "POST" and form.is_valid():
        check_in = form.save(commit=False)
        check_in.kind = kind
        services.save_check_in(
            user,
            check_in,
            lines=form.lines() if isinstance(form, EveningForm) else None,
            closes=morning,
            outcome=form.cleaned_data.get("prediction_outcome") or "",
        )
        messages.success(request, SAVED[Kind(kind)])
        return redirect("web:today") if instance is None else redirect(check_in)
    return render(
        request,
        "rituals/check_in.html",
        {
            "form": form,
            "kind": Kind(kind),
            "check_in": instance,
            "morning": morning,
            "turned": [] if instance is None else instance.interactions.exclude(experience=None),
        },
        status=400 if form.errors else 200,
    )


@login_required
def check_in_today(request: HttpRequest, kind: str) -> HttpResponse:
    """Today's morning check-in or evening review (opened again to change it if it exists),
    or a new mid-day note."""
    if kind not in FORMS:
        raise Http404
    user = signed_in_user(request)
    existing = None
    if kind != Kind.MIDDAY:
        existing = services.of_the_day(user, kind, services.day_of(user))
    if existing is not None and request.method == "GET":
        return redirect("rituals:edit", existing.pk)
    return _check_in_page(request, kind, existing)


@login_required
def check_in_edit(request: HttpRequest, check_in_id: str) -> HttpResponse:
    check_in = get_owned_or_404(CheckIn, signed_in_user(request), pk=check_in_id)
    return _check_in_page(request, check_in.kind, check_in)


@login_required
def check_in_detail(request: HttpRequest, check_in_id: str) -> HttpResponse:
    user = signed_in_user(request)
    check_in = get_owned_or_404(
        owned(CheckIn, user).prefetch_related("interactions"), user, pk=check_in_id
    )
    return render(
        request,
        "rituals/check_in_detail.html",
        {
            "check_in": check_in,
            "morning": services.morning_to_close(user, check_in.day)
            if check_in.kind == Kind.EVENING
            else None,
        },
    )


@login_required
def check_in_delete(request: HttpRequest, check_in_id: str) -> HttpResponse:
    check_in = get_owned_or_404(CheckIn, signed_in_user(request), pk=check_in_id)
    return confirm_then_delete(
        request,
        check_in,
        Deletion(
            title=f"Delete this {check_in.get_kind_display().lower()}?",
            what=f"{check_in.get_kind_display()}, {date_format(check_in.day, 'l j F Y')}",
            consequences=[
                "It is deleted for good, with the lines of the day written in it.",
                "Experiences made from those lines stay in your ledger.",
            ],
            done="Deleted.",
            then="rituals:history",
        ),
    )


@login_required
def history(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    page = Paginator(owned(CheckIn, user).order_by("-day", "at"), HISTORY_PAGE).get_page(
        request.GET.get("page")
    )
    weeks = services.consistency(user)
    return render(
        request,
        "rituals/history.html",
        {
            "page": page,
            "check_ins": list(page.object_list),
            "weeks": weeks,
            "chart": WeekBars.of(weeks),
        },
    )


@login_required
@require_POST
def interaction_to_experience(request: HttpRequest, interaction_id: str) -> HttpResponse:
    user = signed_in_user(request)
    interaction = get_owned_or_404(
        owned(Interaction, user).select_related("check_in", "experience"), user, pk=interaction_id
    )
    experience = services.as_experience(user, interaction)
    messages.success(
        request, "It is in your ledger now. Add what you expected and what happened, if you like."
    )
    return redirect("ledger:debrief", experience.pk)


def today_cards(request: HttpRequest) -> dict[str, object]:
    """What the home page shows of the rituals: today's check-ins, if any."""
    user = signed_in_user(request)
    day = services.day_of(user)
    todays = list(owned(CheckIn, user).filter(day=day).order_by("at"))
    return {
        "morning": next((c for c in todays if c.kind == Kind.MORNING), None),
        "middays": [c for c in todays if c.kind == Kind.MIDDAY],
        "evening": next((c for c in todays if c.kind == Kind.EVENING), None),
    }
