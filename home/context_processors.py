"""The site's frame in the reader's language: main navigation and footer, for every template.

The footer shows the footer snippet's text, the live partners of the language, and links to the live public
institutional pages (legal notice, accessibility, privacy, contact; ``institutional.models.footer_links``).

The frame is the same for every visitor of a language, so it is read from the database once and kept in the shared
cache with its language's generation (pagecache/generations.py). Publishing, unpublishing, moving or deleting a page,
changing a page's privacy and publishing a footer or a partner start a new generation (pagecache/invalidation.py), so
every worker reads the frame afresh at its next request. Only which navigation item is current depends on the
request, and that is computed per request.
"""

from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from home.privacy import live_public
from pagecache import generations

FRAME_TIMEOUT = 60 * 60


def frame_cache_key(language):
    """Versioned with the frame's shape: a worker of a new release never reads a frame an older one stored."""
    return f"site-frame:2:{language}"


def _load_frame(language):
    from home.models import HomePage
    from institutional.models import footer_links
    from toolkit.models import Partner, SiteFooter

    home = HomePage.objects.filter(locale__language_code=language).first()
    navigation = []
    if home is not None:
        for page in live_public(Page.objects.child_of(home)).in_menu():
            url = page.get_url()
            if url:
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
    }


def _frame(language):
    key = frame_cache_key(language)
    generation, frame = generations.read(language, key)  # the generation first, then the database
    if frame is None:
        frame = _load_frame(language)
        generations.store(key, generation, frame, FRAME_TIMEOUT)
    return frame


def site_frame(request):
    """Lazy: a view whose template never shows the frame never reads it."""
    language = translation.get_language()

    def navigation():
        return [{**item, "active": request.path.startswith(item["url"])} for item in _frame(language)["navigation"]]

    return {
        "navigation_items": SimpleLazyObject(navigation),
        "site_footer": SimpleLazyObject(lambda: _frame(language)["footer"]),
        "footer_partners": SimpleLazyObject(lambda: _frame(language)["partners"]),
        "footer_pages": SimpleLazyObject(lambda: _frame(language)["information_pages"]),
    }
