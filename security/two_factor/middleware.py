"""The gate: until a signed-in session has passed its second factor, it reaches only the 2FA pages.

A session whose account has an authenticator is sent to the code page; one whose account must enrol (``rules``) is
sent to enrolment. Only sign-out, the admin's script catalogue and icon sprite, and static files pass meanwhile.
The gate covers every URL, not only the admin's, so nothing a password alone opens is forgotten (fail closed).

Wagtail has no hook that runs before every admin view (and wagtail-localize's views, documents and previews sit
beside them), so this is a middleware after django-otp's ``OTPMiddleware``, as django-otp itself intends; it acts
in ``process_view``, once the URL is resolved, and never changes what a verified session may do.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse

from security.two_factor import rules

# Pages a session may reach before its second factor; the 2FA page for its own step is added below.
ALWAYS_ALLOWED = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
}
STEP_VIEWS = {
    rules.VERIFY: {"portal_2fa_verify"},
    rules.ENROL: {"portal_2fa_enrol"},
}
STEP_URLS = {rules.VERIFY: "portal_2fa_verify", rules.ENROL: "portal_2fa_enrol"}


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path.startswith(settings.STATIC_URL):
            return None
        step = rules.next_step(request.user)
        if step is None:
            return None
        match = request.resolver_match
        url_name = match.url_name if match else None
        if url_name in ALWAYS_ALLOWED or url_name in STEP_VIEWS[step]:
            return None
        return redirect_to_login(request.get_full_path(), login_url=reverse(STEP_URLS[step]))
