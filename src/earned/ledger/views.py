from __future__ import annotations

import uuid
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.core import belief
from earned.ledger import charts, services
from earned.ledger.choices import RESPONSES
from earned.ledger.forms import (
    DebriefForm,
    DiscountingForm,
    ExpectationForm,
    LedgerFilterForm,
    PlanForm,
    RatingForm,
    logged_experience,
)
from earned.ledger.models import Expectation, Experience, Rating, Tested
from earned.records import saving as records
from earned.relationships.models import Person
from earned.suggested import for_page
from earned.web.deleting import Deletion, confirm_then_delete

# --- Expectations -----------------------------------------------------------------------------


@login_required
def expectation_list(request: HttpRequest) -> HttpResponse:
    summaries = services.working_model(signed_in_user(request))
    return render(
        request,
        "ledger/expectation_list.html",
        {
            "active": [s for s in summaries if s.expectation.archived_at is None],
            "archived": [s for s in summaries if s.expectation.archived_at is not None],
        },
    )


@login_required
def expectation_new(request: HttpRequest) -> HttpResponse:
    form = ExpectationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        expectation = services.add_expectation(
            signed_in_user(request),
            data["text"],
            feels_true=data["feels_true"],
            think_true=data["think_true"],
            wound=data["wound"],
            wound_own_word=data["wound_own_word"] if data["wound"] == "own" else None,
            counterpart=data["counterpart"],
        )
        messages.success(request, "Written down. Naming it is a real step.")
        return redirect("ledger:expectation", expectation.pk)
    status = 400 if form.errors else 200
    return render(request, "ledger/expectation_form.html", {"form": form}, status=status)


def _expectation_page(
    request: HttpRequest, expectation: Expectation, rating_form: RatingForm | None = None
) -> HttpResponse:
    user = signed_in_user(request)
    ratings = list(expectation.ratings.all())
    linked = services.linked(user, expectation)
    newest = [each.id for each in linked[:RECENT_TESTS]]
    picture = charts.build(ratings, linked)
    estimate = picture.estimate
    latest = ratings[-1] if ratings else None
    occurred = [float(e.outcome.occurred) for e in linked if e.outcome is not None]
    return render(
        request,
        "ledger/expectation_detail.html",
        {
            "expectation": expectation,
            "latest": latest,
            "chart": picture,
            "estimate": estimate,
            "summary": belief.summary(
                occurred,
                latest.feels_true if latest else None,
            ),
            "experiences": list(owned(Experience, user).filter(pk__in=newest)) if newest else [],
            "more_experiences": len(linked) - len(newest),
            "rating_form": rating_form or RatingForm.starting_from(latest),
        },
        status=400 if rating_form is not None else 200,
    )


@login_required
def expectation_detail(request: HttpRequest, expectation_id: str) -> HttpResponse:
    expectation = get_owned_or_404(Expectation, signed_in_user(request), pk=expectation_id)
    return _expectation_page(request, expectation)


@login_required
@require_POST
def expectation_rate(request: HttpRequest, expectation_id: str) -> HttpResponse:
    user = signed_in_user(request)
    expectation = get_owned_or_404(Expectation, user, pk=expectation_id)
    form = RatingForm(request.POST)
    if not form.is_valid():
        return _expectation_page(request, expectation, form)
    services.rate(user, expectation, **form.cleaned_data)
    messages.success(request, "Re-rated. Both lines on the chart now include it.")
    return redirect("ledger:expectation", expectation.pk)


@login_required
@require_POST
def expectation_archive(request: HttpRequest, expectation_id: str) -> HttpResponse:
    expectation = get_owned_or_404(Expectation, signed_in_user(request), pk=expectation_id)
    archive = expectation.archived_at is None
    records.set_archived(signed_in_user(request), expectation, archive)
    messages.success(
        request,
        "Archived. It is kept with all its history, and you can bring it back any time."
        if archive
        else "Brought back to your working model.",
    )
    return redirect("ledger:expectation", expectation.pk)


@login_required
def expectation_delete(request: HttpRequest, expectation_id: str) -> HttpResponse:
    user = signed_in_user(request)
    expectation = get_owned_or_404(Expectation, user, pk=expectation_id)
    tested = owned(Experience, user).filter(expectations=expectation).count()
    return confirm_then_delete(  # its ratings and links go; the experiences stay in the ledger
        request,
        expectation,
        Deletion(
            title="Delete this expectation?",
            what=expectation.text,
            consequences=[
                "It and every rating of it are deleted for good, with its chart.",
                f"The {tested} experience{'' if tested == 1 else 's'} that tested it stay in "
                "your ledger, no longer linked to it."
                if tested
                else "No experience has tested it yet.",
            ],
            alternative="If it simply no longer fits, archiving keeps it out of the way "
            "and keeps its history.",
            done="Deleted. The experiences that tested it are still in your ledger.",
            then="ledger:expectations",
        ),
    )


@login_required
def about_the_model(request: HttpRequest) -> HttpResponse:
    return render(request, "ledger/about_the_model.html")


# --- Experiences ------------------------------------------------------------------------------

LEDGER_PAGE = 25  # experiences per page of the ledger
RECENT_TESTS = 10  # experiences listed under an expectation's chart (the chart shows them all)


@login_required
def ledger(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    filters = LedgerFilterForm(request.GET or None, expectations=owned(Expectation, user))
    experiences = owned(Experience, user)
    if filters.is_valid():
        chosen = filters.cleaned_data
        if chosen["expectation"]:
            # Through the expectation's own links: counting its thousands of tests by walking
            # every experience and asking each if it is one took 40 ms at ten years, this 10.
            tests = owned(Tested, user).filter(expectation=chosen["expectation"])
            experiences = experiences.filter(pk__in=tests.values("experience_id"))
        if chosen["context"]:
            experiences = experiences.filter(context=chosen["context"])
        if chosen["status"] == "open":
            experiences = experiences.exclude(status=Experience.Status.DONE)
        elif chosen["status"] == "done":
            experiences = experiences.filter(status=Experience.Status.DONE)
        if chosen["window"]:
            experiences = experiences.filter(window=chosen["window"])
        if chosen["since"]:
            experiences = experiences.filter(happens_at__date__gte=chosen["since"])
        if chosen["until"]:
            experiences = experiences.filter(happens_at__date__lte=chosen["until"])
    page = Paginator(experiences, LEDGER_PAGE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    choices = request.GET.copy()
    choices.pop("page", None)
    return render(
        request,
        "ledger/ledger.html",
        {
            "filters": filters,
            "page": page,
            "experiences": shown,
            "choices": choices.urlencode(),
            "filtered": bool(choices),
            # What to suggest first on an empty ledger: naming an expectation, or planning.
            "has_expectations": not shown and owned(Expectation, user).exists(),
        },
    )


def _plan_form(
    request: HttpRequest, instance: Experience | None = None, *, has_happened: bool = False
) -> PlanForm:
    user = signed_in_user(request)
    initial: dict[str, Any] = {}
    if instance is None:
        initial["happens_at"] = timezone.localtime().replace(second=0, microsecond=0)
        try:
            chosen = uuid.UUID(request.GET.get("expectation", ""))
        except ValueError:
            pass  # none chosen, or a malformed link: start with nothing ticked
        else:
            initial["expectations"] = list(services.active_expectations(user).filter(pk=chosen))
    linkable = services.active_expectations(user)
    if instance is not None:  # keep links to expectations archived since
        linkable = (
            owned(Expectation, user)
            .filter(Q(archived_at__isnull=True) | Q(tests=instance))
            .distinct()
        )
    people = owned(Person, user).filter(Q(archived_at__isnull=True) | Q(experiences=instance))
    return PlanForm(
        request.POST or None,
        instance=instance,
        initial=initial,
        expectations=linkable,
        people=people.distinct(),
        has_happened=has_happened,
    )


@login_required
def experience_plan(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    form = _plan_form(request)
    # Planned from something a practitioner suggested: it is linked back when saved.
    suggested = for_page(request, "experience")
    if suggested is not None and not form.is_bound:
        form.initial["situation"] = suggested.what
    if request.method == "POST" and form.is_valid():
        experience = services.save_experience(
            user, form.save(commit=False), expectations=form.cleaned_data["expectations"]
        )
        if suggested is not None:
            suggested.done(experience)
        messages.success(request, "Planned. Afterwards, come back and note what happened.")
        return redirect("ledger:experience", experience.pk)
    return render(
        request,
        "ledger/experience_plan.html",
        {"form": form, "suggested": suggested},
        status=400 if form.errors else 200,
    )


@login_required
def experience_edit(request: HttpRequest, experience_id: str) -> HttpResponse:
    """Change the prediction side of an experience: the plan, or how a past one was logged."""
    user = signed_in_user(request)
    experience = get_owned_or_404(Experience, user, pk=experience_id)
    form = _plan_form(request, instance=experience)
    if request.method == "POST" and form.is_valid():
        services.save_experience(
            user, form.save(commit=False), expectations=form.cleaned_data["expectations"]
        )
        messages.success(request, "Saved the changes.")
        return redirect("ledger:experience", experience.pk)
    return render(
        request,
        "ledger/experience_plan.html",
        {"form": form, "experience": experience},
        status=400 if form.errors else 200,
    )


@login_required
def experience_delete(request: HttpRequest, experience_id: str) -> HttpResponse:
    experience = get_owned_or_404(Experience, signed_in_user(request), pk=experience_id)
    return confirm_then_delete(  # its links and feelings go; re-ratings lose only the link
        request,
        experience,
        Deletion(
            title="Delete this experience?",
            what=experience.situation,
            consequences=[
                "Its plan, its debrief and the feelings named in it are deleted for good.",
                "The expectations it tested stay, and their evidence no longer counts it.",
                "Ratings you made after it stay in each expectation’s history.",
            ],
            done="Deleted. It is gone from your ledger and your charts.",
            then="ledger:ledger",
        ),
    )


@login_required
def experience_log(request: HttpRequest) -> HttpResponse:
    """A past experience in one go: the prediction as it was, and what happened."""
    plan = _plan_form(request, has_happened=True)
    finishing = "finish" in request.POST
    debrief = DebriefForm(request.POST or None, finishing=finishing)
    if request.method == "POST" and plan.is_valid() and debrief.is_valid():
        experience = services.log_experience(
            signed_in_user(request),
            logged_experience(plan, debrief),
            expectations=plan.cleaned_data["expectations"],
            emotions=debrief.named_emotions(),
            finish=finishing,
        )
        return _after_debrief(request, experience, finishing)
    return render(
        request,
        "ledger/experience_log.html",
        {"form": plan, "debrief": debrief},
        status=400 if plan.errors or debrief.errors else 200,
    )


@login_required
def experience_detail(request: HttpRequest, experience_id: str) -> HttpResponse:
    user = signed_in_user(request)
    experience = get_owned_or_404(
        owned(Experience, user)
        .select_related("attempt__step__ladder")  # an attempt on a ladder, if it is one
        .prefetch_related("emotions", "expectations"),
        user,
        pk=experience_id,
    )
    expectations = list(experience.expectations.all())
    latest = {
        rating.expectation_id: rating
        for rating in owned(Rating, user).filter(expectation__in=expectations).order_by("rated_at")
    }
    return render(
        request,
        "ledger/experience_detail.html",
        {
            "experience": experience,
            "expectations": [
                (
                    expectation,
                    latest.get(expectation.pk),
                    RatingForm.starting_from(latest.get(expectation.pk)),
                )
                for expectation in expectations
            ],
            "discounting_form": (
                DiscountingForm() if services.asks_about_discounting(experience) else None
            ),
            "responses": [RESPONSES[key] for key in experience.response_keys if key in RESPONSES],
        },
    )


@login_required
def experience_debrief(request: HttpRequest, experience_id: str) -> HttpResponse:
    user = signed_in_user(request)
    experience = get_owned_or_404(Experience, user, pk=experience_id)
    finishing = "finish" in request.POST
    form = DebriefForm(request.POST or None, instance=experience, finishing=finishing)
    if request.method == "POST" and form.is_valid():
        experience = services.save_debrief(
            user, form.save(commit=False), emotions=form.named_emotions(), finish=finishing
        )
        return _after_debrief(request, experience, finishing)
    return render(
        request,
        "ledger/experience_debrief.html",
        {"form": form, "experience": experience},
        status=400 if form.errors else 200,
    )


def _after_debrief(request: HttpRequest, experience: Experience, finished: bool) -> HttpResponse:
    messages.success(
        request,
        "Thank you for coming back to it. Here is what you expected, beside what happened."
        if finished
        else "Saved as a draft. Nothing is lost; finish it whenever you like.",
    )
    return redirect("ledger:experience", experience.pk)


@login_required
@require_POST
def experience_rerate(
    request: HttpRequest, experience_id: str, expectation_id: str
) -> HttpResponse:
    user = signed_in_user(request)
    experience = get_owned_or_404(Experience, user, pk=experience_id)
    expectation = get_owned_or_404(experience.expectations.all(), user, pk=expectation_id)
    form = RatingForm(request.POST)
    if form.is_valid():
        services.rate(user, expectation, experience=experience, **form.cleaned_data)
        messages.success(request, "Re-rated. However it feels now is the right answer.")
    else:
        messages.error(request, "Please choose numbers from 0 to 100 for both ratings.")
    return redirect("ledger:experience", experience.pk)


@login_required
@require_POST
def experience_discounting(request: HttpRequest, experience_id: str) -> HttpResponse:
    experience = get_owned_or_404(Experience, signed_in_user(request), pk=experience_id)
    form = DiscountingForm(request.POST)
    if form.is_valid():
        services.note_explained_away(
            signed_in_user(request),
            experience,
            form.cleaned_data["explained_away"],
            form.cleaned_data["explained_away_how"],
        )
        messages.success(request, "Noted. Noticing it is part of the practice.")
    else:
        messages.error(request, "Please choose one of the answers, or leave the question for now.")
    return redirect("ledger:experience", experience.pk)
