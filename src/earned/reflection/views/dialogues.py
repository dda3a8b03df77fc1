from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.reflection import services
from earned.reflection.forms import DialogueForm
from earned.reflection.models import Dialogue
from earned.reflection.prompts import VOICE_PAIRS, VOICE_PAIRS_BY_KEY
from earned.web.deleting import Deletion, confirm_then_delete
from earned.web.pages import form_page, list_page


@login_required
def dialogues(request: HttpRequest) -> HttpResponse:
    found = owned(Dialogue, signed_in_user(request)).prefetch_related("turns")
    return list_page(request, found, "reflection/dialogues.html")


def _dialogue_form(request: HttpRequest, instance: Dialogue | None = None) -> HttpResponse:
    user = signed_in_user(request)
    pair = VOICE_PAIRS_BY_KEY.get(request.GET.get("pair", "")) if instance is None else None
    form = DialogueForm(
        request.POST or None,
        instance=instance,
        initial={"first_voice": pair.first, "second_voice": pair.second} if pair else {},
    )

    def save(form: DialogueForm) -> Dialogue:
        return services.save_dialogue(user, form.save(commit=False), form.turns())

    response = form_page(
        request,
        form,
        "reflection/dialogue_form.html",
        save,
        "Saved. You can read it back, or go on with it later.",
        {"dialogue": instance, "pairs": VOICE_PAIRS},
    )
    if response.status_code == 302 and "more" in request.POST:
        # "Save and write more": the same dialogue again, with fresh turns below.
        saved = form.instance
        return redirect(f"{reverse('reflection:dialogue-edit', args=[saved.pk])}#more")
    return response


@login_required
def dialogue_new(request: HttpRequest) -> HttpResponse:
    return _dialogue_form(request)


@login_required
def dialogue_edit(request: HttpRequest, dialogue_id: str) -> HttpResponse:
    dialogue = get_owned_or_404(Dialogue, signed_in_user(request), pk=dialogue_id)
    return _dialogue_form(request, dialogue)


@login_required
def dialogue_detail(request: HttpRequest, dialogue_id: str) -> HttpResponse:
    user = signed_in_user(request)
    dialogue = get_owned_or_404(
        owned(Dialogue, user).prefetch_related("turns"), user, pk=dialogue_id
    )
    return render(request, "reflection/dialogue_detail.html", {"dialogue": dialogue})


@login_required
def dialogue_delete(request: HttpRequest, dialogue_id: str) -> HttpResponse:
    dialogue = get_owned_or_404(Dialogue, signed_in_user(request), pk=dialogue_id)
    return confirm_then_delete(
        request,
        dialogue,
        Deletion(
            title="Delete this dialogue?",
            what=dialogue.search_title,
            consequences=["The dialogue and every turn in it are deleted for good."],
            done="Deleted.",
            then="reflection:dialogues",
        ),
    )
