"""The Wagtail admin speaks each user's preferred language."""

import re

import pytest


@pytest.mark.parametrize(
    ("username", "tag"),
    [
        ("translator_ar", '<html lang="ar" dir="rtl"'),
        ("translator_en", '<html lang="en" dir="ltr"'),
        ("editor", '<html lang="fr" dir="ltr"'),
    ],
)
def test_admin_follows_the_users_language(client, users, username, tag):
    client.force_login(users[username])
    response = client.get("/admin/")
    assert response.status_code == 200
    assert re.search(r"<html[^>]*>", response.content.decode()).group(0).startswith(tag)


def test_admin_requests_no_avatar_from_a_third_party(clients):
    """Gravatar would receive a hash of each staff address from every admin page view."""
    body = clients["editor"].get("/admin/").content.decode()
    assert "<img" in body or "avatar" in body
    assert "gravatar" not in body.lower()
