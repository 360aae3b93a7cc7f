"""/healthz: 200 with each dependency's state while the database answers, 503 when it does not."""

import pytest
from django.core.management import call_command
from django.db import connection


def test_healthz_reports_each_dependency(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "up", "cache": "memory", "search": "database"},
    }


def test_healthz_names_the_database_cache_when_redis_is_not_configured(client, db, settings):
    settings.CACHES = {"default": settings.DATABASE_CACHE}
    call_command("createcachetable", verbosity=0)  # as migrate does without REDIS_URL (pagecache/apps.py)
    assert client.get("/healthz").json()["checks"]["cache"] == "database"


@pytest.mark.django_db(transaction=True)
def test_healthz_is_503_when_the_database_is_unreachable(client):
    # A real connection failure: the database connection is pointed at a closed port.
    original_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = "1"
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = original_port
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "down"


def test_the_development_server_keeps_no_connection_and_production_keeps_checked_ones():
    """Django's runserver uses a thread per request: kept connections piled up until PostgreSQL refused more."""
    import os
    import secrets
    import subprocess
    import sys

    from django.conf import settings

    def conn_settings(module, **env):
        code = (
            "import django; django.setup(); from django.conf import settings as s; "
            "d = s.DATABASES['default']; print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
        )
        environment = {
            **{k: v for k, v in os.environ.items() if k not in ("DATABASE_CONN_MAX_AGE", "DJANGO_ALLOW_ASYNC_UNSAFE")},
            "DJANGO_SETTINGS_MODULE": module,
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/portal",
            **env,
        }
        result = subprocess.run(  # noqa: S603  (this interpreter and a literal program)
            [sys.executable, "-c", code],
            cwd=settings.BASE_DIR,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.split()

    assert conn_settings("cms.settings.dev") == ["0", "True"]
    assert conn_settings("cms.settings.production", SECRET_KEY=secrets.token_urlsafe(50)) == ["60", "True"]
