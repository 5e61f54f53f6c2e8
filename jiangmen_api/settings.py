"""Settings for the Jiangmen Regional Data API, read from the environment.

Safe by default: DEBUG is off unless DJANGO_DEBUG asks for it, and without DEBUG a secret key
must be given.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from apps.core.cache import redis_caches
from apps.core.clients import trusted_proxies
from apps.core.enums import ChoiceEnumNames

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required when DJANGO_DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-for-debug"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")

# Every app under apps/ is installed, found rather than listed: adding a domain is adding its folder.
# The kernel comes first, since its ready() discovers every app's resource declarations.
PROJECT_APPS = sorted(
    (f"apps.{path.parent.name}" for path in (BASE_DIR / "apps").glob("*/apps.py")),
    key=lambda name: (name != "apps.core", name),
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "simple_history",
    "import_export",
    *PROJECT_APPS,
]

MIDDLEWARE = [
    "apps.core.clients.ClientAddressMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "apps.core.middleware.ThrottleMiddleware",
    "apps.core.middleware.ConditionalCacheMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "jiangmen_api.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "jiangmen_api.wsgi.application"
ASGI_APPLICATION = "jiangmen_api.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        # A kept connection the database has dropped meanwhile is replaced before a request uses it.
        conn_health_checks=True,
    )
}

# Read replicas, comma-separated URLs: API reads go to them (one per request); writes, migrations, the
# admin and everything outside a request go to the primary (jiangmen_api/routers.py).
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    DATABASES[f"replica{number}"] = {
        **dj_database_url.parse(url, conn_max_age=DATABASES["default"]["CONN_MAX_AGE"], conn_health_checks=True),
        "TEST": {"MIRROR": "default"},
    }
# PostgreSQL joins in the order Django writes (the listed table outward, by key) instead of searching
# every order: planning the observation list's 12 relations took 22 ms at the curated size and 150 ms
# at 10,000x, and 3-7 ms so, with the same plans (docs/performance.md). Filters compare keys rather
# than join, so the written order is the right one. Behind a pooler that drops startup options, set
# it on the role instead (docs/deployment.md).
# A database that does not answer is given DATABASE_CONNECT_TIMEOUT seconds, then the request answers 503.
DATABASE_CONNECT_TIMEOUT = int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
for database in DATABASES.values():
    if database["ENGINE"] == "django.db.backends.postgresql":
        database.setdefault("OPTIONS", {})["options"] = "-c join_collapse_limit=1"
        database["OPTIONS"].setdefault("connect_timeout", DATABASE_CONNECT_TIMEOUT)
if len(DATABASES) > 1:
    DATABASE_ROUTERS = ["jiangmen_api.routers.ReadReplicaRouter"]
    MIDDLEWARE.insert(0, "jiangmen_api.routers.DatabasePinMiddleware")

# `default` holds responses, counts and throttle counters; `records` each record's rendered JSON, shared
# between workers through Redis (apps/core/api/fragments.py); each worker also keeps the records it
# serves most in a memo of API_RECORD_MEMO_BYTES.
# Redis is an accelerator, not a dependency (apps/core/cache.py): a failed operation is a miss, waits at
# most CACHE_SOCKET_TIMEOUT seconds, and marks the cache down in the worker for CACHE_RETRY_SECONDS.
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHE_SOCKET_TIMEOUT = float(os.environ.get("CACHE_SOCKET_TIMEOUT", "0.5"))
CACHE_RETRY_SECONDS = float(os.environ.get("CACHE_RETRY_SECONDS", "5"))
if CACHE_URL.startswith(("redis://", "rediss://")):
    CACHES = redis_caches(CACHE_URL, ("default", "records"), CACHE_SOCKET_TIMEOUT)
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
        # Each worker keeps its rendered records in its own memo (API_RECORD_MEMO_BYTES): nothing to share.
        "records": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SEEDS_DIR = BASE_DIR / "seeds"
FIXTURES_DIR = BASE_DIR / "fixtures"

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_PAGINATION_CLASS": "apps.core.api.cursor.ListPagination",
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    # The API only reads: it parses no request body, and OPTIONS says so.
    "DEFAULT_PARSER_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": [
        "apps.core.api.renderers.PrerenderedJSONRenderer",
        "apps.core.api.renderers.SpreadsheetCSVRenderer",
        "apps.core.api.renderers.SpreadsheetXLSXRenderer",
    ],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "apps.core.api.negotiation.StrictContentNegotiation",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "apps.core.api.schema.ApiAutoSchema",
    "EXCEPTION_HANDLER": "apps.core.api.exceptions.exception_handler",
    # The client's address is settled by ClientAddressMiddleware; DRF must not read X-Forwarded-For itself.
    "NUM_PROXIES": 0,
}
# How long a worker may reuse the data version it read before asking the database again.
DATA_VERSION_MEMO_SECONDS = float(os.environ.get("DATA_VERSION_MEMO_SECONDS", "1"))
# How long a rendered API response is kept in the cache; a write makes it stale at once anyway.
API_RESPONSE_CACHE_SECONDS = int(os.environ.get("API_RESPONSE_CACHE_SECONDS", "3600"))
# Bytes of rendered responses each worker also keeps in its own memory, in front of the shared cache.
API_RESPONSE_MEMO_BYTES = int(os.environ.get("API_RESPONSE_MEMO_BYTES", str(16 * 1024 * 1024)))
# How long a record's rendered JSON is kept; a write to anything it shows makes it stale at once anyway.
API_RECORD_MEMO_BYTES = int(os.environ.get("API_RECORD_MEMO_BYTES", str(16 * 1024 * 1024)))
API_RECORD_CACHE_SECONDS = int(os.environ.get("API_RECORD_CACHE_SECONDS", "86400"))
# How long a list's total count is kept, under the data version like responses, whether or not responses are.
API_COUNT_CACHE_SECONDS = int(os.environ.get("API_COUNT_CACHE_SECONDS", "3600"))
# Bytes of whole short lists of keys, and longer lists' built queries, each worker keeps under the data version
# (apps/core/api/pagination.py).
API_KEY_LIST_MEMO_BYTES = int(os.environ.get("API_KEY_LIST_MEMO_BYTES", str(8 * 1024 * 1024)))

# The paths served from the data alone, whose answers the edge throttles, validates (ETag, 304) and caches
# by the data version: the API and the explorer's pages, which read it.
PUBLIC_READ_PREFIXES = ["/api/v1/", "/explore/"]

# The proxies in front of the app whose `X-Forwarded-For` entries are believed: their number (`1`), or their
# addresses and networks (`10.0.0.0/8,192.0.2.7`); empty believes none (apps/core/clients.py).
TRUSTED_PROXIES = trusted_proxies(os.environ.get("TRUSTED_PROXIES", ""))

# Requests each client address may make, as `<count>/<second|minute|hour|day>`; empty turns throttling off.
API_THROTTLE_RATE = os.environ.get("API_THROTTLE_RATE", "600/minute")
# Whole exports (`<list>/export/`) each client address may start, on top of the rate above; empty: no limit.
API_EXPORT_THROTTLE_RATE = os.environ.get("API_EXPORT_THROTTLE_RATE", "30/hour")
# Records one export may hold: it bounds how long an export holds a worker (docs/deployment.md).
API_EXPORT_MAX_ROWS = int(os.environ.get("API_EXPORT_MAX_ROWS", "5000"))

SPECTACULAR_SETTINGS = {
    "TITLE": "Jiangmen Regional Data API",
    "DESCRIPTION": (
        "Structured, source-traceable data about Jiangmen (江门), Guangdong: industrial clusters "
        "and chains, zones, projects and milestones, infrastructure, companies, indicators and "
        "policy events. Every record cites the verbatim sentence it came from."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": ChoiceEnumNames(),
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "apps.core.api.schema.selectable_fields_are_optional",
    ],
}

# Security: safe by default without DEBUG; a TLS-terminating proxy sets X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_TLS_PROXY") else None
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
X_FRAME_OPTIONS = "DENY"

# Swagger UI and ReDoc are served from this server, with no inline scripts; their widgets style
# themselves inline and ReDoc runs a web worker from a blob.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Curators import and export spreadsheets in the admin; every import is previewed and validated first.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False

# Repeated failed admin logins lock the username from that address out for a while.
AXES_FAILURE_LIMIT = int(os.environ.get("ADMIN_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("ADMIN_LOCKOUT_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "apps.core.clients.client_of"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
