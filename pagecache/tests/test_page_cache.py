"""What the page cache serves, to whom, and with which headers (one process; across processes:
test_invalidation_across_processes.py)."""

import gzip
import json
import os
import uuid

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from approvals.operator import publish_as_operator
from pagecache.rules import MAX_QUERY_STRING
from subscriptions.models import Subscriber
from subscriptions.tokens import subscriber_token
from tests.testapp.models import ArticlePage
from tests.testapp.wagtail_hooks import COOKIE_SLUG, NONCE_SLUG
from toolkit.tests import factories


@pytest.fixture
def pages(shared_cache, portal):
    """The tool listing with one live tool, in French."""
    index = factories.ToolIndexPageFactory(parent=portal["fr"])
    tool = factories.ToolPageFactory(parent=index, title="Budget participatif")
    return {"listing": index, "tool": tool}


def article(portal, slug, title="Article", **fields):
    page = ArticlePage(title=title, slug=slug, body="Texte public.", **fields)
    portal["fr"].add_child(instance=page)
    return publish_as_operator(page, "tests").specific


def cache_queries_only(queries):
    """True when every query touched only the cache's table (reading the cache is a query with the database cache)."""
    return all("portal_cache" in query["sql"] for query in queries)


def test_a_second_anonymous_get_is_answered_from_the_cache_without_rendering(client, pages):
    url = pages["listing"].url
    first = client.get(url)
    assert (first.status_code, first["X-Page-Cache"]) == (200, "miss")

    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert (second.status_code, second["X-Page-Cache"]) == (200, "hit")
    assert second.content == first.content and "Budget participatif" in second.content.decode()
    assert len(queries) == 1 and cache_queries_only(queries.captured_queries)
    # The headers the rendering carried come back with it.
    for header in ("Content-Security-Policy", "Content-Language", "Permissions-Policy", "X-Frame-Options"):
        assert second[header] == first[header], header
    assert "nonce-" not in second["Content-Security-Policy"]


def test_a_head_is_answered_from_what_a_get_stored(client, pages):
    client.get(pages["tool"].url)
    head = client.head(pages["tool"].url)
    assert (head.status_code, head["X-Page-Cache"]) == (200, "hit")


def test_by_default_browsers_ask_again_at_each_visit_and_an_unchanged_page_costs_a_304(
    client, clients, pages, settings
):
    """A reader who read a page a moment before its unpublication must not be shown it again from their browser."""
    from cms.settings import base

    settings.PAGE_CACHE_BROWSER_SECONDS = base.PAGE_CACHE_BROWSER_SECONDS
    first = client.get(pages["tool"].url)
    assert first["Cache-Control"] == "public, max-age=0"
    again = client.get(pages["tool"].url, headers={"if-none-match": first["ETag"]})
    assert (again.status_code, again["X-Page-Cache"], again.content) == (304, "hit", b"")

    response = clients["dgct"].post(reverse("wagtailadmin_pages:unpublish", args=[pages["tool"].pk]))
    assert response.status_code == 302
    assert client.get(pages["tool"].url, headers={"if-none-match": first["ETag"]}).status_code == 404


def test_public_pages_carry_a_max_age_and_an_etag_and_an_unchanged_page_answers_304(client, pages):
    page = client.get(pages["tool"].url)
    assert page["Cache-Control"] == "public, max-age=60"
    etag = page["ETag"]

    unchanged = client.get(pages["tool"].url, headers={"if-none-match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged["ETag"] == etag

    tool = pages["tool"]
    tool.title = "Budget participatif des jeunes"
    tool.save_revision()
    publish_as_operator(tool, "tests")
    changed = client.get(pages["tool"].url, headers={"if-none-match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Budget participatif des jeunes" in changed.content.decode()


def test_signed_in_people_are_never_answered_from_the_cache_nor_stored(client, clients, pages):
    url = pages["listing"].url
    client.get(url)
    editor = clients["editor"].get(url)
    assert editor.status_code == 200 and "X-Page-Cache" not in editor
    assert "public" not in editor.get("Cache-Control", "") and "ETag" not in editor

    other_url = pages["tool"].url
    clients["editor"].get(other_url)
    assert client.get(other_url)["X-Page-Cache"] == "miss"  # what the editor was shown was not stored


def test_a_preview_is_never_cached_nor_served_to_the_public(client, clients, pages):
    tool = pages["tool"]
    client.get(tool.url)
    tool.title = "Titre en cours de relecture"
    tool.save_revision()
    preview = clients["editor"].get(reverse("wagtailadmin_pages:preview_on_edit", args=[tool.pk]))
    assert "X-Page-Cache" not in preview

    public = client.get(tool.url)
    assert public["X-Page-Cache"] == "hit" and "Titre en cours de relecture" not in public.content.decode()


def test_a_restricted_page_is_never_cached(client, clients, pages):
    tool = pages["tool"]
    url = reverse("wagtailadmin_pages:set_privacy", args=[tool.pk])
    response = clients["admin"].post(url, {"restriction_type": "password", "password": "partners-only"})
    assert json.loads(response.content)["step"] == "set_privacy_done"

    for _attempt in range(2):
        page = client.get(tool.url)
        assert 'name="password"' in page.content.decode() and "X-Page-Cache" not in page
        assert "private" in page["Cache-Control"]

    restriction = tool.get_view_restrictions().get()
    form = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, tool.pk])
    reader = Client()
    opened = reader.post(form, {"password": "partners-only", "return_url": tool.url}, follow=True)
    assert "Budget participatif" in opened.content.decode() and "X-Page-Cache" not in opened
    assert 'name="password"' in Client().get(tool.url).content.decode()  # the opened page was not stored


def test_a_post_is_never_cached(client, pages):
    url = pages["listing"].url
    posted = client.post(url, {"q": "budget"})
    assert "X-Page-Cache" not in posted
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_response_that_sets_a_cookie_is_never_stored(client, portal, shared_cache):
    page = article(portal, COOKIE_SLUG)
    for _attempt in range(2):
        response = client.get(page.url)
        assert response.cookies["testapp_visited"].value == "1"
        assert "X-Page-Cache" not in response and "public" not in response.get("Cache-Control", "")


def test_a_csp_nonce_is_never_replayed(client, portal, shared_cache):
    page = article(portal, NONCE_SLUG)
    responses = [client.get(page.url) for _attempt in range(2)]
    policies = [response["Content-Security-Policy"] for response in responses]
    assert all("'nonce-" in policy for policy in policies) and policies[0] != policies[1]
    assert not any("X-Page-Cache" in response for response in responses)


def test_page_cache_seconds_zero_turns_the_cache_off(client, pages, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _attempt in range(2):
        response = client.get(pages["listing"].url)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response and "ETag" not in response and "Cache-Control" not in response


def test_the_language_redirect_at_the_root_is_never_cached_and_varies(client, shared_cache, portal):
    for headers, target in (
        ({"accept-language": "ar"}, "/ar/"),
        ({"accept-language": "en-GB,en;q=0.8"}, "/en/"),
        ({"accept-language": "de"}, "/fr/"),
    ):
        response = Client(headers=headers).get("/")
        assert (response.status_code, response["Location"]) == (302, target)
        assert "X-Page-Cache" not in response and "public" not in response.get("Cache-Control", "")
        assert {"Accept-Language", "Cookie"} <= {part.strip() for part in response["Vary"].split(",")}
    by_cookie = Client(headers={"accept-language": "ar"})
    by_cookie.cookies["portal_language"] = "en"
    assert by_cookie.get("/")["Location"] == "/en/"


def test_query_strings_are_part_of_the_key_in_any_order_and_long_ones_are_not_cached(client, pages):
    url = pages["listing"].url
    assert client.get(f"{url}?page=1&type=method")["X-Page-Cache"] == "miss"
    assert client.get(f"{url}?type=method&page=1")["X-Page-Cache"] == "hit"
    assert client.get(f"{url}?page=2&type=method")["X-Page-Cache"] == "miss"
    long_query = "page=1&x=" + "a" * MAX_QUERY_STRING
    assert "X-Page-Cache" not in client.get(f"{url}?{long_query}")


def test_each_site_has_its_own_entries(client, pages):
    client.get(pages["listing"].url)
    assert client.get(pages["listing"].url, HTTP_HOST="localhost")["X-Page-Cache"] == "miss"


def test_search_is_public_but_never_stored(client, pages):
    for _attempt in range(2):
        response = client.get("/fr/search/", {"q": "budget"})
        assert (response.status_code, response["X-Page-Cache"]) == (200, "pass")
        assert response["Cache-Control"] == "public, max-age=60"


def test_public_pages_are_gzipped_and_the_admin_and_signed_in_pages_are_not(client, clients, pages):
    gzip_accepted = {"accept-encoding": "gzip"}
    for state in ("miss", "hit"):
        page = client.get(pages["listing"].url, headers=gzip_accepted)
        assert (page["X-Page-Cache"], page["Content-Encoding"]) == (state, "gzip")
        assert "Budget participatif" in gzip.decompress(page.content).decode()
    assert "Content-Encoding" not in client.get("/admin/login/", headers=gzip_accepted)
    assert "Content-Encoding" not in clients["editor"].get(pages["listing"].url, headers=gzip_accepted)


@pytest.fixture
def redis_cache(settings, portal):
    """The page cache on Redis (REDIS_URL's configuration, cms/settings/base.py), in a database and under a prefix
    of this test's own, removed afterwards (never FLUSHDB: the server is shared)."""
    import redis

    url = os.environ.get("PORTAL_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {url} (PORTAL_TEST_REDIS_URL)")
    prefix = f"pagecache-test-{uuid.uuid4().hex}"
    settings.CACHES = {"default": {**settings.REDIS_CACHE, "LOCATION": url, "KEY_PREFIX": prefix}}
    settings.PAGE_CACHE_SECONDS = 600
    yield
    server = redis.Redis.from_url(url)
    for key in server.scan_iter(f"{prefix}:*"):  # this test's keys only, whatever their version
        server.delete(key)


def test_the_page_cache_works_the_same_on_redis(client, redis_cache, portal):
    index = factories.ToolIndexPageFactory(parent=portal["fr"])
    assert client.get(index.url)["X-Page-Cache"] == "miss"
    cached = client.get(index.url)
    assert cached["X-Page-Cache"] == "hit"
    assert client.get(index.url, headers={"if-none-match": cached["ETag"]}).status_code == 304

    publish_as_operator(factories.ToolPageFactory(parent=index, title="Registre des pétitions", live=False), "tests")
    fresh = client.get(index.url)
    assert fresh["X-Page-Cache"] == "miss" and "Registre des pétitions" in fresh.content.decode()


def test_the_subscription_pages_are_never_stored(shared_cache, portal):
    """They carry a CSRF token (someone's secret) or one subscriber's data: served fresh, never kept by any cache."""
    subscriber = Subscriber.objects.create(email="reader@example.ma", language="fr")
    for url in ("/fr/subscribe/", f"/fr/subscribe/manage/{subscriber_token(subscriber)}/"):
        tokens = set()
        for _ in range(2):
            response = Client().get(url)
            assert response.status_code == 200
            assert "X-Page-Cache" not in response
            assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
            html = response.content.decode()
            tokens.add(html.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0])
        assert len(tokens) == 2, url
