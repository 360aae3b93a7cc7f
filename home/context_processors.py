"""The site's frame in the reader's language: main navigation and footer, for every template."""

from django.utils import translation
from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale, Page


def _navigation(request):
    """The live pages under the current language's home page that are marked "show in menus"."""
    from home.models import HomePage

    home = HomePage.objects.filter(locale__language_code=translation.get_language()).first()
    if home is None:
        return []
    items = []
    for page in Page.objects.child_of(home).live().public().in_menu():
        url = page.get_url(request=request)
        if url:
            items.append({"title": page.title, "url": url, "active": request.path.startswith(url)})
    return items


def _footer():
    from toolkit.models import SiteFooter

    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    return SiteFooter.objects.filter(locale=locale).first() if locale else None


def site_frame(request):
    """Lazy: a view whose template never shows the frame never queries for it."""
    return {
        "navigation_items": SimpleLazyObject(lambda: _navigation(request)),
        "site_footer": SimpleLazyObject(_footer),
    }
