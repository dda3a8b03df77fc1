"""Every multi-step account operation, shared by the views and the CLI."""

from __future__ import annotations

import ipaddress
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from hashlib import sha256
from typing import Any

from django.conf import settings
from django.contrib.auth import authenticate, login, password_validation, update_session_auth_hash
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from earned.accounts import backends, sessions
from earned.accounts.backends import normalize_username
from earned.accounts.models import DeviceSession, SignInFailure, SignInLink, User
from earned.privacy import damage, keyring, keys
from earned.privacy.models import KeyEnvelope


class AccountError(Exception):
    """Something the person asked for that cannot be done; the message says why, kindly."""


# --- Accounts ---------------------------------------------------------------------------------


def owner() -> User | None:
    """The single account of a local installation (None until it is set up)."""
    return User.objects.order_by("created_at").first()


def create_account(
    *,
    name: str,
    passphrase: str,
    username: str = "",
    timezone_name: str = "UTC",
    country: str = "",
    practitioner: bool = False,
) -> User:
    """Create an account (a practitioner's only on a practice server). Raises AccountError, or
    ValidationError for a weak passphrase."""
    display_name = name.strip()
    if not display_name:
        raise AccountError("Please give a name to be called by.")
    login_name = normalize_username(username or display_name)
    candidate = User(username=login_name, display_name=display_name)
    password_validation.validate_password(passphrase, candidate)
    if practitioner and not settings.IS_SERVER:
        raise AccountError(
            "A practitioner's account is for a practice server (EARNED_MODE=server): a local "
            "Earned belongs to one person."
        )
    with transaction.atomic():
        if not settings.IS_SERVER and User.objects.exists():
            raise AccountError(
                "This Earned already belongs to someone. A local installation keeps one account."
            )
        if User.objects.filter(username=login_name).exists():
            raise AccountError(f"The sign-in name {login_name!r} is already taken.")
        user = User.objects.create_user(
            username=login_name,
            password=passphrase,
            display_name=display_name,
            timezone=timezone_name,
            country=country.upper(),
            role=User.Role.PRACTITIONER if practitioner else User.Role.PERSON,
        )
        keys.create_envelope(user, passphrase)
        return user


def change_passphrase(request: HttpRequest, user: User, current: str, new: str) -> None:
    if not user.check_password(current):
        raise AccountError("That is not your current passphrase.")
    password_validation.validate_password(new, user)
    with transaction.atomic():
        keys.rewrap_for_new_passphrase(user, current, new)  # the entries stay as they are
        user.set_password(new)
        user.save(update_fields=["password"])
    update_session_auth_hash(request, user)  # keep this browser signed in
    end_other_sessions(user, keep=request.session.session_key)


# --- One-time links ---------------------------------------------------------------------------


class LinkProblem(AccountError):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


def _hash_token(token: str) -> str:
    return sha256(token.encode()).hexdigest()


def issue_link(purpose: str, lifetime: timedelta, *, practitioner: bool = False) -> str:
    """Create a one-time link token; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    SignInLink.objects.create(
        token_hash=_hash_token(token),
        purpose=purpose,
        practitioner=practitioner,
        expires_at=timezone.now() + lifetime,
    )
    return token


def issue_welcome_link() -> str:
    return issue_link(SignInLink.Purpose.WELCOME, timedelta(minutes=settings.SIGN_IN_LINK_MINUTES))


def issue_invitation(*, practitioner: bool = False) -> str:
    """A one-time link with which someone sets up their own account on a practice server — a
    therapist's or peer coach's, if `practitioner`."""
    if practitioner and not settings.IS_SERVER:
        raise AccountError("A practitioner's account is for a practice server.")
    return issue_link(
        SignInLink.Purpose.INVITATION,
        timedelta(days=settings.INVITATION_DAYS),
        practitioner=practitioner,
    )


def open_link(token: str, address: str) -> SignInLink:
    """Check a one-time link without using it up, or raise LinkProblem saying why it cannot be
    used. Opening is not using: a link preview, a reopened tab or a second browser must not
    burn it. Only setting up the account (set_up_with_link) does."""
    link = SignInLink.objects.filter(token_hash=_hash_token(token)).first()
    if link is None:
        raise LinkProblem("unknown", "This link is not one we know.")
    if link.purpose == SignInLink.Purpose.WELCOME and not is_loopback(address):
        # The welcome link sets up the only account: it works only on the machine it was made on.
        raise LinkProblem("not-local", "This link only works on the computer running Earned.")
    if link.used_at is not None:
        raise LinkProblem("used", "This link has already been used.")
    if link.expires_at <= timezone.now():
        raise LinkProblem("expired", "This link has expired.")
    return link


def set_up_with_link(link_id: int, **details: Any) -> User:
    """Use up an opened link and create the account it is for: both, or (with an
    AccountError or ValidationError) neither. The link's lifetime bounds when it can be opened;
    a browser that opened it in time may take as long as the person needs to fill in the form."""
    with transaction.atomic():
        claimed = SignInLink.objects.filter(pk=link_id, used_at__isnull=True).update(
            used_at=timezone.now()
        )
        if not claimed:  # set up a moment ago, in another window or browser
            raise LinkProblem("used", "This link has already been used.")
        practitioner = SignInLink.objects.filter(pk=link_id, practitioner=True).exists()
        return create_account(**details, practitioner=practitioner)


# --- Signing in ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SignInResult:
    user: User | None
    wait_minutes: int = 0


def client_address(request: HttpRequest) -> str:
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return str(forwarded).split(",")[0].strip()
    return str(request.META.get("REMOTE_ADDR", ""))


def is_loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


def _throttle_keys(username: str, address: str) -> list[str]:
    account = normalize_username(username) if settings.IS_SERVER else "owner"
    return [
        salted_hmac("earned.sign-in.account", account).hexdigest(),
        salted_hmac("earned.sign-in.address", address).hexdigest(),
    ]


def _wait_minutes(keys: list[str]) -> int:
    """How long until another attempt is allowed; 0 when it is allowed now."""
    window = timedelta(minutes=settings.SIGN_IN_WINDOW_MINUTES)
    since = timezone.now() - window
    limits = [settings.SIGN_IN_LIMIT_PER_ACCOUNT, settings.SIGN_IN_LIMIT_PER_ADDRESS]
    wait = timedelta(0)
    for key, limit in zip(keys, limits, strict=True):
        recent = list(
            SignInFailure.objects.filter(key_hash=key, at__gt=since)
            .order_by("-at")
            .values_list("at", flat=True)[:limit]
        )
        if len(recent) >= limit:
            wait = max(wait, recent[-1] + window - timezone.now())
    return -(-int(wait.total_seconds()) // 60)  # whole minutes, rounded up


def attempt_sign_in(request: HttpRequest, username: str, passphrase: str) -> SignInResult:
    """Check the limits, then the passphrase. The answer never reveals whether a name exists."""
    throttle = _throttle_keys(username, client_address(request))
    wait = _wait_minutes(throttle)
    if wait:
        return SignInResult(None, wait_minutes=wait)
    user = authenticate(request, username=username, password=passphrase)
    if not isinstance(user, User):
        now = timezone.now()
        SignInFailure.objects.bulk_create([SignInFailure(key_hash=key, at=now) for key in throttle])
        return SignInResult(None)
    SignInFailure.objects.filter(key_hash=throttle[0]).delete()
    sign_in(request, user, passphrase)
    return SignInResult(user)


def sign_in(request: HttpRequest, user: User, passphrase: str | None) -> None:
    """Start a fresh session (a new key) that the person can later see and end, and, locally,
    unlock their entries for it with the passphrase."""
    opened = request.__dict__.pop(backends.OPENED_KEY, None)  # by signing in: Argon2 once
    data_key = None if settings.IS_SERVER else opened or _open_or_create_key(user, passphrase)
    login(request, user, backend="earned.accounts.backends.PassphraseBackend")
    request.session[sessions.PUBLIC_ID] = str(uuid.uuid4())
    request.session[sessions.DEVICE] = describe_device(request.META.get("HTTP_USER_AGENT", ""))
    request.session[sessions.SIGNED_IN_AT] = timezone.now().isoformat()
    sessions.touched(request.session)  # its end is set as it is written now
    request.session.save()
    now = timezone.now()
    DeviceSession.objects.filter(expire_date__lt=now).delete()
    SignInFailure.objects.filter(
        at__lt=now - timedelta(minutes=settings.SIGN_IN_WINDOW_MINUTES)
    ).delete()
    if data_key is not None and request.session.session_key:
        keyring.retain_only(DeviceSession.objects.values_list("session_key", flat=True))
        keyring.hold(request.session.session_key, str(user.pk), data_key)
    _seal_what_was_clear(user, data_key)


def _seal_what_was_clear(user: User, data_key: bytes | None) -> None:
    """The first moment a person's key is open: seal what an earlier Earned kept in clear."""
    try:
        key = data_key if data_key is not None else keys.open_data_key(user)
    except KeyEnvelope.DoesNotExist:
        return
    with keyring.using(key):
        damage.seal_what_was_clear(user)


def _open_or_create_key(user: User, passphrase: str | None) -> bytes:
    try:
        return keys.open_data_key(user, passphrase)
    except KeyEnvelope.DoesNotExist:  # an account made before keys existed gets one now
        return keys.create_envelope(user, passphrase)


def _end_sessions(sessions_to_end: QuerySet[DeviceSession]) -> int:
    ended = list(sessions_to_end.values_list("session_key", flat=True))
    sessions_to_end.delete()
    for session_key in ended:
        keyring.release(session_key)
    return len(ended)


def end_other_sessions(user: User, keep: str | None) -> int:
    return _end_sessions(DeviceSession.objects.filter(owner=user).exclude(session_key=keep))


def end_session(user: User, device: DeviceSession) -> None:
    _end_sessions(DeviceSession.objects.filter(owner=user, pk=device.pk))


def sign_out_everywhere(user: User) -> int:
    return _end_sessions(DeviceSession.objects.filter(owner=user))


def active_sessions(user: User) -> list[DeviceSession]:
    return list(
        DeviceSession.objects.filter(
            owner=user, public_id__isnull=False, expire_date__gt=timezone.now()
        ).order_by("-expire_date")
    )


_BROWSERS = [
    ("Edg/", "Edge"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
]
_SYSTEMS = [
    ("Android", "Android"),
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Windows", "Windows"),
    ("Mac OS X", "Mac"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
]


def describe_device(user_agent: str) -> str:
    """A short, human label for a browser ("Firefox on Android"), never the full string."""
    browser = next((name for marker, name in _BROWSERS if marker in user_agent), "A browser")
    system = next((name for marker, name in _SYSTEMS if marker in user_agent), "")
    return f"{browser} on {system}" if system else browser
