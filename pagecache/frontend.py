"""Purge an optional front-end cache (a CDN or a caching proxy) with the URLs the page cache invalidated.

Configured through Wagtail's ``WAGTAILFRONTENDCACHE`` (cms/settings/base.py) and purged with its backends
(``wagtail.contrib.frontend_cache``). The app itself is not installed: its signal handlers purge one page as soon as
it is published, before the transaction commits (a request arriving meanwhile would put the old page back in the
CDN), and only that page, not the listings, home page, region pages and overview that show it.

The page cache makes a whole language stale (pagecache/generations.py); the same is purged here: the URL of every
live page of that language (restricted ones included: they must leave the CDN too), plus the former URLs of pages
unpublished, deleted or moved. URLs with a query string cannot be listed: the CDN may keep them only for the
browsers' max-age (pagecache/middleware.py sends ``s-maxage`` only for URLs without one). Each language's unfiltered
feed (``/fr/feed/``) is purged with its pages.
"""

import copy
import logging
from types import SimpleNamespace

from django.conf import settings
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def configured():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def page_urls(page, cache_object=None, url_path=None):
    """The full URLs under which the front-end cache may hold ``page`` (Wagtail's ``get_cached_paths``), at its
    current place or, given ``url_path``, at a former one."""
    if url_path is not None and url_path != page.url_path:
        page = _at(page, url_path)
    url = page.get_full_url(cache_object)
    if not url:
        return []
    return [url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()]


def _at(page, url_path):
    """A copy of ``page`` that Wagtail's URL methods place at ``url_path`` (they read only ``url_path``)."""
    former = copy.copy(page)
    former.url_path = url_path
    return former


def feed_urls(home, cache_object=None):
    """The unfiltered Atom feed of ``home``'s language (dissemination/feeds.py), named by its URL name: a feed lists
    that language's pages, and its address has no query string, so a CDN may keep it like a page."""
    parts = home.get_url_parts(cache_object)
    if not parts or not parts[1]:
        return []
    with translation.override(home.locale.language_code):
        return [parts[1].rstrip("/") + reverse("feed")]


def purge(languages, extra_urls=()):
    """Purge every live page of ``languages`` and ``extra_urls`` from the configured front-end caches."""
    if not configured():
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache
    from wagtail.models import Page

    cache_object = SimpleNamespace()
    urls = set(extra_urls)
    pages = Page.objects.live().filter(locale__language_code__in=languages, depth__gt=1).defer_streamfields()
    for page in pages.select_related("locale"):
        urls.update(page_urls(page, cache_object))
        if page.depth == 2:  # a language's home page: that language's unfiltered feed hangs from the same root
            urls.update(feed_urls(page, cache_object))
    try:
        purge_urls_from_cache(sorted(urls))
    except Exception:  # a CDN outage must not fail a publication: the page cache is fresh already
        logger.exception("Front-end cache purge failed for %d URL(s)", len(urls))
