from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.core.pacing import Advice
from earned.ledger.models import Expectation
from earned.practice import services
from earned.practice.forms import LadderForm, StepForm
from earned.practice.library import STARTERS
from earned.practice.models import Ladder, Script, Step
from earned.records import saving as records
from earned.web.deleting import Deletion, confirm_then_delete
from earned.web.pages import form_page


@login_required
def practice(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return render(
        request,
        "practice/practice.html",
        {
            "ladders": [services.progress(ladder) for ladder in services.ladders(user)],
            "archived": services.ladders(user, archived=True).count(),
            "scripts": owned(Script, user),
            "starters": STARTERS,
        },
    )


@login_required
def archived(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    found = [services.progress(ladder) for ladder in services.ladders(user, archived=True)]
    return render(request, "practice/archived.html", {"ladders": found})


def _ladder_form(request: HttpRequest, instance: Ladder | None = None) -> HttpResponse:
    user = signed_in_user(request)
    expectations = owned(Expectation, user).filter(archived_at__isnull=True)
    if instance is not None:
        expectations = expectations | owned(Expectation, user).filter(ladders=instance)
    form = LadderForm(request.POST or None, instance=instance, expectations=expectations.distinct())
    return form_page(
        request,
        form,
        "practice/ladder_form.html",
        lambda form: services.save_ladder(
            user, form.save(commit=False), form.cleaned_data.get("expectations") or ()
        ),
        "Saved. Now add the steps, from the easiest up." if instance is None else "Saved.",
        {"ladder": instance},
    )


@login_required
def ladder_new(request: HttpRequest) -> HttpResponse:
    return _ladder_form(request)


@login_required
def ladder_edit(request: HttpRequest, ladder_id: str) -> HttpResponse:
    return _ladder_form(request, get_owned_or_404(Ladder, signed_in_user(request), pk=ladder_id))


@login_required
def ladder_detail(request: HttpRequest, ladder_id: str) -> HttpResponse:
    user = signed_in_user(request)
    ladder = get_owned_or_404(services.ladders(user, archived=None), user, pk=ladder_id)
    shown = services.progress(ladder)
    smaller = (
        shown.current if shown.suggestion and shown.suggestion.advice == Advice.SMALLER else None
    )
    return render(
        request,
        "practice/ladder.html",
        {
            "progress": shown,
            "ladder": ladder,
            "step_form": StepForm(
                initial={"expected_distress": _between(shown.steps, smaller)} if smaller else None
            ),
            "smaller_below": smaller,
        },
    )


def _between(steps: list[Step], step: Step) -> int:
    """A distress halfway between a step and the one before it: where a smaller step fits."""
    hardest = int(step.expected_distress)
    easier = [int(each.expected_distress) for each in steps if each.expected_distress < hardest]
    return (max(easier, default=0) + hardest) // 2


@login_required
@require_POST
def step_add(request: HttpRequest, ladder_id: str) -> HttpResponse:
    user = signed_in_user(request)
    ladder = get_owned_or_404(services.ladders(user), user, pk=ladder_id)
    form = StepForm(request.POST)
    below = None
    if request.POST.get("below"):
        below = get_owned_or_404(Step.objects.filter(ladder=ladder), user, pk=request.POST["below"])
    if form.is_valid():
        services.add_step(user, ladder, form.save(commit=False), below=below)
        messages.success(request, "Added.")
        return redirect(ladder)
    shown = services.progress(ladder)
    return render(
        request,
        "practice/ladder.html",
        {"progress": shown, "ladder": ladder, "step_form": form, "smaller_below": below},
        status=400,
    )  # fmt: skip


def _step(request: HttpRequest, step_id: str) -> Step:
    user = signed_in_user(request)
    return get_owned_or_404(owned(Step, user).select_related("ladder"), user, pk=step_id)


@login_required
def step_edit(request: HttpRequest, step_id: str) -> HttpResponse:
    step = _step(request, step_id)
    user = signed_in_user(request)
    form = StepForm(request.POST or None, instance=step)
    return form_page(
        request,
        form,
        "practice/step_form.html",
        lambda form: services.save_step(user, form.save(commit=False)),
        "Saved.",
        {"step": step},
    )


@login_required
def step_delete(request: HttpRequest, step_id: str) -> HttpResponse:
    step = _step(request, step_id)
    return confirm_then_delete(
        request,
        step,
        Deletion(
            title="Delete this step?",
            what=step.description,
            consequences=[
                "The step goes, with what you noted for its attempts (plans, moments, lessons).",
                "The experiences of those attempts stay in your ledger.",
            ],
            done="Deleted the step.",
            then=step.ladder.get_absolute_url(),
            delete=lambda: services.delete_step(signed_in_user(request), step),
        ),
    )


@login_required
@require_POST
def step_move(request: HttpRequest, step_id: str) -> HttpResponse:
    step = _step(request, step_id)
    by = {"up": -1, "down": 1}.get(request.POST.get("direction", ""))
    if by is None:
        raise Http404("No such direction.")
    services.move_step(signed_in_user(request), step, by)
    return redirect(f"{step.ladder.get_absolute_url()}#step-{step.pk}")


@login_required
@require_POST
def step_climb(request: HttpRequest, step_id: str) -> HttpResponse:
    step = _step(request, step_id)
    climbed = request.POST.get("climbed") != "no"
    services.climb(signed_in_user(request), step, climbed)
    messages.success(
        request,
        "A step climbed. Take a moment with that." if climbed else "It is the current step again.",
    )
    return redirect(step.ladder)


@login_required
@require_POST
def ladder_arrange(request: HttpRequest, ladder_id: str) -> HttpResponse:
    """The steps in the order they were dragged into (sent as step ids, in order)."""
    user = signed_in_user(request)
    ladder = get_owned_or_404(services.ladders(user), user, pk=ladder_id)
    services.arrange(user, ladder, request.POST.getlist("step"))
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    return redirect(ladder)


@login_required
@require_POST
def ladder_sort(request: HttpRequest, ladder_id: str) -> HttpResponse:
    user = signed_in_user(request)
    ladder = get_owned_or_404(Ladder, user, pk=ladder_id)
    services.sort_by_distress(user, ladder)
    messages.success(request, "The steps are sorted by how hard you expect them to be again.")
    return redirect(ladder)


@login_required
@require_POST
def ladder_archive(request: HttpRequest, ladder_id: str) -> HttpResponse:
    user = signed_in_user(request)
    ladder = get_owned_or_404(Ladder, user, pk=ladder_id)
    records.set_archived(user, ladder, request.POST.get("archived") != "no")
    messages.success(request, "Put away; it is under “Put-away ladders”." if ladder.archived_at
                     else "Back among your ladders.")  # fmt: skip
    return redirect(ladder)


@login_required
def ladder_delete(request: HttpRequest, ladder_id: str) -> HttpResponse:
    ladder = get_owned_or_404(Ladder, signed_in_user(request), pk=ladder_id)
    return confirm_then_delete(
        request,
        ladder,
        Deletion(
            title="Delete this ladder?",
            what=ladder.goal,
            consequences=[
                "The ladder goes, with its steps and what you noted for their attempts.",
                "The experiences of those attempts stay in your ledger, and so do your scripts.",
            ],
            done="Deleted the ladder.",
            then="practice:practice",
            alternative="If you only want it out of sight, put it away instead.",
        ),
    )
