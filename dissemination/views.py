"""``/sitemap.xml`` and ``/robots.txt``, at the root of the site: crawlers ask for them there, without a language.

Neither is kept by the page cache, which answers only under a language prefix (pagecache/rules.py): the sitemap
costs a fixed handful of queries whatever the size of the site (dissemination/sitemaps.py), and robots.txt none. So
they need no invalidation: a publication shows in the next sitemap. Both may be kept by browsers and proxies for
``PAGE_CACHE_BROWSER_SECONDS`` (0 by default: asked again at each visit), as pages are.
"""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from dissemination.feeds import PortalFeed
from dissemination.sitemaps import PortalSitemap


def _public(response):
    if settings.PAGE_CACHE_SECONDS > 0:
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_BROWSER_SECONDS)
    return response


@require_safe
def sitemap(request):
    response = wagtail_sitemap(request, sitemaps={"pages": PortalSitemap})
    response.render()
    return _public(response)


@require_safe
def robots(request):
    """Crawlers may read every public page; the admin and the search suggestions (JSON for the search box) are not
    for them. Search result pages are not forbidden: they say ``noindex`` themselves, which a crawler must be allowed
    to read."""
    lines = ["User-agent: *", f"Disallow: /{settings.PORTAL_ADMIN_PATH}"]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            lines.append(f"Disallow: {reverse('search:suggest')}")
    lines += ["", f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}", ""]
    return _public(HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8"))


@require_safe
def feed(request):
    """The Atom feed of the request's language, narrowed by its parameters (dissemination/feeds.py)."""
    return PortalFeed()(request)
