"""What every page of a language asks for (the site, the language's root, the frame, the taxonomies), computed once
per process and generation.

A request reads its language's generation once (``generation``; the page cache's lookup already did, and hands it
over); a value remembered under that generation is then used as is, with no query and no round trip to the shared
cache. Every change that could alter such a value renews the generation in every process (pagecache/invalidation.py),
so the next request of each worker computes it afresh: invalidation stays exact without a list of keys. The order is
generations.py's: the generation is read *before* the database, so a value read before a publication committed is
remembered under the generation that publication replaced, and never used again.

Without a readable generation (the cache is down) nothing is remembered: each request computes what it needs.
Remembered values are shared by every request of the process: callers treat them as read-only.
"""

from pagecache import generations

_remembered = {}  # key -> (generation, value); one entry per key, replaced when its generation is renewed
# Keys are few (a site per host name, a root, a frame and a catalogue per language); a host name pattern such as
# ".example.org" in ALLOWED_HOSTS lets visitors make more, so past this many everything is forgotten and recomputed.
MAX_ENTRIES = 1000


def generation(request, language):
    """``language``'s current generation, read once per request (None without a request or a readable cache)."""
    if request is None:
        return None
    known = request.__dict__.setdefault("_portal_generations", {})
    if language not in known:
        known[language] = generations.current(language)
    return known[language]


def seed(request, language, generation_read):
    """The page cache read ``language``'s generation for this request before rendering: later reads reuse it."""
    if generation_read is not None:
        request.__dict__.setdefault("_portal_generations", {})[language] = generation_read


def remember(request, language, key, compute):
    """``compute()``, or the value it gave under ``language``'s current generation in this process."""
    current = generation(request, language)
    if current is None:
        return compute()
    stored = _remembered.get(key)
    if stored is not None and stored[0] == current:
        return stored[1]
    value = compute()
    if len(_remembered) >= MAX_ENTRIES:
        _remembered.clear()
    _remembered[key] = (current, value)
    return value
