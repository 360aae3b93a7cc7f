"""What the page cache may serve and store: the one place for the rule.

Served from the cache: a GET or HEAD under a language prefix (``/fr/``, ``/ar/``, ``/en/``) from a visitor without a
session. Everyone signed in has a session (they see Wagtail's user bar, drafts are a click away), and so has a reader
who entered a private page's password: they are never answered from the cache, and never stored. Deciding this reads
only the request's cookies, so a cached answer costs no database query.

Not under a language prefix, never cached: the admin and its previews, documents, images, ``/healthz``, and ``/``,
whose redirect depends on the language cookie and Accept-Language (it says so with ``Vary``).

Stored, and marked public (``Cache-Control: public``, ``ETag``, gzip): a 200 that is the same for every anonymous
reader. Not a response that sets a cookie (a CSRF token in a form is someone's secret), nor one Wagtail marked
private (a restricted page: Wagtail adds ``Cache-Control: private, no-cache`` to every response of a page under a
view restriction), nor a preview, nor one whose Content-Security-Policy carries a nonce (a replayed nonce is no
nonce; the public policy uses none, ``security/headers.py``). So the subscription pages (a form with its CSRF
token, or one subscriber's choices) are never stored: their views say ``never_cache`` (``subscriptions.views``).

The search page and its suggestions are public but not stored: a query is free text, so their keys are unbounded
and a flood of queries would evict the pages, and Elasticsearch may index a publication after its commit (or later,
``search_index catch-up``), so a stored result could outlive the generation it was stored under.

Query strings (listing filters, pages of a listing) are part of the key, parameters sorted; past
``MAX_QUERY_STRING`` characters a request is not cached at all. The number of entries is bounded by the cache
itself (``DATABASE_CACHE_MAX_ENTRIES``, or Redis's ``maxmemory``).
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.utils import translation
from django.utils.cache import cc_delim_re

MAX_QUERY_STRING = 256
NOT_STORED_VIEWS = {"search:search", "search:suggest"}
PRIVATE_DIRECTIVES = {"private", "no-cache", "no-store"}


def cacheable_language(request):
    """The language of a request the page cache may answer, or None when it must not."""
    if request.method not in ("GET", "HEAD"):
        return None
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return None
    if len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_STRING:
        return None
    return translation.get_language_from_path(request.path_info)


def entry_key(request, language):
    """The key of a page: site (scheme and host), language, path and query, parameters sorted."""
    query = request.META.get("QUERY_STRING", "")
    if query:  # most hits have none: nothing to sort
        query = urlencode(sorted(parse_qsl(query, keep_blank_values=True)))
    address = "\n".join([request.scheme, request.get_host(), request.path, query])
    return f"pagecache:page:{language}:{hashlib.sha256(address.encode()).hexdigest()}"


def is_public(request, response):
    """True when ``response`` is the same for every anonymous reader and may be kept by any cache."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False):
        return False
    directives = {part.split("=")[0].strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
    if directives & PRIVATE_DIRECTIVES:
        return False
    return "'nonce-" not in response.get("Content-Security-Policy", "")


def may_store(request):
    """Public responses of these views are sent with caching headers but not kept by the page cache."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.view_name not in NOT_STORED_VIEWS
