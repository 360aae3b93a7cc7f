"""The reviewer's dashboard reads in the admin's direction: a French title keeps its own direction inside the Arabic
admin (a title ending in ")" used to have its bracket moved to the front), and the list's separator is Arabic."""

import re

import pytest
from wagtail.models import Page

from approvals.operator import publish_as_operator
from approvals.tests.helpers import speaking, submit
from tests.testapp.models import ArticlePage

pytestmark = pytest.mark.django_db

TITLE = "Grille d'analyse des partenariats (édition 2026)"


@pytest.fixture
def published(portal):
    page = ArticlePage(title=TITLE, slug="grille", body="Approuvé.")
    portal["fr"].add_child(instance=page)
    publish_as_operator(page, "test")
    return Page.objects.get(pk=page.pk)


@pytest.mark.parametrize(("language", "separator"), [("ar", "، "), ("fr", ", "), ("en", ", ")])
def test_a_recently_published_title_keeps_its_direction_and_the_separator_is_the_languages(
    clients, users, published, language, separator
):
    speaking(users["arm"], language)
    dashboard = clients["arm"].get("/admin/").content.decode()
    recent = dashboard[dashboard.index("data-recently-published") :]
    item = re.search(r"<li>(.*?)</li>", recent, re.S).group(1)
    assert re.search(r'<span lang="fr" dir="ltr">Grille d&#x27;analyse des partenariats \(édition 2026\)</span>', item)
    language_name = {"ar": "الفرنسية", "fr": "français", "en": "French"}[language]
    assert re.search(rf"\({language_name}{separator}\d", " ".join(item.split()), re.I), item


def test_a_title_awaiting_the_partner_is_isolated_in_its_own_direction(clients, users, article):
    speaking(users["arm"], "ar")
    submit(clients["editor"], article)
    dashboard = clients["arm"].get("/admin/").content.decode()
    assert re.search(r'<a href="[^"]+" dir="auto">Budget participatif</a>', dashboard)
