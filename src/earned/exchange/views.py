from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from earned.accounts.models import User
from earned.exchange import services
from earned.exchange.forms import DeleteAccountForm, PassphraseCheckForm


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)  # guaranteed by @login_required
    return request.user


@login_required
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    """Download everything, after the passphrase is typed again (someone else may be at the
    keyboard of a signed-in browser)."""
    form = PassphraseCheckForm(request.POST)
    user = _user(request)
    if not form.is_valid() or not user.check_password(form.cleaned_data["passphrase"]):
        messages.error(request, "That passphrase does not match, so nothing was downloaded.")
        return redirect("accounts:settings")
    document = services.export_document(user)
    response = HttpResponse(
        json.dumps(document, indent=2, ensure_ascii=False),
        content_type="application/json; charset=utf-8",
    )
    filename = f"earned-export-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None)
    user = _user(request)
    if request.method == "POST" and form.is_valid():
        if user.check_password(form.cleaned_data["passphrase"]):
            services.erase_account(user)
            logout(request)
            messages.info(request, "Your account and everything in it are gone. Take good care.")
            return redirect("accounts:sign-in")
        form.add_error("passphrase", "That passphrase does not match.")
    status = 400 if form.errors else 200
    return render(request, "exchange/delete.html", {"form": form}, status=status)
