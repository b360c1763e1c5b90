"""Django settings for Klyngeradar, read only from environment variables.

Every variable is listed (with its default) in `.env.example` and documented in
docs/operations.md. The defaults give a working local app on SQLite in the data
directory; `KLYNGERADAR_ENV=production` turns on the production safeguards and
makes `SECRET_KEY` mandatory.
"""

from __future__ import annotations

from pathlib import Path

from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from klyngeradar.web.environment import (
    SettingsError,
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
if PRODUCTION and DEBUG:
    raise SettingsError("DEBUG must be off when KLYNGERADAR_ENV=production")
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
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
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
    "klyngeradar.web.api",
    "klyngeradar.web.privacy",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, so static files keep their long caching.
    "klyngeradar.web.headers.PrivateCachingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "klyngeradar.web.language.DanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "klyngeradar.web.accounts.mfa.RequireMFAMiddleware",
    "klyngeradar.web.accounts.sso.ProviderUnreachableMiddleware",
    "klyngeradar.web.privacy.downloads.DownloadLogMiddleware",
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

# Single sign-on with the organisation's OpenID Connect provider (e.g. Entra ID),
# on when KLYNGERADAR_OIDC_ISSUER is set; see docs/sign-in.md. A user is matched
# to an existing account by verified e-mail; an unknown user gets an account
# (with no role until an administrator gives one) only from an allowed domain.
OIDC_ISSUER = env_str("KLYNGERADAR_OIDC_ISSUER").rstrip("/")
OIDC_ALLOWED_DOMAINS = [d.lower().lstrip("@") for d in env_list("KLYNGERADAR_OIDC_DOMAINS", [])]
# For a single-tenant provider that owns every address it issues but sends no
# `email_verified` claim: treat its `email` claim as verified (off by default).
OIDC_TRUST_EMAIL = env_bool("KLYNGERADAR_OIDC_TRUST_EMAIL", False)
OIDC_FORM_ACTION: list[str] = []
SOCIALACCOUNT_PROVIDERS: dict = {}
if OIDC_ISSUER:
    if not OIDC_ISSUER.startswith(("https://", "http://")):
        raise SettingsError(f"KLYNGERADAR_OIDC_ISSUER={OIDC_ISSUER!r} is not an http(s) URL")
    if PRODUCTION and not OIDC_ISSUER.startswith("https://"):
        raise SettingsError("KLYNGERADAR_OIDC_ISSUER must be an https:// URL in production")
    SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": "sso",
                    "name": env_str("KLYNGERADAR_OIDC_LABEL", "Log ind med din organisation"),
                    "client_id": env_required(
                        "KLYNGERADAR_OIDC_CLIENT_ID", "when KLYNGERADAR_OIDC_ISSUER is set"
                    ),
                    "secret": env_required(
                        "KLYNGERADAR_OIDC_CLIENT_SECRET", "when KLYNGERADAR_OIDC_ISSUER is set"
                    ),
                    "settings": {
                        "server_url": OIDC_ISSUER,
                        "token_auth_method": "client_secret_post",
                    },
                }
            ],
        }
    }
    _scheme, _rest = OIDC_ISSUER.split("://", 1)
    OIDC_FORM_ACTION = [f"{_scheme}://{_rest.split('/', 1)[0]}"]
SOCIALACCOUNT_ADAPTER = "klyngeradar.web.accounts.sso.SingleSignOnAdapter"
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_EMAIL_REQUIRED = True
SOCIALACCOUNT_STORE_TOKENS = False

# Multi-factor authentication (allauth.mfa): an authenticator app (TOTP) with
# recovery codes, or a security key/passkey (WebAuthn). Required for analysts
# and administrators when KLYNGERADAR_REQUIRE_MFA is on (default: production).
KLYNGERADAR_REQUIRE_MFA = env_bool("KLYNGERADAR_REQUIRE_MFA", PRODUCTION)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = "Klyngeradar"
MFA_PASSKEY_LOGIN_ENABLED = False
# WebAuthn needs HTTPS; a local installation on http://127.0.0.1 may still try it.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION

# GDPR: days after a round's close before its contact e-mails and link logs are
# anonymised by `manage apply_retention` (per organisation in the admin).
KLYNGERADAR_RETENTION_DAYS = env_int("KLYNGERADAR_RETENTION_DAYS", 365)

# Login throttling (allauth's rate limits). Failed logins are limited per
# account (the name or e-mail typed): 5 in 5 minutes, then that account waits
# — guessing one person's password is what the limit is for. Per IP address the
# limits are generous (an office or a municipality often shares one address),
# so one person's typos never lock out their colleagues. Counters live in the
# cache: a file cache in the data directory, shared by every gunicorn worker.
ACCOUNT_RATE_LIMITS = {
    "login": env_str("KLYNGERADAR_LOGIN_RATE_IP", "120/m/ip"),
    "login_failed": env_str("KLYNGERADAR_LOGIN_FAILED_RATE", "60/m/ip,5/5m/key"),
    "reset_password": "30/m/ip,3/m/key",
    "reset_password_from_key": "30/m/ip",
    "reauthenticate": "10/m/user",
}
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache"),
    }
    if PRODUCTION
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

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
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp): no inline script, no inline style, no
# eval. Data reaches scripts through `json_script`; code lives in static files
# (htmx and ECharts are vendored). `form-action` also names the sign-in
# provider, because Chromium applies it to the redirect after a form's POST.
CSP_FORM_ACTION = [SELF, *OIDC_FORM_ACTION]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": CSP_FORM_ACTION,
    }
}

# No log line may carry a personal link's token: Django logs the path of every
# 4xx/5xx response ("Not Found: /svar/<token>/"), so the request and server
# loggers and both handlers redact it (see klyngeradar/web/serverlog.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "personal_links": {"()": "klyngeradar.web.serverlog.RedactPersonalLinks"},
        "refusals": {"()": "klyngeradar.web.requestlog.RefusalsWithoutTraceback"},
    },
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
        "django.request": {"filters": ["refusals", "personal_links"]},
        "django.server": {
            "handlers": ["django.server"],
            "level": "INFO",
            "propagate": False,
            "filters": ["personal_links"],
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}
