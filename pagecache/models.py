"""No models: the page cache lives in CACHES. This module exists so that Django sends the app ``post_migrate``
(pagecache/apps.py), which it sends only to apps with a models module."""
