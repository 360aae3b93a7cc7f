"""Breadcrumbs (home/breadcrumbs.py) through the public URLs: the trail in the page's language, the current page
marked, nothing on the home page, a renamed section shown at once, and a fixed number of queries however deep the
page sits."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from approvals.operator import publish_as_operator
from tests.testapp.models import ArticlePage
from toolkit.tests import factories


def trail(response):
    """The breadcrumbs of a response: [(title, href, current)], or None when the page has none."""
    assert response.status_code == 200
    found = re.search(r'<nav class="breadcrumbs" aria-label="([^"]+)">(.*?)</nav>', response.content.decode(), re.S)
    if found is None:
        return None
    items = re.findall(r'<li><a href="([^"]+)"( aria-current="page")?>([^<]+)</a></li>', found.group(2))
    return [(title, href, bool(current)) for href, current, title in items]


def article(parent, title, slug):
    page = ArticlePage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision()
    publish_as_operator(page, "tests")
    return page


def test_a_tool_page_shows_its_trail_in_its_own_language(client, portal):
    tree = factories.toolkit_tree(portal["fr"])
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    arabic = factories.translate(tool, "ar")
    arabic.title = "الميزانية التشاركية"
    factories.save_live(arabic)
    arabic_index = arabic.get_parent().specific
    arabic_index.title = "الأدوات"
    factories.save_live(arabic_index)

    assert trail(client.get(tool.url)) == [
        ("Accueil", "/fr/", False),
        (tree["tools"].title, tree["tools"].url, False),
        ("Budget participatif", tool.url, True),
    ]
    assert trail(client.get(arabic.url)) == [
        ("الرئيسية", "/ar/", False),
        ("الأدوات", arabic_index.url, False),
        ("الميزانية التشاركية", arabic.url, True),
    ]


def test_the_home_page_has_no_breadcrumbs_and_the_search_page_has_its_own(client, portal):
    assert trail(client.get("/fr/")) is None
    assert trail(client.get("/en/search/?q=budget")) == [("Home", "/en/", False), ("Search", "/en/search/", True)]


def test_a_renamed_section_shows_its_new_title_at_once(client, portal):
    tree = factories.toolkit_tree(portal["fr"])
    tool = factories.ToolPageFactory(parent=tree["tools"])
    assert trail(client.get(tool.url))[1][0] == tree["tools"].title  # the frame, sections included, is now cached

    tree["tools"].title = "Boîte à outils"
    tree["tools"].save_revision()
    publish_as_operator(tree["tools"], "tests")

    assert trail(client.get(tool.url))[1][0] == "Boîte à outils"


def test_a_deep_page_costs_one_query_for_its_ancestors_however_deep(client, portal):
    top = article(portal["fr"], "Dossier", "dossier")
    middle = article(top, "Chapitre", "chapitre")
    deep = article(middle, "Section", "section")
    deeper = article(deep, "Paragraphe", "paragraphe")

    def ancestor_queries(page):
        """The queries of a page view that read pages' titles by path: the breadcrumbs' (routing reads by slug,
        Wagtail's own ancestor checks read ids)."""
        client.get(page.url)  # the frame and the site's root paths are cached from here on
        with CaptureQueriesContext(connection) as captured:
            response = client.get(page.url)
        by_path = [q["sql"] for q in captured if '"wagtailcore_page"."path" IN' in q["sql"] and "title" in q["sql"]]
        return len(by_path), trail(response)

    assert ancestor_queries(middle)[0] == 0  # its only ancestor below the home page comes with the frame
    at_three, deep_trail = ancestor_queries(deep)
    at_four, deeper_trail = ancestor_queries(deeper)
    assert (at_three, at_four) == (1, 1)  # one query, whether one ancestor is missing from the frame or two
    assert [title for title, _, _ in deep_trail] == ["Accueil", "Dossier", "Chapitre", "Section"]
    assert [title for title, _, _ in deeper_trail] == ["Accueil", "Dossier", "Chapitre", "Section", "Paragraphe"]
    assert [current for _, _, current in deeper_trail] == [False, False, False, False, True]
