"""The search of `make run` (no DATABASE_URL: an embedded SQLite file) on a real SQLite database.

Without PostgreSQL the database engine matches, ranks and highlights in Python (``DatabaseEngine._search_python``).
This test runs the newcomer's path in a separate process on a SQLite file: migrate, bootstrap, the demo content, the
search index, then the same queries as PostgreSQL. The titles found and the excerpts must be the same on both.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from search.engines import DatabaseEngine
from search.query import page_count, parse

# The Python engine normalises words and folds plurals, but has no stemmer: for a word whose forms differ
# ("participation", "participatif") it finds fewer pages than PostgreSQL, never other ones (docs/search.md). For a
# word without such forms ("région", "régions") it finds the same pages with the same excerpts.
EXACT = ("fr", "région")
QUERIES = [EXACT, ("fr", "participation"), ("ar", "الجهة"), ("en", "council")]


def everything_found(language, words):
    """The total and every hit's excerpt by title, over all result pages (the two engines rank alike but not
    identically, so pages are compared as a whole)."""
    first = DatabaseEngine().search(parse({"q": words}, language))
    hits = {hit.title: hit.excerpt for hit in first.hits}
    for number in range(2, page_count(first.total) + 1):
        hits.update(
            {
                hit.title: hit.excerpt
                for hit in DatabaseEngine().search(parse({"q": words, "page": number}, language)).hits
            }
        )
    return {"total": first.total, "hits": hits}


SCRIPT = """
import json
from django.db import connection
from search.tests.test_sqlite_engine import QUERIES, everything_found
assert connection.vendor == "sqlite", connection.vendor
print("RESULT " + json.dumps({f"{language}:{words}": everything_found(language, words) for language, words in QUERIES}))
"""


def manage(env, *args):
    completed = subprocess.run(  # noqa: S603 (the project's own manage.py, fixed arguments)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    return completed.stdout


@pytest.fixture(scope="module")
def sqlite_results(tmp_path_factory):
    data = tmp_path_factory.mktemp("sqlite-portal")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "ELASTICSEARCH_URL", "REDIS_URL")}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.dev", PORTAL_DATA_DIR=str(data), PORTAL_DEMO_PASSWORD="x" * 16)
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "bootstrap_portal")
    manage(env, "load_demo_content")
    manage(env, "search_index", "ensure")
    assert Path(data, "portal.sqlite3").exists()
    output = manage(env, "shell", "-c", SCRIPT)
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    return json.loads(line.removeprefix("RESULT "))


@pytest.mark.django_db
def test_sqlite_search_finds_what_postgresql_finds(sqlite_results, demo):
    for language, words in QUERIES:
        on_sqlite = sqlite_results[f"{language}:{words}"]
        on_postgresql = everything_found(language, words)
        assert on_sqlite["total"] > 0, f"nothing found on SQLite for {words!r}"
        assert set(on_sqlite["hits"]) <= set(on_postgresql["hits"]), words
    assert sqlite_results[":".join(EXACT)] == everything_found(*EXACT)
    assert any("<mark>" in excerpt for excerpt in sqlite_results["fr:région"]["hits"].values())
