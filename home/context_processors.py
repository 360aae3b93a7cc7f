"""The site's frame in the reader's language: main navigation, footer and breadcrumbs, for every template.

The footer shows the footer snippet's text, the live partners of the language, and links to the live public
institutional pages (legal notice, accessibility, privacy, contact; ``institutional.models.footer_links``).

The frame is the same for every visitor of a language, so each process reads it from the database once per
generation of its language and remembers it (pagecache/memo.py). Publishing, unpublishing, moving or deleting a page,
changing a page's privacy and publishing a footer or a partner start a new generation (pagecache/invalidation.py), so
every worker reads the frame afresh at its next request. Only which navigation item is current depends on the
request, and that is computed per request.

The frame also keeps the home page and every public section under it (the home page's children, in the menu or
not): the breadcrumbs of a page up to two levels below the home page are then built without a query
(home/breadcrumbs.py).
"""

from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from home.privacy import live_public
from pagecache import memo


def _load_frame(language):
    from home.models import HomePage
    from institutional.models import footer_links
    from toolkit.models import Partner, SiteFooter

    home = HomePage.objects.filter(locale__language_code=language).first()
    navigation, sections = [], {}
    if home is not None:
        for page in live_public(Page.objects.child_of(home)):
            url = page.get_url()
            if url:
                sections[page.path] = {"title": page.title, "url": url}
                if page.show_in_menus:
                    navigation.append({"title": page.title, "url": url})
    footer = SiteFooter.objects.filter(locale__language_code=language, live=True).values("about", "contact").first()
    partners = list(
        Partner.objects.filter(locale__language_code=language, live=True).order_by("pk").values("acronym", "name")
    )
    return {
        "navigation": navigation,
        "footer": footer,
        "partners": partners,
        "information_pages": footer_links(language),
        "home": {"path": home.path, "url": home.get_url()} if home is not None else None,
        "sections": sections,
    }


def _frame(request, language):
    return memo.remember(request, language, ("frame", language), lambda: _load_frame(language))


def site_frame(request):
    """Lazy: a view whose template never shows the frame never reads it."""
    language = translation.get_language()

    def navigation():
        return [
            {**item, "active": request.path.startswith(item["url"])} for item in _frame(request, language)["navigation"]
        ]

    return {
        "navigation_items": SimpleLazyObject(navigation),
        "site_footer": SimpleLazyObject(lambda: _frame(request, language)["footer"]),
        "footer_partners": SimpleLazyObject(lambda: _frame(request, language)["partners"]),
        "footer_pages": SimpleLazyObject(lambda: _frame(request, language)["information_pages"]),
        "site_frame": SimpleLazyObject(lambda: _frame(request, language)),
    }
