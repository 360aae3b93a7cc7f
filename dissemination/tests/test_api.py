"""The open API at /api/v2/ through its public URLs: live public pages only, read-only, open to any origin."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page

from approvals.guard import sanctioned_publication
from dissemination.tests.content import hidden_pages, translated_tree
from toolkit.models import Theme, ToolPage
from toolkit.tests import factories

LANGUAGES = ("fr", "ar", "en")


def listing(client, **params):
    response = client.get("/api/v2/pages/", {"limit": 100, **params})
    assert response.status_code == 200, response.content
    return response.json()


def ids(client, **params):
    return {item["id"] for item in listing(client, **params)["items"]}


@pytest.fixture
def site(portal):
    """A tool, a region and an experience in three languages, and what the public must not see: a draft, an
    unpublished page, a private page and its translations, and an alias."""
    tree = translated_tree(portal["fr"])
    theme = Theme.objects.create(name="Participation", slug="participation", locale=Locale.get_default())
    region = factories.RegionPageFactory(parent=tree["regions"], code="04", title="L'Oriental")
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    tool.themes.set([theme])
    tool.developed_by_regions.set([region])
    factories.save_live(tool)
    experience = factories.ExperiencePageFactory(parent=tree["experiences"], region=region, year=2023)
    for page in (tool, region):
        for code in ("ar", "en"):
            factories.translate(page, code)
    hidden = hidden_pages(tree)
    with sanctioned_publication("operator:test"):  # the portal refuses aliases; one made anyway must stay out
        alias = tool.create_alias(parent=tree["tools"], update_slug="alias-budget")
    return {
        "tool": tool,
        "region": region,
        "experience": experience,
        "tree": tree,
        "hidden": [*hidden, alias],
    }


def test_the_api_lists_live_public_pages_of_each_language_and_nothing_else(client, site):
    listed = ids(client)
    public = set(Page.objects.live().filter(depth__gt=1, alias_of__isnull=True).values_list("pk", flat=True))
    hidden = {page.pk for page in site["hidden"]}
    assert hidden
    assert listed == public - hidden
    assert {item["meta"]["locale"] for item in listing(client)["items"]} == set(LANGUAGES)
    for page in site["hidden"]:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404, page.title
        assert page.pk not in ids(client, search=page.title)


def test_a_private_page_stays_hidden_from_a_reader_who_passed_its_password_or_is_logged_in(client, site, users):
    private = next(page for page in site["hidden"] if page.title == "Réservé aux partenaires")
    client.force_login(users["admin"])
    assert private.pk not in ids(client)
    assert client.get(f"/api/v2/pages/{private.pk}/").status_code == 404


def test_type_and_locale_filters(client, site):
    tool = site["tool"]
    tools = listing(client, type="toolkit.ToolPage", fields="*")["items"]
    assert {item["id"] for item in tools} == set(
        Page.objects.filter(translation_key=tool.translation_key).values_list("pk", flat=True)
    )
    arabic = listing(client, type="toolkit.ToolPage", locale="ar", fields="*")["items"]
    assert len(arabic) == 1
    item = arabic[0]
    assert item["meta"]["locale"] == "ar"
    assert "/ar/" in item["meta"]["html_url"]
    assert item["theme_codes"] == ["participation"]
    assert item["region_codes"] == ["04"]
    assert item["tool_type"] == tool.tool_type
    assert set(ids(client, locale="en")) <= set(
        Page.objects.filter(locale__language_code="en").values_list("pk", flat=True)
    )
    experience = listing(client, type="toolkit.ExperiencePage", fields="year,region_codes")["items"]
    assert [(e["year"], e["region_codes"]) for e in experience] == [(2023, ["04"])]
    region = client.get(f"/api/v2/pages/{site['region'].pk}/").json()
    assert (region["code"], region["meta"]["type"]) == ("04", "toolkit.RegionPage")
    assert client.get("/api/v2/pages/", {"type": "toolkit.Nothing"}).status_code == 400
    # The filters docs/api.md shows.
    assert ids(client, type="toolkit.ExperiencePage", year=2023, order="-first_published_at") == {site["experience"].pk}
    assert ids(client, type="toolkit.ExperiencePage", year=1999) == set()
    assert len(ids(client, type="toolkit.ToolPage", tool_type=tool.tool_type)) == 3
    assert ids(client, translation_of=tool.pk) == set(
        Page.objects.filter(translation_key=tool.translation_key).exclude(pk=tool.pk).values_list("pk", flat=True)
    )


def test_the_api_is_read_only_and_open_to_any_origin(client, site):
    response = client.get("/api/v2/pages/")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert "Set-Cookie" not in response or not response.cookies
    before = Page.objects.count()
    for method in ("post", "put", "patch", "delete"):
        answer = getattr(client, method)(f"/api/v2/pages/{site['tool'].pk}/", data={"title": "x"})
        assert answer.status_code == 405, method
        assert getattr(client, method)("/api/v2/pages/").status_code == 405, method
    assert Page.objects.count() == before
    assert ToolPage.objects.get(pk=site["tool"].pk).title == "Budget participatif"


def test_a_listing_costs_the_same_queries_with_5_or_50_tools(client, site):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            data = listing(client, type="toolkit.ToolPage", fields="*", locale="fr")
        return len(captured), len(data["items"])

    for title in range(4):
        factories.ToolPageFactory(parent=site["tree"]["tools"], title=f"Outil {title}")
    few, count = queries()
    assert count == 5
    for title in range(45):
        factories.ToolPageFactory(parent=site["tree"]["tools"], title=f"Autre outil {title}")
    many, count = queries()
    assert count == 50
    print(f"API listing of tools: {few} queries for 5, {many} for 50")
    assert few == many
