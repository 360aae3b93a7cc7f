"""Page-cache hits answered in front of Django's request handler (``cms/wsgi.py`` wraps the application with it).

Why: a hit through Django's handler paid for the handler itself (the request_started and request_finished signals,
which close old database connections and reset caches and the URL configuration; the middleware machinery) on top of
the lookup, about half of its CPU beside gunicorn's own work (docs/benchmarks.md, "Pages under load"). This layer
answers the same hits without them, and hands every other request to Django untouched.

What it serves is exactly what the middleware path would: it decides with the same functions, not copies of them
(``rules.cacheable_language`` for who may be answered, ``middleware.stored_answer`` for the key, the generation, the
304 and ``X-Page-Cache``), and the answer passes through the same middleware that sits before the page cache in
``settings.MIDDLEWARE`` (SecurityMiddleware's headers, WhiteNoise, the public gzip), built from that list. Anything
else goes to Django, which then decides everything again as before:

- the page cache off (``PAGE_CACHE_SECONDS`` 0), or ``PageCacheMiddleware`` not in ``settings.MIDDLEWARE``;
- a request the page cache never answers: not GET or HEAD, a session cookie or an Authorization header, no
  language prefix (the admin, previews, documents, ``/``);
- a plain-HTTP request when ``SECURE_SSL_REDIRECT`` is on (Django redirects it);
- a Host outside ``ALLOWED_HOSTS`` (building the key validates it: Django answers 400);
- no current entry (a miss, a stale generation, the cache unreadable), or any error on the way (Django's handler
  meets it again and reports it its own way).

A miss therefore reads the cache twice (here, then in the middleware): one extra round trip on the rare request
that renders anyway. On a hit with the database cache, the connection is reused without the request signals' checks;
an error on it falls through to Django, whose request_started closes the broken connection.
"""

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.core.handlers.wsgi import WSGIRequest
from django.utils.module_loading import import_string

from pagecache import middleware, rules

PAGE_CACHE_MIDDLEWARE = "pagecache.middleware.PageCacheMiddleware"


class _Miss(Exception):
    """Raised through the outer middleware when there is no stored answer: Django takes the request."""


def with_page_cache(django_application):
    """``django_application`` behind a layer that answers page-cache hits first; unchanged when the page cache is
    not among the middleware."""
    if PAGE_CACHE_MIDDLEWARE not in settings.MIDDLEWARE:
        return django_application
    return PageCacheFront(django_application)


class PageCacheFront:
    def __init__(self, django_application):
        self.django_application = django_application
        self.outer = _outer_chain(_stored_or_miss)

    def __call__(self, environ, start_response):
        response = self._hit(environ)
        if response is None:
            return self.django_application(environ, start_response)
        status = f"{response.status_code} {response.reason_phrase}"
        start_response(status, list(response.items()))  # a hit sets no cookie (rules.is_public)
        # The body itself, not the response: a server closes what it is given, and closing an HttpResponse sends
        # request_finished, the signal this layer exists to skip.
        return [response.content]

    def _hit(self, environ):
        if settings.PAGE_CACHE_SECONDS <= 0:
            return None
        if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):  # before building a request: the cheapest test
            return None
        try:
            # A copy: WSGIRequest writes the decoded path back into its environ, which Django's own WSGIRequest
            # could then not decode again (a 500 on every address outside ASCII: an Arabic slug).
            request = WSGIRequest(environ.copy())
            if settings.SECURE_SSL_REDIRECT and not request.is_secure():
                return None
            request.page_cache_language = rules.cacheable_language(request)
            if request.page_cache_language is None:
                return None
            response = self.outer(request)
        except Exception:  # noqa: BLE001 - a miss, a bad Host, the cache failing, an entry that no longer unpickles:
            return None  # Django's handler meets the same request as if this layer did not exist, and reports errors
        # Only a hit: anything else an outer middleware might answer by itself is Django's to send.
        return response if response.get(middleware.STATE_HEADER) == "hit" else None


def _stored_or_miss(request):
    hit = middleware.stored_answer(request, request.page_cache_language)[2]
    if hit is None:
        raise _Miss
    return hit


def _outer_chain(innermost):
    """The middleware listed before the page cache's in ``settings.MIDDLEWARE``, around ``innermost``, in the same
    order: a hit gets their headers (and their refusals) as it would inside Django."""
    names = settings.MIDDLEWARE[: settings.MIDDLEWARE.index(PAGE_CACHE_MIDDLEWARE)]
    handler = innermost
    for name in reversed(names):
        try:
            handler = import_string(name)(handler)
        except MiddlewareNotUsed:
            continue
    return handler
