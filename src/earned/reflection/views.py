from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from earned.access import get_owned_or_404, owned, signed_in_user
from earned.ledger.models import Expectation
from earned.reflection.forms import ShiftForm
from earned.reflection.models import Shift
from earned.web.deleting import Deletion, confirm_then_delete

SHIFTS_PAGE = 20


@login_required
def reflect(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    return render(
        request,
        "reflection/reflect.html",
        {"shifts": owned(Shift, user).count()},
    )


@login_required
def shifts(request: HttpRequest) -> HttpResponse:
    user = signed_in_user(request)
    page = Paginator(owned(Shift, user), SHIFTS_PAGE).get_page(request.GET.get("page"))
    return render(
        request, "reflection/shifts.html", {"page": page, "shifts": list(page.object_list)}
    )


def _shift_form(request: HttpRequest, instance: Shift | None = None) -> HttpResponse:
    user = signed_in_user(request)
    linkable = owned(Expectation, user)
    form = ShiftForm(request.POST or None, instance=instance, expectations=linkable)
    if request.method == "POST" and form.is_valid():
        shift = form.save(commit=False)
        shift.owner = user
        shift.save()
        messages.success(
            request,
            "Saved. You caught a verdict and looked at it from other sides — that is the skill.",
        )
        return redirect(shift)
    return render(
        request,
        "reflection/shift_form.html",
        {"form": form, "shift": instance},
        status=400 if form.errors else 200,
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
