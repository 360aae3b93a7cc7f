"""Which cached pages are current: one generation per language, kept in the shared cache.

Every cached page (pagecache/middleware.py) and every cached site frame (home/context_processors.py) is stored with
the generation its language had when its rendering began, and is served only while that generation is still the
current one. Making a language stale is therefore a single write of a new generation, seen at once by every worker
and every server that shares the cache: nothing to list, nothing to delete in each process. Entries of an older
generation are never read again and expire on their own.

Order matters: a rendering reads the generation *before* the database, and a new generation is written *after* the
publication's transaction commits (pagecache/invalidation.py). A rendering that read the database before the commit
was therefore stored under an older generation, and can never pass for current.

If the cache cannot be read (Redis down), nothing is served from it and pages are rendered as without a cache.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError

logger = logging.getLogger(__name__)


def generation_key(language):
    return f"pagecache:generation:{language}"


def languages():
    return [code for code, _name in settings.LANGUAGES]


def read(language, key):
    """``(generation, value)``: ``language``'s current generation, and what is stored under ``key`` if it was stored
    under that generation (else None). One round trip to the cache when the generation exists.

    ``(None, None)`` when the cache does not answer, or for a language the portal does not serve (nothing would
    ever renew it): the caller renders and stores nothing.
    """
    if language not in languages():
        return None, None
    current_key = generation_key(language)
    try:
        found = cache.get_many([current_key, key])
        generation = found.get(current_key)
        if generation is None:  # first use, or the cache lost it: a new generation, which no entry carries
            cache.add(current_key, uuid.uuid4().hex, timeout=None)
            return cache.get(current_key), None
    except DatabaseError as exc:  # the database cache's table is missing or the database is failing
        logger.warning("Page cache unreadable: %s", exc)
        return None, None
    stored = found.get(key)
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == generation:
        return generation, stored[1]
    return generation, None


def current(language):
    """``language``'s current generation (a new one if the cache lost it), or None when the cache does not answer."""
    return read(language, generation_key(language))[0]


def store(key, generation, value, timeout):
    """Keep ``value`` under ``key`` for ``timeout`` seconds, valid while ``generation`` is current."""
    if generation is None:
        return
    try:
        cache.set(key, (generation, value), timeout)
    except DatabaseError as exc:
        logger.warning("Page cache not written: %s", exc)


def renew(codes):
    """Start a new generation in each language of ``codes``: everything cached for them is stale from now on."""
    codes = [code for code in codes if code in languages()]
    if not codes:
        return
    try:
        cache.set_many({generation_key(code): uuid.uuid4().hex for code in codes}, timeout=None)
    except DatabaseError as exc:  # the database cache writes in a savepoint: the caller's transaction goes on
        logger.error("Page cache generation not renewed for %s: %s", ", ".join(codes), exc)


def renew_all():
    renew(languages())
