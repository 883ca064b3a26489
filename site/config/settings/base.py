"""Production-safe defaults shared by every environment.

Environment variables are read in :mod:`config.settings.env` only. ``dev``, ``test`` and
``production`` import this module and change what differs.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

# site/config/settings/base.py -> the repository's top folder.
CONFIG_DIR = Path(__file__).resolve().parent.parent
SITE_DIR = CONFIG_DIR.parent
BASE_DIR = SITE_DIR.parent
VAR_DIR = Path(env_str("WESHARE_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", required=True)
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Daphne's runserver serves the websockets of the conversations beside the pages (ASGI).
    "daphne",
    # The project's own apps, first so that their templates override Wagtail's.
    "accounts",
    "cms_pages",
    "translations",
    "audit",
    "workflow",
    "pairings",
    "documents",
    "appointments",
    "conversations",
    "oversight",
    "channels",
    # Wagtail and its contrib apps.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "rest_framework",
    "django_q",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp_webauthn",
    "axes",
    "csp",
    "storages",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "config.middleware.ServiceUnavailableMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms_pages.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SessionTimeoutMiddleware",
    "accounts.middleware.SecondFactorRequiredMiddleware",
    # The sign-in page speaks the staff member's admin language next time (their preferences).
    "accounts.middleware.AdminLanguageCookieMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: locks out repeated failed sign-ins.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords lock the account for 30 minutes, whatever the address they come from;
# the pair (address, account) is counted too.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", ["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Reverse proxies of our own in front of the application (load balancer…): the client's address
# is then read from X-Forwarded-For, that many entries from the right. 0: REMOTE_ADDR, and the
# header is ignored. Rate limits and sign-in lockouts count by that address.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "accounts.client_ip.client_ip"
RATELIMIT_IP_META_KEY = "accounts.client_ip.client_ip"
# django-otp: a wrong code doubles the wait before the next try.
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_TOTP_ISSUER = "WeShare"
# Sessions end after 30 minutes without activity, and after 10 hours in any case.
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_ABSOLUTE_SECONDS = env_int("SESSION_ABSOLUTE_SECONDS", 10 * 60 * 60)
# Staff pages refresh their next actions without a reload this often (site/static/js/live-sections.js).
LIVE_REFRESH_SECONDS = env_int("LIVE_REFRESH_SECONDS", 15)

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "config.context_processors.live_refresh",
            ],
        },
    },
]

# Database: SQLite, the embedded default, unless DATABASE_URL names another one.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
            # The web process and the worker share the file: wait for locks instead of failing.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
# A read replica for the oversight screens and exports (``oversight.replica``): reads go there
# only inside ``replica_reads()``, writes never. Tests point it at the default database.
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = {
        **dj_database_url.parse(DATABASE_REPLICA_URL, conn_max_age=60, conn_health_checks=True),
        "TEST": {"MIRROR": "default"},
    }
DATABASE_ROUTERS = ["oversight.replica.ReplicaRouter"]
# The statistics are at most this old: their milestones are brought up to date in the background
# every five minutes, and by the first reader who finds them older than this.
OVERSIGHT_FIGURES_MAX_AGE_SECONDS = env_int("OVERSIGHT_FIGURES_MAX_AGE_SECONDS", 300)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache and task broker: Redis when REDIS_URL is set, process memory otherwise.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "weshare",
            "TIMEOUT": 600,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
        "renditions": {
            "BACKEND": "config.cache.FailSafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "weshare-renditions",
            "TIMEOUT": 3600,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        },
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "weshare"},
        "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"},
    }

# Conversations: events reach the open pages through the channel layer, Redis's publish and
# subscribe when REDIS_URL is set (every server process), process memory otherwise (one process).
ASGI_APPLICATION = "config.asgi.application"
if REDIS_URL:
    CHANNEL_LAYERS = {
        "default": {"BACKEND": "conversations.layers.RedisPubSubChannelLayer", "CONFIG": {"hosts": [REDIS_URL]}}
    }
else:
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
#: On PostgreSQL, the sockets store messages through asynchronous connections of their own, on
#: their event loop (conversations.loop_store); off, through Django's in the thread pool.
CONVERSATION_STORE_ON_LOOP = env_bool("CONVERSATION_STORE_ON_LOOP", True)
#: Messages one person may send in a minute, all conversations together.
CONVERSATION_MESSAGES_PER_MINUTE = env_int("CONVERSATION_MESSAGES_PER_MINUTE", 10)
#: How often, at the latest, an open conversation's socket checks again that its reader may still
#: read it (it also checks at once when the session ends, or the staff member, the file or the
#: pairing changes).
CONVERSATION_RECHECK_SECONDS = env_int("CONVERSATION_RECHECK_SECONDS", 300)
#: After how long a message nobody has read is sent to its readers by email (or their channel).
CONVERSATION_NOTIFY_AFTER_MINUTES = env_int("CONVERSATION_NOTIFY_AFTER_MINUTES", 10)

# Full-page cache for anonymous visitors (see cms_pages.cache); 0 switches it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)

# Background work: django-q2. Redis broker when REDIS_URL is set, the database otherwise.
# A task's timeout stays below its retry delay, so a slow task is never run twice at once.
Q_CLUSTER = {
    "name": "weshare",
    "workers": env_int("Q_WORKERS", 2),
    "timeout": 120,
    "retry": 180,
    "max_attempts": 5,
    "ack_failures": True,
    "catch_up": False,
    "label": "Background tasks",
}
if REDIS_URL:
    Q_CLUSTER["redis"] = REDIS_URL
else:
    Q_CLUSTER["orm"] = "default"

# Wagtail's own background work (search index, reference index, file deletion) goes through
# django-tasks; this backend hands it to django-q2 once the transaction commits.
TASKS = {"default": {"BACKEND": "config.tasks_backend.DjangoQ2Backend"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the six locales of the public site, each under its own prefix (/fr/, /en/, …).
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("de", "Deutsch"),
    ("pt", "Português"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "translations" / "locale"]
# Set for signed-in staff only, until the browser closes: the admin's sign-in page then speaks
# their language (accounts.middleware.AdminLanguageCookieMiddleware).
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "Europe/Paris"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"

# Media on S3-compatible storage when a bucket is named; the local disk otherwise.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME")
    AWS_ACCESS_KEY_ID = env_str("AWS_ACCESS_KEY_ID")
    AWS_SECRET_ACCESS_KEY = env_str("AWS_SECRET_ACCESS_KEY")
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_S3_FILE_OVERWRITE = False
    _MEDIA_STORAGE = {"BACKEND": "storages.backends.s3.S3Storage"}
else:
    _MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
# Private documents: never in the public media. A private bucket when named, a folder otherwise.
PRIVATE_BUCKET_NAME = env_str("PRIVATE_BUCKET_NAME")
if PRIVATE_BUCKET_NAME:
    _PRIVATE_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {"bucket_name": PRIVATE_BUCKET_NAME, "querystring_auth": True, "default_acl": "private"},
    }
else:
    _PRIVATE_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(VAR_DIR / "private"), "base_url": None},
    }
# Keys encrypting private documents at rest, newest first (see documents/crypto.py).
DOCUMENTS_ENCRYPTION_KEYS = env_list("DOCUMENTS_ENCRYPTION_KEYS")

STORAGES = {
    "default": _MEDIA_STORAGE,
    "private": _PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)

# Text messages go through a backend of workflow.sms: the console (default) or files for
# development, an HTTP provider in production (SMS_HTTP_URL and SMS_HTTP_TOKEN; see the README).
SMS_BACKEND = env_str("SMS_BACKEND", "workflow.sms.ConsoleBackend")
SMS_FILE_PATH = env_str("SMS_FILE_PATH", str(VAR_DIR / "sms"))
SMS_HTTP_URL = env_str("SMS_HTTP_URL", "")
SMS_HTTP_TOKEN = env_str("SMS_HTTP_TOKEN", "")
SMS_SENDER = env_str("SMS_SENDER", "WeShare")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "WeShare <no-reply@weshare.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security defaults that hold everywhere.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# A form sent after its page's security token expired comes back with every answer kept.
CSRF_FAILURE_VIEW = "config.csrf.csrf_failure"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 10
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail.
WAGTAIL_SITE_NAME = "WeShare"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 50
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_LOGIN_URL = "wagtailadmin_login"
# The sign-in form with every label translated (Wagtail's own leaves "Password" in English).
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.LoginForm"
LOGIN_URL = "wagtailadmin_login"

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_THROTTLE_RATES": {"anon": "120/minute"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "django-q": {"level": "WARNING"},
        # Page edits are recorded in Wagtail's own log; the console gets warnings only.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # Validation data is embedded from the platform's own CRLs, on purpose without fetching.
        "pyhanko.sign.signers.pdf_signer": {"level": "ERROR"},
        "weasyprint.progress": {"level": "WARNING"},
    },
}

# Accounts made by the demo content (never in production).
DEMO_PASSWORD = env_str("DEMO_PASSWORD", "weshare-demo-2026")
_ = _  # gettext_lazy is imported for modules that extend these settings.

# Media files served by Django itself: development and tests only.
SERVE_MEDIA = False

# Full GeoNames postal-code files (FR.txt, ES.txt…) added to the shipped postcode table.
GEOCODING_FILES = env_list("GEOCODING_FILES")

# The platform's PKI: private keys of the authorities and signers are stored encrypted with
# this passphrase (production: a long random secret from the environment).
PKI_KEY_PASSPHRASE = env_str("PKI_KEY_PASSPHRASE", "")
# An external RFC 3161 timestamp authority (URL); empty: the platform's own authority signs.
PKI_TSA_URL = env_str("PKI_TSA_URL", "")
# The key of the audit chain's hashes (HMAC-SHA256), kept out of the database so that nobody
# with database access alone can rewrite an entry (production: a long random secret, never changed).
AUDIT_HMAC_KEY = env_str("AUDIT_HMAC_KEY", "")
# Signers' private keys in an HSM through PKCS#11 (module path, token label, user PIN);
# empty: keys are stored encrypted in the database.
PKI_PKCS11_MODULE = env_str("PKI_PKCS11_MODULE", "")
PKI_PKCS11_TOKEN = env_str("PKI_PKCS11_TOKEN", "weshare")
PKI_PKCS11_PIN = env_str("PKI_PKCS11_PIN", "")
# Base address of the public site, for the CRL and the QR code of the conventions.
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", WAGTAILADMIN_BASE_URL)

# Content-Security-Policy on the public site: our own scripts, styles and frames only, no inline
# code. Wagtail's admin (which relies on inline code) is left out and keeps its own protections.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"] + env_list("CSP_IMG_SOURCES"),
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
for _media_host in filter(None, [globals().get("AWS_S3_CUSTOM_DOMAIN"), globals().get("AWS_S3_ENDPOINT_URL")]):
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(
        _media_host if "://" in _media_host else f"https://{_media_host}"
    )

# Version of the privacy notice applicants agree to (kept with each consent).
PRIVACY_NOTICE_VERSION = env_str("PRIVACY_NOTICE_VERSION", "2026-11")

# Passkeys (WebAuthn) as a second factor, beside the authenticator app. The relying party is
# the site's domain; the origins are the addresses the admin is served from.
OTP_WEBAUTHN_RP_ID = env_str("OTP_WEBAUTHN_RP_ID", "localhost")
OTP_WEBAUTHN_RP_NAME = "WeShare"
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("OTP_WEBAUTHN_ALLOWED_ORIGINS", ["http://localhost:8000"])
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
