"""Landnetz settings. Every value comes from the environment; see .env.example."""

import os
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from config.env import cache_settings, email_settings, env_bool, env_int, env_list, env_str, production_problems

BASE_DIR = Path(__file__).resolve().parent.parent

# Files this process creates (SQLite database, uploads, logs, collected static files) are
# readable by the service user only. Runs for manage.py, wsgi and gunicorn alike.
os.umask(int(env_str("FILE_UMASK", "077"), 8))

LANDNETZ_ENV = env_str("LANDNETZ_ENV", "development")
PRODUCTION = LANDNETZ_ENV == "production"
TESTING = LANDNETZ_ENV == "test"

DEBUG = env_bool("DEBUG", default=LANDNETZ_ENV == "development")
SECRET_KEY = env_str("SECRET_KEY", "" if PRODUCTION else "insecure-development-key-" + "x" * 40)
if PRODUCTION and len(SECRET_KEY) < 50:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("SECRET_KEY (or SECRET_KEY_FILE) must hold at least 50 characters")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
SITE_ID = 1

INSTALLED_APPS = [
    "landnetz.core",
    "landnetz.accounts",
    "landnetz.privacy",
    "landnetz.notifications",
    "landnetz.moderation",
    "landnetz.search",
    "landnetz.organisations",
    "landnetz.directory",
    "landnetz.groups",
    "landnetz.feed",
    "landnetz.messaging",
    "landnetz.asks",
    "landnetz.demo",
    "landnetz.core.admin_config.LandnetzAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sites",
    "django_htmx",
    "rules.apps.AutodiscoverRulesConfig",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "landnetz.core.middleware.PrivacyHeadersMiddleware",  # Permissions-Policy; no-store for personal data
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "landnetz.core.ids.OutOfRangeIdMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "landnetz.accounts.middleware.SessionIdleTimeoutMiddleware",
    "landnetz.accounts.middleware.MemberLanguageMiddleware",
    "landnetz.accounts.middleware.ConsentMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "config.urls"
# Form errors that say what to do instead of Django's generic texts (landnetz.core.forms).
FORM_RENDERER = "landnetz.core.forms.FormRenderer"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "landnetz.core.context_processors.landnetz",
                "landnetz.notifications.context_processors.notifications",
                "landnetz.messaging.context_processors.messaging",  # unread messages in the header
            ],
        },
    }
]

# --- Database -------------------------------------------------------------
# SQLite (WAL mode, see landnetz.core.apps) by default; PostgreSQL through DATABASE_URL.
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'landnetz.sqlite3'}")
DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (rate limits live here; use Redis when more than one process serves) ---
CACHE_URL = env_str("CACHE_URL", "locmem://")
CACHES = cache_settings(CACHE_URL)

# --- Background tasks (Django tasks API) -------------------------------------
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if env_str("TASKS_BACKEND", "immediate") == "database"
            else "django.tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# --- Accounts ------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["email", "display_name"]},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "landnetz.accounts.validators.MaximumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # German common passwords, the site's and the member's own name, repeats, keyboard walks.
    {"NAME": "landnetz.accounts.validators.GermanPasswordValidator"},
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "core:home"
ACCOUNT_ADAPTER = "landnetz.accounts.adapter.AccountAdapter"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "landnetz.accounts.forms.SignupForm"
ACCOUNT_FORMS = {"signup": "landnetz.accounts.signup.SignupFormWithEqualTiming"}
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_CHANGE_EMAIL = True
# Changing the login address (and two-factor settings) asks for the password again unless
# it was entered within the last two minutes.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 120
ACCOUNT_SESSION_REMEMBER = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Landnetz] "
ACCOUNT_RATE_LIMITS = {
    "login": env_str("RATE_LIMIT_LOGIN", "30/m/ip"),
    "login_failed": env_str("RATE_LIMIT_LOGIN_FAILED", "10/m/ip,5/300s/key"),
    "signup": env_str("RATE_LIMIT_SIGNUP", "20/m/ip"),
    "reset_password": env_str("RATE_LIMIT_RESET_PASSWORD", "20/m/ip,5/m/key"),
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/user",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/180s/key",
}
# The client address for rate limits. Behind a reverse proxy every request comes from the
# proxy: name how many proxies stand in front (they append to X-Forwarded-For), or the
# header a single trusted proxy sets (e.g. X-Real-IP). Never trust these without a proxy
# that overwrites them, or anyone can pick their own address. See docs/security.md.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env_str("TRUSTED_CLIENT_IP_HEADER", "") or None
# Retention (days), applied by `manage.py run_scheduled daily`: expired or used
# invitations, sign-ups never confirmed, notifications already read.
LANDNETZ_RETENTION_DAYS = {
    "invitations": env_int("RETENTION_INVITATION_DAYS", 30),
    "unconfirmed_signups": env_int("RETENTION_UNCONFIRMED_SIGNUP_DAYS", 14),
    "read_notifications": env_int("RETENTION_READ_NOTIFICATION_DAYS", 180),
}
# Abuse limits of Landnetz's own actions (see landnetz.core.ratelimits), per member.
LANDNETZ_RATE_LIMITS = {
    "invite": env_str("RATE_LIMIT_INVITE", "10/m,40/d"),
    "report": env_str("RATE_LIMIT_REPORT", "5/m,30/d"),
    "group_create": env_str("RATE_LIMIT_GROUP_CREATE", "5/h,20/d"),  # groups created (groups)
    "group_invite": env_str("RATE_LIMIT_GROUP_INVITE", "10/m,40/d"),  # e-mail invitations to groups (groups)
    "post": env_str("RATE_LIMIT_POST", "10/m,100/d"),  # news posts written (feed)
    "comment": env_str("RATE_LIMIT_COMMENT", "10/m,300/d"),  # comments and replies written (feed)
    "question": env_str("RATE_LIMIT_QUESTION", "10/d"),  # OpenMIC questions asked (asks)
    "answer": env_str("RATE_LIMIT_ANSWER", "5/m,100/d"),  # OpenMIC answers written (asks)
    "message": env_str("RATE_LIMIT_MESSAGE", "20/m,500/d"),  # messages sent (messaging)
    "conversation": env_str("RATE_LIMIT_CONVERSATION", "20/d"),  # new conversations started (messaging)
    # "Resend the e-mail" / "Wrong address? Change it" after sign-up, per sign-up (accounts.signup).
    "confirmation_mail": env_str("RATE_LIMIT_CONFIRMATION_MAIL", "5/h"),
}
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = env_str("MFA_TOTP_ISSUER", "Landnetz")
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
MFA_PASSKEY_LOGIN_ENABLED = False
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
# OpenID Connect single sign-on for administrations: configure providers in the Django admin
# ("Social applications", provider "openid_connect").
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"OAUTH_PKCE_ENABLED": True}}

# Sessions end after 12 hours in any case and after 30 minutes without a request.
SESSION_COOKIE_AGE = env_int("SESSION_MAX_AGE_SECONDS", 12 * 60 * 60)
LANDNETZ_SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Version of the privacy statement that sign-up consent refers to. Bumped automatically
# when a network admin edits the Datenschutzerklärung (see core.services.save_legal_page).
LANDNETZ_PRIVACY_DEFAULT_VERSION = 1

# --- Internationalisation --------------------------------------------------------
LANGUAGE_CODE = "de"
LANGUAGES = [
    ("de", _("German")),
    ("en", _("English")),
    ("uk", _("Ukrainian")),
    ("ar", _("Arabic")),
    ("ru", _("Russian")),
]
LANGUAGES_BIDI = ["ar", "fa", "he", "ur"]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# --- Static and media ---------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 365 * 24 * 60 * 60 if PRODUCTION else 60
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# --- E-mail ------------------------------------------------------------------
EMAIL_URL = env_str("EMAIL_URL", "" if PRODUCTION else "locmem://" if TESTING else "console://")
if PRODUCTION and (problems := production_problems(email_url=EMAIL_URL, cache_url=CACHE_URL)):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("Production settings: " + "; ".join(problems))
globals().update(email_settings(EMAIL_URL))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Landnetz <noreply@landnetz.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Landnetz admins", a) for a in env_list("ADMIN_EMAILS")]

# --- Security headers ------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    SECURE_CSP["upgrade-insecure-requests"] = True

# --- Logging: never log secrets, IP addresses only in the security log ---------------
# Every handler redacts tokens in paths (confirmation and reset keys, invitation tokens,
# OpenID Connect codes) with landnetz.core.logredact; see docs/security.md, "What is logged".
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "redact": {"()": "landnetz.core.logredact.RedactFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["redact"]},
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["require_debug_false", "redact"],
            "reporter_class": "landnetz.core.error_report.RedactingExceptionReporter",
        },
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # Replaces Django's default handlers for "django" (an unfiltered console in DEBUG,
        # mail_admins without redaction); records still reach the root console.
        "django": {"handlers": ["mail_admins"], "level": "INFO", "propagate": True},
        # runserver's request log includes the client address: keep it out by default.
        "django.server": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "django.security.DisallowedHost": {"handlers": [], "propagate": False},
    },
}

LANDNETZ_LAND_KEY = env_str("LANDNETZ_LAND_KEY", "15")
LANDNETZ_NETWORK_NAME = env_str("LANDNETZ_NETWORK_NAME", "Sachsen-Anhalt")
# The operator's contact, shown on the easy-to-read page (Leichte Sprache) and wherever the
# site names whom to ask. The Impressum is edited in the site; these are the same details.
# Development and tests show demo values; production shows only what is set.
_DEMO = not PRODUCTION
LANDNETZ_OPERATOR_NAME = env_str("LANDNETZ_OPERATOR_NAME", "Landnetz-Koordinierungsstelle (Demo)" if _DEMO else "")
LANDNETZ_OPERATOR_ADDRESS = env_str("LANDNETZ_OPERATOR_ADDRESS", "Musterstraße 1, 39576 Stendal" if _DEMO else "")
LANDNETZ_OPERATOR_EMAIL = env_str("LANDNETZ_OPERATOR_EMAIL", "landnetz@example.org" if _DEMO else "")
LANDNETZ_OPERATOR_PHONE = env_str("LANDNETZ_OPERATOR_PHONE", "03931 000000" if _DEMO else "")
ADMIN_URL = env_str("ADMIN_URL", "admin/")
# Development and tests serve static files straight from the app folders.
WHITENOISE_USE_FINDERS = not PRODUCTION

# --- Map on the organisation form (optional) -------------------------------------------
# Tile URL in Leaflet's notation, e.g. https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png.
# Empty: no map is offered (coordinates are entered as numbers). Its host is allowed in the
# CSP's img-src only on the organisation form (landnetz.organisations.maps.with_map_csp).
LANDNETZ_MAP_TILE_URL = env_str("MAP_TILE_URL", "")
LANDNETZ_MAP_ATTRIBUTION = env_str("MAP_ATTRIBUTION", "© OpenStreetMap contributors")
MESSAGING_MAX_LENGTH = env_int("MESSAGING_MAX_LENGTH", 5000)  # characters of one message (messaging)
MESSAGING_UNREAD_MAIL_MINUTES = env_int("MESSAGING_UNREAD_MAIL_MINUTES", 30)  # e-mail when still unread (messaging)
# News (feed): size of one attached file, all files of one member, link previews fetched by a task.
LANDNETZ_FEED_FILE_MAX_BYTES = env_int("FEED_FILE_MAX_BYTES", 10 * 1024 * 1024)
LANDNETZ_FEED_FILE_QUOTA_BYTES = env_int("FEED_FILE_QUOTA_BYTES", 200 * 1024 * 1024)
LANDNETZ_LINK_PREVIEWS = env_bool("LINK_PREVIEWS", default=not TESTING)
# OpenMIC (asks): members asked first, when a wider circle is asked, when coordinators are told.
LANDNETZ_ASKS_FIRST_WAVE_SIZE = env_int("ASKS_FIRST_WAVE_SIZE", 20)
LANDNETZ_ASKS_SECOND_WAVE_SIZE = env_int("ASKS_SECOND_WAVE_SIZE", 100)
LANDNETZ_ASKS_WIDEN_AFTER_HOURS = env_int("ASKS_WIDEN_AFTER_HOURS", 24)
LANDNETZ_ASKS_ESCALATE_AFTER_DAYS = env_int("ASKS_ESCALATE_AFTER_DAYS", 3)
