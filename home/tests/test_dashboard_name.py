"""The admin dashboard names the portal in each person's admin language, not in the Site row's French."""

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
