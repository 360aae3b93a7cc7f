"""Repeated wrong passwords lock the account and the address; the real admin login form is used throughout."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import ModelLogEntry

from conftest import DEMO_PASSWORD
from security import audit

pytestmark = pytest.mark.django_db

LOGIN_URL = "/admin/login/"


def attempt(client, username, password, **extra):
    return client.post(LOGIN_URL, {"username": username, "password": password}, **extra)


def signed_in(client):
    return "_auth_user_id" in client.session


def fail(client, username, times, **extra):
    for _ in range(times):
        response = attempt(client, username, "wrong-password", **extra)
        assert response.status_code in (200, 429)
        assert not signed_in(client)


def test_five_wrong_passwords_then_the_right_one_is_refused(client, users, settings):
    fail(client, "dgct", settings.AXES_FAILURE_LIMIT)
    response = attempt(client, "dgct", DEMO_PASSWORD, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 429
    assert not signed_in(client)
    assert "Trop de tentatives de connexion" in response.content.decode()
    assert ModelLogEntry.objects.filter(action=audit.LOCKOUT, object_id=str(users["dgct"].pk)).exists()


@pytest.mark.parametrize(
    ("language", "text"), [("ar", "محاولات تسجيل دخول فاشلة كثيرة"), ("en", "Too many failed sign-in attempts")]
)
def test_the_lockout_page_speaks_the_visitors_language(client, users, settings, language, text):
    fail(client, "arm", settings.AXES_FAILURE_LIMIT)
    response = attempt(client, "arm", DEMO_PASSWORD, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 429
    assert text in response.content.decode()


def test_fewer_failures_than_the_limit_still_let_the_right_password_in(client, users, settings):
    fail(client, "embassy", settings.AXES_FAILURE_LIMIT - 1)
    response = attempt(client, "embassy", DEMO_PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)
    assert ModelLogEntry.objects.filter(action=audit.LOGIN, object_id=str(users["embassy"].pk)).exists()


def test_the_account_is_locked_from_any_address(client, users, settings):
    fail(client, "dgct", settings.AXES_FAILURE_LIMIT, REMOTE_ADDR="198.51.100.1")
    response = attempt(client, "dgct", DEMO_PASSWORD, REMOTE_ADDR="198.51.100.2")
    assert response.status_code == 429
    assert not signed_in(client)


def test_the_address_is_locked_for_every_account(client, users, settings):
    for username in ("nobody", "dgct", "arm", "embassy", "editor")[: settings.AXES_FAILURE_LIMIT]:
        fail(client, username, 1, REMOTE_ADDR="198.51.100.9")
    response = attempt(client, "translator_ar", DEMO_PASSWORD, REMOTE_ADDR="198.51.100.9")
    assert response.status_code == 429
    assert not signed_in(client)


def test_a_forged_forwarded_for_header_does_not_change_the_address(client, users, settings):
    """Without trusted proxies the header is the client's own words: rotating it must not reset the count."""
    for index in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"someone{index}", "wrong", REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR=f"10.9.9.{index}")
    response = attempt(
        client, "editor", DEMO_PASSWORD, REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR="203.0.113.99"
    )
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_client_address_counts(client, users, settings):
    settings.PORTAL_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    proxy = {"REMOTE_ADDR": "127.0.0.1"}
    for index in range(settings.AXES_FAILURE_LIMIT):
        attempt(client, f"someone{index}", "wrong", HTTP_X_FORWARDED_FOR="203.0.113.5, 10.1.2.3", **proxy)
    # The attacker's address is locked...
    response = attempt(client, "editor", DEMO_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    assert response.status_code == 429
    # ...and a colleague behind the same proxy is not.
    response = attempt(client, "editor", DEMO_PASSWORD, HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
    assert response.status_code == 302
    entry = ModelLogEntry.objects.filter(action=audit.LOGIN, object_id=str(users["editor"].pk)).latest("timestamp")
    assert entry.data["ip"] == "203.0.113.6"


def test_unlock_login_lifts_the_lockout_and_is_logged(client, users, settings):
    fail(client, "dgct", settings.AXES_FAILURE_LIMIT)
    assert attempt(client, "dgct", DEMO_PASSWORD).status_code == 429
    output = io.StringIO()
    call_command("unlock_login", username="dgct", stdout=output)
    call_command("unlock_login", ip="127.0.0.1", stdout=output)
    assert "Unlocked dgct" in output.getvalue()
    assert attempt(client, "dgct", DEMO_PASSWORD).status_code == 302
    assert signed_in(client)
    assert ModelLogEntry.objects.filter(action=audit.UNLOCK, object_id=str(users["dgct"].pk)).exists()


def test_failed_sign_ins_are_logged_with_the_address(client, users):
    attempt(client, "arm", "wrong", REMOTE_ADDR="198.51.100.30")
    entry = ModelLogEntry.objects.get(action=audit.LOGIN_FAILED, object_id=str(users["arm"].pk))
    assert entry.data["ip"] == "198.51.100.30"
    assert entry.data["username"] == "arm"


def test_group_changes_are_logged_with_who_and_where(clients, users):
    """A superuser moves the translator into Editors through the admin's user form."""
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Editors")
    user = users["translator_fr"]
    response = clients["admin"].post(
        reverse("wagtailusers_users:edit", args=[user.pk]),
        {
            "username": user.username,
            "email": user.email,
            "first_name": user.first_name or "Salma",
            "last_name": user.last_name or "Traductrice",
            "is_active": "on",
            "groups": [editors.pk],
        },
        REMOTE_ADDR="198.51.100.40",
    )
    assert response.status_code == 302, response.context["form"].errors
    entries = ModelLogEntry.objects.filter(
        action=audit.GROUPS_CHANGED, object_id=str(user.pk), data__ip="198.51.100.40"
    )
    assert entries.exists()
    assert all(entry.user_id == users["admin"].pk and entry.data["ip"] == "198.51.100.40" for entry in entries)
    assert any("Editors" in entry.data["groups"] for entry in entries)
