from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.ledger.models import Experience
from earned.records import saving as records
from earned.relationships import services
from earned.relationships.choices import Showed
from earned.relationships.forms import PersonForm, SafetyForm
from earned.relationships.models import Person, Presence, Rupture
from earned.web.pages import form_page

RECENT = 10
OPEN_SHOWN = 3  # open ruptures offered a repair at the top; years can leave dozens open


@login_required
def people(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return render(
        request,
        "relationships/people.html",
        {
            "people": services.people_overview(user),
            "archived": services.people(user, archived=True).count(),
            "showed": Showed.choices,
        },
    )


@login_required
def archived(request: HttpRequest) -> HttpResponse:
    found = services.people(signed_in_user(request), archived=True)
    return render(request, "relationships/archived.html", {"people": found})


def _person_form(request: HttpRequest, instance: Person | None = None) -> HttpResponse:
    user = signed_in_user(request)
    form = PersonForm(request.POST or None, instance=instance)
    return form_page(
        request,
        form,
        "relationships/person_form.html",
        lambda form: services.save_person(
            user, form.save(commit=False), form.cleaned_data.get("feels_safe")
        ),
        "Saved.",
        {"person": instance},
    )


@login_required
def person_new(request: HttpRequest) -> HttpResponse:
    return _person_form(request)


@login_required
def person_edit(request: HttpRequest, person_id: str) -> HttpResponse:
    return _person_form(request, get_owned_or_404(Person, signed_in_user(request), pk=person_id))


@login_required
def person_detail(request: HttpRequest, person_id: str) -> HttpResponse:
    user = signed_in_user(request)
    person = get_owned_or_404(
        owned(Person, user).prefetch_related("safety", "presences"), user, pk=person_id
    )
    ruptures = list(services.ruptures_of(user).filter(person=person))
    still_open = [rupture for rupture in ruptures if rupture.is_open]  # newest first
    experiences = owned(Experience, user).filter(person=person).order_by("-happens_at")
    return render(
        request,
        "relationships/person.html",
        {
            "person": person,
            "safety": list(person.safety.all()),
            "safety_form": SafetyForm(),
            "months": services.presence_months(person),
            "recent_presence": list(person.presences.all()[:5]),
            "showed": Showed.choices,
            "ruptures": ruptures,
            "open_ruptures": still_open[:OPEN_SHOWN],
            "more_open": len(still_open[OPEN_SHOWN:]),
            "markers": services.markers(ruptures),
            "experiences": list(experiences[:RECENT]),
            "experience_count": experiences.count(),
        },
    )


@login_required
@require_POST
def person_rate(request: HttpRequest, person_id: str) -> HttpResponse:
    user = signed_in_user(request)
    person = get_owned_or_404(Person, user, pk=person_id)
    form = SafetyForm(request.POST)
    if form.is_valid():
        services.rate_safety(user, person, form.cleaned_data["feels_safe"])
        messages.success(request, "Noted. However it feels now is the right answer.")
    else:
        messages.error(request, "Please choose a number from 0 to 100.")
    return redirect(person)


@login_required
@require_POST
def person_showed_up(request: HttpRequest, person_id: str) -> HttpResponse:
    user = signed_in_user(request)
    person = get_owned_or_404(Person, user, pk=person_id)
    showed = request.POST.get("showed", "")
    if showed not in Showed.values:
        raise Http404("No such kind of presence.")
    services.showed_up(user, person, showed)
    messages.success(request, f"Noted: {Showed(showed).label.lower()}. Consistency counts.")
    if request.POST.get("next") == "people":  # logged from the list: stay there
        return redirect("relationships:people")
    return redirect(person)


@login_required
@require_POST
def presence_delete(request: HttpRequest, presence_id: str) -> HttpResponse:
    user = signed_in_user(request)
    presence = get_owned_or_404(owned(Presence, user).select_related("person"), user,
                                pk=presence_id)  # fmt: skip
    services.take_back(user, presence)
    messages.success(request, "Taken back.")
    return redirect(presence.person)


@login_required
@require_POST
def person_archive(request: HttpRequest, person_id: str) -> HttpResponse:
    user = signed_in_user(request)
    person = get_owned_or_404(Person, user, pk=person_id)
    records.set_archived(user, person, request.POST.get("archived") != "no")
    return redirect(person)


@login_required
def person_delete(request: HttpRequest, person_id: str) -> HttpResponse:
    """Ask first; offer to keep their experiences (unlinked), which is what happens unless the
    person ticks the box to delete those too."""
    user = signed_in_user(request)
    person = get_owned_or_404(Person, user, pk=person_id)
    experiences = owned(Experience, user).filter(person=person).count()
    if request.method == "POST":
        deleted = services.delete_person(
            user, person, with_experiences=request.POST.get("experiences") == "delete"
        )
        messages.success(
            request,
            f"Deleted, with {deleted} experience{'s' if deleted != 1 else ''}."
            if deleted
            else "Deleted. Your experiences with them are still in your ledger.",
        )
        return redirect("relationships:people")
    return render(
        request,
        "relationships/person_delete.html",
        {
            "person": person,
            "experiences": experiences,
            "ruptures": owned(Rupture, user).filter(person=person).count(),
        },
    )
