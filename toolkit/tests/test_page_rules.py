"""Each page type can be created only where it belongs: tested through the models' rules and the admin's add view."""

import pytest
from wagtail.models import Page

from home.models import HomePage
from institutional.models import InformationPage
from toolkit import models
from toolkit.tests import factories

INDEX_OF = {
    models.ToolPage: models.ToolIndexPage,
    models.GuidePage: models.GuideIndexPage,
    models.ExperiencePage: models.ExperienceIndexPage,
    models.RecommendationPage: models.RecommendationIndexPage,
    models.BenchmarkPage: models.BenchmarkIndexPage,
    models.RegionPage: models.RegionIndexPage,
}
INDEXES = [*INDEX_OF.values(), models.AdoptionOverviewPage]


def assert_refused(response):
    """Wagtail's admin answers a permission denial with a redirect to the dashboard and an error message."""
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("index", INDEXES, ids=lambda m: m.__name__)
def test_index_pages_go_only_under_a_home_page(index):
    assert index.allowed_parent_page_models() == [HomePage]
    assert index in HomePage.allowed_subpage_models()


@pytest.mark.parametrize(("detail", "index"), INDEX_OF.items(), ids=lambda m: m.__name__)
def test_detail_pages_go_only_under_their_index_and_have_no_children(detail, index):
    assert detail.allowed_parent_page_models() == [index]
    assert index.allowed_subpage_models() == [detail]
    assert detail.allowed_subpage_models() == []


def test_home_page_accepts_only_the_toolkit_indexes_and_the_institutional_pages():
    """The portal's own page types; the test app adds its test-only pages under the home page (tests/testapp/apps.py)
    and nothing else."""
    portal_models = {model for model in HomePage.allowed_subpage_models() if model._meta.app_label != "testapp"}
    assert portal_models == {*INDEXES, InformationPage}
    test_models = {model._meta.label for model in HomePage.allowed_subpage_models()} - {
        model._meta.label for model in portal_models
    }
    assert test_models == {"testapp.ArticlePage", "testapp.SectionPage"}


def test_one_index_of_each_kind_per_home_page(portal):
    factories.toolkit_tree(portal["fr"])
    for index in INDEXES:
        assert not index.can_create_at(portal["fr"])
    # ...but the Arabic home page may have its own.
    assert models.ToolIndexPage.can_create_at(portal["ar"])


def test_admin_refuses_a_tool_directly_under_the_home_page(client, users, portal):
    client.force_login(users["admin"])
    before = Page.objects.count()
    response = client.get(f"/admin/pages/add/toolkit/toolpage/{portal['fr'].pk}/")
    assert_refused(response)
    response = client.post(
        f"/admin/pages/add/toolkit/toolpage/{portal['fr'].pk}/",
        {"title": "Hors place", "slug": "hors-place", "tool_type": "method"},
    )
    assert_refused(response)
    assert Page.objects.count() == before


def test_admin_offers_only_tools_under_the_tool_index(client, users, portal):
    tree = factories.toolkit_tree(portal["fr"])
    client.force_login(users["admin"])
    response = client.get(f"/admin/pages/{tree['tools'].pk}/add_subpage/", follow=True)
    assert response.status_code == 200
    # A single allowed type: Wagtail goes straight to the tool's creation form.
    assert response.redirect_chain[-1][0].endswith(f"/admin/pages/add/toolkit/toolpage/{tree['tools'].pk}/")
    assert_refused(client.get(f"/admin/pages/add/toolkit/guidepage/{tree['tools'].pk}/"))


def test_themes_partners_and_regions_are_chosen_with_checkboxes(clients, portal):
    """Ctrl-click multi-selects lose choices silently; each option is a labelled checkbox."""
    tree = factories.toolkit_tree(portal["fr"])
    factories.ThemeFactory()
    factories.PartnerFactory()
    factories.RegionPageFactory(parent=tree["regions"])
    html = clients["editor"].get(f"/admin/pages/add/toolkit/toolpage/{tree['tools'].pk}/").content.decode()
    for name in ("themes", "developed_by_partners", "developed_by_regions"):
        assert f'type="checkbox" name="{name}"' in html, name
        assert f'<select name="{name}"' not in html
