from __future__ import annotations

import uuid
from typing import TypeVar

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.accounts.models import User
from earned.circles import services as circles
from earned.circles.models import Session
from earned.records.models import Owned
from earned.relationships import services
from earned.relationships.choices import Setting
from earned.relationships.forms import RepairForm, RuptureForm
from earned.relationships.models import Person, Repair, Rupture
from earned.web.deleting import Deletion, confirm_then_delete
from earned.web.pages import PAGE_SIZE, form_page

RecordT = TypeVar("RecordT", bound=Owned)


@login_required
def ruptures(request: HttpRequest) -> HttpResponse:
    """A page of ruptures, newest first, under the markers of every one (years of them make a
    long page to scroll, and drawing it was most of its time)."""
    found = list(services.ruptures_of(signed_in_user(request)))
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "relationships/ruptures.html",
        {"ruptures": page.object_list, "page": page, "markers": services.markers(found)},
    )


def _rupture_form(request: HttpRequest, instance: Rupture | None = None) -> HttpResponse:
    user = signed_in_user(request)
    initial: dict[str, object] = {"at": timezone.localtime().replace(second=0, microsecond=0)}
    chosen = _person_from_link(request, user)
    if instance is None and chosen is not None:
        initial["person"] = chosen
    # Noticed in a session with their practitioner: noted here in the person's own words.
    session = circles.to_note_one(user, request.GET.get("session")) if instance is None else None
    if session is not None:
        initial.update(setting=Setting.THERAPY, trigger=session.what or "")
    form = RuptureForm(
        request.POST or None,
        instance=instance,
        initial=initial if instance is None else None,
        people=services.people(user) | owned(Person, user).filter(ruptures=instance),
    )
    return form_page(
        request,
        form,
        "relationships/rupture_form.html",
        lambda form: _noted(user, session, services.save_rupture(user, form.save(commit=False))),
        "Noted. A rupture is part of any close relationship; what matters is what comes next.",
        {"rupture": instance},
    )


def _noted(user: User, session: Session | None, record: RecordT) -> RecordT:
    """A record made from what was noticed in a session is linked back to it."""
    if session is not None:
        circles.noted(user, session, record)
    return record


def _person_from_link(request: HttpRequest, user: User) -> Person | None:
    """The person a "log a rupture" link came from, if it names one of the person's own."""
    try:
        return owned(Person, user).filter(pk=uuid.UUID(request.GET.get("person", ""))).first()
    except ValueError:
        return None


@login_required
def rupture_new(request: HttpRequest) -> HttpResponse:
    return _rupture_form(request)


@login_required
def rupture_edit(request: HttpRequest, rupture_id: str) -> HttpResponse:
    return _rupture_form(request, get_owned_or_404(Rupture, signed_in_user(request), pk=rupture_id))


@login_required
def rupture_detail(request: HttpRequest, rupture_id: str) -> HttpResponse:
    user = signed_in_user(request)
    rupture = get_owned_or_404(services.ruptures_of(user), user, pk=rupture_id)
    return render(request, "relationships/rupture.html", {"rupture": rupture})


@login_required
def rupture_delete(request: HttpRequest, rupture_id: str) -> HttpResponse:
    rupture = get_owned_or_404(
        owned(Rupture, signed_in_user(request)).select_related("person"),
        signed_in_user(request),
        pk=rupture_id,
    )
    return confirm_then_delete(
        request,
        rupture,
        Deletion(
            title="Delete this rupture?",
            what=rupture.get_kind_display(),
            consequences=["The rupture goes, with the repairs written for it."],
            done="Deleted.",
            then=rupture.person.get_absolute_url(),
        ),
    )


def _repair_form(
    request: HttpRequest, rupture: Rupture, instance: Repair | None = None
) -> HttpResponse:
    user = signed_in_user(request)
    session = circles.to_note_one(user, request.GET.get("session")) if instance is None else None
    initial: dict[str, object] = {"at": timezone.localtime().replace(second=0, microsecond=0)}
    if session is not None:
        initial["what"] = session.what or ""
    form = RepairForm(
        request.POST or None, instance=instance, initial=None if instance else initial
    )

    def save(form: RepairForm) -> Repair:
        repair: Repair = form.save(commit=False)
        repair.rupture = rupture
        return _noted(user, session, services.save_repair(user, repair))

    return form_page(
        request,
        form,
        "relationships/repair_form.html",
        save,
        "Noted. Reaching back after a rupture takes courage, whatever came of it.",
        {"rupture": rupture, "repair": instance},
    )


@login_required
def repair_new(request: HttpRequest, rupture_id: str) -> HttpResponse:
    user = signed_in_user(request)
    return _repair_form(request, get_owned_or_404(services.ruptures_of(user), user, pk=rupture_id))


@login_required
def repair_edit(request: HttpRequest, repair_id: str) -> HttpResponse:
    user = signed_in_user(request)
    repair = get_owned_or_404(owned(Repair, user).select_related("rupture"), user, pk=repair_id)
    return _repair_form(request, repair.rupture, repair)


@login_required
def repair_delete(request: HttpRequest, repair_id: str) -> HttpResponse:
    user = signed_in_user(request)
    repair = get_owned_or_404(owned(Repair, user).select_related("rupture"), user, pk=repair_id)
    return confirm_then_delete(
        request,
        repair,
        Deletion(
            title="Delete this repair?",
            what=repair.what,
            consequences=["The repair goes; the rupture stays, open again if this repaired it."],
            done="Deleted.",
            then=repair.rupture.get_absolute_url(),
            delete=lambda: services.delete_repair(user, repair),
        ),
    )
