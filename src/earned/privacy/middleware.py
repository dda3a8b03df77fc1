from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse

from earned.accounts.models import User
from earned.privacy import keyring, keys


def unlock(get_response: Callable[[HttpRequest], HttpResponse]) -> Callable[..., HttpResponse]:
    """Make the signed-in person's data key current for this request — opened by the session,
    the server's instance key, or an API token — or ask them to sign in."""

    def middleware(request: HttpRequest) -> HttpResponse:
        user = request.user
        if not isinstance(user, User) or not user.is_authenticated:
            return get_response(request)
        opened_by_token = getattr(request, "api_token_key", None)  # earned/api/middleware.py
        if opened_by_token is not None:
            with keyring.using(opened_by_token):
                return get_response(request)
        if settings.IS_SERVER:
            data_key: bytes | None = keys.open_data_key(user)
        else:
            data_key = keyring.held(request.session.session_key)
        if data_key is None:
            # Signed in before Earned restarted: the key was only ever in memory.
            logout(request)
            messages.info(
                request,
                "Earned was restarted, so your entries are locked again. "
                "Please sign in to open them.",
            )
            return redirect_to_login(request.get_full_path())
        with keyring.using(data_key):
            return get_response(request)

    return middleware
