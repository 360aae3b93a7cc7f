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


def test_english_dates_put_the_day_first():
    import datetime

    from django.utils import formats, translation

    moment = datetime.datetime(2026, 12, 1, 14, 30)
    with translation.override("en"):
        assert formats.date_format(moment.date()) == "1 December 2026"
        assert formats.date_format(moment, "DATETIME_FORMAT") == "1 December 2026, 14:30"
        assert formats.date_format(moment.date(), "SHORT_DATE_FORMAT") == "01/12/2026"
    with translation.override("fr"):
        assert formats.date_format(moment.date()) == "1 décembre 2026"


def test_arabic_dates_put_the_day_first_on_a_24_hour_clock():
    """Django's Arabic formats leave the short date and time to the American default ("12/01/2026 2:30 p.m.")."""
    import datetime

    from django.utils import formats, translation

    moment = datetime.datetime(2026, 12, 1, 14, 30)
    with translation.override("ar"):
        short = formats.date_format(moment, "SHORT_DATETIME_FORMAT").replace("\u200f", "")
        assert short == "01/12/2026 14:30"
        assert formats.date_format(moment, "TIME_FORMAT") == "14:30"
