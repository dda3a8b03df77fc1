from pathlib import Path

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from earned.access import signed_in_user
from earned.safety import services
from earned.safety.forms import SafetyPlanForm
from earned.web.pages import form_page


def crisis(request: HttpRequest) -> HttpResponse:
    """Help right now. Open to everyone, signed in or not: it must never sit behind a login."""
    chosen = request.GET.get("country", "").strip().upper()
    if not chosen and request.user.is_authenticated:
        chosen = request.user.country
    data = services.crisis_data()
    return render(
        request,
        "safety/crisis.html",
        {
            "resources": services.resources_for(chosen) if chosen else None,
            "chosen": chosen,
            "countries": services.country_choices(),
            "data": data,
        },
    )


@login_required
def plan(request: HttpRequest) -> HttpResponse:
    """The person's plan, to read in a hard moment or print; the lines for their country below."""
    user = signed_in_user(request)
    return render(
        request,
        "safety/plan.html",
        {"plan": services.plan_of(user), "resources": services.resources_for(user.country)},
    )


@login_required
def plan_edit(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = SafetyPlanForm(request.POST or None, instance=services.plan_of(user))
    return form_page(
        request,
        form,
        "safety/plan_form.html",
        lambda valid: services.save_plan(user, valid.save(commit=False)),
        "Your plan is saved. It is here whenever you need it, beside Help now.",
        {"resources": services.resources_for(user.country)},
    )


OFFLINE_WORKER = (Path(__file__).parent / "data" / "offline.js").read_text()


OFFLINE_SCOPES = ("/safety-plan/", "/help/")


def offline_worker(request: HttpRequest) -> HttpResponse:
    """The service worker that keeps the plan and Help now usable offline, once the person
    chooses to keep a copy. It is registered once for each of those two pages' paths, and for no
    other: the header lets a worker served from the plan's path also look after /help/."""
    response = HttpResponse(OFFLINE_WORKER, content_type="text/javascript")
    response["Service-Worker-Allowed"] = "/"
    return response
