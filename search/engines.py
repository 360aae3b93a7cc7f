"""The database search engine: PostgreSQL full-text search per language, or plain matching on SQLite.

The engine reads the SearchDocument index (search/models.py) and ranks with ts_rank over the weighted vector (title
A, text B): ts_rank_cd cost 2.5 times more on 3,000 matches and ranked the relevance queries less well. On PostgreSQL
every query is parameterised, the visitor's words reach ``plainto_tsquery`` already reduced to letters and digits, and
the language's configuration (french, arabic, english) stems them exactly as it stemmed the pages.
"""

import json

from django.conf import settings
from django.db import DatabaseError, connection

from search import text
from search.models import SearchDocument
from search.query import PER_PAGE
from search.results import (
    FacetValue,
    Results,
    SearchUnavailable,
    excerpt_html,
    hit_from_document,
    hit_from_labels,
    word_matcher,
)

FACETS = ("type", "themes", "regions")


def _json(value):
    """psycopg2 decodes json columns already; keep this working if a driver hands back text."""
    return json.loads(value) if isinstance(value, str) else value


SUGGESTIONS = 8


def get_engine():
    """Elasticsearch when ELASTICSEARCH_URL is set, else the database."""
    if settings.ELASTICSEARCH_URL:
        from search.elastic import ElasticsearchEngine

        return ElasticsearchEngine.from_settings()
    return DatabaseEngine()


def _filter_sql(filters):
    clauses, params = [], []
    for facet, value in filters.items():
        if facet == "type":
            clauses.append("d.page_type = %s")
            params.append(value)
        else:
            clauses.append(f"d.{facet} LIKE %s")  # facet is one of our own column names, never input
            params.append(f"% {value} %")
    return clauses, params


class DatabaseEngine:
    name = "database"

    def search(self, query):
        try:
            if connection.vendor == "postgresql":
                return self._search_postgresql(query)
            return self._search_python(query)
        except DatabaseError as exc:
            raise SearchUnavailable(str(exc)) from exc

    def suggest(self, language, prefix):
        terms = text.normalize(prefix).split()[:6]
        if not terms:
            return []
        try:
            if connection.vendor == "postgresql":
                tsquery = " & ".join(f"'{t}':*A" for t in terms)  # terms hold letters and digits only
                rows = SearchDocument.objects.raw(
                    "SELECT d.id, d.title, d.url FROM search_searchdocument d"
                    " WHERE d.language = %s AND d.vector @@ to_tsquery(%s::regconfig, %s)"
                    " ORDER BY ts_rank_cd(d.vector, to_tsquery(%s::regconfig, %s)) DESC, d.title LIMIT %s",
                    [language, text.config_for(language), tsquery, text.config_for(language), tsquery, SUGGESTIONS],
                )
                return [{"title": r.title, "url": r.url} for r in rows]
            docs = SearchDocument.objects.filter(language=language).only("title", "url", "title_norm")
            words = [set(d.title_norm.split()) for d in docs]
            return [
                {"title": d.title, "url": d.url}
                for d, w in zip(docs, words, strict=True)
                if all(any(x.startswith(t) for x in w) for t in terms)
            ][:SUGGESTIONS]
        except DatabaseError as exc:
            raise SearchUnavailable(str(exc)) from exc

    # PostgreSQL ---------------------------------------------------------------------------------------------------
    def _search_postgresql(self, query):
        config = text.config_for(query.language)
        results = self._run_postgresql(query, config, "plainto_tsquery(%s::regconfig, %s)", [config, query.normalized])
        if results.total == 0 and len(query.terms) > 1:
            any_query = " | ".join(f"'{t}'" for t in query.terms)  # terms hold letters and digits only
            results = self._run_postgresql(query, config, "to_tsquery(%s::regconfig, %s)", [config, any_query])
            results.matched_any = results.total > 0
        return results

    def _run_postgresql(self, query, config, tsquery_sql, tsquery_params):
        """One statement: the matches are found and ranked once (a materialised CTE), then counted, paged and
        counted per facet (each facet without its own filter) from that set; the page's rows come back with it, and
        so do the words of their excerpts that stem like the query's. Returns Results."""
        offset = (query.page - 1) * PER_PAGE
        total, rows, matched, facets = self._query_postgresql(query, config, tsquery_sql, tsquery_params, offset)
        is_match = word_matcher(matched)
        hits = [
            hit_from_labels(page_id, title, url, page_type, labels, excerpt_html(source, is_match))
            for page_id, title, url, page_type, labels, source in rows
        ]
        return Results(hits=hits, total=total, facets=facets)

    def _query_postgresql(self, query, config, tsquery_sql, tsquery_params, offset):
        """The statement behind _run_postgresql; returns (total, hit rows, matched excerpt words, facets).

        The matches (m) are grouped once by (type, themes, regions, labels) into a few rows (g) that the count and
        the three facets sum over, instead of four passes over thousands of matches; counts and the smallest label
        per value are the same as over the matches themselves. Only the page's rows (h) are read in full, and only
        the columns a result shows. An excerpt word matches when the lexemes PostgreSQL's stemmer makes of it meet
        those it makes of the query's words, as the pages' own words do; the distinct normalised words of each
        hit's excerpt were stored at indexing (excerpt_words), so only those are stemmed.
        """
        params = [*tsquery_params, query.language]
        sql = [
            " WITH m AS MATERIALIZED (SELECT d.id, d.title, d.page_type, d.themes, d.regions, d.labels,",
            f" ts_rank(d.vector, q.query) AS rank FROM search_searchdocument d, (SELECT {tsquery_sql} AS query) q",
            " WHERE d.language = %s AND d.vector @@ q.query),",
        ]
        clauses, filter_params = _filter_sql(query.filters())
        where = " AND ".join(["TRUE", *clauses])
        sql.append(
            f" p AS MATERIALIZED (SELECT d.id, d.rank FROM m d WHERE {where}"
            " ORDER BY d.rank DESC, d.title, d.id LIMIT %s OFFSET %s),"
            " h AS MATERIALIZED (SELECT p.rank, s.id, s.page_id, s.title, s.url, s.page_type, s.labels,"
            " s.excerpt_source, s.excerpt_words FROM p JOIN search_searchdocument s ON s.id = p.id),"
            " g AS MATERIALIZED (SELECT d.page_type, d.themes, d.regions, d.labels, count(*) AS n FROM m d"
            " GROUP BY d.page_type, d.themes, d.regions, d.labels)"
        )
        params += [*filter_params, PER_PAGE, offset]
        sql.append(f" SELECT (SELECT coalesce(sum(d.n), 0)::bigint FROM g d WHERE {where}),")
        params += filter_params
        sql.append(
            " (SELECT coalesce(json_agg(json_build_array(h.page_id, h.title, h.url, h.page_type, h.labels,"
            " h.excerpt_source) ORDER BY h.rank DESC, h.title, h.id), '[]') FROM h),"
            " (SELECT coalesce(json_agg(w.word), '[]') FROM"
            " (SELECT DISTINCT jsonb_array_elements_text(h.excerpt_words) AS word FROM h) w"
            " WHERE tsvector_to_array(to_tsvector(%s::regconfig, w.word))"
            " && tsvector_to_array(to_tsvector(%s::regconfig, %s)))"
        )
        params += [config, config, query.normalized]
        for facet in FACETS:
            clauses, facet_params = _filter_sql(query.filters(without=facet))
            condition = " AND ".join(["TRUE", *clauses])
            if facet == "type":
                inner = (
                    "SELECT d.page_type AS v, min(d.labels -> 'type' ->> d.page_type) AS label, sum(d.n)::bigint AS n"
                    f" FROM g d WHERE {condition} GROUP BY d.page_type"
                )
            else:
                inner = (
                    f"SELECT v, min(d.labels -> '{facet}' ->> v) AS label, sum(d.n)::bigint AS n FROM g d,"
                    f" unnest(string_to_array(trim(d.{facet}), ' ')) AS v WHERE {condition} AND v <> '' GROUP BY v"
                )
            sql.append(
                f", (SELECT coalesce(json_agg(json_build_array(f.v, f.label, f.n) ORDER BY f.n DESC, f.label), '[]')"
                f" FROM ({inner}) f)"
            )
            params += facet_params
        with connection.cursor() as cursor:
            cursor.execute("".join(sql).lstrip(), params)
            row = cursor.fetchone()
        total, rows, matched = row[0], _json(row[1]), _json(row[2])
        facets = {
            facet: [FacetValue(value, label or value, count) for value, label, count in _json(raw)]
            for facet, raw in zip(FACETS, row[3:], strict=True)
        }
        return total, rows, matched, facets

    # SQLite (make run without DATABASE_URL) -------------------------------------------------------------------------
    def _search_python(self, query):
        stems = [text.light_stem(t) for t in query.terms]
        docs = list(SearchDocument.objects.filter(language=query.language))

        def score(doc):
            title = [text.light_stem(w) for w in doc.title_norm.split()]
            body = [text.light_stem(w) for w in doc.text_norm.split()]
            found = [s for s in stems if s in title or s in body]
            return len(found), 3 * sum(title.count(s) for s in stems) + sum(body.count(s) for s in stems)

        scored = [(score(d), d) for d in docs]
        matched_any = False
        selected = [(s, d) for s, d in scored if s[0] == len(stems)]
        if not selected and len(stems) > 1:
            selected = [(s, d) for s, d in scored if s[0] > 0]
            matched_any = bool(selected)

        def keep(doc, without=None):
            for facet, value in query.filters(without=without).items():
                if facet == "type" and doc.page_type != value:
                    return False
                if facet != "type" and f" {value} " not in getattr(doc, facet):
                    return False
            return True

        facets = {}
        for facet in FACETS:
            counts = {}
            for _s, d in selected:
                if not keep(d, without=facet):
                    continue
                values = [d.page_type] if facet == "type" else d.__dict__[facet].split()
                for v in values:
                    label = d.labels.get(facet, {}).get(v, v)
                    counts[v] = (label, counts.get(v, (label, 0))[1] + 1)
            facets[facet] = sorted(
                (FacetValue(v, label, n) for v, (label, n) in counts.items()), key=lambda f: (-f.count, f.label)
            )
        filtered = sorted((x for x in selected if keep(x[1])), key=lambda x: (-x[0][1], x[1].title))
        window = filtered[(query.page - 1) * PER_PAGE : query.page * PER_PAGE]

        def is_match(word):
            return text.light_stem(text.normalize_token(word)) in stems

        hits = [hit_from_document(d, is_match) for _s, d in window]
        return Results(hits=hits, total=len(filtered), facets=facets, matched_any=matched_any)
