"""chitieu settings: one file, driven by the environment (see .env.example).

Development defaults are safe to run locally: SQLite under $CHITIEU_HOME (./var),
DEBUG off unless asked for, a generated secret key kept in $CHITIEU_HOME.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from chitieu.web.client_ip import parse_networks

# The package's own folder: templates, static files and translations ship inside it, so that a plain
# `pip install` (or a wheel) serves every page. BASE_DIR is kept for Django's conventions.
PACKAGE_DIR = Path(__file__).resolve().parent
BASE_DIR = PACKAGE_DIR.parent


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_number(name: str, default: float, *, minimum: float = 0) -> float:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {raw!r}")
    return value


def env_int(name: str, default: int, *, minimum: int = 0) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}, not {value}")
    return value


# Where the SQLite database, the secret key and uploads live: ./var of the directory chitieu is started
# from unless CHITIEU_HOME says otherwise (never inside the installed package).
CHITIEU_HOME = Path(os.environ.get("CHITIEU_HOME") or "var").resolve()
try:
    CHITIEU_HOME.mkdir(parents=True, exist_ok=True)
except OSError as exc:
    raise ImproperlyConfigured(
        f"CHITIEU_HOME={CHITIEU_HOME} cannot be used as a folder ({exc.strerror})"
    ) from None

# A folder holding the published articles behind the demo's five reviews (optional). The demo loads
# without them, from its own facts; given them, it also files each in the document inbox and links every
# figure to its span. Empty: no articles.
CHITIEU_DEMO_ARTICLES = os.environ.get("CHITIEU_DEMO_ARTICLES", "").strip()

DEBUG = env_bool("CHITIEU_DEBUG", False)
PRODUCTION = env_bool("CHITIEU_PRODUCTION", False)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production")
    # Development: a random key kept beside the database so sessions survive restarts.
    path = CHITIEU_HOME / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django_htmx",
    "axes",
    "csp",
    "chitieu.audit",
    "chitieu.access",
    "chitieu.orgs",
    "chitieu.indicators",
    "chitieu.reporting",
    "chitieu.validation",
    "chitieu.inbox",
    "chitieu.imports",
    "chitieu.meetings",
    "chitieu.documents",
    "chitieu.ops",
    "chitieu.synth",
    "chitieu.web",
    "chitieu.demo",
    "chitieu.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a login unless its view says otherwise (login, health check, language switch).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "chitieu.audit.context.AuditContextMiddleware",
    "csp.middleware.CSPMiddleware",
    # A NUL character in a query, form or file name: 400 (PostgreSQL cannot store one; chitieu/web/nul.py).
    "chitieu.web.nul.RefuseNulMiddleware",
    # A writer that waited too long for the database: 503 "busy, try again" (chitieu/web/busy.py).
    "chitieu.web.busy.BusyMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a clear page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # Login throttling first: a locked-out user is refused before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_number("AXES_COOLOFF_HOURS", 0.25)  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "chitieu.web.client_ip.client_ip"
# Load balancers whose X-Forwarded-For is believed (addresses or networks, comma-separated); empty:
# the app is reached directly and REMOTE_ADDR is the client (docs/deploy.md §2).
CHITIEU_TRUSTED_PROXIES = parse_networks(os.environ.get("CHITIEU_TRUSTED_PROXIES", ""))

# The data-window rule of a tree with no reporting setup at its root (Decree 09/2019 by default).
CHITIEU_DEFAULT_WINDOW_RULE = os.environ.get("CHITIEU_DEFAULT_WINDOW_RULE", "").strip() or "nd09"
if CHITIEU_DEFAULT_WINDOW_RULE not in {"nd09", "calendar"}:
    raise ImproperlyConfigured(
        f"CHITIEU_DEFAULT_WINDOW_RULE must be nd09 or calendar, not {CHITIEU_DEFAULT_WINDOW_RULE!r}"
    )
# Excel imports: the largest workbook accepted, and whether a job runs inside the request (tests).
CHITIEU_IMPORT_MAX_BYTES = env_int("CHITIEU_IMPORT_MAX_BYTES", 50 * 1024 * 1024, minimum=1024)
CHITIEU_IMPORTS_SYNC = env_bool("CHITIEU_IMPORTS_SYNC", False)
# `chitieu serve` defaults (its --host, --port and --workers override them).
CHITIEU_HOST = os.environ.get("CHITIEU_HOST", "").strip() or "127.0.0.1"
CHITIEU_PORT = env_int("CHITIEU_PORT", 8000, minimum=1)
CHITIEU_WORKERS = env_int("CHITIEU_WORKERS", 2, minimum=1)

ROOT_URLCONF = "chitieu.urls"
WSGI_APPLICATION = "chitieu.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
            "builtins": ["chitieu.web.templatetags.vn"],
        },
    }
]

# Database: SQLite in $CHITIEU_HOME unless DATABASE_URL says otherwise.
DATABASE_URL = os.environ.get("DATABASE_URL", "").strip()
if DATABASE_URL:
    try:
        DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL ({exc})") from None
    if DATABASES["default"]["ENGINE"] not in {
        "django.db.backends.postgresql",
        "django.db.backends.sqlite3",
    }:
        raise ImproperlyConfigured(
            "DATABASE_URL must point to PostgreSQL (postgres://…) or SQLite (sqlite:///…)"
        )
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": CHITIEU_HOME / "chitieu.sqlite3",
            "OPTIONS": {
                # WAL lets readers run while a writer commits; IMMEDIATE avoids
                # lock upgrades that fail under concurrent writers.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
                "transaction_mode": "IMMEDIATE",
                # How long a writer waits for another one before it is answered 503 "busy, try again"
                # (chitieu/web/busy.py).
                "timeout": env_number("CHITIEU_SQLITE_TIMEOUT", 20),
            },
        }
    }
    if os.environ.get("CHITIEU_TEST_SQLITE_FILE"):
        DATABASES["default"]["TEST"] = {"NAME": os.environ["CHITIEU_TEST_SQLITE_FILE"]}

# A PostgreSQL streaming replica for the read-only dashboards (see docs/deploy.md and chitieu/dbrouter.py).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "").strip()
if DATABASE_REPLICA_URL:
    if not DATABASE_URL:
        raise ImproperlyConfigured("DATABASE_REPLICA_URL needs DATABASE_URL (the primary) to be set too")
    try:
        DATABASES["replica"] = dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=60)
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_REPLICA_URL is not a valid database URL ({exc})") from None
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["chitieu.dbrouter.ReadReplicaRouter"]
# The targets index carries INCLUDE columns, a PostgreSQL covering index for the dashboard; SQLite
# builds the same index without them, which is all the embedded default needs: not worth a warning.
SILENCED_SYSTEM_CHECKS = ["models.W040"] if DATABASES["default"]["ENGINE"].endswith("sqlite3") else []

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True
# Numbers are formatted by chitieu.lib.vnnum, not by Django's localisation,
# so that a figure reads the same in a page, a report and an export.
USE_THOUSAND_SEPARATOR = False

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = CHITIEU_HOME / "staticfiles"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = CHITIEU_HOME / "media"

LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "orgs:home"
LOGOUT_REDIRECT_URL = "orgs:home"

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "chitieu.api.pagination.BoundedLimitOffsetPagination",
    "PAGE_SIZE": 100,
    "COERCE_DECIMAL_TO_STRING": True,
    "DEFAULT_PARSER_CLASSES": [
        "chitieu.api.parsers.BoundedJSONParser",
        "chitieu.api.parsers.NoNulFormParser",
        "chitieu.api.parsers.NoNulMultiPartParser",
    ],
    # Errors in the caller's language, also those DRF passes through in English (chitieu/web/api_errors.py).
    "EXCEPTION_HANDLER": "chitieu.web.api_errors.exception_handler",
}
# The largest page an API list returns (?limit= above it is capped).
CHITIEU_API_MAX_PAGE_SIZE = env_int("CHITIEU_API_MAX_PAGE_SIZE", 1000, minimum=1)
# Bounds on one import (chitieu/imports/archive.py and worker.py): unpacked size, rows, the time to
# read the workbook, and the import job's hard time and memory limits in the worker.
CHITIEU_IMPORT_MAX_UNPACKED_BYTES = int(env_number("CHITIEU_IMPORT_MAX_UNPACKED_MB", 100, minimum=1) * 2**20)
CHITIEU_IMPORT_MAX_ROWS = env_int("CHITIEU_IMPORT_MAX_ROWS", 200_000, minimum=1)
CHITIEU_IMPORT_PARSE_SECONDS = env_number("CHITIEU_IMPORT_PARSE_SECONDS", 120)
CHITIEU_IMPORT_TIME_LIMIT = env_number("CHITIEU_IMPORT_TIME_LIMIT", 900, minimum=1)
CHITIEU_IMPORT_MEMORY_MB = env_int("CHITIEU_IMPORT_MEMORY_MB", 2048, minimum=256)

SPECTACULAR_SETTINGS = {
    "TITLE": "chitieu API",
    "DESCRIPTION": "Units, resolutions, indicators, targets and periodic results.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
}

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Content security policy: only this site's own scripts, styles and images; no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# A refused security token gets the site's own page, in the user's language (not Django's English one).
CSRF_FAILURE_VIEW = "chitieu.web.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
