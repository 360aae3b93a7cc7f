"""Gzip for public pages only.

Public pages (``response.public_page``, set by the page cache from ``pagecache.rules.is_public``) hold no secret:
no CSRF token, no session, the same bytes for everyone, so compressing them opens no BREACH attack (which recovers
a secret from the size of compressed responses that also reflect the attacker's input). The admin and anything a
signed-in person sees carry CSRF tokens and are left uncompressed; Django's gzip also pads each response with random
bytes against BREACH, but not compressing them at all needs no argument. Static files are compressed ahead of time
by ``collectstatic`` (gzip and brotli, served by WhiteNoise); documents and images are already compressed formats.

A page the page cache stores is compressed once, when stored (``gzip_once``, ``mark_gzipped``), and its hits are sent
as stored: compressing 30 kB of HTML at every hit would cost more than the hit itself. Since it is compressed once
for many readers, it takes zlib's smallest output (level 9). A page compressed for one reader only (the page cache
off, or a page it does not store, such as search results) takes level 5: on the French region page (33.8 kB) that
was 8,806 bytes in 0.65 ms against level 6's 8,747 bytes in 0.90 ms (Django's level), a tenth of the page's CPU.
Neither adds Django's random padding, its defence against BREACH for pages with secrets, which these pages do not
hold.
"""

import gzip

from django.middleware.gzip import re_accepts_gzip
from django.utils.cache import patch_vary_headers
from django.utils.deprecation import MiddlewareMixin

STORED_LEVEL = 9  # compressed once, sent to every later reader
ON_THE_FLY_LEVEL = 5  # compressed for one reader, on the request's own CPU
MINIMUM_SIZE = 200  # Django's: below this, gzip's header and checksum outweigh what it saves


class PublicGZipMiddleware(MiddlewareMixin):
    """Gzip for a public page (``response.public_page``) whose reader accepts it; anything else is left as is."""

    def process_response(self, request, response):
        if (
            not getattr(response, "public_page", False)
            or response.streaming
            or len(response.content) < MINIMUM_SIZE
            or response.has_header("Content-Encoding")
        ):
            return response
        vary_on_encoding(response)
        if not re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return response
        compressed = _smaller(response.content, ON_THE_FLY_LEVEL)
        if compressed is None:
            return response
        response.content = compressed
        return mark_gzipped(response)


def gzip_once(content):
    """``content`` gzipped for every later reader, or None when that saves nothing."""
    return _smaller(content, STORED_LEVEL)


def _smaller(content, level):
    """``content`` gzipped at ``level``, or None when that is not smaller. ``mtime=0``: the same page gives the same
    bytes, whenever it is compressed."""
    compressed = gzip.compress(content, compresslevel=level, mtime=0)
    return compressed if len(compressed) < len(content) else None


def mark_gzipped(response):
    """``response``, whose body was just gzipped, with the headers GZipMiddleware would have given it."""
    vary_on_encoding(response)
    response["Content-Length"] = str(len(response.content))
    response["Content-Encoding"] = "gzip"
    if response.get("ETag", "").startswith('"'):
        response["ETag"] = "W/" + response["ETag"]
    return response


def vary_on_encoding(response):
    """A page that may be sent gzipped says its body depends on Accept-Encoding, whichever form a reader gets."""
    patch_vary_headers(response, ("Accept-Encoding",))
