"""Response headers that tell browsers what the portal's pages may do: Content-Security-Policy and Permissions-Policy.

Two policies, because the two sides differ. The public site runs no inline script and no inline style (its one
script is a file, ``assets/js/search-suggest.js``), so its policy allows only the portal's own files and nothing may
frame it. Wagtail's admin still writes a few inline scripts (date pickers, inline panels, wagtail-localize's editor)
and inline styles, so its policy allows inline code but still nothing from another origin, and it may frame itself
(previews). Both forbid plugins, foreign form targets and ``<base>`` tricks. ``PORTAL_CSP_REPORT_URI``, when set,
receives violation reports.
"""

import re

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

COMMON = {
    "default-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
}
PUBLIC = {**COMMON, "script-src": [SELF], "style-src": [SELF], "frame-ancestors": [NONE], "frame-src": [NONE]}
ADMIN = {
    **COMMON,
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-ancestors": [SELF],
    "frame-src": [SELF],
    "worker-src": [SELF, "blob:"],
}
# The embeddable region widget (dissemination/embed.py) is made for other sites to frame: a regional council pastes
# it into its own site, whose origin the portal cannot know in advance. Only that path may be framed by any origin;
# it runs no script and sets no cookie, so framing it exposes nothing (clickjacking needs an action to trick into).
EMBEDDABLE = {**PUBLIC, "frame-ancestors": ["*"]}
_LANGUAGE_PREFIXES = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
EMBED_PATH = re.compile(rf"^/({_LANGUAGE_PREFIXES})/embed/")
# Logged-in people see Wagtail's user bar on public pages; it sets inline styles in its own shadow DOM.
PUBLIC_WITH_USERBAR = {**PUBLIC, "style-src": [SELF, UNSAFE_INLINE]}

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)


def _with_report_uri(directives):
    uri = getattr(settings, "PORTAL_CSP_REPORT_URI", "")
    return {**directives, "report-uri": [uri]} if uri else directives


def policy_for(request):
    """The directives for this request: the admin's for the admin (and its previews), the public one otherwise."""
    if request.path.startswith(f"/{settings.PORTAL_ADMIN_PATH}"):
        return _with_report_uri(ADMIN)
    if EMBED_PATH.match(request.path):
        return _with_report_uri(EMBEDDABLE)
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return _with_report_uri(PUBLIC_WITH_USERBAR)
    return _with_report_uri(PUBLIC)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, choosing the policy by side (its documented extension point), plus
    Permissions-Policy on every response."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        return PolicyParts(
            parts.config if parts.config is not None else policy_for(request), parts.update, parts.replace, parts.nonce
        )

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
