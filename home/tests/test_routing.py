"""Public URLs name the same pages as Wagtail's own routing, found in one query (home/routing.py).

Each test reads an address once (so the process remembers which page type it holds), changes the content through
its real paths (publication, unpublication, a new slug, privacy, a redirect), and reads it again.
"""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, PageViewRestriction

from approvals.operator import publish_as_operator
from toolkit.tests import factories


def publish(page):
    publish_as_operator(page, "tests")
    return Page.objects.get(pk=page.pk).specific


def test_a_page_answers_at_its_address_in_each_language_and_nowhere_else(client, portal):
    tools = factories.toolkit_tree(portal["fr"])["tools"]
    tool = publish(factories.ToolPageFactory(parent=tools, title="Grille de coopération"))
    arabic = factories.translate(tool, "ar")

    assert "Grille de coopération" in client.get(tool.url).content.decode()
    assert client.get(arabic.url).status_code == 200
    assert client.get(tool.url.replace("/fr/", "/en/", 1)).status_code == 404  # the French slug under /en/
    assert client.get(tool.url + "suite/").status_code == 404
    assert client.get(tool.url.rstrip("/")).status_code == 301  # CommonMiddleware adds the slash, as before


def test_a_new_slug_moves_the_page_and_an_unpublished_page_is_gone(client, portal):
    tools = factories.toolkit_tree(portal["fr"])["tools"]
    tool = publish(factories.ToolPageFactory(parent=tools, slug="ancienne-adresse"))
    former = tool.url
    assert client.get(former).status_code == 200

    tool.slug = "nouvelle-adresse"
    tool.save_revision()
    tool = publish(tool)
    assert client.get(former).status_code == 404
    assert client.get(tool.url).status_code == 200

    tool.unpublish()
    assert client.get(tool.url).status_code == 404


def test_a_redirect_still_answers_a_missing_address(client, portal):
    tools = factories.toolkit_tree(portal["fr"])["tools"]
    tool = publish(factories.ToolPageFactory(parent=tools))
    Redirect.objects.create(old_path="/fr/outils/grille", redirect_page=tool)

    response = client.get("/fr/outils/grille/")

    assert response.status_code == 301
    assert response["Location"] == tool.url


def test_a_page_made_private_after_it_was_read_asks_for_its_password(client, portal):
    tools = factories.toolkit_tree(portal["fr"])["tools"]
    tool = publish(factories.ToolPageFactory(parent=tools, title="Grille réservée"))
    assert "Grille réservée" in client.get(tool.url).content.decode()

    PageViewRestriction.objects.create(page=tools, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    response = client.get(tool.url)

    assert response.status_code == 200
    assert "Grille réservée" not in response.content.decode()
    assert 'name="password"' in response.content.decode()
    assert "private" in response["Cache-Control"]
