"""Gzip for public pages only.

Public pages (``response.public_page``, set by the page cache from ``pagecache.rules.is_public``) hold no secret:
no CSRF token, no session, the same bytes for everyone, so compressing them opens no BREACH attack (which recovers
a secret from the size of compressed responses that also reflect the attacker's input). The admin and anything a
signed-in person sees carry CSRF tokens and are left uncompressed; Django's gzip also pads each response with random
bytes against BREACH, but not compressing them at all needs no argument. Static files are compressed ahead of time
by ``collectstatic`` (gzip and brotli, served by WhiteNoise); documents and images are already compressed formats.
"""

from django.middleware.gzip import GZipMiddleware


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not getattr(response, "public_page", False):
            return response
        return super().process_response(request, response)
