"""Production settings: only hardening on top of base. Secrets come from the environment, with no default."""

import os

from django.core.exceptions import ImproperlyConfigured

from cms.static_headers import a_year_for_hashed_files

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5 or SECRET_KEY.startswith("django-insecure-"):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set in the environment in production: at least 50 random characters "
        '(python -c "import secrets; print(secrets.token_urlsafe(50))").'
    )
# `make serve` runs these settings on a developer's machine, on `make run`'s data, over plain HTTP on 127.0.0.1: only
# there does PORTAL_LOCAL_SERVE allow the SQLite file and turn off the HTTPS redirect, HSTS and secure cookies.
LOCAL_SERVE = env_bool("PORTAL_LOCAL_SERVE", False)  # noqa: F405
if "DATABASE_URL" not in os.environ and not LOCAL_SERVE:
    raise ImproperlyConfigured("DATABASE_URL must be set in production (PostgreSQL).")

# One kept connection per worker process (or thread), checked before reuse: size PostgreSQL's max_connections for
# workers x threads of every server, plus the mail worker and cron jobs (docs/operations.md).
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# The partners' reviewers and superusers must use a second factor (security/two_factor/); off only by choice.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", True)  # noqa: F405

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not LOCAL_SERVE)  # noqa: F405
SESSION_COOKIE_SECURE = not LOCAL_SERVE
CSRF_COOKIE_SECURE = not LOCAL_SERVE
SECURE_HSTS_SECONDS = 0 if LOCAL_SERVE else int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)  # noqa: F405
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)  # noqa: F405
# gunicorn serves the static files itself (WhiteNoise, right after SecurityMiddleware): `collectstatic` writes them
# under content-hashed names with gzip and brotli copies, served with a year of cache (cms/static_headers.py); each
# name's URL is computed once per process (cms/static_storage.py).
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {"BACKEND": "cms.static_storage.PortalStaticFilesStorage"}  # noqa: F405
WHITENOISE_ADD_HEADERS_FUNCTION = a_year_for_hashed_files
