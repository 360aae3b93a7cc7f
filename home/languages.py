"""The languages the portal serves, and the links between one page's translations."""

from django.conf import settings
from django.db.models import F
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from home import page_urls
from home.prepared import prepared
from home.privacy import restricted

# Each language named in itself, as the language switcher shows it.
NATIVE_NAMES = {"fr": "Français", "ar": "العربية", "en": "English"}


def direction(language_code):
    """'rtl' for right-to-left languages (Arabic), else 'ltr'."""
    return "rtl" if translation.get_language_info(language_code)["bidi"] else "ltr"


def alternates(request, page=None):
    """The versions of the current page in each language, for the switcher and the hreflang links.

    For a Wagtail page, only the translations that are live are listed: a language switcher must never lead to a
    draft. A public page lists only its public translations: hreflang and the switcher never point at a page behind a
    view restriction (``home.privacy``); a private page, which the public cannot reach anyway, lists them all. For
    other views (search, error pages) every language is listed, by translating the URL.
    """
    current = translation.get_language()
    links = []
    if page is not None and getattr(page, "pk", None):
        by_language = {p.language: p for p in _live_translations(page.translation_key)}
        this = next((p for p in by_language.values() if p.pk == page.pk), None)
        if this is None or not this.private:
            by_language = {code: p for code, p in by_language.items() if not p.private}
        for code, _name in settings.LANGUAGES:
            if code in by_language:
                url = page_urls.url(by_language[code], request)
                if url:
                    links.append(_link(request, code, url, current))
    else:
        for code, _name in settings.LANGUAGES:
            links.append(_link(request, code, translate_url(request.get_full_path(), code), current))
    return links


def _link(request, code, url, current):
    return {
        "code": code,
        "name": NATIVE_NAMES.get(code, code),
        "url": url,
        "absolute_url": request.build_absolute_uri(url),
        "current": code == current,
        "dir": direction(code),
    }


@prepared
def _live_translations(translation_key):
    """The live translations of a page, each with its language and whether it is private: compiled once."""
    return (
        Page.objects.filter(translation_key=translation_key, live=True)
        .annotate(private=restricted(), language=F("locale__language_code"))
        .only("id", "url_path", "path", "depth", "translation_key", "locale_id")
    )
