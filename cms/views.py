"""Operational views: the health check, the error pages and `/favicon.ico`."""

import logging

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connections
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)


def _database_state():
    try:
        for alias in connections:
            with connections[alias].cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
    except DatabaseError as exc:
        logger.error("Health check: database unreachable: %s", exc)
        return "down"
    return "up"


def _cache_state():
    """Redis (``REDIS_URL``): "up" or "down". Without it the shared cache is the database's table ("database"), or
    the process's memory in tests ("memory"). A failed round trip is "down" whatever the backend."""
    try:
        # django-redis ignores connection errors (IGNORE_EXCEPTIONS), so a failed round trip reads back None.
        cache.set("healthz", "ok", 5)
        answered = cache.get("healthz") == "ok"
    except Exception:  # noqa: BLE001 - any cache failure is reported, never raised
        return "down"
    if not answered:
        return "down"
    if settings.REDIS_URL:
        return "up"
    return "database" if isinstance(caches["default"], DatabaseCache) else "memory"


def _search_state():
    if not settings.ELASTICSEARCH_URL:
        return "database"
    from search.elastic import elasticsearch_ping  # imported lazily: only with Elasticsearch configured

    return "up" if elasticsearch_ping() else "down"


def healthz(request):
    """Liveness and readiness in one: 200 when the database answers, 503 when it does not.

    The cache and the search engine are reported but do not fail the check: the portal degrades without them
    (cache misses; the search page answers 503 on its own).
    """
    states = {"database": _database_state(), "cache": _cache_state(), "search": _search_state()}
    status = 200 if states["database"] == "up" else 503
    return JsonResponse({"status": "ok" if status == 200 else "unavailable", "checks": states}, status=status)


def page_not_found(request, exception=None):
    """404 in the language of the URL, or the default language when the URL names none we serve."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        return render(request, "404.html", {"request_language": language}, status=404)


def server_error(request):
    """500 without touching the database (it may be what failed)."""
    return render(request, "500.html", status=500)


def favicon(request):
    """`/favicon.ico`, which browsers, feed readers and bookmarks ask for whatever the page links: a redirect to the
    static icon (assets/icons/, drawn by scripts/build_icons.py), whose name changes with its content once static
    files are hashed, so the redirect itself is cached for a day only."""
    response = HttpResponseRedirect(static("icons/favicon.ico"))
    patch_cache_control(response, public=True, max_age=86400)
    return response
