"""The portal as Lighthouse measures it (`make lighthouse`, scripts/lighthouse.sh): the production application, plus
what the TLS proxy in front of it does in production (docs/operations.md): serve the collected `STATIC_ROOT` with a
long cache lifetime and compress text (HTML, CSS, JavaScript, SVG) with gzip.

Not imported by the portal: a measuring aid, so that the bytes Lighthouse counts are those a visitor downloads.
Where WhiteNoise already serves `/static/` in the application, this wrapper still answers first, with the same files.
"""

import gzip
import mimetypes
import os
from pathlib import Path

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

portal = get_wsgi_application()
STATIC_ROOT = Path(settings.STATIC_ROOT).resolve()
STATIC_URL = settings.STATIC_URL
COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "image/x-icon")


def _compressible(content_type):
    return content_type.startswith(COMPRESSED_TYPES)


def _accepts_gzip(environ):
    return "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "")


def _static(environ, start_response):
    path = (STATIC_ROOT / environ["PATH_INFO"][len(STATIC_URL) :]).resolve()
    if not path.is_file() or STATIC_ROOT not in path.parents:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"Not found"]
    content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    body = path.read_bytes()
    headers = [("Content-Type", content_type), ("Cache-Control", "public, max-age=31536000, immutable")]
    if _compressible(content_type) and _accepts_gzip(environ):
        body = gzip.compress(body, 9)
        headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
    start_response("200 OK", [*headers, ("Content-Length", str(len(body)))])
    return [body]


def application(environ, start_response):
    if environ["PATH_INFO"].startswith(STATIC_URL):
        return _static(environ, start_response)
    captured = {}

    def capture(status, headers, exc_info=None):
        captured.update(status=status, headers=headers)

    body = b"".join(portal(environ, capture))
    headers = [(name, value) for name, value in captured["headers"] if name.lower() != "content-length"]
    content_type = next((value for name, value in headers if name.lower() == "content-type"), "")
    already = any(name.lower() == "content-encoding" for name, _ in headers)
    if body and _compressible(content_type) and not already and _accepts_gzip(environ):
        body = gzip.compress(body, 6)
        headers += [("Content-Encoding", "gzip"), ("Vary", "Accept-Encoding")]
    start_response(captured["status"], [*headers, ("Content-Length", str(len(body)))])
    return [body]
