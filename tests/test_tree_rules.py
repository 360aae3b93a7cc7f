"""Test content stands where real content could: the tree rules (tests/tree_rules.py) hold for the fixtures.

The root conftest checks every test that used the database; these tests show that the check finds a misplaced page,
and that the test page types are placed by the same rule as the portal's own.
"""

import pytest
from wagtail.models import Page

from home.models import HomePage
from institutional.models import InformationPage
from tests.testapp.models import ArticlePage, SectionPage
from tests.tree_rules import misplaced_pages

pytestmark = pytest.mark.django_db


def test_the_check_finds_a_page_its_parent_does_not_allow(portal):
    article = ArticlePage(title="Article", slug="article")
    portal["fr"].add_child(instance=article)
    assert misplaced_pages() == []
    wrong = SectionPage(title="Rubrique mal placée", slug="rubrique-mal-placee", locale=article.locale)
    article.add_child(instance=wrong)  # add_child checks no tree rule: an article allows only articles
    assert misplaced_pages() == [("Rubrique mal placée", "SectionPage", "ArticlePage")]
    Page.objects.get(pk=wrong.pk).delete()  # leave a tree the conftest's own check accepts
    assert misplaced_pages() == []


def test_a_home_page_under_a_home_page_is_misplaced(portal):
    assert not HomePage.can_exist_under(portal["fr"])
    assert SectionPage.can_exist_under(portal["fr"])
    assert ArticlePage.can_exist_under(portal["fr"])
    assert not InformationPage.can_exist_under(ArticlePage(title="x"))


def test_the_test_page_types_leave_the_portals_own_types_under_the_home_page(portal):
    allowed = set(HomePage.allowed_subpage_models())
    assert {ArticlePage, SectionPage} <= allowed
    assert InformationPage in allowed
    assert HomePage not in allowed


def test_the_demo_content_and_the_fixtures_obey_the_tree_rules(demo, portal, make_page_tree):
    assert misplaced_pages() == []


@pytest.fixture
def make_page_tree(portal):
    """One page of each test type in each place the fixtures put them."""
    section = SectionPage(title="Rubrique", slug="rubrique", locale=portal["fr"].locale)
    portal["fr"].add_child(instance=section)
    section.add_child(instance=SectionPage(title="Sous-rubrique", slug="sous-rubrique", locale=section.locale))
    article = ArticlePage(title="Article", slug="article")
    portal["fr"].add_child(instance=article)
    article.add_child(instance=ArticlePage(title="Sous-article", slug="sous-article"))
