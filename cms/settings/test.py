"""Settings for the test suite: PostgreSQL (DATABASE_URL, default the local server), fast hashing, local mail."""

import os

import dj_database_url

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal"),
        conn_max_age=0,
    )
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Process-local and emptied before each test (conftest.py); the page cache is off but in its own tests, which share
# the database cache with a second process (pagecache/tests/, PORTAL_TEST_CACHE=database in that process).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("PORTAL_TEST_CACHE") == "database":
    CACHES = {"default": DATABASE_CACHE}  # noqa: F405
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "0"))
MEDIA_ROOT = BASE_DIR / "data" / "test-media"  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# A test-only page type extending BasePage (tests/testapp), to test the partner-approval guard beyond HomePage.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testapp"]  # noqa: F405

# Password-only sign-in for the suite (the browser tests included); 2FA tests turn it on with the settings fixture.
PORTAL_REQUIRE_2FA = False
