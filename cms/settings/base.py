"""Settings shared by every environment.

The environment is read here, once: ``DATABASE_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS``, ``REDIS_URL``,
``PAGE_CACHE_SECONDS``, ``ELASTICSEARCH_URL`` and the ``EMAIL_*`` variables. ``dev``, ``test`` and ``production``
only adjust what differs.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    """A comma-separated environment variable as a list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# SECRET_KEY has no default here: dev and test set one, production requires it from the environment.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "security",
    "toolkit",
    "institutional",
    "search",
    "approvals",
    "translations",
    "mediafiles",
    "pagecache",
    "dissemination",
    "councils",
    "subscriptions",
    "proposals",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales, as wagtail-localize's docs require
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.api.v2",  # the open API (dissemination/api.py), JSON only: rest_framework itself is not installed
    "wagtail.sites",
    "approvals.apps.PortalUsersConfig",  # wagtail.users with the partner-group rule in its user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
    "axes",
    "csp",
    # Two-factor authentication (security/two_factor/): TOTP devices and single-use recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "mailer",
]

# ModelBackend, plus the translation editor's request-scoped submit permission (approvals/backends.py).
AUTHENTICATION_BACKENDS = [
    # Login throttling first: a locked-out account or address is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "approvals.backends.TranslationEditorBackend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Public pages only (pagecache/compression.py): gzip for what the page cache judged public, nothing else.
    "pagecache.compression.PublicGZipMiddleware",
    # Anonymous GET/HEAD of public pages from the shared cache, before sessions, users and rendering (pagecache/).
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.PortalLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): did this session pass the second factor (django-otp)?
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Until it did, a signed-in account that has (or must have) a second factor reaches only its 2FA pages.
    "security.two_factor.middleware.TwoFactorMiddleware",
    # An admin write to a view nobody classified, or one the portal refuses, answers 403 (approvals/endpoints.py).
    "approvals.endpoints.FailClosedAdminMiddleware",
    # Translators work only in their language; only editors manage translations (translations/guards.py).
    "translations.guards.TranslationGuardMiddleware",
    # Regional councils write only their own region page's sections in the translation editor (councils/guards.py).
    "councils.guards.CouncilTranslationGuardMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Content-Security-Policy (public and admin policies) and Permissions-Policy: security/headers.py.
    "security.headers.PortalCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Who and from where, for events saved deep in a request (security/audit.py).
    "security.audit.SecurityContextMiddleware",
    # Login throttling: answers the lockout page (security/views.py) (after the others but the edit lock below).
    "axes.middleware.AxesMiddleware",
    # Last: an edit and a partner's decision on the same page or snippet run one after the other (approvals/locking.py).
    "approvals.locking.SerialisedEditsMiddleware",
]

ROOT_URLCONF = "cms.urls"

# Login throttling (django-axes): 5 wrong passwords lock the account (from any address) and the address (for any
# account) for 30 minutes; `manage.py unlock_login` lifts it sooner. Addresses come from security/network.py, which
# believes X-Forwarded-For only from the proxies in PORTAL_TRUSTED_PROXIES (comma-separated addresses or networks).
PORTAL_TRUSTED_PROXIES = env_list("PORTAL_TRUSTED_PROXIES")
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "security.network.client_ip"
AXES_LOCKOUT_CALLABLE = "security.views.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Two-factor authentication (security/two_factor/, docs/operations.md): when PORTAL_REQUIRE_2FA is on, the partners'
# reviewers and superusers must enrol a TOTP app before the admin lets them in; anyone who enrolled (they may, from
# the account menu) is asked for a code at every sign-in whatever this says. production.py turns it on by default.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", False)
# The name authenticator apps show beside the account; wrong codes wait 1, 2, 4, 8... seconds (django-otp's throttle).
OTP_TOTP_ISSUER = "Régionalisation avancée"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Headers (production.py adds HSTS and secure cookies). Nothing frames the portal but the admin's own previews, which
# Wagtail answers with SAMEORIGIN itself; CSP's frame-ancestors says the same to current browsers.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PORTAL_ADMIN_PATH = "admin/"
PORTAL_CSP_REPORT_URI = os.environ.get("PORTAL_CSP_REPORT_URI", "")
# The policies themselves are chosen per request by security.headers; this only switches django-csp on.
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'self'"]}}
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_frame",
            ],
        },
    },
]

# Database: PostgreSQL from DATABASE_URL; without it an embedded SQLite file under data/ (for `make run` only).
DATA_DIR = Path(os.environ.get("PORTAL_DATA_DIR", BASE_DIR / "data"))
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'portal.sqlite3'}"),
        # No persistent connections by default: Django's development server opens a thread, and so a connection,
        # per request, and kept connections piled up until PostgreSQL refused more. production.py keeps them.
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make serve` runs several gunicorn workers on the SQLite file: write-ahead logging lets them read while one
    # writes, and IMMEDIATE transactions queue writers instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: one cache every worker and every server shares, because the page cache and the site frame's cache
# (pagecache/) are invalidated by publication in whichever process published. Redis when REDIS_URL is set; otherwise
# a table of the database (created by `migrate`, pagecache/apps.py). Never a process-local cache.
REDIS_URL = os.environ.get("REDIS_URL", "")
DATABASE_CACHE = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "portal_cache",
    # Culling (a third of the rows) starts past this many entries: 3 languages x a few hundred pages, with filters.
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("DATABASE_CACHE_MAX_ENTRIES", "20000"))},
}
REDIS_CACHE = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": REDIS_URL,
    "OPTIONS": {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        # A cache outage must degrade to cache misses, never to failing pages.
        "IGNORE_EXCEPTIONS": True,
        "SOCKET_CONNECT_TIMEOUT": 1,
        "SOCKET_TIMEOUT": 1,
    },
    "KEY_PREFIX": "portal",
}
CACHES = {"default": REDIS_CACHE if REDIS_URL else DATABASE_CACHE}

# The page cache (pagecache/, docs/operations.md): anonymous GET/HEAD of public pages served from CACHES for
# PAGE_CACHE_SECONDS (0 turns it off), invalidated per language on publication. Browsers may reuse a page for
# PAGE_CACHE_BROWSER_SECONDS before they revalidate it (a 304 while it is unchanged). 0 by default: a reader's next
# visit after a publication or an unpublication shows it, as the page cache does; a revalidation is one round trip
# answered from the page cache, with no body while the page is unchanged.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_BROWSER_SECONDS = int(os.environ.get("PAGE_CACHE_BROWSER_SECONDS", "0"))

# A front-end cache (a caching proxy or a CDN in front of gunicorn) is optional. When one is configured here, the
# page cache purges it with the URLs it invalidates (pagecache/frontend.py), and lets it keep pages PAGE_CACHE_SECONDS.
# PORTAL_FRONTEND_CACHE_PURGE_URL: an HTTP purge endpoint (Varnish, nginx); CLOUDFLARE_API_TOKEN and
# CLOUDFLARE_ZONE_ID: Cloudflare; other Wagtail backends (CloudFront, Azure) in the deployment's settings module.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("PORTAL_FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["PORTAL_FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN") and os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
    }
# Each URL is purged as given: Wagtail would also rewrite it into every language's prefix, but slugs are translated.
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the source and default; Arabic is right-to-left.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("en", _("English")),
]
LANGUAGES_BIDI = ["ar"]
# The portal's catalogues, then the admin's word for a language in Wagtail's own strings ("Langue", not "Région":
# scripts/admin_language_terms.py builds it).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
TIME_ZONE = "Africa/Casablanca"
# British English dates (day before month) for "en": cms/formats/en/formats.py.
FORMAT_MODULE_PATH = ["cms.formats"]
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "portal_language"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The Wagtail admin is offered in the three languages; each user picks theirs in their account settings.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# wagtail-localize: a new translation never goes live by itself (it must pass partner approval).
# Locale tree synchronisation stays off: its alias pages would go live with unreviewed source content.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Partner approval (approvals/): finishing the workflow publishes the approved revision on the partners' authority,
# and an edit during review needs fresh approvals.
WAGTAIL_FINISH_WORKFLOW_ACTION = "approvals.finish.publish_approved_revision"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# Private pages (home/privacy.py): the portal's only accounts are the admin's, so a page "accessible to logged-in
# users" sends an anonymous reader to the admin's login form, which brings them back to the page.
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"

# Machine assistance in the translation editor, off unless configured: DeepL (DEEPL_AUTH_KEY) or LibreTranslate
# (LIBRETRANSLATE_URL, with LIBRETRANSLATE_API_KEY if the server wants one). Machine output is a draft like any other:
# it is reviewed by the translator and approved by the partners before anything is published.
DEEPL_AUTH_KEY = os.environ.get("DEEPL_AUTH_KEY", "")
LIBRETRANSLATE_URL = os.environ.get("LIBRETRANSLATE_URL", "")
if DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": DEEPL_AUTH_KEY,
            # Glossaries uploaded to DeepL (exported from the admin's Glossary), as "FR:AR=<id>,FR:EN=<id>".
            "GLOSSARY_IDS": {
                tuple(pair.split(":", 1)): glossary_id
                for pair, _sep, glossary_id in (item.partition("=") for item in env_list("DEEPL_GLOSSARY_IDS"))
                if ":" in pair and glossary_id
            },
        },
    }
elif LIBRETRANSLATE_URL:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": LIBRETRANSLATE_URL,
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "assets"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", DATA_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

WAGTAIL_SITE_NAME = "Régionalisation avancée"
# No avatar requests to a third party (each would carry a hash of a staff address): initials only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt", "pptx"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Uploads are judged by their bytes (mediafiles/content.py). Only PDFs open in the browser; everything else downloads.
PORTAL_DOCUMENT_MAX_BYTES = int(os.environ.get("PORTAL_DOCUMENT_MAX_BYTES", str(25 * 1024 * 1024)))
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]

# The public proposal form (proposals/): at most this many attached documents, each under the document rules above,
# and at most PROPOSALS_RATE_LIMIT posts per address in PROPOSALS_RATE_WINDOW seconds (then 429).
PROPOSALS_MAX_ATTACHMENTS = 3
PROPOSALS_RATE_LIMIT = int(os.environ.get("PROPOSALS_RATE_LIMIT", "10"))
PROPOSALS_RATE_WINDOW = int(os.environ.get("PROPOSALS_RATE_WINDOW", "3600"))
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]  # never SVG: it can carry script
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("WAGTAILIMAGES_MAX_UPLOAD_SIZE", str(10 * 1024 * 1024)))
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# Documents and images under partner approval (mediafiles/): the admin's forms refuse replacing a file in use, and
# files leave the app through its backend, streamed or handed to the proxy with X-Accel-Redirect when
# PORTAL_MEDIA_ACCEL_REDIRECT names the proxy's internal location (e.g. /protected-media/).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "mediafiles.forms.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "mediafiles.forms.ImageForm"
SENDFILE_BACKEND = "mediafiles.sendfile"
PORTAL_MEDIA_ACCEL_REDIRECT = os.environ.get("PORTAL_MEDIA_ACCEL_REDIRECT", "")

# Search: Wagtail's database backend by default; Elasticsearch when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "wagtail.search.backends.elasticsearch8",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal_"),
        "TIMEOUT": 5,
        "OPTIONS": {},
        "INDEX_SETTINGS": {},
    }

# Mail is queued in the database (cms/mail.py) and delivered by `manage.py runmailer` through MAILER_EMAIL_BACKEND:
# SMTP when EMAIL_HOST is set, else the console. EMAIL_TIMEOUT bounds each exchange with the server.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
MAILER_EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
MAILER_EMPTY_QUEUE_SLEEP = int(os.environ.get("MAILER_EMPTY_QUEUE_SLEEP", "5"))
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portail@regionalisation.ma")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Wagtail logs every page action and django-tasks every task at INFO: too chatty for operators' commands.
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
        "mailer": {"level": "WARNING"},
    },
}

# The open API (dissemination/api.py): up to 100 pages per answer, enough for a whole listing of the toolkit in two
# or three calls while keeping each answer's cost bounded (a listing costs a fixed number of queries).
WAGTAILAPI_LIMIT_MAX = 100
# Django REST framework answers in JSON only. rest_framework is not installed (no templates), so its browsable
# renderer, chosen for a browser's "Accept: text/html", failed with a 500 on wagtail-localize's API endpoints (a GET of
# the translation editor's string endpoint typed into the address bar); they now answer JSON, a 405 for a GET.
REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}
