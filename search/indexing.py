"""Keeping the public search index in step with publication.

Every change goes first to the SearchDocument table (the database engine reads it directly); when Elasticsearch is
configured the same change is pushed there, and a push that fails is queued (IndexQueueEntry) rather than raised, so
saving and publishing pages never fail because of search. `manage.py search_index catch-up` retries the queue.
"""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.models import Page

from search.documents import build_document
from search.models import IndexQueueEntry, SearchDocument

logger = logging.getLogger(__name__)


def external_engine():
    if not settings.ELASTICSEARCH_URL:
        return None
    from search.elastic import ElasticsearchEngine

    return ElasticsearchEngine.from_settings()


def index_page(page):
    """Index ``page`` if the public may find it, else remove it. Returns the SearchDocument or None."""
    values = build_document(page)
    if values is None:
        remove_page(page.pk)
        return None
    document, _ = SearchDocument.objects.update_or_create(page_id=page.pk, defaults=values)
    _push(IndexQueueEntry.ACTION_INDEX, page.pk, document)
    return document


def remove_page(page_id):
    SearchDocument.objects.filter(page_id=page_id).delete()
    _push(IndexQueueEntry.ACTION_REMOVE, page_id, None)


def reindex_subtree(page):
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific().iterator():
        index_page(descendant)


def _push(action, page_id, document):
    """Send one change to the external engine once the transaction commits (never for a rolled-back change)."""
    if not settings.ELASTICSEARCH_URL:
        return
    transaction.on_commit(lambda: _push_now(action, page_id, document))


def _push_now(action, page_id, document):
    engine = external_engine()
    try:
        if action == IndexQueueEntry.ACTION_INDEX:
            engine.index_document(document)
        else:
            engine.remove_document(page_id)
    except Exception as exc:  # noqa: BLE001 - an engine failure must never break publishing; it is queued
        logger.warning("Search engine update failed for page %s (%s); queued for catch-up: %s", page_id, action, exc)
        IndexQueueEntry.objects.create(page_id=page_id, action=action, attempts=1, last_error=str(exc)[:2000])


def catch_up(limit=1000):
    """Retry queued engine updates, oldest first. Returns (done, failed)."""
    engine = external_engine()
    if engine is None:
        deleted, _ = IndexQueueEntry.objects.all().delete()
        return deleted, 0
    done = failed = 0
    for entry in IndexQueueEntry.objects.all()[:limit]:
        try:
            if entry.action == IndexQueueEntry.ACTION_INDEX:
                document = SearchDocument.objects.filter(page_id=entry.page_id).first()
                if document is None:
                    engine.remove_document(entry.page_id)
                else:
                    engine.index_document(document)
            else:
                engine.remove_document(entry.page_id)
        except Exception as exc:  # noqa: BLE001 - kept in the queue with its error
            entry.attempts += 1
            entry.last_error = str(exc)[:2000]
            entry.save(update_fields=["attempts", "last_error"])
            failed += 1
        else:
            entry.delete()
            done += 1
    return done, failed


def rebuild():
    """Rebuild the whole index from the live pages. Returns the number of pages indexed."""
    SearchDocument.objects.all().delete()
    engine = external_engine()
    if engine is not None:
        engine.recreate_indexes()
    count = 0
    for page in Page.objects.live().exclude(depth=1).specific().iterator(chunk_size=200):
        if index_page(page) is not None:
            count += 1
    return count


def safely_index(page):
    _safely(index_page, page)


def safely_reindex_subtree(page):
    _safely(reindex_subtree, page)


def safely_remove(page_id):
    _safely(remove_page, page_id)


def _safely(function, argument):
    """Run an index update in a savepoint: if it fails, the page's own save or publication still goes through."""
    try:
        with transaction.atomic():
            function(argument)
    except Exception:
        logger.exception("Search indexing failed for %r", argument)
