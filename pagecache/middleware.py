"""Answer anonymous readers of public pages from the shared cache, and say how long others may keep them.

It sits right after SecurityMiddleware (and WhiteNoise in production), before sessions, users and the page itself:
a hit costs one round trip to the cache and no database query, and is sent as stored, gzipped when the reader
accepts it (compressed once, when stored: pagecache/compression.py). An entry holds the finished responses
themselves, one plain and one gzipped, headers included (``_freeze``): a hit unpickles the one the reader accepts and
sets no header but ``X-Page-Cache`` (setting each stored header again, validated one by one, was a sixth of a hit's
CPU: docs/benchmarks.md). What it stores is the response as the inner
middleware finished it, Content-Security-Policy, Permissions-Policy and Content-Language included, so a hit carries
the same headers as the rendering did; the outer middleware (HTTPS redirect, HSTS, gzip) runs on every response.

Every public response gets an ``ETag`` and ``Cache-Control: public, max-age=PAGE_CACHE_BROWSER_SECONDS``; a
conditional GET whose ``If-None-Match`` matches is answered 304 without a body. When a front-end cache is
configured (pagecache/frontend.py), which the portal purges on publication, it may keep a page without a query
string for PAGE_CACHE_SECONDS (``s-maxage``). ``X-Page-Cache`` says ``hit``, ``miss`` (rendered and stored) or
``pass`` (public, not stored: search). ``PAGE_CACHE_SECONDS = 0`` turns all of this off.
"""

import django
from django.conf import settings
from django.http import HttpResponse
from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag

from pagecache import compression, frontend, generations, memo, rules

STATE_HEADER = "X-Page-Cache"
# The shape of a stored entry (``_freeze``), part of its key: a release that changes it never reads older entries.
# Django's version too: an entry is a pickled HttpResponse, whose attributes are Django's to change.
ENTRY_FORMAT = f"3:{django.get_version()}"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = rules.cacheable_language(request)
        if language is None:
            return self.get_response(request)
        seconds = settings.PAGE_CACHE_SECONDS
        if seconds <= 0:
            response = self.get_response(request)
            response.public_page = rules.is_public(request, response)  # still compressed (pagecache/compression.py)
            return response

        key, generation, hit = stored_answer(request, language)
        if hit is not None:
            return hit
        memo.seed(request, language, generation)  # the rendering's own reads (pagecache/memo.py) reuse it

        response = self.get_response(request)
        if not rules.is_public(request, response):
            return response
        set_response_etag(response)
        patch_cache_control(response, public=True, max_age=min(settings.PAGE_CACHE_BROWSER_SECONDS, seconds))
        if frontend.configured() and not request.META.get("QUERY_STRING"):
            patch_cache_control(response, s_maxage=seconds)
        if request.method == "GET" and generation is not None and rules.may_store(request):
            generations.store(key, generation, _freeze(response), seconds)
            return _answer(request, response, "miss")
        return _answer(request, response, "pass")


def stored_answer(request, language):
    """``(key, generation, hit)``: the entry's key, ``language``'s current generation, and the answer to a hit (a 304
    when the reader's ``If-None-Match`` matches) or None. The one lookup of a stored page, for this middleware and
    for the WSGI layer in front of Django (pagecache/front.py)."""
    key = f"{rules.entry_key(request, language)}:{ENTRY_FORMAT}"
    generation, entry = generations.read(language, key)
    if entry is None:
        return key, generation, None
    return key, generation, _answer(request, _thaw(request, entry), "hit")


def _answer(request, response, state):
    response.public_page = True
    response = get_conditional_response(request, etag=response["ETag"], response=response)
    response[STATE_HEADER] = state
    return response


def _freeze(response):
    """What a hit sends: ``(plain, gzipped)``, each a finished HttpResponse (gzipped: None when that saves nothing),
    with every header it will carry but ``X-Page-Cache``, as the outer middleware would leave them for each reader."""
    headers = [(name, value) for name, value in response.items() if name != STATE_HEADER]
    plain = HttpResponse(response.content, status=response.status_code, headers=headers)
    compressed = compression.gzip_once(response.content)
    gzipped = None
    if compressed is not None:
        gzipped = HttpResponse(compressed, status=response.status_code, headers=headers)
        compression.mark_gzipped(gzipped)
    compression.vary_on_encoding(plain)
    return (plain, gzipped)


def _thaw(request, entry):
    plain, gzipped = entry
    if gzipped is not None and re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        return gzipped
    return plain
