"""What makes cached pages stale, and in which languages.

A change is visible on every page that shows it: the page itself, the listings and facets that count it, the home
page, the region pages and the adoption overview, the navigation and footer of every page (the site frame), the
related-content blocks of other pages, and the language switcher and hreflang links of the page's translations. No
list of dependants is kept: each change makes every cached page *of the languages it concerns* stale, by starting a
new generation there (pagecache/generations.py). Why not finer: most changes reach the frame or a listing, so they
concern most pages of their language anyway; a dependant forgotten in a finer scheme would be a stale page, a
language re-rendered once is a few seconds of work spread over its next readers; and publications are rare (each
needs the three partners' approval). Languages not concerned keep their cache.

The languages concerned:
- a page published, unpublished or deleted: its own language and those of its translations (their language
  switchers list it);
- a page moved, or its privacy changed: the same for the page and every page under it (their URLs or their
  visibility changed with it);
- a theme, partner or footer (one row per language): its language only;
- an adoption (one row for every language): every language;
- a Site or a Locale (which page each URL names, home/routing.py): every language.

Each change renews the generations at once, for the rest of the publishing request, and again once its transaction
has committed, for every other process: a rendering elsewhere that read the database before the commit is then
stored under a stale generation. After the commit the optional front-end cache is purged (pagecache/frontend.py).
Draft saves, autosaves and reviews change nothing public and invalidate nothing.
"""

import logging
import threading

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, Site, TranslatableMixin
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move, published, unpublished

from pagecache import frontend, generations

logger = logging.getLogger(__name__)

_pending = threading.local()


def invalidate(languages, urls=()):
    """Make every cached page of ``languages`` stale, now and after the commit; purge ``urls`` (former URLs of pages
    that left the site or moved) with the front-end cache."""
    languages = set(languages)
    generations.renew(languages)
    if not hasattr(_pending, "languages"):
        _pending.languages, _pending.urls = set(), set()
    _pending.languages |= languages
    _pending.urls |= set(urls)
    transaction.on_commit(_after_commit, robust=True)


def _after_commit():
    """Run once per committed transaction however many changes it made (later callbacks find nothing pending).

    Changes of a transaction that was rolled back stay pending until the next commit: more invalidation, never less.
    """
    languages, urls = getattr(_pending, "languages", set()), getattr(_pending, "urls", set())
    if not languages and not urls:
        return
    _pending.languages, _pending.urls = set(), set()
    generations.renew(languages)
    frontend.purge(languages, urls)


def invalidate_everything():
    invalidate(generations.languages())


# Languages --------------------------------------------------------------------------------------------------------
def _language_codes(locale_ids):
    return set(Locale.objects.filter(pk__in=locale_ids).values_list("language_code", flat=True))


def languages_of_translations(pages):
    """The languages of ``pages`` (a queryset) and of all their translations."""
    keys = pages.values("translation_key")
    return set(Page.objects.filter(translation_key__in=keys).values_list("locale__language_code", flat=True))


def languages_of_page(page, with_subtree=False):
    pages = Page.objects.descendant_of(page, inclusive=True) if with_subtree else Page.objects.filter(pk=page.pk)
    return languages_of_translations(pages) | _language_codes([page.locale_id])


def _former_urls(page, url_path_before, url_path_after):
    """The URLs the live pages of ``page``'s subtree had before it moved or changed slug."""
    if not frontend.configured():
        return []
    urls = []
    for descendant in Page.objects.descendant_of(page, inclusive=True).live().defer_streamfields():
        former = url_path_before + descendant.url_path[len(url_path_after) :]
        urls.extend(frontend.page_urls(descendant, url_path=former))
    return urls


def _current_urls(page):
    if not frontend.configured():
        return []
    try:
        return frontend.page_urls(page)
    except Exception:  # a page without a routable URL has nothing to purge
        logger.exception("No URL to purge for page %s", page.pk)
        return []


# Pages ------------------------------------------------------------------------------------------------------------
@receiver(page_published, dispatch_uid="pagecache-page-published")
def page_was_published(sender, instance, **kwargs):
    invalidate(languages_of_page(instance))


@receiver(page_unpublished, dispatch_uid="pagecache-page-unpublished")
def page_was_unpublished(sender, instance, **kwargs):
    invalidate(languages_of_page(instance), _current_urls(instance))


@receiver(page_slug_changed, dispatch_uid="pagecache-page-slug-changed")
def page_slug_was_changed(sender, instance, instance_before, **kwargs):
    invalidate(
        languages_of_page(instance, with_subtree=True),
        _former_urls(instance, instance_before.url_path, instance.url_path),
    )


@receiver(post_page_move, dispatch_uid="pagecache-page-moved")
def page_was_moved(sender, instance, url_path_before, url_path_after, **kwargs):
    invalidate(languages_of_page(instance, with_subtree=True), _former_urls(instance, url_path_before, url_path_after))


@receiver(post_delete, sender=Page, dispatch_uid="pagecache-page-deleted")
def page_was_deleted(sender, instance, **kwargs):
    if instance.depth <= 1:
        return
    languages = languages_of_translations(Page.objects.filter(translation_key=instance.translation_key))
    invalidate(languages | _language_codes([instance.locale_id]), _current_urls(instance) if instance.live else [])


@receiver(post_save, sender=PageViewRestriction, dispatch_uid="pagecache-privacy-saved")
@receiver(post_delete, sender=PageViewRestriction, dispatch_uid="pagecache-privacy-deleted")
def privacy_was_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:  # else the page itself is being deleted, which invalidates
        invalidate(languages_of_page(page, with_subtree=True))


# Sites and locales ------------------------------------------------------------------------------------------------
@receiver(post_save, sender=Site, dispatch_uid="pagecache-site-saved")
@receiver(post_delete, sender=Site, dispatch_uid="pagecache-site-deleted")
@receiver(post_save, sender=Locale, dispatch_uid="pagecache-locale-saved")
@receiver(post_delete, sender=Locale, dispatch_uid="pagecache-locale-deleted")
def site_or_locale_was_changed(sender, instance, **kwargs):
    """A Site's host, port or root page, or a language's Locale, decides which page every URL names (home/routing.py
    remembers it per generation)."""
    invalidate_everything()


# Snippets under partner approval (themes, partners, footer, adoptions) ---------------------------------------------
def _is_public_snippet(model):
    from toolkit.models.approval import ApprovalSnippet

    return isinstance(model, type) and issubclass(model, ApprovalSnippet)


def languages_of_snippet(instance):
    """A translatable snippet (theme, partner, footer) shows in its own language only: pages show their language's
    row of it. An adoption is one row for every language."""
    if isinstance(instance, TranslatableMixin):
        return _language_codes([instance.locale_id])
    return set(generations.languages())


@receiver(published, dispatch_uid="pagecache-snippet-published")
@receiver(unpublished, dispatch_uid="pagecache-snippet-unpublished")
def snippet_was_published_or_unpublished(sender, instance, **kwargs):
    if _is_public_snippet(type(instance)):
        invalidate(languages_of_snippet(instance))


def snippet_was_deleted(sender, instance, **kwargs):
    if instance.live:
        invalidate(languages_of_snippet(instance))


def snippet_was_created(sender, instance, created=False, raw=False, **kwargs):
    """A row created live: only an operator's command may (``approvals.guard``); a draft row shows nowhere."""
    if created and not raw and instance.live:
        invalidate(languages_of_snippet(instance))


def connect_snippet_receivers():
    """Called from PageCacheConfig.ready: the snippet models live in the toolkit app."""
    for model in apps.get_models():
        if _is_public_snippet(model):
            label = model._meta.label_lower
            post_delete.connect(snippet_was_deleted, sender=model, dispatch_uid=f"pagecache-deleted-{label}")
            post_save.connect(snippet_was_created, sender=model, dispatch_uid=f"pagecache-created-{label}")
