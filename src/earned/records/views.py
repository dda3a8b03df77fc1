"""The one page action every kind of entry shares: who in a care circle may see it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from earned.access import get_owned_or_404, signed_in_user
from earned.records import saving as records
from earned.records.models import Visibility, with_pages

SAID = {
    Visibility.FOLLOW: "Saved. It follows what you share of its kind.",
    Visibility.PRIVATE: "Saved. Only you will see this entry.",
    Visibility.SHARED: "Saved. Your care circle may see this entry.",
}


@login_required
@require_POST
def visibility(request: HttpRequest, kind: str, record_id: str) -> HttpResponse:
    model = with_pages()[kind]
    user = signed_in_user(request)
    record = get_owned_or_404(model, user, pk=record_id)
    try:
        chosen = Visibility(request.POST.get("visibility", ""))
    except ValueError:
        raise Http404("No such choice.") from None
    records.set_visibility(user, record, chosen)
    messages.success(request, SAID[chosen])
    return redirect(record.get_absolute_url())  # type: ignore[attr-defined]
