"""Django settings for Klyngeradar, read only from environment variables.

Every variable is listed (with its default) in `.env.example` and documented in
docs/operations.md. The defaults give a working local app on SQLite in the data
directory; `KLYNGERADAR_ENV=production` turns on the production safeguards and
makes `SECRET_KEY` mandatory.
"""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from klyngeradar.web.environment import (
    database_config,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_required,
    env_str,
    local_secret_key,
)

WEB_DIR = Path(__file__).resolve().parent

ENVIRONMENT = env_choice("KLYNGERADAR_ENV", ("development", "production"), "development")
PRODUCTION = ENVIRONMENT == "production"
DATA_DIR = Path(env_str("KLYNGERADAR_DATA_DIR", "./klyngeradar-data")).expanduser().resolve()

if PRODUCTION:
    SECRET_KEY = env_required("SECRET_KEY", "when KLYNGERADAR_ENV=production")
else:
    # Local use: a key generated once and kept, private, in the data directory.
    SECRET_KEY = env_str("SECRET_KEY") or local_secret_key(DATA_DIR / "secret_key")

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "allauth",
    "allauth.account",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "klyngeradar.web.registry",
    "klyngeradar.web.accounts",
    "klyngeradar.web.dashboard",
    "klyngeradar.web.agreements",
    "klyngeradar.web.surveys",
    "klyngeradar.web.findings",
    "klyngeradar.web.strategy",
    "klyngeradar.web.reports",
    "klyngeradar.web.specialisation",
    "klyngeradar.web.maps",
    "klyngeradar.web.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "klyngeradar.web.language.DanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "klyngeradar.web.urls"
WSGI_APPLICATION = "klyngeradar.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "klyngeradar.web.dashboard.navigation.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": database_config(
        env_str("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'klyngeradar.sqlite3'}"
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    # SQLite behind a multi-process web server (docs/reliability.md): WAL lets readers
    # and one writer work at once; IMMEDIATE takes the write lock when a transaction
    # starts, so two workers never deadlock upgrading a read lock (which SQLite answers
    # at once with "database is locked"); a writer waits up to SQLITE_BUSY_TIMEOUT.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Sends a municipal officer to their municipality's page, everyone else to the overview.
LOGIN_REDIRECT_URL = "maps:landing"
LOGOUT_REDIRECT_URL = "account_login"

# Local accounts only; people are invited by an administrator, there is no sign-up.
ACCOUNT_ADAPTER = "klyngeradar.web.accounts.adapter.InvitationOnlyAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https:") else "http"

LANGUAGE_CODE = "da"
FORMAT_MODULE_PATH = ["klyngeradar.web.formats"]
LANGUAGES = [("da", _("Dansk")), ("en", _("English"))]
LOCALE_PATHS = [WEB_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# The municipality boundaries are served from the package's data, where the deck reads them too.
STATICFILES_DIRS = [WEB_DIR / "static", ("geo", WEB_DIR.parent / "data" / "geo")]
# Only production collects static files; locally WhiteNoise finds them in the apps.
STATIC_ROOT = env_str("STATIC_ROOT", str(DATA_DIR / "static") if PRODUCTION else "") or None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Hashed, compressed files need `collectstatic`; locally and in tests the
        # app serves straight from the app directories instead.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
# Uploaded files (organisation templates) stay private in the data directory: no MEDIA_URL.
MEDIA_ROOT = DATA_DIR / "media"
# The largest participation list or company-figure file accepted by the web import.
IMPORT_MAX_BYTES = env_int("IMPORT_MAX_MB", 50) * 1024 * 1024
# Larger uploads go to a temporary file instead of memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

EMAIL_HOST = env_str("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Klyngeradar <klyngeradar@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
    # Behind a TLS-terminating proxy, trust its X-Forwarded-Proto header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# No log line may carry a personal link's token: Django logs the path of every
# 4xx/5xx response ("Not Found: /svar/<token>/"), so the request and server
# loggers and both handlers redact it (see klyngeradar/web/serverlog.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_links": {"()": "klyngeradar.web.serverlog.RedactPersonalLinks"}},
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["personal_links"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["personal_links"],
        },
    },
    "loggers": {
        "django.request": {"filters": ["personal_links"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["personal_links"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
