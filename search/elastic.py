"""The Elasticsearch engine: one index per language, each with that language's analysis.

Indexes are named ``<INDEX_PREFIX>pages_<language>`` (INDEX_PREFIX from WAGTAILSEARCH_BACKENDS, as for Wagtail's own
Elasticsearch backend). French folds elisions, case and accents and stems lightly; Arabic applies Elasticsearch's
``arabic_normalization`` (hamza forms, taa marbuta, alef maqsura, tatweel, diacritics) and its Arabic stemmer, which
strips the article and attached prepositions; English stems with the english stemmer. Titles also get an edge-n-gram
sub-field for suggestions. Everything here except the network calls is plain data, tested without a server.
"""

import functools

from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.query import PER_PAGE
from search.results import FacetValue, Results, SearchUnavailable, hit_from_labels

LANGUAGES = ("fr", "ar", "en")
TIMEOUT_SECONDS = 2
FACET_FIELDS = {"type": "page_type", "themes": "themes", "regions": "regions"}

LANGUAGE_ANALYSIS = {
    "fr": {
        "filter": {
            "portal_elision": {
                "type": "elision",
                "articles_case": True,
                "articles": ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
            },
            "portal_stop": {"type": "stop", "stopwords": "_french_"},
            "portal_stemmer": {"type": "stemmer", "language": "light_french"},
        },
        "chain": ["portal_elision", "lowercase", "asciifolding", "portal_stop", "portal_stemmer"],
        "fold": ["portal_elision", "lowercase", "asciifolding"],
    },
    "ar": {
        "filter": {
            "portal_stop": {"type": "stop", "stopwords": "_arabic_"},
            "portal_stemmer": {"type": "stemmer", "language": "arabic"},
        },
        "chain": ["lowercase", "decimal_digit", "arabic_normalization", "portal_stop", "portal_stemmer"],
        "fold": ["lowercase", "decimal_digit", "arabic_normalization"],
    },
    "en": {
        "filter": {
            "portal_possessive": {"type": "stemmer", "language": "possessive_english"},
            "portal_stop": {"type": "stop", "stopwords": "_english_"},
            "portal_stemmer": {"type": "stemmer", "language": "english"},
        },
        "chain": ["portal_possessive", "lowercase", "portal_stop", "portal_stemmer"],
        "fold": ["lowercase"],
    },
}


def index_prefix():
    return settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("INDEX_PREFIX", "portal_")


def index_name(language, prefix=None):
    return f"{index_prefix() if prefix is None else prefix}pages_{language}"


def index_settings(language):
    """The settings and mappings of one language's index."""
    analysis = LANGUAGE_ANALYSIS[language]
    return {
        "settings": {
            "number_of_shards": 1,
            "analysis": {
                "filter": {
                    **analysis["filter"],
                    "portal_edge": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20},
                },
                "analyzer": {
                    "portal_text": {"type": "custom", "tokenizer": "standard", "filter": analysis["chain"]},
                    "portal_autocomplete": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": [*analysis["fold"], "portal_edge"],
                    },
                    "portal_autocomplete_query": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": analysis["fold"],
                    },
                },
            },
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "page_id": {"type": "long"},
                "title": {
                    "type": "text",
                    "analyzer": "portal_text",
                    "fields": {
                        "autocomplete": {
                            "type": "text",
                            "analyzer": "portal_autocomplete",
                            "search_analyzer": "portal_autocomplete_query",
                        }
                    },
                },
                "summary": {"type": "text", "analyzer": "portal_text"},
                "body": {"type": "text", "analyzer": "portal_text"},
                "page_type": {"type": "keyword"},
                "themes": {"type": "keyword"},
                "regions": {"type": "keyword"},
                "url": {"type": "keyword", "index": False},
                "labels": {"type": "object", "enabled": False},
            },
        },
    }


def document_body(document):
    """A SearchDocument as the JSON Elasticsearch stores."""
    return {
        "page_id": document.page_id,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "page_type": document.page_type,
        "themes": document.themes.split(),
        "regions": document.regions.split(),
        "url": document.url,
        "labels": document.labels,
    }


def _term_filters(filters):
    return [{"term": {FACET_FIELDS[facet]: value}} for facet, value in filters.items()]


def build_search_body(query, operator="and"):
    """The request body for a search: full text on title, summary and body; filters as post_filter so that each
    facet's counts apply the other filters but not its own; highlighting with <mark>."""
    text_query = {
        "multi_match": {
            "query": query.raw,
            "fields": ["title^3", "summary^2", "body"],
            "type": "best_fields",
            "operator": operator,
        }
    }
    aggregations = {}
    for facet, field in FACET_FIELDS.items():
        aggregations[facet] = {
            "filter": {"bool": {"filter": _term_filters(query.filters(without=facet))}},
            "aggs": {
                "values": {
                    "terms": {"field": field, "size": 50},
                    # One document per value, for the value's label in this language.
                    "aggs": {"sample": {"top_hits": {"size": 1, "_source": [f"labels.{facet}"]}}},
                }
            },
        }
    return {
        "query": text_query,
        "post_filter": {"bool": {"filter": _term_filters(query.filters())}},
        "aggs": aggregations,
        "highlight": {
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fields": {"summary": {"number_of_fragments": 0}, "body": {"fragment_size": 220, "number_of_fragments": 1}},
        },
        "from": (query.page - 1) * PER_PAGE,
        "size": PER_PAGE,
        "track_total_hits": True,
        "_source": ["page_id", "title", "url", "page_type", "labels", "summary"],
    }


def build_suggest_body(prefix, size=8):
    return {
        "query": {"match": {"title.autocomplete": {"query": prefix, "operator": "and"}}},
        "size": size,
        "_source": ["title", "url"],
    }


def parse_search_response(response):
    hits = []
    for raw in response["hits"]["hits"]:
        source = raw["_source"]
        highlight = raw.get("highlight", {})
        fragments = highlight.get("body") or highlight.get("summary")
        excerpt = mark_safe(" … ".join(fragments)) if fragments else escape(source.get("summary", "")[:220])  # noqa: S308 - encoder=html escapes the text
        hits.append(
            hit_from_labels(
                source["page_id"], source["title"], source["url"], source["page_type"], source["labels"], excerpt
            )
        )
    facets = {}
    for facet in FACET_FIELDS:
        buckets = response.get("aggregations", {}).get(facet, {}).get("values", {}).get("buckets", [])
        facets[facet] = [FacetValue(b["key"], _bucket_label(b, facet), b["doc_count"]) for b in buckets]
    total = response["hits"]["total"]["value"]
    return Results(hits=hits, total=total, facets=facets)


def _bucket_label(bucket, facet):
    samples = bucket.get("sample", {}).get("hits", {}).get("hits", [])
    labels = samples[0]["_source"].get("labels", {}).get(facet, {}) if samples else {}
    return labels.get(bucket["key"], bucket["key"])


class ElasticsearchEngine:
    """Public search on Elasticsearch through the official client; every failure becomes SearchUnavailable."""

    name = "elasticsearch"

    def __init__(self, url, prefix):
        from elasticsearch import Elasticsearch

        self.client = Elasticsearch(url, request_timeout=TIMEOUT_SECONDS, max_retries=0, retry_on_timeout=False)
        self.prefix = prefix

    @classmethod
    def from_settings(cls):
        """The engine of the configured server, made once per process and settings: its client keeps its connections
        open from one search (or suggestion, or index push) to the next instead of connecting for each."""
        return _configured_engine(settings.ELASTICSEARCH_URL, index_prefix())

    def _call(self, method, **kwargs):
        from elastic_transport import TransportError
        from elasticsearch import ApiError

        try:
            return method(**kwargs)
        except (TransportError, ApiError) as exc:
            raise SearchUnavailable(f"Elasticsearch: {exc}") from exc

    def ping(self):
        try:
            return bool(self.client.ping())
        except Exception:  # noqa: BLE001 - a health check reports, never raises
            return False

    def recreate_indexes(self):
        for language in LANGUAGES:
            name = index_name(language, self.prefix)
            self._call(self.client.options(ignore_status=404).indices.delete, index=name)
            self._call(self.client.indices.create, index=name, **index_settings(language))

    def index_document(self, document):
        self._call(
            self.client.index,
            index=index_name(document.language, self.prefix),
            id=str(document.page_id),
            document=document_body(document),
        )

    def remove_document(self, page_id):
        for language in LANGUAGES:
            self._call(
                self.client.options(ignore_status=404).delete, index=index_name(language, self.prefix), id=str(page_id)
            )

    def search(self, query):
        name = index_name(query.language, self.prefix)
        response = self._call(self.client.search, index=name, **build_search_body(query))
        results = parse_search_response(response)
        if results.total == 0 and len(query.terms) > 1:
            response = self._call(self.client.search, index=name, **build_search_body(query, operator="or"))
            results = parse_search_response(response)
            results.matched_any = results.total > 0
        return results

    def suggest(self, language, prefix):
        response = self._call(self.client.search, index=index_name(language, self.prefix), **build_suggest_body(prefix))
        return [{"title": h["_source"]["title"], "url": h["_source"]["url"]} for h in response["hits"]["hits"]]


@functools.cache
def _configured_engine(url, prefix):
    return ElasticsearchEngine(url, prefix)


def elasticsearch_ping():
    return ElasticsearchEngine.from_settings().ping()
