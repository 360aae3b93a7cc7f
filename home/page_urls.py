"""A page's URL without reversing the URLconf at every call.

Wagtail's ``Page.get_url_parts`` activates the page's language and reverses ``wagtail_serve`` for each URL it gives:
a page that links to a dozen others spent about a tenth of its CPU there. What that reverse returns depends only on
the URLconf, the script prefix, the language and the page's path under its site root, so it is remembered per
process under exactly those values (``localized_reverse``, which the page head's links to the home page and the
feeds use too). Everything else in the answer, which site root the page is under and whether the page belongs to
several sites, stays Wagtail's (``BasePage.get_url_parts`` falls back to it in any case this module does not
decide).

The memory is forgotten when a setting that changes what ``reverse`` returns is changed (tests override them).
"""

from functools import lru_cache

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils import translation
from wagtail.coreutils import WAGTAIL_APPEND_SLASH, get_supported_content_language_variant
from wagtail.models import Site

# Settings on which ``localized_reverse``'s answers depend besides its arguments.
_REVERSE_SETTINGS = {"ROOT_URLCONF", "LANGUAGES", "LANGUAGE_CODE", "WAGTAIL_I18N_ENABLED"}


def url_parts(page, request=None):
    """``(site_id, root_url, path)`` for ``page`` as Wagtail's ``get_url_parts`` gives it, or ``NotImplemented``
    when the page belongs to no site or to several, which Wagtail's own method decides."""
    possible_sites = page._get_relevant_site_root_paths(request)
    if not possible_sites or any(values[0] != possible_sites[0][0] for values in possible_sites):
        return NotImplemented
    site_id, root_path, root_url, language_code = possible_sites[0]
    language_code = _variant(language_code) if getattr(settings, "WAGTAIL_I18N_ENABLED", False) else None
    path = served_path(page.url_path[len(root_path) :], language_code)
    if path is None:
        return (site_id, None, None)
    return (site_id, root_url, path)


def url(page, request=None):
    """What ``page.get_url(request)`` answers, through ``url_parts``: for the plain ``Page`` rows some queries give
    (the language switcher's), whose class is not ``BasePage``."""
    parts = url_parts(page, request)
    if parts is NotImplemented:
        return page.get_url(request=request)
    site_id, root_url, path = parts
    if path is None:
        return None
    current_site = Site.find_for_request(request) if request is not None else None
    if (current_site is not None and current_site.id == site_id) or len(
        {values[0] for values in page._get_site_root_paths(request)}
    ) == 1:
        return path
    return root_url + path


def _variant(language_code):
    """The active language when it is a variant of the page's (Wagtail's rule), else the page's language."""
    active = translation.get_language()
    if active == language_code:
        return language_code
    try:
        return active if get_supported_content_language_variant(active) == language_code else language_code
    except LookupError:
        return language_code


def served_path(relative_path, language_code):
    """The path ``wagtail_serve`` reverses to for ``relative_path`` in ``language_code`` (None: not reversible)."""
    try:
        path = localized_reverse("wagtail_serve", language_code, (relative_path,))
    except NoReverseMatch:
        return None
    if not WAGTAIL_APPEND_SLASH and path != "/":  # read once by Wagtail too (wagtail.coreutils)
        path = path.rstrip("/")
    return path


def localized_reverse(viewname, language_code, args=()):
    """``reverse(viewname, args=args)`` with ``language_code`` active (None: the active language), remembered
    per URLconf and script prefix: the head's links to the home page and the feeds use it on every page too."""
    return _reverse(get_urlconf() or settings.ROOT_URLCONF, get_script_prefix(), viewname, language_code, args)


@lru_cache(maxsize=16384)
def _reverse(urlconf, script_prefix, viewname, language_code, args):
    if language_code is None:
        return reverse(viewname, args=args, urlconf=urlconf)
    with translation.override(language_code):
        return reverse(viewname, args=args, urlconf=urlconf)


@receiver(setting_changed)
def _forget(setting, **kwargs):
    if setting in _REVERSE_SETTINGS:
        _reverse.cache_clear()
