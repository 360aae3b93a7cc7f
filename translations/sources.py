"""Which language a piece of content is translated FROM: the one rule every translations module asks.

French is the admin's language, but not always the content's: a regional council may write an experience in Arabic
first (issue 16), and its French and English versions are then translations of the Arabic text. So the source is not
``settings.LANGUAGE_CODE``; it is what wagtail-localize recorded when a translation was started: the locale of the
object's first ``TranslationSource`` (``translations.localize_internals.SOURCE_RECORD``). A later record in another
locale (a translation synced onwards from a translation) does not change where the text was first written.

Content nobody translated yet has no record. It is then its own source, unless a version exists in the portal's
default language (content copied into the other trees without wagtail-localize, as the bootstrap and older fixtures
do), which keeps the French-first behaviour for it.
"""

import threading

from django.conf import settings
from django.core.signals import request_finished, request_started
from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import TranslationSource

from translations.localize_internals import SOURCE_ORDER_FIELD

CACHE_ATTRIBUTE = "_portal_source_language"

# {translation key: source language} while a request is served: the review screen, its header buttons and menus ask
# about several instances of the same content. Outside a request nothing is kept (a worker process would otherwise
# keep stale answers), and a new or deleted source record, or a new version of some content, drops what was read.
_request = threading.local()


@receiver(request_started, dispatch_uid="portal-sources-open")
def _open_request_cache(**kwargs):
    _request.languages = {}


@receiver(request_finished, dispatch_uid="portal-sources-close")
def _close_request_cache(**kwargs):
    _request.languages = None


@receiver(post_save, dispatch_uid="portal-sources-saved")
@receiver(post_delete, dispatch_uid="portal-sources-deleted")
def _forget(sender, instance, **kwargs):
    if not getattr(_request, "languages", None):
        return
    if isinstance(instance, TranslationSource) or (
        isinstance(instance, TranslatableMixin) and (kwargs.get("created") or kwargs.get("signal") is post_delete)
    ):
        _request.languages = {}


def recorded_languages(keys):
    """{translation key: locale code of its oldest TranslationSource} for ``keys``, in one query.

    The oldest is kept here rather than with PostgreSQL's DISTINCT ON: ``make run`` runs on SQLite, and a key has one
    record per language it was translated from (one or two rows)."""
    records = TranslationSource.objects.filter(object_id__in=keys).order_by("object_id", SOURCE_ORDER_FIELD, "pk")
    oldest = {}
    for key, language in records.values_list("object_id", "locale__language_code"):
        oldest.setdefault(key, language)
    return oldest


def remember_sources(objs):
    """Answer ``source_language`` for all of ``objs`` at once (one query; lists ask once per item). Content in
    another language than the default that nobody translated still costs its own query when asked."""
    objs = [obj for obj in objs if isinstance(obj, TranslatableMixin)]
    recorded = recorded_languages({obj.translation_key for obj in objs})
    known = getattr(_request, "languages", None)
    for obj in objs:
        language = recorded.get(obj.translation_key)
        if language is None and obj.locale.language_code == settings.LANGUAGE_CODE:
            language = settings.LANGUAGE_CODE
        if language is not None:
            setattr(obj, CACHE_ATTRIBUTE, language)
            if known is not None:
                known[obj.translation_key] = language


def source_language(obj):
    """The language code ``obj``'s text was first written in (cached on ``obj``: asked several times a request)."""
    cached = getattr(obj, CACHE_ATTRIBUTE, None)
    if cached is not None:
        return cached
    known = getattr(_request, "languages", None)
    if known is not None and obj.translation_key in known:
        language = known[obj.translation_key]
        setattr(obj, CACHE_ATTRIBUTE, language)
        return language
    language = recorded_languages([obj.translation_key]).get(obj.translation_key)
    if language is None:
        own = obj.locale.language_code
        if own == settings.LANGUAGE_CODE:
            language = own
        else:  # one query, for content in another language that nobody translated yet
            model = Page if isinstance(obj, Page) else obj.get_translation_model()
            in_default = model._default_manager.filter(
                translation_key=obj.translation_key, locale__language_code=settings.LANGUAGE_CODE
            ).exists()
            language = settings.LANGUAGE_CODE if in_default else own
    setattr(obj, CACHE_ATTRIBUTE, language)
    if known is not None:
        known[obj.translation_key] = language
    return language


def is_source(obj):
    """Whether ``obj`` is the version its translations are made from."""
    return obj.locale.language_code == source_language(obj)


def source_version(obj):
    """The object, of the same translation key, in its source language (``obj`` itself when it is the source)."""
    if is_source(obj):
        return obj
    model = Page if isinstance(obj, Page) else type(obj)
    found = (
        model._default_manager.filter(translation_key=obj.translation_key, locale__language_code=source_language(obj))
        .exclude(pk=obj.pk)
        .first()
    )
    return found.specific if isinstance(found, Page) else found


def source_pages():
    """The pages that are the source of their translation key (every tree's root aside), in one query: the rule of
    ``source_language`` written in SQL for the status report and the translators' to-do."""
    recorded = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
    in_default = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=settings.LANGUAGE_CODE
    )
    first_locale = Subquery(recorded.order_by(SOURCE_ORDER_FIELD, "pk").values("locale_id")[:1])
    return Page.objects.filter(depth__gt=1).filter(
        Q(locale_id=first_locale)
        | (~Exists(recorded) & (Q(locale__language_code=settings.LANGUAGE_CODE) | ~Exists(in_default)))
    )
