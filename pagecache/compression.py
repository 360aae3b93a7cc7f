"""Gzip for public pages only.

Public pages (``response.public_page``, set by the page cache from ``pagecache.rules.is_public``) hold no secret:
no CSRF token, no session, the same bytes for everyone, so compressing them opens no BREACH attack (which recovers
a secret from the size of compressed responses that also reflect the attacker's input). The admin and anything a
signed-in person sees carry CSRF tokens and are left uncompressed; Django's gzip also pads each response with random
bytes against BREACH, but not compressing them at all needs no argument. Static files are compressed ahead of time
by ``collectstatic`` (gzip and brotli, served by WhiteNoise); documents and images are already compressed formats.

A page the page cache stores is compressed once, when stored (``gzip_once``, ``mark_gzipped``), and its hits are sent
as stored: compressing 30 kB of HTML at every hit would cost more than the hit itself.
"""

from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not getattr(response, "public_page", False):
            return response
        return super().process_response(request, response)


def gzip_once(content):
    """``content`` gzipped for every later reader, or None when that saves nothing. No random padding: it is
    Django's defence against BREACH for pages with secrets, which these pages do not hold."""
    compressed = compress_string(content)
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
