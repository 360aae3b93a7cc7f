"""Property tests of the open API's parameters: whatever a client sends, the answer is a 200, 400 or 404, never a
500, and never a page the public may not see."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page, PageViewRestriction

from toolkit.tests import factories

PARAMETERS = [
    "type",
    "locale",
    "fields",
    "limit",
    "offset",
    "order",
    "search",
    "search_operator",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "site",
    "html_path",
    "slug",
    "title",
    "tool_type",
    "year",
    "unknown",
]
TYPES = ["toolkit.ToolPage", "toolkit.ExperiencePage", "toolkit.RegionPage", "wagtailcore.Page", "home.HomePage"]
WORDS = ["fr", "ar", "en", "*", "-title", "title", "random", "root", "1", "0", "-1", "99999999999999999999", "_,*"]
values = st.one_of(
    st.sampled_from(TYPES + WORDS),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=30),
    st.lists(st.sampled_from(["title", "summary", "theme_codes", "-id", "*", "_", "parent(title)"]), max_size=4).map(
        ",".join
    ),
)
queries = st.dictionaries(st.sampled_from(PARAMETERS) | st.text(min_size=1, max_size=10), values, max_size=5)


@pytest.fixture
def site(portal):
    tree = factories.toolkit_tree(portal["fr"])
    tool = factories.ToolPageFactory(parent=tree["tools"], title="Budget participatif")
    factories.translate(tool, "ar")
    draft = factories.ToolPageFactory(parent=tree["tools"], title="Brouillon", live=False)
    private = factories.ToolPageFactory(parent=tree["tools"], title="Réservé")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return {"hidden": {draft.pk, private.pk}}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=queries, detail=st.booleans())
def test_any_query_string_is_answered_without_a_server_error(client, site, query, detail):
    query = {key.replace("\x00", ""): value.replace("\x00", "") for key, value in query.items()}
    path = "/api/v2/pages/find/" if detail else "/api/v2/pages/"
    response = client.get(path, query, follow=False)
    assert response.status_code in {200, 302, 400, 404}, (query, response.content[:300])
    if response.status_code == 200 and not detail:
        listed = {item["id"] for item in response.json()["items"]}
        assert not listed & site["hidden"], query


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.one_of(st.integers(min_value=-(2**70), max_value=2**70).map(str), st.text(max_size=12)))
def test_any_detail_address_is_answered_without_a_server_error(client, site, key):
    response = client.get(f"/api/v2/pages/{key}/".replace("\x00", ""))
    assert response.status_code in {200, 301, 400, 404}, key
    if response.status_code == 200:
        assert response.json()["id"] not in site["hidden"]
        assert Page.objects.get(pk=response.json()["id"]).live
