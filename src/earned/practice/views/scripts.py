from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.practice import services
from earned.practice.choices import Situation
from earned.practice.forms import RehearsalForm, ScriptForm
from earned.practice.library import STARTERS, STARTERS_BY_KEY
from earned.practice.models import Attempt, Rehearsal, Script
from earned.suggested import for_page
from earned.web.deleting import Deletion, confirm_then_delete
from earned.web.pages import form_page


@login_required
def scripts(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "practice/scripts.html",
        {"scripts": owned(Script, signed_in_user(request)), "starters": STARTERS},
    )


@login_required
@require_POST
def script_copy(request: HttpRequest, starter_key: str) -> HttpResponse:
    if starter_key not in STARTERS_BY_KEY:
        raise Http404("No such starter script.")
    script = services.copy_starter(signed_in_user(request), starter_key)
    messages.success(request, "Copied. Change any line until it sounds like you.")
    return redirect("practice:script-edit", script.pk)


def _script_form(request: HttpRequest, instance: Script | None = None) -> HttpResponse:
    user = signed_in_user(request)
    situation = request.GET.get("situation", "")
    form = ScriptForm(
        request.POST or None,
        instance=instance,
        initial={"situation": situation} if situation in Situation.values else {},
    )
    return form_page(
        request,
        form,
        "practice/script_form.html",
        lambda form: services.save_script(user, form.save(commit=False)),
        "Saved. Rehearse it whenever you like.",
        {"script": instance},
    )


@login_required
def script_new(request: HttpRequest) -> HttpResponse:
    return _script_form(request)


@login_required
def script_edit(request: HttpRequest, script_id: str) -> HttpResponse:
    return _script_form(request, get_owned_or_404(Script, signed_in_user(request), pk=script_id))


@login_required
def script_detail(request: HttpRequest, script_id: str) -> HttpResponse:
    user = signed_in_user(request)
    script = get_owned_or_404(Script, user, pk=script_id)
    rehearsals = script.rehearsals.select_related("attempt__step", "attempt__experience")
    return render(request, "practice/script.html", {"script": script, "rehearsals": rehearsals})


@login_required
def script_delete(request: HttpRequest, script_id: str) -> HttpResponse:
    script = get_owned_or_404(Script, signed_in_user(request), pk=script_id)
    return confirm_then_delete(
        request,
        script,
        Deletion(
            title="Delete this script?",
            what=script.title,
            consequences=["The script goes, with the notes of its rehearsals."],
            done="Deleted the script.",
            then="practice:scripts",
        ),
    )


def _rehearsal_form(
    request: HttpRequest, script: Script, instance: Rehearsal | None = None
) -> HttpResponse:
    user = signed_in_user(request)
    attempts = owned(Attempt, user).select_related("step", "experience").order_by("-created_at")
    form = RehearsalForm(request.POST or None, instance=instance, attempts=attempts)
    # Rehearsed because a practitioner or a group suggested it: linked back when saved.
    about = [str(script.pk), script.starter]  # this script, or the starter it was copied from
    suggested = for_page(request, "script", about) if instance is None else None

    def save(form: RehearsalForm) -> Rehearsal:
        rehearsal: Rehearsal = form.save(commit=False)
        rehearsal.script = script
        saved = services.save_rehearsal(user, rehearsal)
        if suggested is not None:
            suggested.done(saved)
        return saved

    return form_page(
        request,
        form,
        "practice/rehearse.html",
        save,
        "Rehearsed. Each time you say it, it becomes a little more yours."
        if instance is None
        else "Saved.",
        {"script": script, "rehearsal": instance, "suggested": suggested},
    )


@login_required
def rehearse(request: HttpRequest, script_id: str) -> HttpResponse:
    """One line at a time, with confidence before and after."""
    return _rehearsal_form(request, get_owned_or_404(Script, signed_in_user(request), pk=script_id))


@login_required
def rehearsal_edit(request: HttpRequest, rehearsal_id: str) -> HttpResponse:
    """A rehearsal looked at again: linked to the real attempt once it happens, say."""
    user = signed_in_user(request)
    rehearsal = get_owned_or_404(owned(Rehearsal, user).select_related("script"), user,
                                 pk=rehearsal_id)  # fmt: skip
    return _rehearsal_form(request, rehearsal.script, rehearsal)


@login_required
def rehearsal_delete(request: HttpRequest, rehearsal_id: str) -> HttpResponse:
    user = signed_in_user(request)
    rehearsal = get_owned_or_404(owned(Rehearsal, user).select_related("script"), user,
                                 pk=rehearsal_id)  # fmt: skip
    return confirm_then_delete(
        request,
        rehearsal,
        Deletion(
            title="Delete this rehearsal?",
            what=f"{rehearsal.script.title}, {rehearsal.at:%d %b %Y}",
            consequences=["The note of this rehearsal goes; the script stays."],
            done="Deleted.",
            then=rehearsal.script.get_absolute_url(),
        ),
    )
