"""Peer pairs in the browser: a member asks another, saying what they would share; the other
answers, choosing what they share in turn, or says no; the one who asked can withdraw. Once a
pair opens, each reads the other on the care circle's pages (earned/circles/views/theirs.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from earned.access import group_or_404, signed_in_user
from earned.circles.services import category_names
from earned.groups import pairs
from earned.groups.forms import PairForm, PairSharingForm
from earned.groups.models import Group, Membership
from earned.privacy.opening import read_now
from earned.web.pages import status_of


def _as_member(request: HttpRequest, group_id: str) -> tuple[Group, Membership]:
    """The group and the asker's membership of it (its facilitator has no pairs), or 404."""
    group, membership = group_or_404(signed_in_user(request), group_id)
    if membership is None:
        raise Http404("Pairs are for members.")
    read_now([group], "name")
    return group, membership


def _back(group: Group) -> str:
    return reverse("groups:group", args=[group.pk]) + "#pairs"


@login_required
def ask(request: HttpRequest, group_id: str) -> HttpResponse:
    group, membership = _as_member(request, group_id)
    askable = pairs.askable(membership)
    read_now(askable, "alias")
    form = PairForm(request.POST or None, partners=[(str(m.pk), str(m.alias)) for m in askable])
    if request.method == "POST" and form.is_valid():
        partner = next(m for m in askable if str(m.pk) == form.cleaned_data["partner"])
        try:
            pairs.ask(membership, partner, form.cleaned_data["categories"])
        except pairs.PairError as problem:
            messages.error(request, str(problem))
        else:
            messages.success(
                request, f"Asked. {partner.alias} will find your request on the group’s page."
            )
        return redirect(_back(group))
    return render(
        request,
        "groups/pair_ask.html",
        {"group": group, "form": form, "askable": askable},
        status=status_of(form),
    )


@login_required
def answer(request: HttpRequest, group_id: str, pair_request_id: str) -> HttpResponse:
    """Say yes, choosing what to share, or no. Nothing is shared until the yes."""
    group, membership = _as_member(request, group_id)
    offer = get_object_or_404(pairs.offered_to(membership), pk=pair_request_id)
    read_now([offer.asking], "alias")
    asking = str(offer.asking.alias)
    if request.method == "POST" and "decline" in request.POST:
        pairs.decline(offer)
        messages.success(request, f"Said no. {asking}’s request is no longer waiting.")
        return redirect(_back(group))
    form = PairSharingForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            pairs.accept(offer, form.cleaned_data["categories"])
        except pairs.PairError as problem:
            messages.error(request, str(problem))
        else:
            messages.success(request, f"You and {asking} are peer partners now.")
        return redirect(_back(group))
    return render(
        request,
        "groups/pair_answer.html",
        {
            "group": group,
            "asking": asking,
            "shared": category_names(offer.categories),
            "form": form,
        },
        status=status_of(form),
    )


@login_required
@require_POST
def withdraw(request: HttpRequest, group_id: str, pair_request_id: str) -> HttpResponse:
    group, membership = _as_member(request, group_id)
    pairs.decline(get_object_or_404(pairs.asked_by(membership), pk=pair_request_id))
    messages.success(request, "Withdrawn.")
    return redirect(_back(group))
