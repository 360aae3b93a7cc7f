"""The page cache: anonymous readers of public pages are answered from a cache every worker shares.

- ``rules``: what may be cached and served (the one place for the rule).
- ``generations``: which cached pages are current, one generation per language (the site frame uses it too).
- ``middleware``: answers from the cache, stores public pages, HTTP caching headers and 304s.
- ``invalidation``: what makes pages stale (publication, unpublication, moves, deletion, privacy, approved snippets).
- ``frontend``: purges an optional front-end cache (CDN, caching proxy) with the same URLs.
- ``compression``: gzip for public pages only.
See docs/operations.md ("Page cache").
"""
