from __future__ import annotations

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from earned.access import signed_in_user
from earned.accounts.models import User
from earned.accounts.views import WELCOME_SESSION_KEY
from earned.exchange import arrivals, backup, formats, services
from earned.exchange.forms import (
    BackupFileForm,
    DeleteAccountForm,
    ExportFileForm,
    MoodNumbersForm,
    OtherAppFileForm,
    PassphraseCheckForm,
)


def _passphrase_confirmed(request: HttpRequest) -> bool:
    """Downloads ask for the passphrase again: someone else may be at a signed-in keyboard."""
    form = PassphraseCheckForm(request.POST)
    return form.is_valid() and signed_in_user(request).check_password(
        form.cleaned_data["passphrase"]
    )


@login_required
@require_POST
def export(request: HttpRequest) -> HttpResponse:
    if not _passphrase_confirmed(request):
        messages.error(request, "That passphrase does not match, so nothing was downloaded.")
        return redirect("accounts:settings")
    document = services.export_document(signed_in_user(request))
    unopened = len(document.get("could_not_open", ()))
    if unopened:  # said on the next page: this one is a download
        messages.warning(
            request, f"Everything else was downloaded. {services.unopened_said(unopened)}"
        )
    format_ = request.POST.get("format", "json")
    chosen = format_ if format_ in formats.FORMATS else "json"
    data, media_type, ending = formats.rendered(document, chosen)
    response = HttpResponse(data, content_type=media_type)
    filename = f"earned-export-{timezone.localdate().isoformat()}.{ending}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
@require_POST
def import_export(request: HttpRequest) -> HttpResponse:
    form = ExportFileForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _first_error(form.errors.get_json_data()))
        return redirect("accounts:settings")
    try:
        counts = services.import_file(signed_in_user(request), form.cleaned_data["export"])
    except services.ImportProblem as problem:
        messages.error(request, f"Nothing was brought in. {problem}")
    else:
        messages.success(request, services.describe_import(counts))
    return redirect("accounts:settings")


@login_required
def bring_in(request: HttpRequest) -> HttpResponse:
    """Bring in a file from another app: read it, look it over, then bring it all in (or let
    it go). The file read waits, sealed, between the two steps (arrivals.py)."""
    user = signed_in_user(request)
    arrival = arrivals.waiting(user)
    step = request.POST.get("step")
    if step == "read" or (arrival is None and step not in ("bring", "let-go")):
        return _read_other_app(request, user)
    if arrival is None:  # a second tab, or a day went by
        messages.info(request, "That file is no longer waiting here, so nothing more came in.")
        return redirect("exchange:bring-in")
    if step == "let-go":
        arrivals.let_go(user)
        messages.info(request, "That file is let go; nothing from it came in.")
        return redirect("exchange:bring-in")
    preview = arrivals.preview(user, arrival)
    moods = MoodNumbersForm(preview.moods, request.POST if step == "bring" else None)
    if step == "bring" and moods.is_valid():
        brought = arrivals.bring_in(user, arrival, moods.numbers())
        messages.success(request, arrivals.describe(brought, preview.app))
        return redirect("reflection:journal")
    status = 400 if moods.errors else 200
    context = {"preview": preview, "moods": moods}
    return render(request, "exchange/bring_in_preview.html", context, status=status)


def _read_other_app(request: HttpRequest, user: User) -> HttpResponse:
    form = OtherAppFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            arrivals.read(user, _read(form.cleaned_data["export"]))
        except arrivals.NotReadable as problem:
            form.add_error("export", f"{problem} Nothing was brought in.")
        else:
            return redirect("exchange:bring-in")
    status = 400 if form.errors else 200
    return render(request, "exchange/bring_in.html", {"form": form}, status=status)


@login_required
@require_POST
def download_backup(request: HttpRequest) -> HttpResponseBase:
    if not backup.offered_in_the_browser():
        raise Http404
    if not _passphrase_confirmed(request):
        messages.error(request, "That passphrase does not match, so nothing was downloaded.")
        return redirect("accounts:settings")
    copy = Path(settings.DATA_DIR) / f".download-{secrets.token_hex(8)}.sqlite3"
    try:
        backup.backup(copy)
        handle = copy.open("rb")
    finally:
        copy.unlink(missing_ok=True)  # the open handle still reads it; nothing is left behind
    filename = f"earned-backup-{timezone.localdate().isoformat()}.sqlite3"
    return FileResponse(handle, as_attachment=True, filename=filename)


def restore_backup(request: HttpRequest) -> HttpResponse:
    """Restore on the first run: only with the welcome link's session, only locally, and only
    while this Earned holds no account."""
    if (
        request.session.get(WELCOME_SESSION_KEY) != "welcome"
        or not backup.offered_in_the_browser()
        or User.objects.exists()
    ):
        raise Http404
    form = BackupFileForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = Path(settings.DATA_DIR) / f".restore-{secrets.token_hex(8)}.sqlite3"
        try:
            upload.write_bytes(_read(form.cleaned_data["backup"]))
            counts = backup.restore(upload)
        except backup.NotABackup:
            form.add_error("backup", "That file is not an Earned backup. Nothing was changed.")
        except backup.BackupProblem as problem:
            form.add_error("backup", f"Nothing was restored. {problem}")
        else:
            request.session.flush()  # the welcome session belonged to the empty database
            messages.success(
                request,
                f"Your backup is restored ({sum(counts.values())} rows, checked). "
                "Sign in with the passphrase you used then.",
            )
            return redirect("accounts:sign-in")
        finally:
            upload.unlink(missing_ok=True)
    status = 400 if form.errors else 200
    return render(request, "exchange/restore.html", {"form": form}, status=status)


def _read(upload: UploadedFile) -> bytes:
    return b"".join(upload.chunks())


def _first_error(errors: dict[str, list[dict[str, str]]]) -> str:
    return next(iter(errors.values()))[0]["message"]


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.POST or None)
    user = signed_in_user(request)
    if request.method == "POST" and form.is_valid():
        if user.check_password(form.cleaned_data["passphrase"]):
            services.erase_account(user)
            logout(request)
            messages.info(request, "Your account and everything in it are gone. Take good care.")
            return redirect("accounts:sign-in")
        form.add_error("passphrase", "That passphrase does not match.")
    status = 400 if form.errors else 200
    return render(request, "exchange/delete.html", {"form": form}, status=status)
