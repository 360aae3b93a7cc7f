"""Open data may be read from any web page: ``Access-Control-Allow-Origin: *`` on the answers of the open API and
the downloads, and nothing more.

No credentials are allowed (no ``Access-Control-Allow-Credentials``): with ``*`` a browser sends no cookie, and the
open endpoints read none anyway. Only safe methods are ever answered, so no preflight needs a reply of its own.
"""

from functools import wraps

OPEN_METHODS = ("GET", "HEAD", "OPTIONS")


def allow_any_origin(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def open_to_any_origin(view):
    """A view decorator: its answers to safe methods may be read from any origin."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method in OPEN_METHODS:
            allow_any_origin(response)
        return response

    return wrapper
