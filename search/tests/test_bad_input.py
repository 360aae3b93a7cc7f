"""Whatever a visitor sends, the search page answers 200 (or 400 for nothing here), never 500."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

BAD_QUERIES = [
    "",
    " ",
    "x" * 10_000,
    "!!! ??? ...",
    '"',
    "&",
    "|",
    "!",
    ":*",
    "(",
    "a & b | !c",
    "foo:* & (bar",
    "'; DROP TABLE search_searchdocument; --",
    "1' OR '1'='1",
    "région المشاركة council 123",
    "\x00\x01\x02",
    "%",
    "_",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_odd_queries_answer_200(client, make_page, query):
    make_page("fr", "Outil de concertation", "Un outil.")
    response = client.get("/fr/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.mark.parametrize("raw_query_string", ["q=%E0%A4%A", "q=%ZZ", "q=%C3%28", "q=r%C3%A9gion&page=%FF"])
def test_broken_percent_encoding_answers_200(client, portal, raw_query_string):
    assert client.get(f"/fr/search/?{raw_query_string}").status_code == 200


@pytest.mark.parametrize("page", ["-1", "0", "abc", "999999", "1e9", "", "2.5"])
def test_odd_page_numbers_answer_200(client, make_page, page):
    make_page("fr", "Outil de concertation", "Un outil.")
    response = client.get("/fr/search/", {"q": "outil", "page": page})
    assert response.status_code == 200
    assert "Outil de concertation" in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [{"type": "x;drop"}, {"theme": "../../etc"}, {"region": "999"}, {"region": "04", "theme": "nope", "type": "a.b"}],
)
def test_invalid_filters_are_ignored_or_match_nothing(client, make_page, params):
    make_page("fr", "Outil de concertation", "Un outil.")
    assert client.get("/fr/search/", {"q": "outil", **params}).status_code == 200


def test_suggestions_answer_json_for_odd_input(client, portal):
    for query in BAD_QUERIES:
        response = client.get("/fr/search/suggest/", {"q": query})
        assert response.status_code == 200
        assert "suggestions" in response.json()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    q=st.text(max_size=300),
    page=st.one_of(st.text(max_size=12), st.integers().map(str)),
    theme=st.text(max_size=20),
    language=st.sampled_from(["fr", "ar", "en"]),
)
def test_search_view_never_fails_whatever_the_input(client, portal, q, page, theme, language):
    response = client.get(f"/{language}/search/", {"q": q, "page": page, "theme": theme})
    assert response.status_code == 200
