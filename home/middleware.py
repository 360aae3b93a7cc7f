"""Language selection for the public site."""

import re

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

# A first path segment shaped like a language tag (``xx``, ``pt-br``) that we do not serve.
_LANGUAGE_LIKE = re.compile(r"^/([a-z]{2,3}(?:[-_][a-z0-9]{2,8})?)(?:/|$)", re.IGNORECASE)


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except for URLs that start with an unknown language code.

    Django would redirect ``/xx/`` to ``/fr/xx/`` (or the visitor's language), which turns a wrong language into a
    confusing page. Such URLs answer 404 directly, in the default language. ``/`` and other unprefixed paths keep
    Django's behaviour: a redirect to the language from the language cookie, then Accept-Language, else French.
    """

    def _unknown_language_prefix(self, request):
        if translation.get_language_from_path(request.path_info):
            return False
        match = _LANGUAGE_LIKE.match(request.path_info)
        return bool(match) and match.group(1).lower() not in dict(settings.LANGUAGES)

    def process_request(self, request):
        if self._unknown_language_prefix(request):
            request.unknown_language_prefix = True
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if getattr(request, "unknown_language_prefix", False):
            response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
            return response
        return super().process_response(request, response)
