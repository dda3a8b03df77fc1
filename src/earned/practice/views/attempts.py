from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.calendar import services as calendars
from earned.ledger import services as ledger
from earned.ledger.forms import DebriefForm, PlanForm
from earned.ledger.models import Expectation
from earned.practice import services
from earned.practice.forms import CopingForm, LessonsForm, MomentForm
from earned.practice.models import Attempt, Step
from earned.relationships.models import Person
from earned.suggested import for_page
from earned.web.deleting import Deletion, confirm_then_delete


def _attempt(request: HttpRequest, attempt_id: str) -> Attempt:
    user = signed_in_user(request)
    found = owned(Attempt, user).select_related("experience", "step__ladder")
    return get_owned_or_404(found, user, pk=attempt_id)


@login_required
def attempt_new(request: HttpRequest, step_id: str) -> HttpResponse:
    """Plan an attempt at a step: the ledger's own plan, with the step's words filled in."""
    user = signed_in_user(request)
    step = get_owned_or_404(owned(Step, user).select_related("ladder"), user, pk=step_id)
    tested = list(step.ladder.expectations.all())
    active = owned(Expectation, user).filter(archived_at__isnull=True)
    linkable = (active | owned(Expectation, user).filter(ladders=step.ladder)).distinct()
    plan = PlanForm(
        request.POST or None,
        expectations=linkable,
        people=owned(Person, user).filter(archived_at__isnull=True),
        initial={"situation": step.description, "expectations": tested,
                 "expected_distress": step.expected_distress},
    )  # fmt: skip
    coping = CopingForm(request.POST or None)
    # Planned from a step a practitioner suggested: it is linked back when saved.
    suggested = for_page(request, "step", [str(step.pk)])
    if request.method == "POST" and plan.is_valid() and coping.is_valid():
        attempt = services.plan_attempt(
            user,
            step,
            plan.save(commit=False),
            expectations=plan.cleaned_data["expectations"],
            coping_plan=coping.cleaned_data["coping_plan"],
        )
        if suggested is not None:
            suggested.done(attempt)
        messages.success(request, "Planned. When the moment comes, this page is here for you.")
        return redirect(attempt)
    return render(
        request,
        "practice/attempt_plan.html",
        {"form": plan, "coping": coping, "step": step, "suggested": suggested},
        status=400 if plan.errors or coping.errors else 200,
    )


@login_required
def attempt_detail(request: HttpRequest, attempt_id: str) -> HttpResponse:
    attempt = _attempt(request, attempt_id)
    return render(
        request,
        "practice/attempt.html",
        {
            "attempt": attempt,
            "experience": attempt.experience,
            "rehearsals": attempt.rehearsals.select_related("script"),
        },
    )


@login_required
def attempt_moment(request: HttpRequest, attempt_id: str) -> HttpResponse:
    """In the moment: a tiny screen, one big slider, and help one tap away."""
    attempt = _attempt(request, attempt_id)
    form = MomentForm(request.POST or None, instance=attempt)
    if request.method == "POST" and form.is_valid():
        services.note_moment(
            signed_in_user(request),
            attempt,
            form.cleaned_data["distress_now"],
            form.cleaned_data["doing_now"] or "",
        )
        messages.success(request, "Noted. You are doing it. Breathe out slowly.")
        return redirect("practice:attempt-moment", attempt.pk)
    return render(
        request,
        "practice/attempt_moment.html",
        {"form": form, "attempt": attempt},
        status=400 if form.errors else 200,
    )


@login_required
def attempt_debrief(request: HttpRequest, attempt_id: str) -> HttpResponse:
    """Afterwards: the ledger's debrief of the attempt's experience, and what to repeat or
    adjust. Nothing is typed twice: the outcome lives in the experience."""
    user = signed_in_user(request)
    attempt = _attempt(request, attempt_id)
    experience = attempt.experience
    finishing = "finish" in request.POST
    debrief = DebriefForm(request.POST or None, instance=experience, finishing=finishing)
    lessons = LessonsForm(request.POST or None, instance=attempt)
    if request.method == "POST" and debrief.is_valid() and lessons.is_valid():
        ledger.save_debrief(
            user, debrief.save(commit=False), emotions=debrief.named_emotions(), finish=finishing
        )
        services.save_attempt(user, lessons.save(commit=False))
        messages.success(
            request,
            "Thank you for coming back to it. Here is what you expected, beside what happened."
            if finishing
            else "Saved as a draft. Finish it whenever you like.",
        )
        return redirect(attempt)
    return render(
        request,
        "practice/attempt_debrief.html",
        {"form": debrief, "lessons": lessons, "attempt": attempt, "experience": experience},
        status=400 if debrief.errors or lessons.errors else 200,
    )


@login_required
def attempt_calendar(request: HttpRequest, attempt_id: str) -> HttpResponse:
    """The planned time as a calendar file. It says only "Practice step": calendars are often
    synced to other companies' servers, so none of the person's words go with it. It is the
    same event as in the person's calendar feed (the same UID), so both never show it twice."""
    attempt = _attempt(request, attempt_id)
    event = calendars.planned_happening(attempt.experience, practice=True, words=False)
    data = calendars.calendar(attempt.owner, [event], request.build_absolute_uri("/"))
    response = HttpResponse(data, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="practice-step.ics"'
    return response


@login_required
def attempt_delete(request: HttpRequest, attempt_id: str) -> HttpResponse:
    attempt = _attempt(request, attempt_id)
    return confirm_then_delete(
        request,
        attempt.experience,  # the attempt is its experience, seen from the ladder
        Deletion(
            title="Delete this attempt?",
            what=attempt.experience.situation,
            consequences=[
                "The attempt goes, and with it its experience in the ledger: the prediction, "
                "what happened, and your notes for it.",
                "Ratings you made after it stay, and so does the step.",
            ],
            done="Deleted the attempt.",
            then=attempt.step.ladder.get_absolute_url(),
        ),
    )
