"""The admin names the portal in each person's admin language: the dashboard's heading (not the Site row's French)
and the tab titles (not "Wagtail")."""

import re
from html import unescape

import pytest

from approvals.tests.helpers import speaking

pytestmark = pytest.mark.django_db

NAMES = {"fr": "Régionalisation avancée", "ar": "الجهوية المتقدمة", "en": "Advanced regionalisation"}


@pytest.mark.parametrize(("username", "language"), [("editor", "fr"), ("arm", "ar"), ("embassy", "en")])
def test_the_dashboard_heading_is_the_portals_name_in_the_admin_language(clients, users, username, language):
    speaking(users[username], language)
    response = clients[username].get("/admin/")
    assert response.status_code == 200
    heading = re.search(r'<h1 class="w-h1[^"]*">(.*?)</h1>', response.content.decode(), re.S).group(1)
    assert unescape(heading).strip() == NAMES[language]


TITLES = {"fr": "Tableau de bord - Régionalisation avancée", "ar": "لوحة التحكم - الجهوية المتقدمة"}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_the_admins_tab_title_ends_with_the_portals_name(clients, users, language):
    speaking(users["arm"], language)
    html = clients["arm"].get("/admin/").content.decode()
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    assert " ".join(unescape(title).split()) == TITLES[language]


def test_the_login_page_title_names_the_portal(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    title = " ".join(unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1)).split())
    assert title.endswith("- الجهوية المتقدمة"), title
