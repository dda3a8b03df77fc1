from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.ledger.models import Expectation
from earned.reflection import services
from earned.reflection.forms import ShiftForm
from earned.reflection.models import Shift
from earned.web.deleting import Deletion, confirm_then_delete
from earned.web.pages import form_page, list_page


@login_required
def shifts(request: HttpRequest) -> HttpResponse:
    return list_page(request, owned(Shift, signed_in_user(request)), "reflection/shifts.html")


def _shift_form(request: HttpRequest, instance: Shift | None = None) -> HttpResponse:
    user = signed_in_user(request)
    form = ShiftForm(request.POST or None, instance=instance, expectations=owned(Expectation, user))
    return form_page(
        request,
        form,
        "reflection/shift_form.html",
        lambda form: services.save_shift(user, form.save(commit=False)),
        "Saved. You caught a verdict and looked at it from other sides — that is the skill.",
        {"shift": instance},
    )


@login_required
def shift_new(request: HttpRequest) -> HttpResponse:
    return _shift_form(request)


@login_required
def shift_edit(request: HttpRequest, shift_id: str) -> HttpResponse:
    return _shift_form(request, get_owned_or_404(Shift, signed_in_user(request), pk=shift_id))


@login_required
def shift_detail(request: HttpRequest, shift_id: str) -> HttpResponse:
    user = signed_in_user(request)
    shift = get_owned_or_404(owned(Shift, user).select_related("expectation"), user, pk=shift_id)
    return render(request, "reflection/shift_detail.html", {"shift": shift})


@login_required
def shift_delete(request: HttpRequest, shift_id: str) -> HttpResponse:
    shift = get_owned_or_404(Shift, signed_in_user(request), pk=shift_id)
    return confirm_then_delete(
        request,
        shift,
        Deletion(
            title="Delete this interpretation shift?",
            what=shift.signal,
            consequences=["It is deleted for good, with the readings you found."],
            done="Deleted.",
            then="reflection:shifts",
        ),
    )
