"""The one settings module. Every value comes from the environment; docs/configuration.md
lists each variable. Local mode (the default) needs nothing; server mode fails closed."""

from __future__ import annotations

import os

import dj_database_url
import django_stubs_ext

from earned import environment
from earned.environment import env_flag, env_int, env_list
from earned.privacy.crypto import PRODUCTION_FLOOR, RECOMMENDED

# Lets forms and querysets be written with their model's type (`forms.ModelForm[Person]`).
django_stubs_ext.monkeypatch()

MODE = environment.mode()
IS_SERVER = MODE == environment.SERVER
DATA_DIR = environment.data_dir()

DEBUG = env_flag("EARNED_DEBUG", default=False)
SECRET_KEY = (
    environment.server_secret_key() if IS_SERVER else environment.local_secret_key(DATA_DIR)
)

if IS_SERVER:
    ALLOWED_HOSTS = env_list("EARNED_ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        raise environment.ConfigurationError(
            "Server mode needs EARNED_ALLOWED_HOSTS: the host names this server answers to, "
            "separated by commas (for example: earned.example.org)."
        )
else:
    ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", *env_list("EARNED_ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = env_list("EARNED_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "earned.web",
    "earned.accounts",
    "earned.safety",
    "earned.privacy",
    "earned.exchange",
    "earned.relationships",  # before the ledger: an experience may name a person
    "earned.ledger",
    "earned.rituals",
    "earned.reflection",
    "earned.practice",
    "earned.search",
    "earned.drafts",
    "earned.calendar",
    "earned.insights",
    "earned.measures",
    "earned.circles",
    "earned.groups",
    "earned.api",
    "earned.records",  # last of ours: reads what every app's models declare
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "earned.web.middleware.privacy_headers",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "earned.accounts.sessions.idle_clock",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "earned.api.middleware.bearer",
    "earned.web.middleware.person_timezone",
    "earned.web.middleware.calm_error_pages",
    "django.contrib.messages.middleware.MessageMiddleware",
    "earned.safety.noticing.remember_request",
    "earned.privacy.middleware.unlock",
    "earned.drafts.middleware.forget_saved_drafts",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "earned.urls"
WSGI_APPLICATION = "earned.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "earned.web.context.shell",
            ],
            # {% url %} remembering addresses without arguments, and a quicker |date for our
            # formats, in place of Django's (earned/web/templatetags).
            "builtins": ["earned.web.templatetags.addresses", "earned.web.templatetags.dates"],
        },
    }
]

# Django's form renderer, the plainest widgets put together in Python (earned/web).
FORM_RENDERER = "earned.web.form_rendering.QuickWidgets"

# --- Database: SQLite in the data folder unless DATABASE_URL names another ---------------------
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
if DATABASE_URL:
    try:
        DATABASES = {  # connections kept for ten minutes, checked before each request's first use
            "default": dj_database_url.parse(
                DATABASE_URL, conn_max_age=600, conn_health_checks=True
            )
        }
    except ValueError as error:
        raise environment.ConfigurationError(f"DATABASE_URL cannot be read: {error}") from None
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "earned.sqlite3"),
            # Kept open by each server thread: opening SQLite and setting its pragmas cost a
            # simple request most of its time (measured in bench/api.py).
            "CONN_MAX_AGE": None,
            "OPTIONS": {
                # WAL lets the app read while a backup or the CLI writes; FULL makes every
                # committed entry survive a power cut. The planner's statistics are gathered
                # from a sample of each index (earned/records/planner.py).
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA analysis_limit=1000;"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts, passphrases and sessions -----------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["earned.accounts.backends.PassphraseBackend"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "earned.accounts.passphrases.LengthValidator"},
    {"NAME": "earned.accounts.passphrases.GuessabilityValidator"},
]
# Argon2id cost for deriving the key that wraps each person's data key; stored per envelope.
KDF_PARAMETERS = RECOMMENDED
KDF_FLOOR = PRODUCTION_FLOOR

LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "web:today"

# Uploads (an export to bring in, a backup to restore) are held in memory only: an export is
# entry text in clear, and must never land in a temporary file. Larger files are not received.
FILE_UPLOAD_HANDLERS = ["django.core.files.uploadhandler.MemoryFileUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024 * 1024

SESSION_ENGINE = "earned.accounts.sessions"
SESSION_COOKIE_NAME = "earned_session"
SESSION_COOKIE_AGE = 60 * env_int("EARNED_IDLE_TIMEOUT_MINUTES", 30 if IS_SERVER else 12 * 60, 1)
# The timeout counts from the last request (it is idle time), kept by accounts.sessions.idle_clock
# with a write at most once a minute rather than one on every request.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_COOKIE_SAMESITE = "Lax"

# Failed sign-ins allowed in each window before the form asks the person to wait.
SIGN_IN_WINDOW_MINUTES = env_int("EARNED_SIGN_IN_WINDOW_MINUTES", 15, 1)
SIGN_IN_LIMIT_PER_ACCOUNT = env_int("EARNED_SIGN_IN_LIMIT_PER_ACCOUNT", 8, 1)
SIGN_IN_LIMIT_PER_ADDRESS = env_int("EARNED_SIGN_IN_LIMIT_PER_ADDRESS", 30, 1)
SIGN_IN_LINK_MINUTES = 15
INVITATION_DAYS = env_int("EARNED_INVITATION_DAYS", 7, 1)
API_CALLS_PER_MINUTE = env_int("EARNED_API_CALLS_PER_MINUTE", 600, 1)  # by one token

# --- Security headers -------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
# same-origin, not no-referrer: with no-referrer Chromium sends "Origin: null" on our own form
# posts, which CSRF protection must refuse. Nothing is ever sent to another site either way.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = IS_SERVER
SECURE_SSL_REDIRECT = IS_SERVER and env_flag("EARNED_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env_int("EARNED_HSTS_SECONDS", 365 * 24 * 3600) if IS_SERVER else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = IS_SERVER and env_flag("EARNED_HSTS_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = IS_SERVER and env_flag("EARNED_HSTS_PRELOAD", default=False)
# Behind a reverse proxy, trust its X-Forwarded-Proto and X-Forwarded-For headers.
BEHIND_PROXY = env_flag("EARNED_BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Joining the browsers' preload list is a commitment only the operator can make (decisions.md).
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# --- Time, language, static files -------------------------------------------------------------
LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# WhiteNoise serves straight from the package: nothing to collect, nothing to build.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
# The web app manifest under its own type, which WhiteNoise does not know by itself.
WHITENOISE_MIMETYPES = {".webmanifest": "application/manifest+json"}

# --- Logging: what happened, never what anyone wrote -----------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # A 404 line would print the path, and a path can hold a one-time sign-in token.
        "django.request": {"level": "ERROR"},
        "django.security.DisallowedHost": {"level": "ERROR"},
        "earned": {"level": os.environ.get("EARNED_LOG_LEVEL", "INFO").upper()},
    },
}
CSRF_FAILURE_VIEW = "earned.web.views.csrf_failure"
