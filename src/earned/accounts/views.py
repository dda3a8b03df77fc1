from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from earned import demo
from earned.access import get_owned_or_404, signed_in_user
from earned.accounts import services
from earned.accounts.forms import ChangePassphraseForm, ProfileForm, SignInForm, WelcomeForm
from earned.accounts.models import DeviceSession, SignInLink
from earned.accounts.passphrases import strength
from earned.exchange import backup

WELCOME_SESSION_KEY = "earned.welcome"  # the opened link's purpose
WELCOME_LINK_KEY = "earned.welcome-link"  # which link: set-up uses it up
LINK_PROBLEM_STATUS = {"unknown": 404, "used": 410, "expired": 410, "not-local": 403}


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("web:today")


def sign_in(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("web:today")
    if not settings.IS_SERVER and services.owner() is None:
        return render(request, "accounts/not_set_up.html")
    form = SignInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = services.attempt_sign_in(
            request, form.cleaned_data.get("username", ""), form.cleaned_data["passphrase"]
        )
        if result.user is not None:
            return redirect(_safe_next(request))
        if result.wait_minutes:
            form.add_error(
                None,
                "There have been several tries that did not match, so signing in is paused "
                f"for {result.wait_minutes} minute{'s' if result.wait_minutes != 1 else ''}. "
                "Nothing is lost; please take a breath and try again then.",
            )
        elif settings.IS_SERVER:
            form.add_error(None, "That name and passphrase do not match. Please try again.")
        else:
            form.add_error(None, "That passphrase does not match. Please try again.")
    owner = None if settings.IS_SERVER else services.owner()
    return render(
        request,
        "accounts/sign_in.html",
        {
            "form": form,
            "next": _safe_next(request),
            # A demo holds nothing private, so its passphrase is shown to whoever is trying it.
            "demo_passphrase": demo.PASSPHRASE if owner is not None and owner.is_demo else None,
        },
    )


def welcome_link(request: HttpRequest, token: str) -> HttpResponse:
    try:
        link = services.open_link(token, services.client_address(request))
    except services.LinkProblem as problem:
        return _link_problem(request, problem)
    request.session[WELCOME_SESSION_KEY] = link.purpose
    request.session[WELCOME_LINK_KEY] = link.pk
    return redirect("accounts:welcome")


def _link_problem(request: HttpRequest, problem: services.LinkProblem) -> HttpResponse:
    return render(
        request,
        "accounts/link_problem.html",
        {"problem": problem},
        status=LINK_PROBLEM_STATUS[problem.reason],
    )


def welcome(request: HttpRequest) -> HttpResponse:
    if WELCOME_LINK_KEY not in request.session:
        messages.info(request, "Setting up starts from the link Earned gave you.")
        return redirect("accounts:sign-in")
    form = WelcomeForm(request.POST or None, ask_username=settings.IS_SERVER)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.set_up_with_link(
                request.session[WELCOME_LINK_KEY],
                name=data["name"],
                username=data.get("username", ""),
                passphrase=data["passphrase"],
                timezone_name=data["timezone"],
                country=data["country"],
            )
        except services.LinkProblem as problem:
            return _link_problem(request, problem)
        except services.AccountError as error:
            form.add_error(None, str(error))
        except ValidationError as error:
            form.add_error("passphrase", error)
        else:
            request.session.pop(WELCOME_SESSION_KEY, None)
            request.session.pop(WELCOME_LINK_KEY, None)
            services.sign_in(request, user, data["passphrase"])
            messages.success(request, f"Welcome, {user.display_name}. This space is yours.")
            return redirect("web:today")
    first_run = request.session[WELCOME_SESSION_KEY] == "welcome"
    can_restore = first_run and backup.offered_in_the_browser()
    for_practitioner = SignInLink.objects.filter(
        pk=request.session[WELCOME_LINK_KEY], practitioner=True
    ).exists()
    return render(
        request,
        "accounts/welcome.html",
        {"form": form, "can_restore": can_restore, "for_practitioner": for_practitioner},
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "You are signed out. Take care.")
    return redirect("accounts:sign-in")


def _settings_page(
    request: HttpRequest,
    *,
    profile_form: ProfileForm | None = None,
    passphrase_form: ChangePassphraseForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = signed_in_user(request)
    return render(
        request,
        "accounts/settings.html",
        {
            "profile_form": profile_form or ProfileForm(instance=user),
            "passphrase_form": passphrase_form or ChangePassphraseForm(),
            "sessions": services.active_sessions(user),
            "current_session": request.session.session_key,
            "backups_in_browser": backup.offered_in_the_browser(),
            "server": settings.IS_SERVER,  # care circles and groups live on a practice server
        },
        status=status,
    )


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    return _settings_page(request)


@login_required
@require_POST
def update_profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST, instance=signed_in_user(request))
    if not form.is_valid():
        return _settings_page(request, profile_form=form, status=400)
    form.save()
    messages.success(request, "Saved.")
    return redirect("accounts:settings")


@login_required
@require_POST
def change_passphrase(request: HttpRequest) -> HttpResponse:
    form = ChangePassphraseForm(request.POST)
    if form.is_valid():
        try:
            services.change_passphrase(
                request,
                signed_in_user(request),
                form.cleaned_data["current"],
                form.cleaned_data["passphrase"],
            )
        except services.AccountError as error:
            form.add_error("current", str(error))
        except ValidationError as error:
            form.add_error("passphrase", error)
        else:
            messages.success(
                request, "Your passphrase is changed. Any other signed-in devices were signed out."
            )
            return redirect("accounts:settings")
    return _settings_page(request, passphrase_form=form, status=400)


@login_required
@require_POST
def end_session(request: HttpRequest, public_id: str) -> HttpResponse:
    device = get_owned_or_404(DeviceSession, signed_in_user(request), public_id=public_id)
    if device.session_key == request.session.session_key:
        return sign_out(request)
    services.end_session(signed_in_user(request), device)
    messages.success(request, "That device is signed out.")
    return redirect("accounts:settings")


@login_required
@require_POST
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    services.sign_out_everywhere(signed_in_user(request))
    logout(request)
    messages.info(request, "You are signed out on every device, including this one.")
    return redirect("accounts:sign-in")


@require_POST
def passphrase_strength(request: HttpRequest) -> JsonResponse:
    """Live feedback while someone chooses a passphrase; the same check the form applies."""
    result = strength(request.POST.get("passphrase", "")[:256])
    return JsonResponse({"score": result.score, "message": result.message})
