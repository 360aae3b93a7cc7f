"""The site's frame in the reader's language: main navigation and footer, for every template.

The frame is the same for every visitor of a language, so each process reads it from the database once per
generation of its language and remembers it (pagecache/memo.py). Publishing, unpublishing, moving or deleting a page,
changing a page's privacy and publishing a footer start a new generation (pagecache/invalidation.py), so every worker
reads the frame afresh at its next request. Only which navigation item is current depends on the request, and that
is computed per request.
"""

from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from home.privacy import live_public
from pagecache import memo


def _load_frame(language):
    from home.models import HomePage
    from toolkit.models import SiteFooter

    home = HomePage.objects.filter(locale__language_code=language).first()
    navigation = []
    if home is not None:
        for page in live_public(Page.objects.child_of(home)).in_menu():
            url = page.get_url()
            if url:
                navigation.append({"title": page.title, "url": url})
    footer = SiteFooter.objects.filter(locale__language_code=language, live=True).values("about", "contact").first()
    return {"navigation": navigation, "footer": footer}


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
    }
