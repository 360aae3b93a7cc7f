"""A theme or a region page renamed (published) or taken down changes the search labels of the pages naming it."""

import pytest

from approvals.operator import publish_as_operator
from toolkit.models import Theme
from toolkit.tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def tool(portal):
    tree = factories.toolkit_tree(portal["fr"])
    theme = factories.ThemeFactory(slug="participation", name="Participation citoyenne")
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif communal")
    tool.themes.set([theme])
    factories.save_live(tool)
    publish_as_operator(tool.specific, "tests")  # indexed with its theme
    return tool, theme


def theme_facet(client):
    response = client.get("/fr/search/", {"q": "budget participatif"})
    return response.content.decode()


def test_a_renamed_theme_is_the_new_search_facet_label(client, tool):
    _tool, theme = tool
    assert "Participation citoyenne" in theme_facet(client)

    theme = Theme.objects.get(pk=theme.pk)
    theme.name = "Démocratie participative"
    theme.save_revision()
    assert "Démocratie participative" not in theme_facet(client)  # a draft changes nothing public
    publish_as_operator(theme, "tests")

    html = theme_facet(client)
    assert "Démocratie participative" in html and "Participation citoyenne" not in html


def test_a_theme_taken_down_leaves_the_search_facets(client, tool):
    _tool, theme = tool
    Theme.objects.get(pk=theme.pk).unpublish()
    assert "Participation citoyenne" not in theme_facet(client)
    assert "Budget participatif communal" in theme_facet(client)


def test_a_renamed_region_page_is_the_new_search_label_of_its_tools(client, portal):
    tree = factories.toolkit_tree(portal["fr"])
    region = factories.twelve_regions(tree["regions"])["09"]
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif régional")
    tool.developed_by_regions.set([region])
    factories.save_live(tool)
    publish_as_operator(tool.specific, "tests")
    assert region.title in theme_facet(client)

    region.title = "Souss-Massa (région pilote)"
    region.save_revision()
    publish_as_operator(region, "tests")
    assert "Souss-Massa (région pilote)" in theme_facet(client)
