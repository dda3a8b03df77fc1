"""The page script's two calls: what is kept for this form, and keep (or forget) it.

Both answer JSON or an empty body; someone not signed in gets 403, never a sign-in page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.views.decorators.http import require_http_methods

from earned.accounts.models import User
from earned.drafts import services
from earned.drafts.models import Draft


def _signed_in(request: HttpRequest) -> User | None:
    user = request.user
    return user if isinstance(user, User) and user.is_authenticated else None


def _refused(reason: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"message": reason}, status=status)


@require_http_methods(["GET", "POST"])
def drafts(request: HttpRequest) -> HttpResponse:
    user = _signed_in(request)
    if user is None:
        return _refused("Please sign in.", 403)
    source = request.GET if request.method == "GET" else request.POST
    try:
        action = services.form_at(source.get("action", ""))
        if request.method == "GET":
            kept = services.found(user, action)
            return JsonResponse({"drafts": [_described(draft) for draft in kept]})
        slot = _slot(source.get("slot", "0"))
        if source.get("forget"):
            services.forget(user, action, slot)
        else:
            fields = services.fields_from(source.get("fields", ""))
            services.keep(user, action, slot, fields, services.base_from(source.get("base", "")))
    except services.NotKept as refusal:
        return _refused(str(refusal))
    return HttpResponse(status=204)


def _slot(text: str) -> int:
    if not text.isdigit() or int(text) > 50:
        raise services.NotKept("That is not a form of Earned.")
    return int(text)


def _described(draft: Draft) -> dict[str, object]:
    return {
        "slot": draft.slot,
        "fields": services.fields_of(draft),
        "base": services.base_of(draft),
        "saved": _when(draft),
    }


def _when(draft: Draft) -> str:
    """When the draft was kept, as a person would say it: "today at 17:33"."""
    saved = timezone.localtime(draft.saved_at)
    days = (timezone.localdate() - saved.date()).days
    day = {0: "today", 1: "yesterday"}.get(days) or format_date(saved, "\\o\\n l j F")
    return f"{day} at {format_date(saved, 'H:i')}"
