from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.ledger.models import Expectation
from earned.reflection import services
from earned.reflection.forms import JournalForm
from earned.reflection.models import JournalEntry
from earned.reflection.prompts import PROMPTS, PURPOSES
from earned.relationships.models import Person
from earned.suggested import for_page
from earned.web.deleting import Deletion, confirm_then_delete
from earned.web.pages import form_page, list_page


@login_required
def journal(request: HttpRequest) -> HttpResponse:
    entries = owned(JournalEntry, signed_in_user(request))
    return list_page(request, entries, "reflection/journal.html")


def _entry_form(request: HttpRequest, instance: JournalEntry | None = None) -> HttpResponse:
    user = signed_in_user(request)
    expectations = owned(Expectation, user).filter(archived_at__isnull=True)
    if instance is not None:  # an expectation archived since stays linkable
        expectations = expectations | owned(Expectation, user).filter(journal_entries=instance)
    chosen = PROMPTS.get(request.GET.get("prompt", "")) if instance is None else None
    people = owned(Person, user).filter(archived_at__isnull=True)
    if instance is not None:  # someone put away since stays linkable
        people = people | owned(Person, user).filter(journal_entries=instance)
    form = JournalForm(
        request.POST or None,
        instance=instance,
        expectations=expectations.distinct(),
        people=people.distinct(),
        initial={"prompt": chosen.key} if chosen else {},
    )
    prompt = PROMPTS.get(str(form["prompt"].value() or ""))
    # Written from something a practitioner suggested: it is linked back when kept.
    suggested = for_page(request, "journal") if instance is None else None

    def save(form: JournalForm) -> JournalEntry:
        entry = services.save_entry(
            user,
            form.save(commit=False),
            form.cleaned_data.get("expectations") or (),
            form.cleaned_data.get("people") if "people" in form.fields else None,
        )
        if suggested is not None:
            suggested.done(entry)
        return entry

    return form_page(
        request,
        form,
        "reflection/entry_form.html",
        save,
        "Kept in your journal.",
        {"entry": instance, "prompt": prompt, "purposes": PURPOSES, "suggested": suggested},
    )


@login_required
def entry_new(request: HttpRequest) -> HttpResponse:
    return _entry_form(request)


@login_required
def entry_edit(request: HttpRequest, entry_id: str) -> HttpResponse:
    entry = get_owned_or_404(JournalEntry, signed_in_user(request), pk=entry_id)
    return _entry_form(request, entry)


@login_required
def entry_detail(request: HttpRequest, entry_id: str) -> HttpResponse:
    user = signed_in_user(request)
    entry = get_owned_or_404(
        owned(JournalEntry, user).prefetch_related("expectations", "people"), user, pk=entry_id
    )
    return render(request, "reflection/entry_detail.html", {"entry": entry})


@login_required
def entry_delete(request: HttpRequest, entry_id: str) -> HttpResponse:
    entry = get_owned_or_404(JournalEntry, signed_in_user(request), pk=entry_id)
    return confirm_then_delete(
        request,
        entry,
        Deletion(
            title="Delete this journal entry?",
            what=entry.title,
            consequences=[
                "The entry is deleted for good.",
                "The expectations it was about stay as they are.",
            ],
            done="Deleted.",
            then="reflection:journal",
        ),
    )
