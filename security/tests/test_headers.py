"""Security headers on public pages and in the admin, and production settings that pass Django's deploy check."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def test_public_pages_allow_only_the_portals_own_scripts_and_are_never_framed(client, portal):
    response = client.get("/fr/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert "<script>" not in response.content.decode()  # no inline script for the policy to refuse


def test_the_admin_may_frame_its_own_previews_and_nothing_else(clients, portal):
    response = clients["editor"].get(f"/admin/pages/{portal['fr'].pk}/edit/")
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert all("http" not in source for sources in policy.values() for source in sources)
    preview = clients["editor"].get(f"/admin/pages/{portal['fr'].pk}/edit/preview/")
    assert preview["X-Frame-Options"] == "SAMEORIGIN"


def run_production_check(secret_key):
    env = {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secret_key,
        "DATABASE_URL": os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal"),
        "ALLOWED_HOSTS": "portal.example.ma",
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_the_deploy_check():
    result = run_production_check(secrets.token_urlsafe(50))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "secret_key", ["", "short", "dev-only-insecure-key-do-not-use-in-production", "django-insecure-" + "x1" * 30]
)
def test_production_refuses_a_short_or_default_secret_key(secret_key):
    result = run_production_check(secret_key)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
