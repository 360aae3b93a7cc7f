"""The Elasticsearch engine: settings, mappings, queries and responses without a server; live tests with one.

Live tests run when ELASTICSEARCH_URL is set and are reported as skipped otherwise.
"""

import os
import re

import pytest
from django.core.management import call_command
from django.test import override_settings

from search import elastic
from search.query import parse


def test_each_language_has_its_own_analysis():
    french = elastic.index_settings("fr")["settings"]["analysis"]
    arabic = elastic.index_settings("ar")["settings"]["analysis"]
    english = elastic.index_settings("en")["settings"]["analysis"]
    assert french["analyzer"]["portal_text"]["filter"] == [
        "portal_elision",
        "lowercase",
        "asciifolding",
        "portal_stop",
        "portal_stemmer",
    ]
    assert french["filter"]["portal_stemmer"] == {"type": "stemmer", "language": "light_french"}
    assert "arabic_normalization" in arabic["analyzer"]["portal_text"]["filter"]
    assert arabic["filter"]["portal_stemmer"] == {"type": "stemmer", "language": "arabic"}
    assert english["filter"]["portal_stemmer"] == {"type": "stemmer", "language": "english"}
    for analysis in (french, arabic, english):
        assert analysis["analyzer"]["portal_autocomplete"]["filter"][-1] == "portal_edge"


def test_mapping_is_strict_and_keys_facets_as_keywords():
    mappings = elastic.index_settings("ar")["mappings"]
    assert mappings["dynamic"] == "strict"
    for field in ("page_type", "themes", "regions"):
        assert mappings["properties"][field] == {"type": "keyword"}
    assert mappings["properties"]["title"]["fields"]["autocomplete"]["analyzer"] == "portal_autocomplete"


@override_settings(WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": "x", "INDEX_PREFIX": "staging_"}})
def test_index_names_use_the_configured_prefix():
    assert elastic.index_name("ar") == "staging_pages_ar"


def test_search_body_puts_filters_in_post_filter_and_counts_each_facet_without_its_own_filter():
    query = parse({"q": "participation (citoyenne", "theme": "participation", "region": "04", "page": "3"}, "fr")
    body = elastic.build_search_body(query)
    assert body["query"]["multi_match"]["query"] == "participation (citoyenne"
    assert body["query"]["multi_match"]["operator"] == "and"
    assert body["post_filter"]["bool"]["filter"] == [{"term": {"themes": "participation"}}, {"term": {"regions": "04"}}]
    assert body["aggs"]["themes"]["filter"]["bool"]["filter"] == [{"term": {"regions": "04"}}]
    assert body["aggs"]["regions"]["filter"]["bool"]["filter"] == [{"term": {"themes": "participation"}}]
    assert body["from"] == 20
    assert body["size"] == 10
    assert body["highlight"]["encoder"] == "html"


def test_a_response_becomes_hits_with_labels_and_facets():
    response = {
        "hits": {
            "total": {"value": 1},
            "hits": [
                {
                    "_source": {
                        "page_id": 7,
                        "title": "Charte",
                        "url": "/fr/outils/charte/",
                        "page_type": "toolkit.toolpage",
                        "summary": "Résumé <b>",
                        "labels": {"type": {"toolkit.toolpage": "Outil"}, "regions": {"04": "Rabat-Salé-Kénitra"}},
                    },
                    "highlight": {"body": ["une <mark>charte</mark> &lt;b&gt;"]},
                }
            ],
        },
        "aggregations": {
            "regions": {
                "values": {
                    "buckets": [
                        {
                            "key": "04",
                            "doc_count": 1,
                            "sample": {
                                "hits": {"hits": [{"_source": {"labels": {"regions": {"04": "Rabat-Salé-Kénitra"}}}}]}
                            },
                        }
                    ]
                }
            }
        },
    }
    results = elastic.parse_search_response(response)
    assert results.total == 1
    hit = results.hits[0]
    assert (hit.title, hit.type_label, hit.region_labels) == ("Charte", "Outil", ["Rabat-Salé-Kénitra"])
    assert str(hit.excerpt) == "une <mark>charte</mark> &lt;b&gt;"
    assert [(f.value, f.label, f.count) for f in results.facets["regions"]] == [("04", "Rabat-Salé-Kénitra", 1)]


live = pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set")


@pytest.fixture
def live_elasticsearch(settings):
    settings.ELASTICSEARCH_URL = os.environ["ELASTICSEARCH_URL"]
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "INDEX_PREFIX": "test_portal_"}
    }
    return settings


def titles(client, language, query):
    body = client.get(f"/{language}/search/", {"q": query}).content.decode()
    return re.findall(r'class="search-result__title"><a href="[^"]+">([^<]+)</a>', body)


@live
@pytest.mark.elasticsearch
def test_live_elasticsearch_matches_each_language(
    client, make_page, live_elasticsearch, django_capture_on_commit_callbacks
):
    make_page("fr", "Conseil de la région pilote", "Des outils de concertation.")
    make_page("ar", "دليل عملي", "يشرح الدليل آليات المشاركة المواطنة.")
    make_page("en", "Guide for regional councils", "How a council consults citizens.")
    call_command("search_index", "rebuild")
    from search.elastic import ElasticsearchEngine

    engine = ElasticsearchEngine.from_settings()
    for language in ("fr", "ar", "en"):
        engine.client.indices.refresh(index=elastic.index_name(language))
    assert titles(client, "fr", "region outil") == ["Conseil de la région pilote"]
    assert titles(client, "ar", "والمشاركة") == ["دليل عملي"]
    assert titles(client, "en", "councils") == ["Guide for regional councils"]
    suggestions = client.get("/fr/search/suggest/", {"q": "regi"}).json()["suggestions"]
    assert [s["title"] for s in suggestions] == ["Conseil de la région pilote"]
