"""The sitemap: every live public page of the site in each language, with its translations as hreflang alternates.

Built on Wagtail's sitemap (``wagtail.contrib.sitemaps``), which lists one language's tree and only through Wagtail's
``public()``: here the pages are those of every language's tree (the Site's root page and its translations), public by
the portal's own rule (``home.privacy.live_public``: live, under no view restriction), aliases left out (an alias
repeats its original's content). Each entry names every public translation of the page, itself included, and an
``x-default`` (the French version when it is public), as the pages' own heads do.

Its cost does not grow with the site: the Site, its roots, the count, the page of entries and their translations are
one query each (``test_sitemap_query_count_does_not_grow_with_pages``). Past ``limit`` entries the sitemap is paged
(``?p=2``), as Django's sitemaps are.

The search page without a query is listed too (its results pages are ``noindex`` and never listed).
"""

from collections import defaultdict
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from dissemination.metadata import page_address
from home.privacy import live_public


def language_order(code):
    codes = [language for language, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)


def with_x_default(alternates):
    """``alternates`` ([{lang_code, location}] in the portal's language order) with an ``x-default``."""
    if not alternates:
        return alternates
    default = next((a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), alternates[0])
    return [*alternates, {"lang_code": "x-default", "location": default["location"]}]


class PortalSitemap(Sitemap):
    def roots(self):
        """The paths of the Site's root page in every language (the French home page and its translations)."""
        root = self.get_wagtail_site().root_page
        return list(Page.objects.filter(translation_key=root.translation_key).values_list("path", flat=True))

    def items(self):
        roots = self.roots()
        if not roots:
            return Page.objects.none()
        under_a_root = reduce(or_, (Q(path__startswith=path) for path in roots))
        return (
            live_public(Page.objects.filter(under_a_root))
            .filter(alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
        )

    def translations(self, pages):
        """{translation key: [public translations]} of ``pages``, themselves included, in one query."""
        by_key = defaultdict(list)
        keys = {page.translation_key for page in pages}
        for page in live_public(Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)).select_related(
            "locale"
        ):
            by_key[page.translation_key].append(page)
        return by_key

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        translations = self.translations(pages)
        urls = []
        for item in pages:
            location = page_address(self.request, item)
            if not location:
                continue
            alternates = []
            versions = sorted(translations[item.translation_key], key=lambda p: language_order(p.locale.language_code))
            for other in versions:
                url = page_address(self.request, other)
                if url:
                    alternates.append({"lang_code": other.locale.language_code, "location": url})
            urls.append(
                {"location": location, "lastmod": item.last_published_at, "alternates": with_x_default(alternates)}
            )
        if str(page) == "1":
            urls += self.search_urls()
        # No Last-Modified for the whole: unpublishing a page changes the sitemap without a newer date in it.
        self.latest_lastmod = None
        return urls

    def search_urls(self):
        """The search page of each language, without a query."""
        alternates = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                alternates.append(
                    {"lang_code": code, "location": self.request.build_absolute_uri(reverse("search:search"))}
                )
        alternates = with_x_default(alternates)
        return [
            {"location": alternate["location"], "lastmod": None, "alternates": alternates}
            for alternate in alternates
            if alternate["lang_code"] != "x-default"
        ]
