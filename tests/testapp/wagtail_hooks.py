"""Two behaviours no portal page has yet, so the page cache's refusals are tested on real pages (test suite only).

A test article whose slug starts with ``sets-a-cookie`` answers with a cookie (as a consent banner or a form with a
CSRF token would); one whose slug starts with ``uses-a-nonce`` allows a nonce in its Content-Security-Policy and reads
it (as a page with an inline script would), so each response carries a fresh one (django-csp).
"""

from csp.constants import NONCE, SELF
from csp.decorators import csp_update
from wagtail import hooks

COOKIE_SLUG = "sets-a-cookie"
NONCE_SLUG = "uses-a-nonce"


@hooks.register("on_serve_page")
def cookie_or_nonce_for_tests(serve):
    def inner(page, request, serve_args, serve_kwargs):
        if page.slug.startswith(NONCE_SLUG):
            str(request.csp_nonce)
            return csp_update({"script-src": [SELF, NONCE]})(serve)(page, request, serve_args, serve_kwargs)
        response = serve(page, request, serve_args, serve_kwargs)
        if page.slug.startswith(COOKIE_SLUG):
            response.set_cookie("testapp_visited", "1")
        return response

    return inner
